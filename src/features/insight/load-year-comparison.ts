/**
 * Year over year: per normed item, which schools rose above the norm and which fell below it between two school
 * years. Items are compared across template versions only where the carry-over rule calls them the same
 * (unchanged, or changed in a way that keeps or checks the answer: templates/model/diff-versions.ts); other
 * changed items are shown as changed, not as a rise or fall. A norm change keeps the answers, so the item is
 * compared and marked "norm changed": a school may rise or fall because the norm moved. "Cannot judge" is its
 * own status: never counted as a rise or a fall.
 */
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { loadTemplateDefinition } from '../questionnaire/template-cache.js';
import { diffTemplateVersions, type ItemDiff } from '../templates/model/diff-versions.js';
import { cellStatus, type CellStatus } from './figures.js';
import { loadInsightContext, matchesFilters, type InsightContext, type InsightFilters, type NormedItem } from './insight-context.js';
import { MATRIX_PAGE_SIZE, type MatrixPaging } from './load-basic-support.js';
import { AppError } from '../../auth/app-error.js';
import { insightMessages } from './messages.js';
import { countNormStatusesInView, countYearChanges, listAnswerCells, listAnswerCellsOfPage, listPlaceSchools, listYearCycles, type AnswerCell, type InsightSchool } from './repository.js';

/** Cells per school, then per item (a few thousand small maps rather than one map of every school × item). */
function bySchoolAndItem(cells: AnswerCell[]): Map<string, Map<string, AnswerCell>> {
  const bySchool = new Map<string, Map<string, AnswerCell>>();
  for (const cell of cells) {
    let ofSchool = bySchool.get(cell.schoolId);
    if (!ofSchool) bySchool.set(cell.schoolId, (ofSchool = new Map()));
    ofSchool.set(cell.itemKey, cell);
  }
  return bySchool;
}

export type Comparability = 'same' | 'norm-changed' | 'changed' | 'new';

/** How an item of this year relates to last year's, by the carry-over rule. */
export function comparabilityOf(diff: ItemDiff | undefined): Comparability {
  if (!diff || diff.status === 'new') return 'new';
  if (diff.status === 'unchanged') return 'same';
  if (diff.carryOver === 'keep' || diff.carryOver === 'check') return diff.changes.includes('norm') ? 'norm-changed' : 'same';
  return 'changed';
}

const BELOW: readonly CellStatus[] = ['below', 'ambition'];

export function compareStatuses(before: CellStatus, now: CellStatus): 'rose' | 'fell' | null {
  if (BELOW.includes(before) && now === 'meets') return 'rose';
  if (before === 'meets' && BELOW.includes(now)) return 'fell';
  return null;
}

export interface ItemComparison {
  entry: NormedItem;
  comparability: Comparability;
  /** Schools with a profile in both years (the ones compared). */
  compared: number;
  meetsBefore: number | null;
  meetsNow: number;
  rose: InsightSchool[];
  fell: InsightSchool[];
  /** A paged big place: how many rose and fell among every school compared (`rose`/`fell` name the page's). */
  roseCount?: number | undefined;
  fellCount?: number | undefined;
}

export interface YearComparisonPage {
  context: InsightContext;
  previousYear: string | null;
  items: ItemComparison[];
  /** Set for a place with more schools than a page: the counts are every school's, the names the page's. */
  paging?: MatrixPaging | undefined;
}

