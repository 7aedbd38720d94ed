/** The only code that queries the self-assessment and review checklist's tables. */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { QualityStandards } from './model.js';
import { qualityAssessments, qualityRatings, qualityResolutions, qualityStandards, type QualityAssessmentKind } from './schema.js';

export type QualityAssessmentRow = typeof qualityAssessments.$inferSelect;
export type QualityRatingRow = typeof qualityRatings.$inferSelect;
export type QualityResolutionRow = typeof qualityResolutions.$inferSelect;

export async function getStandards(db: DbOrTx, partnershipId: string): Promise<{ definition: QualityStandards; updatedAt: Date } | null> {
  const [row] = await db.select().from(qualityStandards).where(eq(qualityStandards.partnershipId, partnershipId));
  return row ? { definition: row.definition, updatedAt: row.updatedAt } : null;
}

export async function saveStandards(db: DbOrTx, row: typeof qualityStandards.$inferInsert): Promise<void> {
  await db
    .insert(qualityStandards)
    .values(row)
    .onConflictDoUpdate({ target: qualityStandards.partnershipId, set: { definition: row.definition, updatedBy: row.updatedBy ?? null, updatedAt: row.updatedAt } });
}

/** Indicator and level keys that some school's checklist (or an agreement) of this SWV already uses. */
export async function usedKeys(db: DbOrTx, partnershipId: string): Promise<{ indicators: Set<string>; levels: Set<string> }> {
  const rated = await db
    .select({ indicatorKey: qualityRatings.indicatorKey, levelKey: qualityRatings.levelKey })
    .from(qualityRatings)
    .innerJoin(qualityAssessments, eq(qualityAssessments.id, qualityRatings.assessmentId))
    .where(eq(qualityAssessments.partnershipId, partnershipId));
  const agreed = await db
    .select({ indicatorKey: qualityResolutions.indicatorKey, levelKey: qualityResolutions.agreedLevelKey })
    .from(qualityResolutions)
    .innerJoin(qualityAssessments, eq(qualityAssessments.id, qualityResolutions.reviewId))
    .where(eq(qualityAssessments.partnershipId, partnershipId));
  const indicators = new Set<string>();
  const levels = new Set<string>();
  for (const row of [...rated, ...agreed]) {
    indicators.add(row.indicatorKey);
    if (row.levelKey) levels.add(row.levelKey);
  }
  return { indicators, levels };
}

export async function findAssessment(db: DbOrTx, schoolId: string, schoolYear: string, kind: QualityAssessmentKind): Promise<QualityAssessmentRow | null> {
  const [row] = await db
    .select()
    .from(qualityAssessments)
    .where(and(eq(qualityAssessments.schoolId, schoolId), eq(qualityAssessments.schoolYear, schoolYear), eq(qualityAssessments.kind, kind)));
  return row ?? null;
}

/** Inserts the school's first checklist of its kind for the year; false when another request inserted it first. */
export async function insertAssessment(db: DbOrTx, row: typeof qualityAssessments.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(qualityAssessments)
    .values(row)
    .onConflictDoNothing({ target: [qualityAssessments.schoolId, qualityAssessments.schoolYear, qualityAssessments.kind] })
    .returning({ id: qualityAssessments.id });
  return inserted.length > 0;
}

export async function updateAssessment(
  db: DbOrTx,
  id: string,
  patch: { visitedOn?: string | null; sharedAt?: Date | null; updatedBy: string; updatedByName: string; updatedAt: Date },
): Promise<void> {
  await db.update(qualityAssessments).set(patch).where(eq(qualityAssessments.id, id));
}

export function listRatings(db: DbOrTx, assessmentIds: string[]): Promise<QualityRatingRow[]> {
  if (assessmentIds.length === 0) return Promise.resolve([]);
  return db.select().from(qualityRatings).where(inArray(qualityRatings.assessmentId, assessmentIds));
}

export async function replaceRatings(db: DbOrTx, assessmentId: string, ratings: Array<{ indicatorKey: string; levelKey: string | null; remark: string | null }>): Promise<void> {
  await db.delete(qualityRatings).where(eq(qualityRatings.assessmentId, assessmentId));
  const kept = ratings.filter((rating) => rating.levelKey || rating.remark);
  if (kept.length) await db.insert(qualityRatings).values(kept.map((rating) => ({ assessmentId, ...rating })));
}

export function listResolutions(db: DbOrTx, reviewIds: string[]): Promise<QualityResolutionRow[]> {
  if (reviewIds.length === 0) return Promise.resolve([]);
  return db.select().from(qualityResolutions).where(inArray(qualityResolutions.reviewId, reviewIds));
}

export async function saveResolution(db: DbOrTx, row: typeof qualityResolutions.$inferInsert): Promise<void> {
  await db
    .insert(qualityResolutions)
    .values(row)
    .onConflictDoUpdate({
      target: [qualityResolutions.reviewId, qualityResolutions.indicatorKey],
      set: { agreedLevelKey: row.agreedLevelKey ?? null, note: row.note, recordedBy: row.recordedBy ?? null, recordedByName: row.recordedByName, recordedAt: row.recordedAt },
    });
}

/** Every checklist of the SWV in a school year (for the SWV's view across schools). */
export function listAssessmentsOfPartnership(db: DbOrTx, partnershipId: string, schoolYear: string): Promise<QualityAssessmentRow[]> {
  return db.select().from(qualityAssessments).where(and(eq(qualityAssessments.partnershipId, partnershipId), eq(qualityAssessments.schoolYear, schoolYear)));
}
