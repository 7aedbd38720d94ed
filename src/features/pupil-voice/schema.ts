import { date, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { storedJson } from '../../db/json-column.js';
import { users } from '../accounts/schema.js';
import { profiles } from '../questionnaire/schema.js';

/** How pupils can be consulted; the school ticks one or more. */
export const PUPIL_VOICE_METHODS = ['pupil_council', 'class_discussions', 'poll', 'other'] as const;
export type PupilVoiceMethod = (typeof PUPIL_VOICE_METHODS)[number];

/** When the SWV requires the record in a cycle (cycles.pupil_voice_required). */
export const PUPIL_VOICE_REQUIREMENTS = ['none', 'before_submission', 'before_adoption'] as const;
export type PupilVoiceRequirement = (typeof PUPIL_VOICE_REQUIREMENTS)[number];

/**
 * The pupils' voice on one profile (Kamerstuk 36443): how and when pupils were consulted, what they said
 * (a summary, never names) and what the school did with it. One record per profile.
 */
export const pupilVoiceRecords = pgTable('pupil_voice_records', {
  profileId: text('profile_id').primaryKey().references(() => profiles.id, { onDelete: 'cascade' }),
  methods: storedJson<PupilVoiceMethod[]>('methods').notNull(),
  consultedOn: date('consulted_on').notNull(),
  summary: text('summary').notNull(),
  followUp: text('follow_up').notNull(),
  updatedBy: text('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
