/** The only module that reads and writes SWVs, boards, districts and schools. */
import { and, asc, eq, inArray } from 'drizzle-orm';
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

export function listBoards(db: DbOrTx, partnershipId: string): Promise<BoardRow[]> {
  return db.select().from(boards).where(eq(boards.partnershipId, partnershipId)).orderBy(asc(boards.name));
}

export function listDistricts(db: DbOrTx, partnershipId: string) {
  return db.select().from(districts).where(eq(districts.partnershipId, partnershipId)).orderBy(asc(districts.name));
}

export function listSchoolsOfPartnership(db: DbOrTx, partnershipId: string): Promise<SchoolRow[]> {
  return db.select().from(schools).where(eq(schools.partnershipId, partnershipId)).orderBy(asc(schools.name));
}

export function listSchoolsOfBoard(db: DbOrTx, boardId: string): Promise<SchoolRow[]> {
  return db.select().from(schools).where(eq(schools.boardId, boardId)).orderBy(asc(schools.name));
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
  settings: Pick<PartnershipRow, 'name' | 'primaryColor' | 'parentSupportPoint'> & { logoDataUrl?: string | null },
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

/** Replaces a school's contact persons by the given list (in order). */
export async function replaceSchoolContacts(
  db: DbOrTx,
  school: { id: string; partnershipId: string },
  contacts: Array<{ name: string; role: string; topic: string | null; email: string | null }>,
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
