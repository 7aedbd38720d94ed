/** The only module that reads and writes plausibility_verdicts. */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { boards, schools } from '../partnerships/schema.js';
import { profiles } from '../questionnaire/schema.js';
import { plausibilityVerdicts, type PlausibilityVerdict } from './schema.js';

export type VerdictRow = typeof plausibilityVerdicts.$inferSelect;

export async function getVerdict(db: DbOrTx, profileId: string): Promise<VerdictRow | null> {
  const [row] = await db.select().from(plausibilityVerdicts).where(eq(plausibilityVerdicts.profileId, profileId));
  return row ?? null;
}

/** Records the verdict, replacing an earlier one of the same profile (the audit log keeps the earlier one). */
export async function saveVerdict(db: DbOrTx, row: VerdictRow): Promise<void> {
  const { profileId, ...rest } = row;
  await db.insert(plausibilityVerdicts).values(row).onConflictDoUpdate({ target: plausibilityVerdicts.profileId, set: rest });
}

export interface VerdictOverviewRow {
  schoolId: string;
  schoolName: string;
  boardId: string;
  boardName: string;
  profileId: string | null;
  profileStatus: string | null;
  verdict: PlausibilityVerdict | null;
  conversationOn: string | null;
}

/** Every active school of the SWV with its profile of the school year and that profile's verdict. */
export function listVerdictOverview(db: DbOrTx, partnershipId: string, schoolYear: string): Promise<VerdictOverviewRow[]> {
  return db
    .select({
      schoolId: schools.id,
      schoolName: schools.name,
      boardId: schools.boardId,
      boardName: boards.name,
      profileId: profiles.id,
      profileStatus: profiles.status,
      verdict: plausibilityVerdicts.verdict,
      conversationOn: plausibilityVerdicts.conversationOn,
    })
    .from(schools)
    .innerJoin(boards, eq(boards.id, schools.boardId))
    .leftJoin(profiles, and(eq(profiles.schoolId, schools.id), eq(profiles.schoolYear, schoolYear)))
    .leftJoin(plausibilityVerdicts, eq(plausibilityVerdicts.profileId, profiles.id))
    .where(and(eq(schools.partnershipId, partnershipId), isNull(schools.archivedAt)))
    .orderBy(asc(schools.name));
}

/** The verdicts of some profiles (for the SWV's progress page). */
export function listVerdictsOf(db: DbOrTx, profileIds: string[]): Promise<Array<Pick<VerdictRow, 'profileId' | 'verdict'>>> {
  if (profileIds.length === 0) return Promise.resolve([]);
  return db.select({ profileId: plausibilityVerdicts.profileId, verdict: plausibilityVerdicts.verdict }).from(plausibilityVerdicts).where(inArray(plausibilityVerdicts.profileId, profileIds));
}
