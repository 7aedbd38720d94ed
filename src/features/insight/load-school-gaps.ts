/**
 * One school's gaps: the normed items where it is below the norm (with or without an ambition), cannot be
 * judged, or has not answered — against the SWV's norm and the national one side by side. The school must be
 * one of the place's schools (another SWV's or another board's school: 404).
 */
import { AppError } from '../../auth/app-error.js';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { cellStatus, type CellStatus } from './figures.js';
import { loadInsightContext, type InsightContext, type NormedItem } from './insight-context.js';
import type { InsightSchool } from './repository.js';
import { loadSchoolSummaries } from './summary.js';

export interface SchoolGap {
  entry: NormedItem;
  swv: CellStatus | null;
  national: CellStatus | null;
}

export interface SchoolGapsPage {
  context: InsightContext;
  school: InsightSchool;
  gaps: SchoolGap[];
  meets: number;
  total: number;
}

export async function loadSchoolGaps(options: { db: DbOrTx; clock: Clock; auth: Authorized; schoolYear?: string | undefined; schoolId: string }): Promise<SchoolGapsPage> {
  const context = await loadInsightContext({ ...options, filters: {}, onlySchoolId: options.schoolId });
  // The tenant check: only a school of this place (SWV or board) with a profile that year.
  const school = context.schools.find((candidate) => candidate.id === options.schoolId);
  if (!school) throw new AppError('not_found');
  // The school's one summary row, read by its profile id (the primary key; decision 0024), not its answer rows.
  const summaries = await loadSchoolSummaries(options.db, context.place.partnershipId, context.schoolYear, [school]);
  let meets = 0;
  const gaps: SchoolGap[] = [];
  for (const entry of context.normedItems) {
    const cell = summaries.cell(school.id, entry.item.key);
    const swv = entry.hasNorm ? cellStatus(cell, 'swv') : null;
    const national = entry.hasNationalNorm ? cellStatus(cell, 'national') : null;
    if ((swv ?? national) === 'meets' && (national === null || national === 'meets')) meets += 1;
    else gaps.push({ entry, swv, national });
  }
  return { context, school, gaps, meets, total: context.normedItems.length };
}
