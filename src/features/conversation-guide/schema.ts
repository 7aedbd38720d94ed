import { index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { partnerships } from '../partnerships/schema.js';
import { profiles } from '../questionnaire/schema.js';
import { templates } from '../templates/schema.js';
import { storedJson } from '../../db/json-column.js';
import type { ConversationGuide } from './guide-format.js';

/**
 * The SWV's conversation guide (gespreksleidraad, issue 15) for one of its templates: per section key the questions
 * for the team conversation, tips and practice examples. One guide per template: sections are matched by key, so
 * the guide carries over to the template's next version (a section missing from the guide simply has none).
 */
export const conversationGuides = pgTable(
  'conversation_guides',
  {
    id: text('id').primaryKey(),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    templateId: text('template_id').notNull().references(() => templates.id),
    definition: storedJson<ConversationGuide>('definition').notNull(),
    updatedBy: text('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('conversation_guides_template').on(t.templateId), index('conversation_guides_partnership').on(t.partnershipId)],
);

/** The school's short conclusion of the team conversation about one section, kept with that year's profile. */
export const conversationConclusions = pgTable(
  'conversation_conclusions',
  {
    profileId: text('profile_id').notNull().references(() => profiles.id),
    sectionKey: text('section_key').notNull(),
    text: text('text').notNull(),
    updatedBy: text('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.sectionKey] })],
);
