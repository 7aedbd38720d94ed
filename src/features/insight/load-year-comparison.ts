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
import type { CellStatus } from './figures.js';
import { loadInsightContext, type InsightContext, type InsightFilters, type NormedItem } from './insight-context.js';
import { AppError } from '../../auth/app-error.js';
import { MATRIX_PAGE_SIZE, type MatrixPaging } from './load-basic-support.js';
import { insightMessages } from './messages.js';
import { listProfilesOfYear, listYearCycles, type InsightSchool } from './repository.js';
import { loadSchoolSummaries, SummaryColumns, SWV_CLASS } from './summary.js';

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
  /** Page through a big place (the screen); without it every school is named (the export). */
  paging?: { page?: number | undefined; size?: number | undefined } | undefined;
}): Promise<YearComparisonPage> {
  const { db } = options;
  const context = await loadInsightContext(options);
  const earlier = context.years.filter((year) => year < context.schoolYear);
  const previousYear = options.previousYear && earlier.includes(options.previousYear) ? options.previousYear : (earlier[0] ?? null);
  const items = context.normedItems.filter((entry) => entry.hasNorm);
  // Both years from the per-profile summary (decision 0024): one short row per school and year, read column by
  // column (SummaryColumns) — 7,000 schools × ~150 items × two years without a decoded object per cell.
  const nowSummaries = await loadSchoolSummaries(db, context.place.partnershipId, context.schoolYear, context.schools);
  const nowColumns = new SummaryColumns(nowSummaries, context.schools.map((school) => school.id));
  const meetsIn = (classes: Uint8Array) => classes.reduce((sum, value) => sum + (value === SWV_CLASS.meets ? 1 : 0), 0);
  if (!previousYear) {
    return {
      context,
      previousYear,
      items: items.map((entry) => ({ entry, comparability: 'new', compared: 0, meetsBefore: null, meetsNow: meetsIn(nowColumns.swvClasses(entry.item.key)), rose: [], fell: [] })),
    };
  }
  const previousCycle = (await listYearCycles(db, context.place.partnershipId)).find((cycle) => cycle.schoolYear === previousYear)!;
  const previousTemplate = await loadTemplateDefinition(db, previousCycle.templateVersionId);
  const diffs = new Map(diffTemplateVersions(previousTemplate, context.template).items.map((diff) => [diff.key, diff]));
  // The schools compared: in view now (so the filters hold) and with a profile in the earlier year.
  const previousProfileOf = new Map((await listProfilesOfYear(db, context.place, previousYear)).map((row) => [row.schoolId, row.profileId]));
  const both = context.schools.filter((school) => previousProfileOf.has(school.id));
  const beforeSummaries = await loadSchoolSummaries(
    db,
    context.place.partnershipId,
    previousYear,
    both.map((school) => ({ ...school, profileId: previousProfileOf.get(school.id)! })),
  );
  const bothIds = both.map((school) => school.id);
  const beforeColumns = new SummaryColumns(beforeSummaries, bothIds);
  const nowBothColumns = new SummaryColumns(nowSummaries, bothIds);
  const comparison: YearComparisonPage = {
    context,
    previousYear,
    items: items.map((entry) => {
      const comparability = comparabilityOf(diffs.get(entry.item.key));
      if (comparability === 'new' || comparability === 'changed') return { entry, comparability, compared: 0, meetsBefore: null, meetsNow: meetsIn(nowColumns.swvClasses(entry.item.key)), rose: [], fell: [] };
      const before = beforeColumns.swvClasses(entry.item.key);
      const now = nowBothColumns.swvClasses(entry.item.key);
      const rose: InsightSchool[] = [];
      const fell: InsightSchool[] = [];
      let meetsBefore = 0;
      let meetsBoth = 0;
      // compareStatuses on the classes: below (or ambition) to meets rose, meets to below fell; "cannot judge" neither.
      for (let index = 0; index < both.length; index++) {
        const was = before[index]!;
        const is = now[index]!;
        if (was === SWV_CLASS.meets) meetsBefore += 1;
        if (is === SWV_CLASS.meets) meetsBoth += 1;
        if (was === SWV_CLASS.below && is === SWV_CLASS.meets) rose.push(both[index]!);
        else if (was === SWV_CLASS.meets && is === SWV_CLASS.below) fell.push(both[index]!);
      }
      // Both counts over the schools compared (a profile in both years), so they can be set side by side.
      return { entry, comparability, compared: both.length, meetsBefore, meetsNow: meetsBoth, rose, fell };
    }),
  };
  const size = options.paging?.size ?? MATRIX_PAGE_SIZE;
  if (!options.paging || context.schools.length <= size) return comparison;
  // A big place on screen: the counts stay every school's, the names of who rose or fell are the page's schools.
  const total = context.schools.length;
  const pages = Math.ceil(total / size);
  const page = options.paging.page ?? 1;
  if (page > pages) throw new AppError('invalid_input', insightMessages[options.auth.principal.locale].badPage);
  const pageSchools = context.schools.slice((page - 1) * size, page * size);
  const onPage = new Set(pageSchools.map((school) => school.id));
  return {
    ...comparison,
    paging: { page, pages, size, first: (page - 1) * size + 1, last: (page - 1) * size + pageSchools.length, total },
    items: comparison.items.map((item) => ({
      ...item,
      roseCount: item.rose.length,
      fellCount: item.fell.length,
      rose: item.rose.filter((school) => onPage.has(school.id)),
      fell: item.fell.filter((school) => onPage.has(school.id)),
    })),
  };
}
