/**
 * The insight home of an SWV or a board: the round at a glance (schools per state, days to the deadline, late
 * schools), the share of normed answers that meet the norm, the three largest gaps, the coverage holes and
 * recent activity. Counted from the per-profile summary (docs/decisions/0024-insight-summary-per-profile.md).
 */
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { isLate } from '../cycle/transition-rules.js';
import { PROFILE_STATUSES, type ProfileStatus } from '../questionnaire/api.js';
import { cellStatus, compareDutch, computeCoverageFromCounts, coverageHoles, coverageItems, emptyTally, gapCount, meetsShare, type CoverageHole, type Tally } from './figures.js';
import { loadInsightContext, type InsightContext, type NormedItem } from './insight-context.js';
import { listRecentTransitions, type ActivityRow, type InsightSchool } from './repository.js';
import { countCoverageFromSummaries, decodeStatus, loadSchoolSummaries, schoolsWithChoice, type ItemSlots } from './summary.js';

const OPEN_STATUSES: readonly string[] = ['not_started', 'in_progress'];
const ACTIVITY_ROWS = 8;

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

  // Counted from the per-profile summary (one short row per school, decision 0024); a school without a row on an
  // item has not answered it. The SWV tally counts every stored row (a null status with an ambition reads
  // "ambition"); the national tally only rows judged against the national norm.
  const summaries = await loadSchoolSummaries(db, context.place.partnershipId, context.schoolYear, schools);
  const swvItems = context.normedItems.filter((entry) => entry.hasNorm);
  const nationalItems = context.normedItems.filter((entry) => entry.hasNationalNorm);
  // One map lookup per school and the items' slots once per template version, not a lookup per cell (7,000 × ~150).
  const perItem = swvItems.map(() => emptyTally());
  const swvTally = emptyTally();
  const nationalTally = emptyTally();
  let slots: ItemSlots | undefined;
  let swvSlots: Array<number | undefined> = [];
  let nationalSlots: Array<number | undefined> = [];
  for (const school of schools) {
    const packed = summaries.packedOf(school.id);
    if (!packed) continue;
    if (packed.slots !== slots) {
      const current = (slots = packed.slots);
      swvSlots = swvItems.map(({ item }) => current.slotOf.get(item.key));
      nationalSlots = nationalItems.map(({ item }) => current.slotOf.get(item.key));
    }
    swvSlots.forEach((slot, index) => {
      const cell = slot === undefined ? undefined : decodeStatus(packed.statuses, slot);
      if (cell) perItem[index]![cellStatus(cell, 'swv')] += 1;
    });
    for (const slot of nationalSlots) {
      const cell = slot === undefined ? undefined : decodeStatus(packed.statuses, slot);
      if (cell && cell.nationalNormStatus !== null) nationalTally[cellStatus(cell, 'national')] += 1;
    }
  }
  for (const tally of perItem) for (const status of ['meets', 'below', 'ambition', 'cannot-judge'] as const) swvTally[status] += tally[status];
  const largestGaps = swvItems
    .map((entry, index) => ({ entry, gaps: gapCount(perItem[index]!), schools: schools.length }))
    .filter((row) => row.gaps > 0)
    .sort((a, b) => b.gaps - a.gaps || compareDutch(a.entry.item.title, b.entry.item.title))
    .slice(0, 3);
  const national: InsightHome['national'] = nationalItems.length > 0 ? { tally: nationalTally, share: meetsShare(nationalTally) } : null;

  // Coverage per district from the chosen options in the summary; the schools offering an item at school level by name.
  const items = coverageItems(context.template);
  const levelCounts = countCoverageFromSummaries(summaries, schools, items.map(({ item }) => item.key), 'district');
  const coverage = computeCoverageFromCounts({ template: context.template, schools, counts: levelCounts, by: 'district', noDistrict: options.noDistrict });
  const withHoles = coverage.filter((entry) => entry.cells.some((cell) => cell.atSchool === 0));
  const offers = schoolsWithChoice(summaries, schools, withHoles.map((entry) => ({ itemKey: entry.item.key, value: entry.levels[0]!.value })));
  const holes = coverageHoles(coverage, schools, offers);
  const saves: ActivityRow[] = [];
  for (const school of schools) {
    const at = summaries.lastSavedAt(school.id);
    if (at && school.profileId) saves.push({ at, profileId: school.profileId, schoolName: school.name, kind: 'answers', toStatus: null });
  }
  const activity = [...(await listRecentTransitions(db, context.place, context.schoolYear, ACTIVITY_ROWS)), ...saves]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, ACTIVITY_ROWS);
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
