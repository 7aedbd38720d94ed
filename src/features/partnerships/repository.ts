/** The only module that reads and writes SWVs, boards, districts and schools. */
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { boards, districts, partnerships, schoolContacts, schools } from './schema.js';

export type PartnershipRow = typeof partnerships.$inferSelect;
export type SchoolRow = typeof schools.$inferSelect;
export type BoardRow = typeof boards.$inferSelect;

export async function getPartnership(db: DbOrTx, id: string): Promise<PartnershipRow | null> {
  const [row] = await db.select().from(partnerships).where(eq(partnerships.id, id));
  return row ?? null;
}

export async function getPartnershipBySlug(db: DbOrTx, slug: string): Promise<PartnershipRow | null> {
  const [row] = await db.select().from(partnerships).where(eq(partnerships.slug, slug));
  return row ?? null;
}

export function listPartnerships(db: DbOrTx): Promise<PartnershipRow[]> {
  return db.select().from(partnerships).orderBy(asc(partnerships.name));
}

/** The SWV's boards in use (archived boards left out). */
export function listBoards(db: DbOrTx, partnershipId: string): Promise<BoardRow[]> {
  return db.select().from(boards).where(and(eq(boards.partnershipId, partnershipId), isNull(boards.archivedAt))).orderBy(asc(boards.name));
}

/** Every board of the SWV, archived ones included. */
export function listAllBoards(db: DbOrTx, partnershipId: string): Promise<BoardRow[]> {
  return db.select().from(boards).where(eq(boards.partnershipId, partnershipId)).orderBy(asc(boards.name));
}

export function listDistricts(db: DbOrTx, partnershipId: string) {
  return db.select().from(districts).where(eq(districts.partnershipId, partnershipId)).orderBy(asc(districts.name));
}

/** The SWV's schools in its register; archived schools have left it (no new profiles, not in overviews). */
export function listSchoolsOfPartnership(db: DbOrTx, partnershipId: string): Promise<SchoolRow[]> {
  return db.select().from(schools).where(and(eq(schools.partnershipId, partnershipId), isNull(schools.archivedAt))).orderBy(asc(schools.name));
}

export function listArchivedSchools(db: DbOrTx, partnershipId: string): Promise<SchoolRow[]> {
  return db.select().from(schools).where(and(eq(schools.partnershipId, partnershipId), isNotNull(schools.archivedAt))).orderBy(asc(schools.name));
}

/** Every school of the SWV, archived ones included (imports compare against all of them). */
export function listAllSchools(db: DbOrTx, partnershipId: string): Promise<SchoolRow[]> {
  return db.select().from(schools).where(eq(schools.partnershipId, partnershipId)).orderBy(asc(schools.name));
}

export function listSchoolsOfBoard(db: DbOrTx, boardId: string): Promise<SchoolRow[]> {
  return db.select().from(schools).where(and(eq(schools.boardId, boardId), isNull(schools.archivedAt))).orderBy(asc(schools.name));
}

export async function getBoard(db: DbOrTx, id: string): Promise<BoardRow | null> {
  const [row] = await db.select().from(boards).where(eq(boards.id, id));
  return row ?? null;
}

export type SchoolWithNames = SchoolRow & { boardName: string; districtName: string | null };

export async function getSchool(db: DbOrTx, id: string): Promise<SchoolWithNames | null> {
  const [row] = await db
    .select({ school: schools, boardName: boards.name, districtName: districts.name })
    .from(schools)
    .innerJoin(boards, eq(boards.id, schools.boardId))
    .leftJoin(districts, eq(districts.id, schools.districtId))
    .where(eq(schools.id, id));
  return row ? { ...row.school, boardName: row.boardName, districtName: row.districtName } : null;
}

/** Where an SWV, board or school sits in the tenant tree (for the routes' scope loaders). */
export async function findPartnershipPlace(db: DbOrTx, id: string): Promise<{ id: string } | null> {
  const [row] = await db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.id, id));
  return row ?? null;
}

export async function findBoardPlace(db: DbOrTx, id: string): Promise<{ id: string; partnershipId: string } | null> {
  const [row] = await db.select({ id: boards.id, partnershipId: boards.partnershipId }).from(boards).where(eq(boards.id, id));
  return row ?? null;
}

export async function findSchoolPlace(db: DbOrTx, id: string): Promise<{ id: string; partnershipId: string; boardId: string } | null> {
  const [row] = await db.select({ id: schools.id, partnershipId: schools.partnershipId, boardId: schools.boardId }).from(schools).where(eq(schools.id, id));
  return row ?? null;
}

export async function updatePartnershipSettings(
  db: DbOrTx,
  id: string,
  settings: Pick<PartnershipRow, 'name' | 'primaryColor' | 'parentSupportPoint' | 'publicInfo'> & { logoDataUrl?: string | null; parentWordList?: PartnershipRow['parentWordList'] },
): Promise<void> {
  await db.update(partnerships).set(settings).where(eq(partnerships.id, id));
}

export async function insertPartnership(db: DbOrTx, row: typeof partnerships.$inferInsert): Promise<void> {
  await db.insert(partnerships).values(row);
}

export type SchoolContactRow = typeof schoolContacts.$inferSelect;

/** Contact persons of the given schools, in their order. */
export function listSchoolContacts(db: DbOrTx, schoolIds: string[]): Promise<SchoolContactRow[]> {
  if (schoolIds.length === 0) return Promise.resolve([]);
  return db.select().from(schoolContacts).where(inArray(schoolContacts.schoolId, schoolIds)).orderBy(asc(schoolContacts.schoolId), asc(schoolContacts.position));
}

