import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { partnerships, schools } from '../partnerships/schema.js';

/**
 * The diversity index (verscheidenheidsindex, issue 15): the SWV's categories of support need, each with a factor.
 * The factor is stored in hundredths (150 = 1,5) so the arithmetic is exact. No national values: every SWV edits its own.
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
