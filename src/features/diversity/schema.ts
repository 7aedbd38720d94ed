import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { partnerships, schools } from '../partnerships/schema.js';
import { profiles } from '../questionnaire/schema.js';

/**
 * The diversity index (verscheidenheidsindex, issue 15): the SWV's categories of support need, each with a factor.
 * The factor is stored in hundredths (150 = 1,5) so the arithmetic is exact. No national values: every SWV edits its own.
 * `factor_hundredths` is the factor last saved; the factor that counts for a school year is in
 * `diversity_category_factors` (year-factors.ts), so a change for next year leaves last year's figures alone.
 */
export const diversityCategories = pgTable(
  'diversity_categories',
  {
    id: text('id').primaryKey(),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    name: text('name').notNull(),
    factorHundredths: integer('factor_hundredths').notNull(),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('diversity_categories_partnership').on(t.partnershipId)],
);

/** One group (class) of a school in a school year, with its size. Counts only, never names. */
export const diversityGroups = pgTable(
  'diversity_groups',
  {
    id: text('id').primaryKey(),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    schoolId: text('school_id').notNull().references(() => schools.id),
    schoolYear: text('school_year').notNull(),
    name: text('name').notNull(),
    pupilCount: integer('pupil_count').notNull(),
    updatedBy: text('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('diversity_groups_school_year_name').on(t.schoolId, t.schoolYear, t.name), index('diversity_groups_partnership_year').on(t.partnershipId, t.schoolYear)],
);

/** The number of pupils of a group in one category. */
export const diversityGroupCounts = pgTable(
  'diversity_group_counts',
  {
    groupId: text('group_id').notNull().references(() => diversityGroups.id, { onDelete: 'cascade' }),
    categoryId: text('category_id').notNull().references(() => diversityCategories.id),
    pupils: integer('pupils').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.categoryId] })],
);

/**
 * The factor of a category from a school year on (until a later row). A year before the first row takes the
 * first row; a category without rows its `factor_hundredths` (year-factors.ts).
 */
export const diversityCategoryFactors = pgTable(
  'diversity_category_factors',
  {
    categoryId: text('category_id').notNull().references(() => diversityCategories.id),
    schoolYear: text('school_year').notNull(),
    factorHundredths: integer('factor_hundredths').notNull(),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.schoolYear] })],
);

/** The SWV's arithmetic from a school year on ('points-per-pupil', the default, or 'weighted-group-size'; care-load.ts). */
export const diversityYearSettings = pgTable(
  'diversity_year_settings',
  {
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    schoolYear: text('school_year').notNull(),
    arithmetic: text('arithmetic').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.schoolYear] })],
);

/**
 * The school's choice, per profile, to show its school-level index (pupils, groups, care load; never counts per
 * category or group) in the limits chapter of its SOP and school-guide chapter.
 */
export const diversityProfileDisclosures = pgTable('diversity_profile_disclosures', {
  profileId: text('profile_id').primaryKey().references(() => profiles.id),
  includeIndex: boolean('include_index').notNull(),
  updatedBy: text('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
