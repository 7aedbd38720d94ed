/** The only module that reads and writes cycles, profile transitions and review remarks. */
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { cycles } from './schema.js';

export type CycleRow = typeof cycles.$inferSelect;

export async function getCycleFor(db: DbOrTx, partnershipId: string, schoolYear: string): Promise<CycleRow | null> {
  const [row] = await db.select().from(cycles).where(and(eq(cycles.partnershipId, partnershipId), eq(cycles.schoolYear, schoolYear)));
  return row ?? null;
}

export function listCycles(db: DbOrTx, partnershipId: string): Promise<CycleRow[]> {
  return db.select().from(cycles).where(eq(cycles.partnershipId, partnershipId)).orderBy(desc(cycles.schoolYear));
}

export async function insertCycle(db: DbOrTx, row: typeof cycles.$inferInsert): Promise<void> {
  await db.insert(cycles).values(row);
}
