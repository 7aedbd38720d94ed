/** The only code that queries the diversity index's tables. */
import { and, asc, eq, inArray, min } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { diversityCategories, diversityCategoryFactors, diversityGroupCounts, diversityGroups, diversityProfileDisclosures, diversityYearSettings } from './schema.js';

export type DiversityCategoryRow = typeof diversityCategories.$inferSelect;
export type DiversityGroupRow = typeof diversityGroups.$inferSelect;

export function listCategories(db: DbOrTx, partnershipId: string): Promise<DiversityCategoryRow[]> {
  return db.select().from(diversityCategories).where(eq(diversityCategories.partnershipId, partnershipId)).orderBy(asc(diversityCategories.position), asc(diversityCategories.name));
}

export async function insertCategory(db: DbOrTx, row: typeof diversityCategories.$inferInsert): Promise<void> {
  await db.insert(diversityCategories).values(row);
}

export async function updateCategory(db: DbOrTx, id: string, patch: { name: string; factorHundredths: number; updatedAt: Date }): Promise<void> {
  await db.update(diversityCategories).set(patch).where(eq(diversityCategories.id, id));
}

export function listGroups(db: DbOrTx, schoolId: string, schoolYear: string): Promise<DiversityGroupRow[]> {
  return db.select().from(diversityGroups).where(and(eq(diversityGroups.schoolId, schoolId), eq(diversityGroups.schoolYear, schoolYear))).orderBy(asc(diversityGroups.name));
}

export async function getGroup(db: DbOrTx, id: string): Promise<DiversityGroupRow | null> {
  const [row] = await db.select().from(diversityGroups).where(eq(diversityGroups.id, id));
  return row ?? null;
}

export async function findGroupByName(db: DbOrTx, schoolId: string, schoolYear: string, name: string): Promise<DiversityGroupRow | null> {
  const [row] = await db
    .select()
    .from(diversityGroups)
    .where(and(eq(diversityGroups.schoolId, schoolId), eq(diversityGroups.schoolYear, schoolYear), eq(diversityGroups.name, name)));
  return row ?? null;
}

export async function insertGroup(db: DbOrTx, row: typeof diversityGroups.$inferInsert): Promise<void> {
  await db.insert(diversityGroups).values(row);
}

export async function updateGroup(db: DbOrTx, id: string, patch: { name: string; pupilCount: number; updatedBy: string; updatedAt: Date }): Promise<void> {
  await db.update(diversityGroups).set(patch).where(eq(diversityGroups.id, id));
}

export type GroupCountRow = typeof diversityGroupCounts.$inferSelect;

export function listCountsOfGroups(db: DbOrTx, groupIds: string[]): Promise<GroupCountRow[]> {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db.select().from(diversityGroupCounts).where(inArray(diversityGroupCounts.groupId, groupIds));
}

export async function replaceCounts(db: DbOrTx, groupId: string, counts: Array<{ categoryId: string; pupils: number }>): Promise<void> {
  await db.delete(diversityGroupCounts).where(eq(diversityGroupCounts.groupId, groupId));
  if (counts.length) await db.insert(diversityGroupCounts).values(counts.map((entry) => ({ groupId, ...entry })));
}

/** Every group of the SWV in a school year (for the SWV's view per school; the counts come separately). */
export function listGroupsOfPartnership(db: DbOrTx, partnershipId: string, schoolYear: string): Promise<DiversityGroupRow[]> {
  return db.select().from(diversityGroups).where(and(eq(diversityGroups.partnershipId, partnershipId), eq(diversityGroups.schoolYear, schoolYear)));
}

export type CategoryFactorRow = typeof diversityCategoryFactors.$inferSelect;

export function listCategoryFactors(db: DbOrTx, partnershipId: string): Promise<CategoryFactorRow[]> {
  return db
    .select({ categoryId: diversityCategoryFactors.categoryId, schoolYear: diversityCategoryFactors.schoolYear, factorHundredths: diversityCategoryFactors.factorHundredths })
    .from(diversityCategoryFactors)
    .innerJoin(diversityCategories, eq(diversityCategories.id, diversityCategoryFactors.categoryId))
    .where(eq(diversityCategories.partnershipId, partnershipId));
}

export async function upsertCategoryFactor(db: DbOrTx, row: CategoryFactorRow): Promise<void> {
  await db.insert(diversityCategoryFactors).values(row).onConflictDoUpdate({ target: [diversityCategoryFactors.categoryId, diversityCategoryFactors.schoolYear], set: { factorHundredths: row.factorHundredths } });
}

export function listYearSettings(db: DbOrTx, partnershipId: string): Promise<Array<typeof diversityYearSettings.$inferSelect>> {
  return db.select().from(diversityYearSettings).where(eq(diversityYearSettings.partnershipId, partnershipId));
}

export async function upsertYearSetting(db: DbOrTx, row: typeof diversityYearSettings.$inferInsert): Promise<void> {
  await db.insert(diversityYearSettings).values(row).onConflictDoUpdate({ target: [diversityYearSettings.partnershipId, diversityYearSettings.schoolYear], set: { arithmetic: row.arithmetic } });
}

/** The earliest school year in which any school of the SWV entered a group, or null. */
export async function earliestGroupYear(db: DbOrTx, partnershipId: string): Promise<string | null> {
  const [row] = await db.select({ year: min(diversityGroups.schoolYear) }).from(diversityGroups).where(eq(diversityGroups.partnershipId, partnershipId));
  return row?.year ?? null;
}

/** Every group of the SWV in some school years (the SWV's trend over years). */
export function listGroupsOfPartnershipInYears(db: DbOrTx, partnershipId: string, years: string[]): Promise<DiversityGroupRow[]> {
  if (years.length === 0) return Promise.resolve([]);
  return db.select().from(diversityGroups).where(and(eq(diversityGroups.partnershipId, partnershipId), inArray(diversityGroups.schoolYear, years)));
}

export async function getDisclosure(db: DbOrTx, profileId: string): Promise<typeof diversityProfileDisclosures.$inferSelect | null> {
  const [row] = await db.select().from(diversityProfileDisclosures).where(eq(diversityProfileDisclosures.profileId, profileId));
  return row ?? null;
}

export async function upsertDisclosure(db: DbOrTx, row: typeof diversityProfileDisclosures.$inferInsert): Promise<void> {
  await db
    .insert(diversityProfileDisclosures)
    .values(row)
    .onConflictDoUpdate({ target: diversityProfileDisclosures.profileId, set: { includeIndex: row.includeIndex, updatedBy: row.updatedBy, updatedAt: row.updatedAt } });
}

/** Many groups with their counts in two statements (demo data). */
export async function insertGroupsWithCounts(db: DbOrTx, groups: Array<typeof diversityGroups.$inferInsert>, counts: GroupCountRow[]): Promise<void> {
  if (groups.length) await db.insert(diversityGroups).values(groups);
  if (counts.length) await db.insert(diversityGroupCounts).values(counts);
}
