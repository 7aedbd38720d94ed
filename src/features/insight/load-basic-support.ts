/**
 * The basic-support matrix: schools × normed items with each cell's status (meets / below / ambition /
 * cannot judge / not answered), totals per item and per school, against the SWV's norm or the national one.
 * The cells come from the per-profile summary: one short row per school in view (decision 0024).
 */
import { loadProfileListColumns, type ProfileListColumnData } from '../cycle/profile-cycle-sections.js';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { CELL_STATUSES, cellStatus, emptyTally, type CellStatus, type NormKind, type StoredCell, type Tally } from './figures.js';
import { loadInsightContext, type InsightContext, type InsightFilters, type NormedItem } from './insight-context.js';
import type { AnswerCell, InsightSchool } from './repository.js';
import { loadSchoolSummaries } from './summary.js';

export interface MatrixRow {
  school: InsightSchool;
  cells: CellStatus[];
  totals: Tally;
}

export interface ItemTotals {
  entry: NormedItem;
  swv: Tally | null;
  national: Tally | null;
}

export interface BasicSupportPage {
  context: InsightContext;
  which: NormKind;
  /** Items carrying the chosen norm: the matrix's columns. */
  items: NormedItem[];
  rows: MatrixRow[];
  /** Per item: totals against both norms (side by side where the item has both). */
  itemTotals: ItemTotals[];
  overall: Tally;
  /** Whether any item of the template carries a national norm (offer the switch). */
  hasNational: boolean;
  /** Columns other features add per school (the adviser's verdict, linked to it). */
  columns: ProfileListColumnData[];
}

/** Where a matrix reads a school's row on an item: the summary (SchoolSummaries) or the answer rows themselves. */
export interface CellSource {
  cell(schoolId: string, itemKey: string): StoredCell | undefined;
}

/** A CellSource over answer rows (per school, then per item). */
export function cellsFromRows(cells: AnswerCell[]): CellSource {
  const bySchool = new Map<string, Map<string, AnswerCell>>();
  for (const cell of cells) {
    let ofSchool = bySchool.get(cell.schoolId);
    if (!ofSchool) bySchool.set(cell.schoolId, (ofSchool = new Map()));
    ofSchool.set(cell.itemKey, cell);
  }
  return { cell: (schoolId, itemKey) => bySchool.get(schoolId)?.get(itemKey) };
}

export function buildMatrix(context: InsightContext, cells: AnswerCell[] | CellSource, which: NormKind): Omit<BasicSupportPage, 'context' | 'columns'> {
  const source = Array.isArray(cells) ? cellsFromRows(cells) : cells;
  const items = context.normedItems.filter((entry) => (which === 'swv' ? entry.hasNorm : entry.hasNationalNorm));
  const inMatrix = context.normedItems.map((entry) => (which === 'swv' ? entry.hasNorm : entry.hasNationalNorm));
  const itemTotals = context.normedItems.map((entry) => ({ entry, swv: entry.hasNorm ? emptyTally() : null, national: entry.hasNationalNorm ? emptyTally() : null }));
  const overall = emptyTally();
  const rows = context.schools.map((school) => {
    const totals = emptyTally();
    const statuses: CellStatus[] = [];
    context.normedItems.forEach((entry, index) => {
      const cell = source.cell(school.id, entry.item.key);
      const swv = entry.hasNorm ? cellStatus(cell, 'swv') : null;
      const national = entry.hasNationalNorm ? cellStatus(cell, 'national') : null;
      const totalsOfItem = itemTotals[index]!;
      if (swv) totalsOfItem.swv![swv] += 1;
      if (national) totalsOfItem.national![national] += 1;
      if (!inMatrix[index]) return;
      const status = (which === 'swv' ? swv : national)!;
      statuses.push(status);
      totals[status] += 1;
      overall[status] += 1;
    });
    return { school, cells: statuses, totals };
  });
  return { which, items, rows, itemTotals, overall, hasNational: context.normedItems.some((entry) => entry.hasNationalNorm) };
}

export async function loadBasicSupport(options: {
  db: DbOrTx;
  clock: Clock;
  auth: Authorized;
  schoolYear?: string | undefined;
  filters: InsightFilters;
  which: NormKind;
}): Promise<BasicSupportPage> {
  const context = await loadInsightContext(options);
  // The schools in view only (the context's filters): their summaries, one short row each.
  const summaries = await loadSchoolSummaries(options.db, context.place.partnershipId, context.schoolYear, context.schools);
  const profileIds = context.schools.flatMap((school) => (school.profileId ? [school.profileId] : []));
  return { context, ...buildMatrix(context, summaries, options.which), columns: await loadProfileListColumns(options.db, profileIds) };
}

export { CELL_STATUSES };
