/** Reads and writes profiles (one school's SOP for one school year). Shared by the questionnaire and the cycle. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { cycles } from '../cycle/schema.js';
import { schools } from '../partnerships/schema.js';
import { profiles, type ProfileStatus } from './schema.js';

export type ProfileRow = typeof profiles.$inferSelect;

export async function getProfile(db: DbOrTx, id: string): Promise<ProfileRow | null> {
  const [row] = await db.select().from(profiles).where(eq(profiles.id, id));
  return row ?? null;
}

export async function findProfile(db: DbOrTx, schoolId: string, schoolYear: string): Promise<ProfileRow | null> {
  const [row] = await db.select().from(profiles).where(and(eq(profiles.schoolId, schoolId), eq(profiles.schoolYear, schoolYear)));
  return row ?? null;
}

export function listProfilesOfSchool(db: DbOrTx, schoolId: string): Promise<ProfileRow[]> {
  return db.select().from(profiles).where(eq(profiles.schoolId, schoolId)).orderBy(desc(profiles.schoolYear));
}

export function listProfilesOfPartnership(db: DbOrTx, partnershipId: string, schoolYear: string): Promise<ProfileRow[]> {
  return db.select().from(profiles).where(and(eq(profiles.partnershipId, partnershipId), eq(profiles.schoolYear, schoolYear)));
}

export async function insertProfile(
  db: DbOrTx,
  row: { id: string; partnershipId: string; schoolId: string; schoolYear: string; templateVersionId: string; status?: ProfileStatus; createdAt: Date },
): Promise<void> {
  await db.insert(profiles).values({ ...row, status: row.status ?? 'not_started', updatedAt: row.createdAt });
}

/**
 * Moves a profile from "not started" to "in progress" on its first saved answer.
 * Conditional, so two first saves at once change it only once; returns whether it changed.
 */
export async function markProfileInProgress(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(profiles)
    .set({ status: 'in_progress', updatedAt: at })
    .where(and(eq(profiles.id, id), eq(profiles.status, 'not_started')))
    .returning({ id: profiles.id });
  return rows.length > 0;
}


/** Runs on every profile route (autosave included): built once per database, a named prepared statement. */
function prepareProfileFacts(db: DbOrTx) {
  return db
    .select({
      id: profiles.id,
      schoolId: profiles.schoolId,
      partnershipId: profiles.partnershipId,
      boardId: schools.boardId,
      schoolYear: profiles.schoolYear,
      status: profiles.status,
      templateVersionId: profiles.templateVersionId,
      opensOn: cycles.opensOn,
      closesOn: cycles.closesOn,
    })
    .from(profiles)
    .innerJoin(schools, eq(schools.id, profiles.schoolId))
    .leftJoin(cycles, and(eq(cycles.partnershipId, profiles.partnershipId), eq(cycles.schoolYear, profiles.schoolYear)))
    .where(eq(profiles.id, sql.placeholder('id')))
    .prepare('load_profile_facts');
}
const profileFactsQueries = new WeakMap<DbOrTx, ReturnType<typeof prepareProfileFacts>>();

/** The profile, its school's board and its cycle's dates in one query (the cycle table is joined read-only). */
export async function findProfileFactsRow(db: DbOrTx, id: string) {
  let prepared = profileFactsQueries.get(db);
  if (!prepared) profileFactsQueries.set(db, (prepared = prepareProfileFacts(db)));
  const [row] = await prepared.execute({ id });
  return row ?? null;
}
