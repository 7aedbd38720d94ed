import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { storedJson } from '../../db/json-column.js';
import { users } from '../accounts/schema.js';
import { partnerships, schools } from '../partnerships/schema.js';
import { templateVersions } from '../templates/schema.js';
import { STORED_NORM_STATUSES, type Ambition, type AnswerValue } from '../templates/model/answer.js';

export const PROFILE_STATUSES = ['not_started', 'in_progress', 'submitted', 'advised', 'adopted', 'published'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

/** What the council (MR) gave: advice on the SOP, or the parents' section's consent (instemming) to the school guide. */
export const COUNCIL_SAYS = ['advice', 'consent'] as const;
export type CouncilSay = (typeof COUNCIL_SAYS)[number];
/** Its outcome: advice positive / positive with remarks / negative; consent given / withheld. */
export const COUNCIL_OUTCOMES = ['positive', 'positive_with_remarks', 'negative', 'given', 'withheld'] as const;
export type CouncilOutcome = (typeof COUNCIL_OUTCOMES)[number];

/** One school's support profile (SOP) for one school year. */
export const profiles = pgTable(
  'profiles',
  {
    id: text('id').primaryKey(),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    schoolId: text('school_id').notNull().references(() => schools.id),
    /** "2026-2027". */
    schoolYear: text('school_year').notNull(),
    templateVersionId: text('template_version_id').notNull().references(() => templateVersions.id),
    status: text('status', { enum: PROFILE_STATUSES }).notNull().default('not_started'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by').references(() => users.id),
    adviceDate: date('advice_date'),
    adviceText: text('advice_text'),
    /** Advice or consent (cycle/record-advice.ts); null before the council's say, and for advice recorded before this was asked. */
    councilSay: text('council_say', { enum: COUNCIL_SAYS }),
    councilOutcome: text('council_outcome', { enum: COUNCIL_OUTCOMES }),
    adoptedOn: date('adopted_on'),
    adoptedByName: text('adopted_by_name'),
    adoptedByUser: text('adopted_by_user').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('profiles_school_year').on(t.schoolId, t.schoolYear),
    index('profiles_partnership_year').on(t.partnershipId, t.schoolYear),
  ],
);

const KNOWN_NORM_STATUSES = sql.raw(STORED_NORM_STATUSES.map((status) => `'${status}'`).join(', '));

/**
 * One row per answered item, so one item can be queried across every school
 * of an SWV and across years (dashboards) — see docs/decisions/0004-answers-as-rows.md.
 * `partnershipId`, `schoolYear`, `normStatus` and `nationalNormStatus` are denormalised for those queries:
 * 'meets' | 'below' | 'cannot-judge' ("Kan niet beoordelen": the check fails closed), null without a norm
 * or without an answer. Ambition is not stored there: it is the `ambition` column (deriveNormStatus).
 * "Wat kan de school niet" texts are stored as item keys `limits:<sectionKey>`.
 */
export const answers = pgTable(
  'answers',
  {
    profileId: text('profile_id').notNull().references(() => profiles.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    partnershipId: text('partnership_id').notNull(),
    schoolYear: text('school_year').notNull(),
    // storedJson, not drizzle's jsonb: a stored "3" must come back as "3", not 3 (src/db/json-column.ts).
    value: storedJson<AnswerValue | null>('value'),
    ambition: storedJson<Ambition | null>('ambition'),
    parentText: text('parent_text'),
    normStatus: text('norm_status', { enum: STORED_NORM_STATUSES }),
    /** The same against the item's national norm (landelijke norm), null without one. */
    nationalNormStatus: text('national_norm_status', { enum: STORED_NORM_STATUSES }),
    /** Carried over from last year's final answers and not yet touched this year. */
    carriedOver: boolean('carried_over').notNull().default(false),
    revision: integer('revision').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by').references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.itemKey] }),
    index('answers_partnership_year_item').on(t.partnershipId, t.schoolYear, t.itemKey),
    // Dashboards (bench/README.md "Dashboard queries"): one item across every school of an SWV and
    // across years, and one item nationally per year.
    index('answers_partnership_item_year').on(t.partnershipId, t.itemKey, t.schoolYear),
    index('answers_item_year').on(t.itemKey, t.schoolYear),
    // The insight's ambitions overview: the few rows of an SWV's year that carry an ambition.
    index('answers_partnership_year_ambition').on(t.partnershipId, t.schoolYear).where(sql`${t.ambition} is not null and ${t.ambition} <> 'null'::jsonb`),
    check('answers_norm_status_known', sql`${t.normStatus} in (${KNOWN_NORM_STATUSES})`),
    check('answers_national_norm_status_known', sql`${t.nationalNormStatus} in (${KNOWN_NORM_STATUSES})`),
  ],
);

/** Every change of an answer: who, when, old and new. */
export const answerHistory = pgTable(
  'answer_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    profileId: text('profile_id').notNull().references(() => profiles.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    before: storedJson<unknown>('before'),
    after: storedJson<unknown>('after'),
    changedBy: text('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('answer_history_profile_item').on(t.profileId, t.itemKey)],
);
