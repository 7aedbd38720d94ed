/** One normed item across the place's schools: which schools meet the norm and which are below it (per status). */
import { AppError } from '../../auth/app-error.js';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { cellKey, cellStatus, compareDutch, emptyTally, type CellStatus, type Tally } from './figures.js';
import { loadInsightContext, type InsightContext, type NormedItem } from './insight-context.js';
import { listAnswerCells, type InsightSchool } from './repository.js';

export interface ItemSchoolsPage {
  context: InsightContext;
  entry: NormedItem;
  rows: Array<{ school: InsightSchool; swv: CellStatus | null; national: CellStatus | null }>;
  swv: Tally | null;
  national: Tally | null;
}

export async function loadItemSchools(options: { db: DbOrTx; clock: Clock; auth: Authorized; schoolYear?: string | undefined; itemKey: string }): Promise<ItemSchoolsPage> {
  const context = await loadInsightContext({ ...options, filters: {} });
  const entry = context.normedItems.find(({ item }) => item.key === options.itemKey);
  if (!entry) throw new AppError('not_found', `De vraag "${options.itemKey}" heeft geen norm in de vragenlijst van ${context.schoolYear}.`);
  const cells = await listAnswerCells(options.db, context.place, context.schoolYear, [entry.item.key]);
  const byKey = new Map(cells.map((cell) => [cellKey(cell.schoolId, cell.itemKey), cell]));
  const swv = entry.hasNorm ? emptyTally() : null;
  const national = entry.hasNationalNorm ? emptyTally() : null;
  const order: Record<CellStatus, number> = { below: 0, ambition: 1, 'cannot-judge': 2, unanswered: 3, meets: 4 };
  const rows = context.schools
    .map((school) => {
      const cell = byKey.get(cellKey(school.id, entry.item.key));
      const row = { school, swv: swv ? cellStatus(cell, 'swv') : null, national: national ? cellStatus(cell, 'national') : null };
      if (swv && row.swv) swv[row.swv] += 1;
      if (national && row.national) national[row.national] += 1;
      return row;
    })
    .sort((a, b) => order[(a.swv ?? a.national)!] - order[(b.swv ?? b.national)!] || compareDutch(a.school.name, b.school.name));
  return { context, entry, rows, swv, national };
}
