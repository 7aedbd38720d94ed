/**
 * The platform administrator's national view (`/beheer/inzicht`, issue 12): one row per SWV with the figures of
 * its own insight home — schools, pupils, profiles per state, late schools, the share of normed answers meeting
 * the SWV's norm, gaps, "cannot judge" and holes in coverage — and a totals row. Templates differ per SWV, so
 * there is no item matrix across SWVs. Two grouped queries for every SWV at once (national-repository.ts) and one
 * for every profile's packed answer summary (decision 0024), decoded here with each SWV's own items: counting the
 * year's 1.4 million answer rows in SQL, or the summaries' characters in SQL, took seconds.
 */
import { AppError } from '../../auth/app-error.js';
import { requireAccess } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { translator } from '../../ui/i18n.js';
import { insightMessages } from './messages.js';
import { dutchMidnight } from '../audit-log/load-audit-log-page.js';
import { amsterdamDate } from '../cycle/editability.js';
import { PROFILE_STATUSES, type ProfileStatus } from '../questionnaire/api.js';
import { loadTemplateDefinition } from '../questionnaire/template-cache.js';
import { cellStatus, coverageItems, emptyTally, gapCount, meetsShare, type Tally } from './figures.js';
import { normedItemsOf } from './insight-context.js';
import {
  countProfilesPerPartnership,
  countSchoolsPerPartnership,
  listPartnershipCycles,
  listProfileSummariesOfYear,
  type DeadlineOf,
  type NationalProfileSummary,
} from './national-repository.js';
import { decodeStatus, itemSlots } from './summary.js';

export const NATIONAL_SORTS = ['naam', 'scholen', 'leerlingen', 'laat', 'norm', 'onder', 'kan-niet', 'gaten'] as const;
export type NationalSort = (typeof NATIONAL_SORTS)[number];
export type SortDirection = 'op' | 'af';

export interface PupilTotal {
  /** Sum of the exact DUO counts. */
  exact: number;
  /** Schools counted as "<5": shown as such, never added to the sum. */
  fewerThanFive: number;
  /** Schools with another range. */
  otherRanges: number;
}

export interface NationalFigures {
  schools: number;
  withProfile: number;
  pupils: PupilTotal;
  statusCounts: Record<ProfileStatus, number>;
  late: number;
  /** Answers on the SWV's normed items, per cell status (as in the matrix). */
  tally: Tally;
  /** Share of judged answers meeting the norm (null when none is judged). */
  share: number | null;
  /** Answers below the norm, with or without an ambition to get there (the home's "gaps"). */
  below: number;
  cannotJudge: number;
  holes: number;
  districts: number;
}

export interface NationalRow extends NationalFigures {
  partnershipId: string;
  name: string;
  /** Whether the SWV has a round this school year (else only its schools and pupils are counted). */
  hasRound: boolean;
  submitDeadline: string | null;
}

export interface NationalInsight {
  years: string[];
  schoolYear: string;
  today: string;
  sort: NationalSort;
  direction: SortDirection;
  rows: NationalRow[];
  totals: NationalFigures;
}

function emptyFigures(): NationalFigures {
  return {
    schools: 0,
    withProfile: 0,
    pupils: { exact: 0, fewerThanFive: 0, otherRanges: 0 },
    statusCounts: Object.fromEntries(PROFILE_STATUSES.map((status) => [status, 0])) as Record<ProfileStatus, number>,
    late: 0,
    tally: emptyTally(),
    share: null,
    below: 0,
    cannotJudge: 0,
    holes: 0,
    districts: 0,
  };
}

function nextDay(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const SORT_VALUE: Record<NationalSort, (row: NationalRow) => number | string> = {
  naam: (row) => row.name,
  scholen: (row) => row.schools,
  leerlingen: (row) => row.pupils.exact,
  laat: (row) => row.late,
  norm: (row) => row.share ?? -1,
  onder: (row) => row.below,
  'kan-niet': (row) => row.cannotJudge,
  gaten: (row) => row.holes,
};

export function sortNationalRows(rows: NationalRow[], sort: NationalSort, direction: SortDirection): NationalRow[] {
  const value = SORT_VALUE[sort];
  const sign = direction === 'af' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y), 'nl') : x - y;
    return order * sign || a.name.localeCompare(b.name, 'nl');
  });
}

interface SwvItems {
  /** The items with the SWV's norm. */
  normedKeys: string[];
  /** The coverage items with their first level ("at school level"). */
  coverage: Array<{ itemKey: string; atSchoolValue: string }>;
}

