/** The only module that reads and writes the support point's themes and signals. */
import { and, asc, count, desc, eq, isNull } from 'drizzle-orm';
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

/** Every signal with its description: only for the support point's own view. */
export function listSignals(db: DbOrTx, partnershipId: string) {
  return db
    .select({ id: supportPointSignals.id, occurredOn: supportPointSignals.occurredOn, description: supportPointSignals.description, themeName: supportPointThemes.name, schoolName: schools.name })
    .from(supportPointSignals)
    .innerJoin(supportPointThemes, eq(supportPointThemes.id, supportPointSignals.themeId))
    .leftJoin(schools, eq(schools.id, supportPointSignals.schoolId))
    .where(eq(supportPointSignals.partnershipId, partnershipId))
    .orderBy(desc(supportPointSignals.occurredOn))
    .limit(200);
}