export async function loadYearComparison(options: {
  db: DbOrTx;
  clock: Clock;
  auth: Authorized;
  schoolYear?: string | undefined;
  previousYear?: string | undefined;
  filters: InsightFilters;
  /** Page through a big place (the screen); without it every school is read (the export). */
  paging?: { page?: number | undefined; size?: number | undefined } | undefined;
}): Promise<YearComparisonPage> {
  const { db } = options;
  const context = await loadInsightContext(options);
  const earlier = context.years.filter((year) => year < context.schoolYear);
  const previousYear = options.previousYear && earlier.includes(options.previousYear) ? options.previousYear : (earlier[0] ?? null);
  const items = context.normedItems.filter((entry) => entry.hasNorm);
  const keys = items.map(({ item }) => item.key);
  if (!previousYear) {
    const nowCells = bySchoolAndItem(await listAnswerCells(db, context.place, context.schoolYear, keys));
    return {
      context,
      previousYear,
      items: items.map((entry) => ({
        entry,
        comparability: 'new',
        compared: 0,
        meetsBefore: null,
        meetsNow: context.schools.filter((school) => cellStatus(nowCells.get(school.id)?.get(entry.item.key), 'swv') === 'meets').length,
        rose: [],
        fell: [],
      })),
    };
  }
  const previousCycle = (await listYearCycles(db, context.place.partnershipId)).find((cycle) => cycle.schoolYear === previousYear)!;
  const previousTemplate = await loadTemplateDefinition(db, previousCycle.templateVersionId);
  const diffs = new Map(diffTemplateVersions(previousTemplate, context.template).items.map((diff) => [diff.key, diff]));
  const previousSchools = new Set(
    (await listPlaceSchools(db, context.place, previousYear)).filter((school) => school.profileId !== null && matchesFilters(school, context.filters)).map((school) => school.id),
  );
  const both = context.schools.filter((school) => previousSchools.has(school.id));
  const size = options.paging?.size ?? MATRIX_PAGE_SIZE;
  if (options.paging && context.schools.length > size) {
    return comparePage(db, context, previousYear, items, both, diffs, options.paging.page ?? 1, size);
  }
  const nowCells = bySchoolAndItem(await listAnswerCells(db, context.place, context.schoolYear, keys));
  const beforeCells = bySchoolAndItem(await listAnswerCells(db, context.place, previousYear, keys));
  return {
    context,
    previousYear,
    items: items.map((entry) => {
      const comparability = comparabilityOf(diffs.get(entry.item.key));
      const nowOf = (school: InsightSchool) => cellStatus(nowCells.get(school.id)?.get(entry.item.key), 'swv');
      const meetsNow = context.schools.filter((school) => nowOf(school) === 'meets').length;
      if (comparability === 'new' || comparability === 'changed') return { entry, comparability, compared: 0, meetsBefore: null, meetsNow, rose: [], fell: [] };
      const rose: InsightSchool[] = [];
      const fell: InsightSchool[] = [];
      let meetsBefore = 0;
      let meetsBoth = 0;
      for (const school of both) {
        const before = cellStatus(beforeCells.get(school.id)?.get(entry.item.key), 'swv');
        const now = nowOf(school);
        if (before === 'meets') meetsBefore += 1;
        if (now === 'meets') meetsBoth += 1;
        const change = compareStatuses(before, now);
        if (change === 'rose') rose.push(school);
        if (change === 'fell') fell.push(school);
      }
      // Both counts over the schools compared (a profile in both years), so they can be set side by side.
      return { entry, comparability, compared: both.length, meetsBefore, meetsNow: meetsBoth, rose, fell };
    }),
  };
}

/**
 * One page of a big place: the counts (meets before and now, rose, fell) of every school compared, in the
 * database; the names of the schools that rose or fell only among the page's schools, from their cells alone.
 */
async function comparePage(
  db: DbOrTx,
  context: InsightContext,
  previousYear: string,
  items: NormedItem[],
  both: InsightSchool[],
  diffs: Map<string, ItemDiff>,
  page: number,
  size: number,
): Promise<YearComparisonPage> {
  const total = context.schools.length;
  const pages = Math.ceil(total / size);
  if (page > pages) throw new AppError('invalid_input', insightMessages.nl.badPage);
  const pageSchools = context.schools.slice((page - 1) * size, page * size);
  const inBoth = new Set(both.map((school) => school.id));
  const keys = items.map(({ item }) => item.key);
  const ids = pageSchools.map((school) => school.id);
  const nowCells = bySchoolAndItem(await listAnswerCellsOfPage(db, context.place, context.schoolYear, keys, ids));
  const beforeCells = bySchoolAndItem(await listAnswerCellsOfPage(db, context.place, previousYear, keys, ids));
  const changes = new Map((await countYearChanges(db, context.place, context.filters, context.schoolYear, previousYear, keys)).map((row) => [row.itemKey, row]));
  const meetsInView = new Map<string, number>();
  for (const row of await countNormStatusesInView(db, context.place, context.filters, context.schoolYear, keys)) {
    if (row.normStatus === 'meets') meetsInView.set(row.itemKey, (meetsInView.get(row.itemKey) ?? 0) + row.schools);
  }
  return {
    context,
    previousYear,
    paging: { page, pages, size, first: (page - 1) * size + 1, last: (page - 1) * size + pageSchools.length, total },
    items: items.map((entry) => {
      const comparability = comparabilityOf(diffs.get(entry.item.key));
      if (comparability === 'new' || comparability === 'changed') {
        return { entry, comparability, compared: 0, meetsBefore: null, meetsNow: meetsInView.get(entry.item.key) ?? 0, rose: [], fell: [] };
      }
      const counted = changes.get(entry.item.key);
      const rose: InsightSchool[] = [];
      const fell: InsightSchool[] = [];
      for (const school of pageSchools) {
        if (!inBoth.has(school.id)) continue;
        const change = compareStatuses(cellStatus(beforeCells.get(school.id)?.get(entry.item.key), 'swv'), cellStatus(nowCells.get(school.id)?.get(entry.item.key), 'swv'));
        if (change === 'rose') rose.push(school);
        if (change === 'fell') fell.push(school);
      }
      return {
        entry,
        comparability,
        compared: both.length,
        meetsBefore: counted?.meetsBefore ?? 0,
        meetsNow: counted?.meetsNow ?? 0,
        rose,
        fell,
        roseCount: counted?.rose ?? 0,
        fellCount: counted?.fell ?? 0,
      };
    }),
  };
}
