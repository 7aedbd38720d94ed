/**
 * The basic-support matrix: schools × normed items with each cell's status (meets / below / ambition /
 * cannot judge / not answered), totals per item and per school, against the SWV's norm or the national one.
 * The cells come from the per-profile summary: one short row per school in view (decision 0024).
 */
import { loadProfileListColumns, type ProfileListColumnData } from '../cycle/profile-cycle-sections.js';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { AppError } from '../../auth/app-error.js';
import { CELL_STATUSES, cellStatus, emptyTally, type CellStatus, type NormKind, type StoredCell, type Tally } from './figures.js';
import { loadInsightContext, type InsightContext, type InsightFilters, type NormedItem } from './insight-context.js';
import { insightMessages } from './messages.js';
import type { AnswerCell, InsightSchool } from './repository.js';
import { loadSchoolSummaries } from './summary.js';

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
  /** Page through a big place (the screen); without it every school (the exports). */
  paging?: { page?: number | undefined; size?: number | undefined } | undefined;
}): Promise<BasicSupportPage> {
  const context = await loadInsightContext(options);
  // The schools in view only (the context's filters): their summaries, one short row each. The totals per item
  // and overall are the whole place's even when the screen shows one page of rows.
  const summaries = await loadSchoolSummaries(options.db, context.place.partnershipId, context.schoolYear, context.schools);
  const matrix = buildMatrix(context, summaries, options.which);
  const size = options.paging?.size ?? MATRIX_PAGE_SIZE;
  if (!options.paging || context.schools.length <= size) {
    const profileIds = context.schools.flatMap((school) => (school.profileId ? [school.profileId] : []));
    return { context, ...matrix, columns: await loadProfileListColumns(options.db, profileIds) };
  }
  const total = context.schools.length;
  const pages = Math.ceil(total / size);
  const page = options.paging.page ?? 1;
  if (page > pages) throw new AppError('invalid_input', insightMessages[options.auth.principal.locale].badPage);
  const rows = matrix.rows.slice((page - 1) * size, page * size);
  const profileIds = rows.flatMap((row) => (row.school.profileId ? [row.school.profileId] : []));
  return {
    context,
    ...matrix,
    rows,
    columns: await loadProfileListColumns(options.db, profileIds),
    paging: { page, pages, size, first: (page - 1) * size + 1, last: (page - 1) * size + rows.length, total },
  };
}

/**
 * Every school of the place for a streamed export: the totals once, then the rows a batch of schools at a time
 * (only that batch's summaries and rows in memory), so 7,000 schools' cells never sit in one array.
 */
export async function loadBasicSupportInBatches(
  options: { db: DbOrTx; clock: Clock; auth: Authorized; schoolYear?: string | undefined; filters: InsightFilters; which: NormKind },
  batchSize = MATRIX_PAGE_SIZE,
): Promise<{ page: BasicSupportPage; batches: () => AsyncGenerator<MatrixRow[]> }> {
  const context = await loadInsightContext(options);
  const partnershipId = context.place.partnershipId;
  // Totals over every school: the summaries are one short row per school, the rows are dropped at once.
  const totals = buildMatrix(context, await loadSchoolSummaries(options.db, partnershipId, context.schoolYear, context.schools), options.which);
  async function* batches(): AsyncGenerator<MatrixRow[]> {
    for (let start = 0; start < context.schools.length; start += batchSize) {
      const schools = context.schools.slice(start, start + batchSize);
      const summaries = await loadSchoolSummaries(options.db, partnershipId, context.schoolYear, schools);
      yield buildMatrix({ ...context, schools }, summaries, options.which).rows;
    }
  }
  return { page: { context, ...totals, rows: [], columns: [] }, batches };
}

export { CELL_STATUSES };