/** Where an SWV's items sit in the packed strings of one template version (slot; for coverage also the option's character). */
interface SlotPlan {
  normedSlots: number[];
  /** Per coverage item of the SWV (same order): its slot and the character of "at school level", or null when this version lacks either. */
  coverageSlots: Array<{ slot: number; atSchoolChar: number } | null>;
}

interface SummaryFigures {
  tally: Tally;
  holes: number;
  districts: number;
}

/**
 * Per SWV: the answers on its normed items per cell status, and the holes in coverage — district (of the schools
 * with a profile; no district is a group of its own) × coverage item where no school chose the first level. The
 * same figures the answer rows give: a stored row without status reads "not answered", no row is not counted.
 */
async function countFromSummaries(db: DbOrTx, profiles: NationalProfileSummary[], itemsOf: Map<string, SwvItems>): Promise<Map<string, SummaryFigures>> {
  const plans = new Map<string, SlotPlan>();
  const planFor = async (partnershipId: string, items: SwvItems, versionId: string): Promise<SlotPlan> => {
    const key = `${partnershipId}\u0000${versionId}`;
    const known = plans.get(key);
    if (known) return known;
    const { slotOf, options } = itemSlots(await loadTemplateDefinition(db, versionId));
    const plan: SlotPlan = {
      normedSlots: items.normedKeys.flatMap((itemKey) => (slotOf.has(itemKey) ? [slotOf.get(itemKey)!] : [])),
      coverageSlots: items.coverage.map(({ itemKey, atSchoolValue }) => {
        const slot = slotOf.get(itemKey);
        const index = slot === undefined ? -1 : (options[slot]?.indexOf(atSchoolValue) ?? -1);
        return slot === undefined || index < 0 ? null : { slot, atSchoolChar: 48 + index };
      }),
    };
    plans.set(key, plan);
    return plan;
  };

  const counting = new Map<string, { tally: Tally; districts: Set<string>; offeredIn: Array<Set<string>> }>();
  for (const profile of profiles) {
    const items = itemsOf.get(profile.partnershipId);
    if (!items) continue;
    let entry = counting.get(profile.partnershipId);
    if (!entry) counting.set(profile.partnershipId, (entry = { tally: emptyTally(), districts: new Set(), offeredIn: items.coverage.map(() => new Set()) }));
    const district = profile.districtId ?? '';
    entry.districts.add(district);
    if (profile.statuses === null || profile.choices === null || profile.templateVersionId === null) continue;
    const plan = await planFor(profile.partnershipId, items, profile.templateVersionId);
    for (const slot of plan.normedSlots) {
      const cell = decodeStatus(profile.statuses, slot);
      if (cell) entry.tally[cellStatus(cell, 'swv')] += 1;
    }
    plan.coverageSlots.forEach((at, index) => {
      if (at && profile.choices!.charCodeAt(at.slot) === at.atSchoolChar) entry.offeredIn[index]!.add(district);
    });
  }

  const figures = new Map<string, SummaryFigures>();
  for (const [partnershipId, { tally, districts, offeredIn }] of counting) {
    // Holes are counted over the SWV's coverage items; an SWV without any has no holes and no districts to show.
    const holes = offeredIn.reduce((sum, offered) => sum + districts.size - offered.size, 0);
    figures.set(partnershipId, { tally, holes, districts: offeredIn.length > 0 ? districts.size : 0 });
  }
  return figures;
}

