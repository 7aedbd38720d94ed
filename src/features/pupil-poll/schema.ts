import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { storedJson } from '../../db/json-column.js';
import { users } from '../accounts/schema.js';
import { partnerships, schools } from '../partnerships/schema.js';

/** A question of the SWV's anonymous pupil poll: multiple choice (with options) or the one optional short text. */
export const POLL_QUESTION_KINDS = ['choice', 'text'] as const;
export type PollQuestionKind = (typeof POLL_QUESTION_KINDS)[number];

/** A question as a poll carries it: the poll keeps its own copy, so later edits of the SWV's list do not change it. */
export interface PollQuestion {
  id: string;
  kind: PollQuestionKind;
  text: string;
  /** The answer options of a multiple-choice question (empty for the text question). */
  options: string[];
}

/**
 * The SWV's questions for the pupil poll, in plain language (data, edited in the app). `fromExample` marks the
 * questions taken over from the example set until the SWV removes them.
 */
export const pollQuestions = pgTable(
  'poll_questions',
  {
    id: text('id').primaryKey(),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    kind: text('kind', { enum: POLL_QUESTION_KINDS }).notNull(),
    text: text('text').notNull(),
    options: storedJson<string[]>('options').notNull(),
    position: integer('position').notNull(),
    fromExample: boolean('from_example').notNull().default(false),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('poll_questions_partnership').on(t.partnershipId)],
);

/**
 * A poll a school opens for one group ("groep 7", "klas 2b"): a short code (unique across all polls, so an old
 * code never reaches a new group), an expiry, and a copy of the questions at opening.
 */
export const polls = pgTable(
  'polls',
  {
    id: text('id').primaryKey(),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    schoolId: text('school_id').notNull().references(() => schools.id),
    groupName: text('group_name').notNull(),
    code: text('code').notNull(),
    questions: storedJson<PollQuestion[]>('questions').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    openedBy: text('opened_by').references(() => users.id),
  },
  (t) => [uniqueIndex('polls_code').on(t.code), index('polls_school').on(t.schoolId)],
);

/**
 * One pupil's answers to the multiple-choice questions ({ questionId: option index }). No time, no device, no
 * address: nothing ties a row to a pupil or to a free text.
 */
export const pollResponses = pgTable(
  'poll_responses',
  {
    id: text('id').primaryKey(),
    pollId: text('poll_id').notNull().references(() => polls.id, { onDelete: 'cascade' }),
    choices: storedJson<Record<string, number>>('choices').notNull(),
  },
  (t) => [index('poll_responses_poll').on(t.pollId)],
);

export const POLL_TEXT_STATUSES = ['pending', 'released', 'rejected'] as const;
export type PollTextStatus = (typeof POLL_TEXT_STATUSES)[number];

/**
 * A pupil's short free text, kept apart from the choices. Hidden until someone at the school has read it and
 * released (or rejected) it; only released texts can travel further, and only when the school copies them.
 */
export const pollTexts = pgTable(
  'poll_texts',
  {
    id: text('id').primaryKey(),
    pollId: text('poll_id').notNull().references(() => polls.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: POLL_TEXT_STATUSES }).notNull().default('pending'),
    reviewedBy: text('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [index('poll_texts_poll').on(t.pollId)],
);

/**
 * Devices that answered a poll: the SHA-256 of the random token in the poll's cookie (never the token, never an
 * address). The primary key makes "one answer per device per code" hold even for two posts at once.
 */
export const pollDevices = pgTable(
  'poll_devices',
  {
    pollId: text('poll_id').notNull().references(() => polls.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.tokenHash] })],
);