/** Holds the school's row until the transaction ends, so two saves of its contact persons run one after the other. */
export async function lockSchoolRow(tx: DbOrTx, schoolId: string): Promise<void> {
  await tx.select({ id: schools.id }).from(schools).where(eq(schools.id, schoolId)).for('update');
}

/** Replaces a school's contact persons by the given list (in order). */
export async function replaceSchoolContacts(
  db: DbOrTx,
  school: { id: string; partnershipId: string },
  contacts: Array<{ name: string; role: string; topic: string | null; email: string | null; showToParents?: boolean }>,
): Promise<void> {
  await db.delete(schoolContacts).where(eq(schoolContacts.schoolId, school.id));
  if (contacts.length === 0) return;
  await db.insert(schoolContacts).values(
    contacts.map((c, position) => ({ id: crypto.randomUUID(), schoolId: school.id, partnershipId: school.partnershipId, position, ...c })),
  );
}

export async function findSchoolByLocationCode(db: DbOrTx, partnershipId: string, locationCode: string): Promise<SchoolRow | null> {
  const [row] = await db.select().from(schools).where(and(eq(schools.partnershipId, partnershipId), eq(schools.locationCode, locationCode)));
  return row ?? null;
}

/** A board only when it belongs to this SWV (tenant filter). */
export async function findBoardInPartnership(db: DbOrTx, partnershipId: string, boardId: string): Promise<BoardRow | null> {
  const [row] = await db.select().from(boards).where(and(eq(boards.id, boardId), eq(boards.partnershipId, partnershipId)));
  return row ?? null;
}

export async function insertBoard(db: DbOrTx, row: typeof boards.$inferInsert): Promise<void> {
  await db.insert(boards).values(row);
}

export type DistrictRow = typeof districts.$inferSelect;

export async function findDistrictByName(db: DbOrTx, partnershipId: string, name: string): Promise<DistrictRow | null> {
  const [row] = await db.select().from(districts).where(and(eq(districts.partnershipId, partnershipId), eq(districts.name, name)));
  return row ?? null;
}

export async function insertDistrict(db: DbOrTx, row: typeof districts.$inferInsert): Promise<void> {
  await db.insert(districts).values(row);
}

export async function insertSchool(db: DbOrTx, row: typeof schools.$inferInsert): Promise<void> {
  await db.insert(schools).values(row);
}

export async function findBoardByNumber(db: DbOrTx, partnershipId: string, boardNumber: string): Promise<BoardRow | null> {
  const [row] = await db.select().from(boards).where(and(eq(boards.partnershipId, partnershipId), eq(boards.boardNumber, boardNumber)));
  return row ?? null;
}

export async function updateBoard(db: DbOrTx, id: string, patch: Partial<Omit<BoardRow, 'id' | 'partnershipId'>>): Promise<void> {
  await db.update(boards).set(patch).where(eq(boards.id, id));
}

export async function updateSchool(db: DbOrTx, id: string, patch: Partial<Omit<SchoolRow, 'id' | 'partnershipId' | 'createdAt'>>): Promise<void> {
  await db.update(schools).set(patch).where(eq(schools.id, id));
}

/** A school only when it belongs to this SWV (tenant filter). */
export async function findSchoolInPartnership(db: DbOrTx, partnershipId: string, schoolId: string): Promise<SchoolRow | null> {
  const [row] = await db.select().from(schools).where(and(eq(schools.id, schoolId), eq(schools.partnershipId, partnershipId)));
  return row ?? null;
}

export async function findDistrictInPartnership(db: DbOrTx, partnershipId: string, districtId: string): Promise<DistrictRow | null> {
  const [row] = await db.select().from(districts).where(and(eq(districts.id, districtId), eq(districts.partnershipId, partnershipId)));
  return row ?? null;
}

export async function countActiveSchoolsOfBoard(db: DbOrTx, boardId: string): Promise<number> {
  const rows = await db.select({ id: schools.id }).from(schools).where(and(eq(schools.boardId, boardId), isNull(schools.archivedAt)));
  return rows.length;
}

/** Every school of the SWV with its board's number (archived ones included): what an import compares against. */
export async function listSchoolsWithBoardNumbers(db: DbOrTx, partnershipId: string): Promise<Array<SchoolRow & { boardNumber: string | null }>> {
  const rows = await db.select({ school: schools, boardNumber: boards.boardNumber }).from(schools).innerJoin(boards, eq(boards.id, schools.boardId)).where(eq(schools.partnershipId, partnershipId));
  return rows.map((row) => ({ ...row.school, boardNumber: row.boardNumber }));
}

/** Many schools at once (an import), in batches. */
export async function insertSchools(db: DbOrTx, rows: Array<typeof schools.$inferInsert>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(schools).values(rows.slice(i, i + 500));
}

/** Archives many schools at once (locations no longer in a DUO file that the SWV chose to archive). */
export async function archiveSchools(db: DbOrTx, ids: string[], at: Date): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) await db.update(schools).set({ archivedAt: at }).where(inArray(schools.id, ids.slice(i, i + 500)));
}

/** Many boards at once (an import). */
export async function insertBoards(db: DbOrTx, rows: Array<typeof boards.$inferInsert>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(boards).values(rows.slice(i, i + 500));
}

/** The SWV's schools in its register with their district's name. */
export async function listSchoolsWithDistricts(db: DbOrTx, partnershipId: string): Promise<Array<SchoolRow & { districtName: string | null }>> {
  const rows = await db
    .select({ school: schools, districtName: districts.name })
    .from(schools)
    .leftJoin(districts, eq(districts.id, schools.districtId))
    .where(and(eq(schools.partnershipId, partnershipId), isNull(schools.archivedAt)))
    .orderBy(asc(schools.name));
  return rows.map((row) => ({ ...row.school, districtName: row.districtName }));
}
