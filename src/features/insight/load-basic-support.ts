/**
 * The basic-support matrix: schools × normed items with each cell's status (meets / below / ambition /
 * cannot judge / not answered), totals per item and per school, against the SWV's norm or the national one.
 * One query for the cells of every school in view.
 */
import { loadProfileListColumns, type ProfileListColumnData } from '../cycle/profile-cycle-sections.js';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { CELL_STATUSES, cellKey, cellStatus, emptyTally, type CellStatus, type NormKind, type Tally } from './figures.js';
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
  const byKey = new Map(cells.map((cell) => [cellKey(cell.schoolId, cell.itemKey), cell]));
  const items = context.normedItems.filter((entry) => (which === 'swv' ? entry.hasNorm : entry.hasNationalNorm));
  const overall = emptyTally();
  const rows = context.schools.map((school) => {
    const totals = emptyTally();
    const statuses = items.map(({ item }) => {
      const status = cellStatus(byKey.get(cellKey(school.id, item.key)), which);
      totals[status] += 1;
      overall[status] += 1;
      return status;
    });
    return { school, cells: statuses, totals };
  });
  const itemTotals = context.normedItems.map((entry) => {
    const tallyFor = (kind: NormKind) => {
      const tally = emptyTally();
      for (const school of context.schools) tally[cellStatus(byKey.get(cellKey(school.id, entry.item.key)), kind)] += 1;
      return tally;
    };
    return { entry, swv: entry.hasNorm ? tallyFor('swv') : null, national: entry.hasNationalNorm ? tallyFor('national') : null };
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
