/** The only module that reads and writes the register's own tables (stored imports, counts, verdicts, CBS wijk names). */
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { cbsWijkDistricts, registerImports, schoolInspectionVerdicts, schoolPupilCounts } from './schema.js';

export type RegisterImportRow = typeof registerImports.$inferSelect;
export type PupilCountRow = typeof schoolPupilCounts.$inferSelect;
export type VerdictRow = typeof schoolInspectionVerdicts.$inferSelect;

/** Keeps one waiting import per SWV and kind: a new upload replaces the previous one; expired ones go. */
export async function saveRegisterImport(db: DbOrTx, row: typeof registerImports.$inferInsert): Promise<void> {
  await db.delete(registerImports).where(and(eq(registerImports.partnershipId, row.partnershipId), eq(registerImports.kind, row.kind)));
  await db.delete(registerImports).where(lt(registerImports.expiresAt, row.createdAt));
  await db.insert(registerImports).values(row);
}

/** A waiting import of this SWV (tenant filter) and kind that has not expired. */
export async function findRegisterImport(db: DbOrTx, options: { partnershipId: string; id: string; kind: string; now: Date }): Promise<RegisterImportRow | null> {
  const [row] = await db
    .select()
    .from(registerImports)
    .where(and(eq(registerImports.id, options.id), eq(registerImports.partnershipId, options.partnershipId), eq(registerImports.kind, options.kind)));
  if (!row || row.expiresAt <= options.now) return null;
  return row;
}

/** Marks a confirmed import, so a second confirmation is refused instead of applied twice (its rows go with the next upload). */
export async function markRegisterImportApplied(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(registerImports).set({ appliedAt: now }).where(eq(registerImports.id, id));
}

/** Replaces the counts of these schools on this count date. */
export async function replacePupilCounts(db: DbOrTx, countedOn: string, rows: Array<typeof schoolPupilCounts.$inferInsert>): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.schoolId);
  for (let i = 0; i < ids.length; i += 1000) {
    await db.delete(schoolPupilCounts).where(and(eq(schoolPupilCounts.countedOn, countedOn), inArray(schoolPupilCounts.schoolId, ids.slice(i, i + 1000))));
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(schoolPupilCounts).values(rows.slice(i, i + 1000));
}

/** A school's counts, newest first. */
export function listPupilCounts(db: DbOrTx, schoolId: string): Promise<PupilCountRow[]> {
  return db.select().from(schoolPupilCounts).where(eq(schoolPupilCounts.schoolId, schoolId)).orderBy(desc(schoolPupilCounts.countedOn));
}

/** Replaces the verdicts of these schools by the ones from the newest file. */
export async function replaceVerdicts(db: DbOrTx, schoolIds: string[], rows: Array<typeof schoolInspectionVerdicts.$inferInsert>): Promise<void> {
  for (let i = 0; i < schoolIds.length; i += 1000) await db.delete(schoolInspectionVerdicts).where(inArray(schoolInspectionVerdicts.schoolId, schoolIds.slice(i, i + 1000)));
  for (let i = 0; i < rows.length; i += 1000) await db.insert(schoolInspectionVerdicts).values(rows.slice(i, i + 1000));
}

/** A school's verdicts, newest first, the whole location before its departments. */
export function listVerdicts(db: DbOrTx, schoolId: string): Promise<VerdictRow[]> {
  return db.select().from(schoolInspectionVerdicts).where(eq(schoolInspectionVerdicts.schoolId, schoolId)).orderBy(desc(schoolInspectionVerdicts.decidedOn), asc(schoolInspectionVerdicts.department));
}

export function listCbsWijkDistricts(db: DbOrTx, partnershipId: string) {
  return db.select().from(cbsWijkDistricts).where(eq(cbsWijkDistricts.partnershipId, partnershipId));
}

export async function saveCbsWijkDistrict(db: DbOrTx, row: { partnershipId: string; wijkCode: string; districtId: string; updatedAt: Date }): Promise<void> {
  await db
    .insert(cbsWijkDistricts)
    .values(row)
    .onConflictDoUpdate({ target: [cbsWijkDistricts.partnershipId, cbsWijkDistricts.wijkCode], set: { districtId: row.districtId, updatedAt: row.updatedAt } });
}

/** Verdicts and counts of many schools at once (the public facts a new profile is prefilled from). */
export async function listPublicDataOfSchools(db: DbOrTx, schoolIds: string[]): Promise<{ verdicts: VerdictRow[]; counts: PupilCountRow[] }> {
  if (schoolIds.length === 0) return { verdicts: [], counts: [] };
  const verdicts: VerdictRow[] = [];
  const counts: PupilCountRow[] = [];
  for (let i = 0; i < schoolIds.length; i += 1000) {
    const ids = schoolIds.slice(i, i + 1000);
    verdicts.push(...(await db.select().from(schoolInspectionVerdicts).where(inArray(schoolInspectionVerdicts.schoolId, ids))));
    counts.push(...(await db.select().from(schoolPupilCounts).where(inArray(schoolPupilCounts.schoolId, ids)).orderBy(desc(schoolPupilCounts.countedOn))));
  }
  return { verdicts, counts };
}