export async function loadNationalInsight(options: {
  db: DbOrTx;
  clock: Clock;
  auth: Authorized;
  schoolYear?: string | undefined;
  sort?: NationalSort | undefined;
  direction?: SortDirection | undefined;
}): Promise<NationalInsight> {
  const { db, auth } = options;
  if (auth.scope.level !== 'platform') throw new AppError('not_found');
  requireAccess({ principal: auth.principal, permission: 'platform.viewInsight', scope: auth.scope });
  const t = translator(insightMessages, auth.principal.locale);
  const today = amsterdamDate(options.clock.now());

  const cycles = await listPartnershipCycles(db);
  const years = [...new Set(cycles.flatMap((cycle) => (cycle.schoolYear ? [cycle.schoolYear] : [])))].sort().reverse();
  let schoolYear: string;
  if (options.schoolYear) {
    if (!years.includes(options.schoolYear)) throw new AppError('not_found', t('nationalNoRoundForYear', { year: options.schoolYear }));
    schoolYear = options.schoolYear;
  } else {
    // The newest year in which some SWV's round has opened (else the newest year there is).
    const opened = cycles.filter((cycle) => cycle.schoolYear && cycle.opensOn && cycle.opensOn <= today).map((cycle) => cycle.schoolYear!);
    const chosen = opened.sort().reverse()[0] ?? years[0];
    if (!chosen) throw new AppError('not_found', t('nationalNoRoundYet'));
    schoolYear = chosen;
  }

  // Each SWV once, with its round of this year (if any); the items that count come from that round's template.
  const swvs = new Map<string, { name: string; round: (typeof cycles)[number] | null }>();
  for (const cycle of cycles) {
    const entry = swvs.get(cycle.partnershipId) ?? { name: cycle.name, round: null };
    if (cycle.schoolYear === schoolYear) entry.round = cycle;
    swvs.set(cycle.partnershipId, entry);
  }
  // Per SWV with a round: the items that count, from that round's template (as the SWV's own home counts them).
  const itemsOf = new Map<string, SwvItems>();
  const deadlines: DeadlineOf[] = [];
  for (const [partnershipId, { round }] of swvs) {
    if (!round?.templateVersionId || !round.submitDeadline) continue;
    const template = await loadTemplateDefinition(db, round.templateVersionId);
    itemsOf.set(partnershipId, {
      normedKeys: normedItemsOf(template).filter((entry) => entry.hasNorm).map(({ item }) => item.key),
      coverage: coverageItems(template).map(({ item, levels }) => ({ itemKey: item.key, atSchoolValue: levels[0]!.value })),
    });
    deadlines.push({ partnershipId, passed: today > round.submitDeadline, lateFrom: dutchMidnight(nextDay(round.submitDeadline)).toISOString() });
  }

  // One after the other: `db` may be a transaction (one connection).
  const schoolCounts = await countSchoolsPerPartnership(db, schoolYear);
  const profileCounts = await countProfilesPerPartnership(db, schoolYear, deadlines);
  const answerFigures = await countFromSummaries(db, await listProfileSummariesOfYear(db, schoolYear), itemsOf);

  const figures = new Map<string, NationalFigures>([...swvs.keys()].map((id) => [id, emptyFigures()]));
  for (const row of schoolCounts) {
    const entry = figures.get(row.partnershipId);
    if (!entry) continue;
    entry.schools = row.schools;
    entry.withProfile = row.withProfile;
    entry.pupils = { exact: row.pupils, fewerThanFive: row.fewerThanFive, otherRanges: row.otherRanges };
  }
  for (const row of profileCounts) {
    const entry = figures.get(row.partnershipId);
    if (!entry) continue;
    entry.statusCounts[row.status as ProfileStatus] += row.profiles;
    entry.late += row.late;
  }
  for (const [partnershipId, counted] of answerFigures) {
    const entry = figures.get(partnershipId);
    if (!entry) continue;
    entry.tally = counted.tally;
    entry.holes = counted.holes;
    entry.districts = counted.districts;
  }

  const totals = emptyFigures();
  const rows: NationalRow[] = [...swvs].map(([partnershipId, { name, round }]) => {
    const entry = figures.get(partnershipId)!;
    entry.share = meetsShare(entry.tally);
    entry.below = gapCount(entry.tally);
    entry.cannotJudge = entry.tally['cannot-judge'];
    totals.schools += entry.schools;
    totals.withProfile += entry.withProfile;
    totals.pupils.exact += entry.pupils.exact;
    totals.pupils.fewerThanFive += entry.pupils.fewerThanFive;
    totals.pupils.otherRanges += entry.pupils.otherRanges;
    for (const status of PROFILE_STATUSES) totals.statusCounts[status] += entry.statusCounts[status];
    totals.late += entry.late;
    for (const status of Object.keys(totals.tally) as Array<keyof Tally>) totals.tally[status] += entry.tally[status];
    totals.holes += entry.holes;
    totals.districts += entry.districts;
    return { ...entry, partnershipId, name, hasRound: round !== null, submitDeadline: round?.submitDeadline ?? null };
  });
  totals.share = meetsShare(totals.tally);
  totals.below = gapCount(totals.tally);
  totals.cannotJudge = totals.tally['cannot-judge'];
  const sort = options.sort ?? 'naam';
  const direction = options.direction ?? (sort === 'naam' ? 'op' : 'af');
  return { years, schoolYear, today, sort, direction, rows: sortNationalRows(rows, sort, direction), totals };
}
