import { date, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { partnerships, schools } from '../partnerships/schema.js';
import { profiles } from '../questionnaire/schema.js';

/** The SWV adviser's verdict on a submitted profile (issue 14). */
export const PLAUSIBILITY_VERDICTS = ['plausible', 'plausible_with_remarks', 'not_plausible'] as const;
export type PlausibilityVerdict = (typeof PLAUSIBILITY_VERDICTS)[number];

/**
 * One verdict per profile, replaced when the adviser records it again (the audit log keeps the earlier ones):
 * the verdict, the date of the yearly conversation with the school, and the short agreements made there.
 */
export const plausibilityVerdicts = pgTable(
  'plausibility_verdicts',
  {
    profileId: text('profile_id').primaryKey().references(() => profiles.id, { onDelete: 'cascade' }),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    schoolId: text('school_id').notNull().references(() => schools.id),
    verdict: text('verdict', { enum: PLAUSIBILITY_VERDICTS }).notNull(),
    conversationOn: date('conversation_on'),
    agreements: text('agreements'),
    recordedBy: text('recorded_by').references(() => users.id),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('plausibility_verdicts_partnership').on(t.partnershipId)],
);
