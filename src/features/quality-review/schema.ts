import { date, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { partnerships, schools } from '../partnerships/schema.js';
import type { QualityStandards } from './model.js';

/**
 * Self-assessment with review checklist (IJK-instrument and Kijkwijzer, issue 15).
 *
 * The SWV's standards of basic quality and rating scale are one document per SWV (`definition`, the shape of the
 * file format in docs/quality-standards-format.md): domains with indicators and the scale's levels, each with a
 * stable key. Ratings refer to those keys, like a school's answers refer to a template's item keys.
 */
export const qualityStandards = pgTable('quality_standards', {
  partnershipId: text('partnership_id')
    .primaryKey()
    .references(() => partnerships.id),
  definition: jsonb('definition').$type<QualityStandards>().notNull(),
  updatedBy: text('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const QUALITY_ASSESSMENT_KINDS = ['self', 'review'] as const;
export type QualityAssessmentKind = (typeof QUALITY_ASSESSMENT_KINDS)[number];

/**
 * One checklist of a school in a school year: the school's own (`self`) or the reviewer's on a visit (`review`).
 * A review is visible to the school once the reviewer shares it (`sharedAt`).
 */
export const qualityAssessments = pgTable(
  'quality_assessments',
  {
    id: text('id').primaryKey(),
    partnershipId: text('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    schoolYear: text('school_year').notNull(),
    kind: text('kind', { enum: QUALITY_ASSESSMENT_KINDS }).notNull(),
    visitedOn: date('visited_on'),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    updatedBy: text('updated_by').references(() => users.id),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('quality_assessments_school_year_kind').on(t.schoolId, t.schoolYear, t.kind), index('quality_assessments_partnership_year').on(t.partnershipId, t.schoolYear)],
);

/** The rating (a level key of the scale, or none yet) and the explanation or remark per indicator. */
export const qualityRatings = pgTable(
  'quality_ratings',
  {
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => qualityAssessments.id, { onDelete: 'cascade' }),
    indicatorKey: text('indicator_key').notNull(),
    levelKey: text('level_key'),
    remark: text('remark'),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.indicatorKey] })],
);

/**
 * A difference between the school's rating and the reviewer's, discussed: the note, and once agreed the agreed
 * level (`agreedLevelKey`; null while it is still being discussed), with who and when.
 */
export const qualityResolutions = pgTable(
  'quality_resolutions',
  {
    reviewId: text('review_id')
      .notNull()
      .references(() => qualityAssessments.id, { onDelete: 'cascade' }),
    indicatorKey: text('indicator_key').notNull(),
    agreedLevelKey: text('agreed_level_key'),
    note: text('note').notNull(),
    recordedBy: text('recorded_by').references(() => users.id),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.indicatorKey] })],
);
