/** The only module that reads and writes the support point's themes and signals. */
import { and, asc, count, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { schools } from '../partnerships/schema.js';
import { supportPointSignals, supportPointThemes } from './schema.js';

export type ThemeRow = typeof supportPointThemes.$inferSelect;
export type SignalRow = typeof supportPointSignals.$inferSelect;

export function listThemes(db: DbOrTx, partnershipId: string): Promise<ThemeRow[]> {
  return db.select().from(supportPointThemes).where(and(eq(supportPointThemes.partnershipId, partnershipId), isNull(supportPointThemes.archivedAt))).orderBy(asc(supportPointThemes.position));
}

export async function insertTheme(db: DbOrTx, row: { id: string; partnershipId: string; name: string; position: number; createdAt: Date }): Promise<void> {
  await db.insert(supportPointThemes).values(row);
}

export async function insertSignal(db: DbOrTx, row: typeof supportPointSignals.$inferInsert): Promise<void> {
  await db.insert(supportPointSignals).values(row);
}

export async function findSchoolOfPartnership(db: DbOrTx, partnershipId: string, schoolId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db.select({ id: schools.id, name: schools.name }).from(schools).where(and(eq(schools.id, schoolId), eq(schools.partnershipId, partnershipId)));
  return row ?? null;
}

/** Signals per school and theme (school null: none named). */
export function countSignals(db: DbOrTx, partnershipId: string, schoolId?: string) {
  return db
    .select({ schoolId: supportPointSignals.schoolId, schoolName: schools.name, themeId: supportPointThemes.id, themeName: supportPointThemes.name, count: count() })
    .from(supportPointSignals)
    .innerJoin(supportPointThemes, eq(supportPointThemes.id, supportPointSignals.themeId))
    .leftJoin(schools, eq(schools.id, supportPointSignals.schoolId))
    .where(and(eq(supportPointSignals.partnershipId, partnershipId), schoolId ? eq(supportPointSignals.schoolId, schoolId) : undefined))
    .groupBy(supportPointSignals.schoolId, schools.name, supportPointThemes.id, supportPointThemes.name)
    .orderBy(asc(schools.name), asc(supportPointThemes.name));
}

/** Signals per school, theme and the profile item they touch (only those naming a school and an item). */
export function countSignalsByItem(db: DbOrTx, partnershipId: string) {
  return db
    .select({ schoolId: supportPointSignals.schoolId, schoolName: schools.name, themeName: supportPointThemes.name, itemKey: supportPointSignals.itemKey, count: count() })
    .from(supportPointSignals)
    .innerJoin(supportPointThemes, eq(supportPointThemes.id, supportPointSignals.themeId))
    .innerJoin(schools, eq(schools.id, supportPointSignals.schoolId))
    .where(and(eq(supportPointSignals.partnershipId, partnershipId), isNotNull(supportPointSignals.itemKey)))
    .groupBy(supportPointSignals.schoolId, schools.name, supportPointThemes.name, supportPointSignals.itemKey)
    .orderBy(asc(schools.name), asc(supportPointThemes.name));
}

export async function findSignal(db: DbOrTx, id: string): Promise<SignalRow | null> {
  const [row] = await db.select().from(supportPointSignals).where(eq(supportPointSignals.id, id));
  return row ?? null;
}

export async function setSignalShared(db: DbOrTx, id: string, shared: boolean): Promise<void> {
  await db.update(supportPointSignals).set({ sharedWithSchool: shared }).where(eq(supportPointSignals.id, id));
}

/** The descriptions the SWV shared with this school, newest first. */
export function listSharedSignals(db: DbOrTx, partnershipId: string, schoolId: string) {
  return db
    .select({ id: supportPointSignals.id, occurredOn: supportPointSignals.occurredOn, description: supportPointSignals.description, themeName: supportPointThemes.name })
    .from(supportPointSignals)
    .innerJoin(supportPointThemes, eq(supportPointThemes.id, supportPointSignals.themeId))
    .where(and(eq(supportPointSignals.partnershipId, partnershipId), eq(supportPointSignals.schoolId, schoolId), eq(supportPointSignals.sharedWithSchool, true)))
    .orderBy(desc(supportPointSignals.occurredOn));
}

/** Every signal with its description: only for the support point's own view. */
export function listSignals(db: DbOrTx, partnershipId: string) {
  return db
    .select({ id: supportPointSignals.id, occurredOn: supportPointSignals.occurredOn, description: supportPointSignals.description, themeName: supportPointThemes.name, schoolName: schools.name, schoolId: supportPointSignals.schoolId, sharedWithSchool: supportPointSignals.sharedWithSchool })
    .from(supportPointSignals)
    .innerJoin(supportPointThemes, eq(supportPointThemes.id, supportPointSignals.themeId))
    .leftJoin(schools, eq(schools.id, supportPointSignals.schoolId))
    .where(eq(supportPointSignals.partnershipId, partnershipId))
    .orderBy(desc(supportPointSignals.occurredOn))
    .limit(200);
}
