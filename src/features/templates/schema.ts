import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { partnerships } from '../partnerships/schema.js';
import type { TemplateDefinition } from './model/template.js';

/** An SWV's questionnaire. Its content lives in versions. */
export const templates = pgTable(
  'templates',
  {
    id: text('id').primaryKey(),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex('templates_partnership_key').on(t.partnershipId, t.key)],
);

/**
 * One version of a template. A published version is never changed in place:
 * editing starts a new draft (features/templates/README.md).
 */
export const templateVersions = pgTable(
  'template_versions',
  {
    id: text('id').primaryKey(),
    templateId: text('template_id').notNull().references(() => templates.id),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    number: integer('number').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    /** The school year this version is published for, e.g. "2026-2027". */
    schoolYear: text('school_year'),
    definition: jsonb('definition').$type<TemplateDefinition>().notNull(),
    /** Optimistic concurrency for the editor. */
    revision: integer('revision').notNull().default(1),
    createdBy: text('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('template_versions_number').on(t.templateId, t.number)],
);
