import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { partnerships } from '../partnerships/schema.js';
import { profiles } from '../questionnaire/schema.js';
import { templateVersions } from '../templates/schema.js';

export const BOARD_NOTICES = ['after_council', 'at_submission'] as const;
export type BoardNotice = (typeof BOARD_NOTICES)[number];

/** One SWV's yearly cycle for one school year: its dates and the template version in force. */
export const cycles = pgTable(
  'cycles',
  {
    id: text('id').primaryKey(),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    /** "2026-2027". */
    schoolYear: text('school_year').notNull(),
    opensOn: date('opens_on').notNull(),
    submitDeadline: date('submit_deadline').notNull(),
    closesOn: date('closes_on').notNull(),
    templateVersionId: text('template_version_id').notNull().references(() => templateVersions.id),
    /** May a school still submit after the deadline (until the close date, marked late)? Off by default. */
    allowLateSubmission: boolean('allow_late_submission').notNull().default(false),
    /**
     * When the board hears it can adopt: once the council has given its say ('after_council', the default), or at
     * submission together with the council ('at_submission').
     */
    boardNotice: text('board_notice', { enum: BOARD_NOTICES }).notNull().default('after_council'),
    /** Must a profile carry the pupils' voice record before it is submitted or adopted? (pupil-voice/schema.ts) */
    pupilVoiceRequired: text('pupil_voice_required', { enum: ['none', 'before_submission', 'before_adoption'] }).notNull().default('none'),
    /** When profiles were prepared for every school (the cycle was opened). */
    openedAt: timestamp('opened_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex('cycles_partnership_year').on(t.partnershipId, t.schoolYear)],
);

/** Every state change of a profile: who, when, from, to, and why (reopen reasons, advice, adoption). */
export const profileTransitions = pgTable(
  'profile_transitions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    profileId: text('profile_id').notNull().references(() => profiles.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    byUserId: text('by_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('profile_transitions_profile').on(t.profileId, t.at)],
);

/** An SWV adviser's plausibility remark on a submitted profile, and the school's answer to it. */
export const reviewRemarks = pgTable(
  'review_remarks',
  {
    id: text('id').primaryKey(),
    profileId: text('profile_id').notNull().references(() => profiles.id, { onDelete: 'cascade' }),
    /** The item the remark is about, or null for the profile as a whole. */
    itemKey: text('item_key'),
    body: text('body').notNull(),
    authorUserId: text('author_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    response: text('response'),
    respondedBy: text('responded_by').references(() => users.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('review_remarks_profile').on(t.profileId)],
);
