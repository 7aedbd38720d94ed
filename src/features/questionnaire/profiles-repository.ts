/** Reads and writes profiles (one school's SOP for one school year). Shared by the questionnaire and the cycle. */
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
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

