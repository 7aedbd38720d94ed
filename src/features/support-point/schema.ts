import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { partnerships, schools } from '../partnerships/schema.js';

/** The themes a support point files signals under; the SWV edits the list (data, not code). */
export const supportPointThemes = pgTable(
  'support_point_themes',
  {
    id: text('id').primaryKey(),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    /** An archived theme keeps its signals but is no longer offered. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('support_point_themes_partnership').on(t.partnershipId)],
);

/**
 * What parents and pupils told the parent and youth support point, without personal data: a theme, optionally
 * the school and the item of that school's profile it touches, the date and a short description.
 */
export const supportPointSignals = pgTable(
  'support_point_signals',
  {
    id: text('id').primaryKey(),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    themeId: text('theme_id').notNull().references(() => supportPointThemes.id),
    schoolId: text('school_id').references(() => schools.id),
    itemKey: text('item_key'),
    occurredOn: date('occurred_on').notNull(),
    description: text('description').notNull(),
    /** May the school read the description? Off until the SWV shares it. */
    sharedWithSchool: boolean('shared_with_school').notNull().default(false),
    recordedBy: text('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('support_point_signals_partnership').on(t.partnershipId, t.schoolId)],
);
