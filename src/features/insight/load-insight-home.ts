/**
 * The insight home of an SWV or a board: the round at a glance (schools per state, days to the deadline, late
 * schools), the share of normed answers that meet the norm, the three largest gaps, the coverage holes and
 * recent activity. Aggregates in the database; the coverage from the availability answers of the place.
 */
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { isLate } from '../cycle/transition-rules.js';
import { PROFILE_STATUSES, type ProfileStatus } from '../questionnaire/api.js';
import { computeCoverageFromCounts, coverageHoles, coverageItems, emptyTally, gapCount, meetsShare, type CoverageHole, type Tally } from './figures.js';
import { loadInsightContext, type InsightContext, type NormedItem } from './insight-context.js';
import { countCoverageLevels, countNormStatuses, listRecentActivity, listSchoolsWithAnswer, type ActivityRow, type InsightSchool } from './repository.js';

const OPEN_STATUSES: readonly string[] = ['not_started', 'in_progress'];

export interface InsightHome {
  context: InsightContext;
  statusCounts: Record<ProfileStatus, number>;
  /** Schools of the place (not archived) without a profile this year. */
  withoutProfile: number;
  /** Days from today to the submit deadline (negative once it has passed). */
  daysToDeadline: number;
  /** Schools that have not submitted by a passed deadline, or submitted after it. */
  late: Array<{ school: InsightSchool; submittedLate: boolean }>;
  swv: { tally: Tally; share: number | null };
  national: { tally: Tally; share: number | null } | null;
  /** The items most schools are below the norm on (at most three, only items with a gap). */
  largestGaps: Array<{ entry: NormedItem; gaps: number; schools: number }>;
  holes: CoverageHole[];
  activity: ActivityRow[];
}

function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

export async function loadInsightHome(options: { db: DbOrTx; clock: Clock; auth: Authorized; schoolYear?: string | undefined; noDistrict: string }): Promise<InsightHome> {
  const { db } = options;
  const context = await loadInsightContext({ ...options, filters: {} });
  const { cycle, schools, today } = context;
  const statusCounts = Object.fromEntries(PROFILE_STATUSES.map((status) => [status, 0])) as Record<ProfileStatus, number>;
  for (const school of schools) statusCounts[school.status as ProfileStatus] += 1;
  const late = schools
    .filter((school) => (OPEN_STATUSES.includes(school.status!) && today > cycle.submitDeadline) || isLate(school.submittedAt, cycle.submitDeadline))
    .map((school) => ({ school, submittedLate: !OPEN_STATUSES.includes(school.status!) }));

  // Counted over the schools with a profile; a school without a row on an item has not answered it.
  const counts = await countNormStatuses(db, context.place, context.schoolYear, context.normedItems.map(({ item }) => item.key));
  const perItem = new Map<string, Tally>();
  const swvTally = emptyTally();
  for (const row of counts) {
    const tally = perItem.get(row.itemKey) ?? emptyTally();
    const status = row.normStatus === null ? (row.hasAmbition ? 'ambition' : 'unanswered') : row.normStatus === 'below' && row.hasAmbition ? 'ambition' : row.normStatus;
    tally[status] += row.schools;
    perItem.set(row.itemKey, tally);
  }
  const swvItems = context.normedItems.filter((entry) => entry.hasNorm);
  for (const { item } of swvItems) {
    const tally = perItem.get(item.key) ?? emptyTally();
    for (const status of ['meets', 'below', 'ambition', 'cannot-judge'] as const) swvTally[status] += tally[status];
  }
  const largestGaps = swvItems
    .map((entry) => ({ entry, gaps: gapCount(perItem.get(entry.item.key) ?? emptyTally()), schools: schools.length }))
    .filter((row) => row.gaps > 0)
    .sort((a, b) => b.gaps - a.gaps || a.entry.item.title.localeCompare(b.entry.item.title, 'nl'))
    .slice(0, 3);

  // The national norm's share is counted from the cells only where the template has national norms.
  let national: InsightHome['national'] = null;
  if (context.normedItems.some((entry) => entry.hasNationalNorm)) {
    const keys = new Set(context.normedItems.filter((entry) => entry.hasNationalNorm).map(({ item }) => item.key));
    const tally = emptyTally();
    for (const row of counts) {
      const stored = row.nationalNormStatus;
      if (stored === null || !keys.has(row.itemKey)) continue;
      tally[stored === 'below' && row.hasAmbition ? 'ambition' : stored] += row.schools;
    }
    national = { tally, share: meetsShare(tally) };
  }

  // Counted in the database per district; only the schools offering an item at school level come back by name.
  const items = coverageItems(context.template);
  const levelCounts = await countCoverageLevels(db, context.place, {}, context.schoolYear, items.map(({ item }) => item.key), 'district');
  const coverage = computeCoverageFromCounts({ template: context.template, schools, counts: levelCounts, by: 'district', noDistrict: options.noDistrict });
  const withHoles = coverage.filter((entry) => entry.cells.some((cell) => cell.atSchool === 0));
  const offers = await listSchoolsWithAnswer(db, context.place, {}, context.schoolYear, withHoles.map((entry) => ({ itemKey: entry.item.key, value: entry.levels[0]!.value })));
  const holes = coverageHoles(coverage, schools, offers);
  const activity = await listRecentActivity(db, context.place, context.schoolYear, 8);
  return {
    context,
    statusCounts,
    withoutProfile: context.allSchools.filter((school) => school.profileId === null).length,
    daysToDeadline: daysBetween(today, cycle.submitDeadline),
    late,
    swv: { tally: swvTally, share: meetsShare(swvTally) },
    national,
    largestGaps,
    holes,
    activity,
  };
}
