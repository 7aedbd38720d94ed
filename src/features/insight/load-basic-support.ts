/**
 * The basic-support matrix: schools × normed items with each cell's status (meets / below / ambition /
 * cannot judge / not answered), totals per item and per school, against the SWV's norm or the national one.
 * One query for the cells of every school in view.
 */
import { AppError } from '../../auth/app-error.js';
import { loadProfileListColumns, type ProfileListColumnData } from '../cycle/profile-cycle-sections.js';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { deriveNormStatus } from '../templates/model/answer.js';
import { CELL_STATUSES, cellStatus, emptyTally, type CellStatus, type NormKind, type Tally } from './figures.js';
import { loadInsightContext, type InsightContext, type InsightFilters, type NormedItem } from './insight-context.js';
import { insightMessages } from './messages.js';
import { countNormStatusesInView, listAnswerCells, listAnswerCellsOfPage, type AnswerCell, type InsightSchool, type NormCount } from './repository.js';

/**
 * A place with more schools in view than this shows its matrix one page of schools at a time (`?pagina=`; the
 * reader may choose another page size with `?aantal=`). 100 rows × ~150 items is ~15,000 cells: a page a person
 * can scroll and a browser renders at once; 7,000 rows (~1 M cells, tens of MB of HTML) is not (bench/README.md).
 */
export const MATRIX_PAGE_SIZE = 100;

/** Which schools a paged matrix shows (1-based, inclusive), out of how many. */
export interface MatrixPaging {
  page: number;
  pages: number;
  size: number;
  first: number;
  last: number;
  total: number;
}

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
  /** Set when the place has more schools than a page: `rows` are that page's, the totals the whole place's. */
  paging?: MatrixPaging | undefined;
}

/** Per item, against both norms, the tally of every school in view from the database's counts (schools without a row: not answered). */
export function itemTotalsFromCounts(context: InsightContext, counts: NormCount[]): { itemTotals: ItemTotals[]; overallOf: (which: NormKind) => Tally } {
  const schoolsInView = context.schools.length;
  const byItem = new Map<string, NormCount[]>();
  for (const row of counts) {
    const list = byItem.get(row.itemKey) ?? [];
    list.push(row);
    byItem.set(row.itemKey, list);
  }
  const tallyOf = (rows: NormCount[], which: NormKind): Tally => {
    const tally = emptyTally();
    let counted = 0;
    for (const row of rows) {
      const status = deriveNormStatus(which === 'swv' ? row.normStatus : row.nationalNormStatus, { hasNorm: true, hasAmbition: row.hasAmbition });
      tally[status === 'no-norm' ? 'unanswered' : status] += row.schools;
      counted += row.schools;
    }
    tally.unanswered += schoolsInView - counted;
    return tally;
  };
  const itemTotals = context.normedItems.map((entry) => {
    const rows = byItem.get(entry.item.key) ?? [];
    return { entry, swv: entry.hasNorm ? tallyOf(rows, 'swv') : null, national: entry.hasNationalNorm ? tallyOf(rows, 'national') : null };
  });
  const overallOf = (which: NormKind): Tally => {
    const overall = emptyTally();
    for (const totals of itemTotals) {
      const tally = which === 'swv' ? totals.swv : totals.national;
      if (tally) for (const status of CELL_STATUSES) overall[status] += tally[status];
    }
    return overall;
  };
  return { itemTotals, overallOf };
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
  /** Page through a big place (the screen); without it every school (the exports). */
  paging?: { page?: number | undefined; size?: number | undefined } | undefined;
}): Promise<BasicSupportPage> {
  const context = await loadInsightContext(options);
  const size = options.paging?.size ?? MATRIX_PAGE_SIZE;
  if (options.paging && context.schools.length > size) return loadMatrixPage(options, context, options.paging.page ?? 1, size);
  const cells = await listAnswerCells(options.db, context.place, context.schoolYear, context.normedItems.map(({ item }) => item.key));
  const inView = new Set(context.schools.map((school) => school.id));
  const profileIds = context.schools.flatMap((school) => (school.profileId ? [school.profileId] : []));
  return { context, ...buildMatrix(context, cells.filter((cell) => inView.has(cell.schoolId)), options.which), columns: await loadProfileListColumns(options.db, profileIds) };
}

/**
 * One page of a big place: the cells of the page's schools only; the totals per item (both norms) and the overall
 * tally for every school in view, counted in the database.
 */
async function loadMatrixPage(options: { db: DbOrTx; which: NormKind }, context: InsightContext, page: number, size: number): Promise<BasicSupportPage> {
  const total = context.schools.length;
  const pages = Math.ceil(total / size);
  if (page > pages) throw new AppError('invalid_input', insightMessages.nl.badPage);
  const pageSchools = context.schools.slice((page - 1) * size, page * size);
  const keys = context.normedItems.map(({ item }) => item.key);
  const cells = await listAnswerCellsOfPage(options.db, context.place, context.schoolYear, keys, pageSchools.map((school) => school.id));
  const matrix = buildMatrix({ ...context, schools: pageSchools }, cells, options.which);
  const counts = await countNormStatusesInView(options.db, context.place, context.filters, context.schoolYear, keys);
  const { itemTotals, overallOf } = itemTotalsFromCounts(context, counts);
  const profileIds = pageSchools.flatMap((school) => (school.profileId ? [school.profileId] : []));
  return {
    context,
    ...matrix,
    itemTotals,
    overall: overallOf(options.which),
    columns: await loadProfileListColumns(options.db, profileIds),
    paging: { page, pages, size, first: (page - 1) * size + 1, last: (page - 1) * size + pageSchools.length, total },
  };
}

/**
 * Every school of the place for a streamed export: the item totals counted once in the database, then the rows
 * a batch of schools at a time (only that batch's cells in memory), so 7,000 schools never sit in one array.
 */
export async function loadBasicSupportInBatches(
  options: { db: DbOrTx; clock: Clock; auth: Authorized; schoolYear?: string | undefined; filters: InsightFilters; which: NormKind },
  batchSize = MATRIX_PAGE_SIZE,
): Promise<{ page: BasicSupportPage; batches: () => AsyncGenerator<MatrixRow[]> }> {
  const context = await loadInsightContext(options);
  const keys = context.normedItems.map(({ item }) => item.key);
  const { itemTotals, overallOf } = itemTotalsFromCounts(context, await countNormStatusesInView(options.db, context.place, context.filters, context.schoolYear, keys));
  const head = buildMatrix({ ...context, schools: [] }, [], options.which);
  async function* batches(): AsyncGenerator<MatrixRow[]> {
    for (let start = 0; start < context.schools.length; start += batchSize) {
      const schools = context.schools.slice(start, start + batchSize);
      const cells = await listAnswerCellsOfPage(options.db, context.place, context.schoolYear, keys, schools.map((school) => school.id));
      yield buildMatrix({ ...context, schools }, cells, options.which).rows;
    }
  }
  return { page: { context, ...head, itemTotals, overall: overallOf(options.which), columns: [] }, batches };
}

export { CELL_STATUSES };
