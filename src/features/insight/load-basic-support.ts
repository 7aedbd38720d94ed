/**
 * The basic-support matrix: schools × normed items with each cell's status (meets / below / ambition /
 * cannot judge / not answered), totals per item and per school, against the SWV's norm or the national one.
 * One query for the cells of every school in view.
 */
import { loadProfileListColumns, type ProfileListColumnData } from '../cycle/profile-cycle-sections.js';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { CELL_STATUSES, cellStatus, emptyTally, type CellStatus, type NormKind, type Tally } from './figures.js';
import { loadInsightContext, type InsightContext, type InsightFilters, type NormedItem } from './insight-context.js';
import { listAnswerCells, type AnswerCell, type InsightSchool } from './repository.js';

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

export function buildMatrix(context: InsightContext, cells: AnswerCell[], which: NormKind): Omit<BasicSupportPage, 'context' | 'columns'> {
  // Cells per school, then per item: one pass over the schools fills the rows and both norms' item totals.
  const bySchool = new Map<string, Map<string, AnswerCell>>();
  for (const cell of cells) {
    let ofSchool = bySchool.get(cell.schoolId);
    if (!ofSchool) bySchool.set(cell.schoolId, (ofSchool = new Map()));
    ofSchool.set(cell.itemKey, cell);
  }
  const items = context.normedItems.filter((entry) => (which === 'swv' ? entry.hasNorm : entry.hasNationalNorm));
  const inMatrix = context.normedItems.map((entry) => (which === 'swv' ? entry.hasNorm : entry.hasNationalNorm));
  const itemTotals = context.normedItems.map((entry) => ({ entry, swv: entry.hasNorm ? emptyTally() : null, national: entry.hasNationalNorm ? emptyTally() : null }));
  const overall = emptyTally();
  const empty = new Map<string, AnswerCell>();
  const rows = context.schools.map((school) => {
    const ofSchool = bySchool.get(school.id) ?? empty;
    const totals = emptyTally();
    const statuses: CellStatus[] = [];
    context.normedItems.forEach((entry, index) => {
      const cell = ofSchool.get(entry.item.key);
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
  const cells = await listAnswerCells(options.db, context.place, context.schoolYear, context.normedItems.map(({ item }) => item.key));
  const inView = new Set(context.schools.map((school) => school.id));
  const profileIds = context.schools.flatMap((school) => (school.profileId ? [school.profileId] : []));
  return { context, ...buildMatrix(context, cells.filter((cell) => inView.has(cell.schoolId)), options.which), columns: await loadProfileListColumns(options.db, profileIds) };
}

export { CELL_STATUSES };
