/**
 * The progress overview of one school year, for the SWV (every school) or a board (its schools): each school's
 * status, whether it is (or was) late, how many required questions it answered, its last activity, and the days to
 * the deadline; filtered, sorted and paged by the query string. Completeness is counted in the database
 * (`countProgressOfProfiles`: a few numbers per profile, not its answers), the same as `computeCompleteness`
 * counts it, so the page costs the same few round trips for 7 or 7,000 schools.
 */
import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { assertInScope, can, type Scope } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getBoard, getPartnership, listSchoolsOfBoard, listSchoolsOfPartnership } from '../partnerships/api.js';
import { PROFILE_STATUSES, type ProfileStatus } from '../questionnaire/api.js';
import { loadTemplateDefinition } from '../questionnaire/template-cache.js';
import { listItems } from '../templates/model/template.js';
import { amsterdamDate } from './editability.js';
import { countProgressOfProfiles, listCycles, listLastTransitions, listProfilesRemindedOn, listProgressRows, type CycleRow } from './repository.js';
import { daysBetween, REMIND_AUDIT_ACTION } from './remind-schools.js';
import { isLate } from './transition-rules.js';
import { loadProfileListColumns, type ProfileListColumnData } from './profile-cycle-sections.js';

/** Rows per page of the overview. */
export const PROGRESS_PAGE_SIZE = 100;

export const PROGRESS_SORTS = ['naam', 'status', 'voortgang', 'activiteit'] as const;
export type ProgressSort = (typeof PROGRESS_SORTS)[number];

/**
 * The overview's query string. Lenient: an unknown value is the same as none (a filter link that went stale shows
 * every school, never an error page).
 */
export const progressQuerySchema = z.object({
  status: z.enum(PROFILE_STATUSES).nullable().catch(null),
  late: z.literal('1').nullable().catch(null),
  board: z.string().min(1).max(64).nullable().catch(null),
  district: z.string().min(1).max(64).nullable().catch(null),
  sort: z.enum(PROGRESS_SORTS).catch('naam'),
  descending: z.boolean().catch(false),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type ProgressQuery = z.infer<typeof progressQuerySchema>;

/** From the page's query string (Dutch parameter names, as the filter form posts them). */
export function parseProgressQuery(query: (name: string) => string | undefined): ProgressQuery {
  return progressQuerySchema.parse({
    status: query('status') || null,
    late: query('te-laat') || null,
    board: query('bestuur') || null,
    district: query('wijk') || null,
    sort: query('sorteer') ?? 'naam',
    descending: query('volgorde') === 'af',
    page: query('pagina') ?? 1,
  });
}

export const NO_PROGRESS_FILTER: ProgressQuery = { status: null, late: null, board: null, district: null, sort: 'naam', descending: false, page: 1 };

export interface ProgressRow {
  profileId: string;
  schoolName: string;
  boardName: string;
  districtName: string | null;
  status: ProfileStatus;
  /** Submitted after the deadline. */
  late: boolean;
  /** Not submitted and the deadline has passed. */
  overdue: boolean;
  answered: number;
  required: number;
  /** The newest answer change or state change; null when nothing happened yet. */
  lastActivity: Date | null;
  /** Not submitted yet: the SWV or the board can remind the school. */
  remindable: boolean;
  /** The school got a reminder from the progress overview today (at most one a day). */
  remindedToday: boolean;
}

export interface ProgressPage {
  partnershipId: string;
  /** The SWV's name, or the board's for a board's overview. */
  placeName: string;
  board: { id: string; name: string } | null;
  schoolYear: string;
  /** Every school year with a round, newest first. */
  years: string[];
  cycle: CycleRow | null;
  /** Days from today to the submit deadline (negative once it passed); null without a round. */
  daysLeft: number | null;
  query: ProgressQuery;
  /** Profiles per status (before filtering), for the filter's labels. */
  counts: Record<ProfileStatus, number>;
  /** Late or overdue profiles (before filtering). */
  lateCount: number;
  /** The boards and districts of the listed schools, for the filters (boards only on the SWV's overview). */
  boards: Array<{ id: string; name: string }>;
  districts: Array<{ id: string; name: string }>;
  /** Profiles after filtering (all pages). */
  total: number;
  pageCount: number;
  /** This page's rows. */
  rows: ProgressRow[];
  /** Schools of a round that has not closed that have no profile (yet); only on an unfiltered overview's last page. */
  withoutProfile: Array<{ id: string; name: string }>;
  canManage: boolean;
  /** May this reader remind selected schools from here (the SWV, or the board on its own overview; a round that has not closed)? */
  canRemind: boolean;
  /**
   * What the SWV admin can do about schools without a profile: open the round now (its open date has come),
   * prepare the missing profiles of a running round, or wait for the open date. Null for others.
   */
  opening: 'open-now' | 'prepare-missing' | 'opens-later' | null;
  /** Columns other features add per school (the adviser's verdict), for this page's rows. */
  columns: ProfileListColumnData[];
}

export type ProgressPlace = { partnershipId: string; schoolYear: string } | { boardId: string; schoolYear: string | null };

const OPEN_STATUSES: readonly ProfileStatus[] = ['not_started', 'in_progress'];

function compareRows(sort: ProgressSort): (a: ProgressRow, b: ProgressRow) => number {
  const byName = (a: ProgressRow, b: ProgressRow) => a.schoolName.localeCompare(b.schoolName, 'nl');
  switch (sort) {
    case 'status':
      return (a, b) => PROFILE_STATUSES.indexOf(a.status) - PROFILE_STATUSES.indexOf(b.status) || byName(a, b);
    case 'voortgang':
      return (a, b) => share(a) - share(b) || byName(a, b);
    case 'activiteit':
      // Nothing happened yet sorts before the oldest activity.
      return (a, b) => (a.lastActivity?.getTime() ?? 0) - (b.lastActivity?.getTime() ?? 0) || byName(a, b);
    default:
      return byName;
  }
}

function share(row: ProgressRow): number {
  return row.required === 0 ? 1 : row.answered / row.required;
}

export async function loadProgressPage(options: { db: Database; clock: Clock; auth: Authorized; place: ProgressPlace; query?: ProgressQuery }): Promise<ProgressPage> {
  const { db, auth, place } = options;
  const query = options.query ?? NO_PROGRESS_FILTER;
  let scope: Scope;
  let placeName: string;
  let board: { id: string; name: string } | null = null;
  if ('partnershipId' in place) {
    scope = { level: 'partnership', partnershipId: place.partnershipId };
    assertInScope('loadProgressPage', auth, { partnershipId: place.partnershipId });
    const partnership = await getPartnership(db, place.partnershipId);
    if (!partnership) throw new AppError('not_found');
    placeName = partnership.name;
  } else {
    const row = await getBoard(db, place.boardId);
    if (!row) throw new AppError('not_found');
    scope = { level: 'board', partnershipId: row.partnershipId, boardId: row.id };
    assertInScope('loadProgressPage.board', auth, { boardId: row.id });
    placeName = row.name;
    board = { id: row.id, name: row.name };
  }
  const partnershipId = scope.partnershipId;
  const cycles = await listCycles(db, partnershipId);
  // A board without a chosen year sees the newest opened round.
  const schoolYear = place.schoolYear ?? cycles.find((entry) => entry.openedAt)?.schoolYear ?? '';
  const cycle = cycles.find((entry) => entry.schoolYear === schoolYear) ?? null;
  const today = amsterdamDate(options.clock.now());

  const profiles = cycle ? await listProgressRows(db, partnershipId, schoolYear, board?.id) : [];
  // Completeness per template version (a round has one or two): its required items, counted in the database.
  const required = new Map<string, { keys: string[]; profileIds: string[] }>();
  for (const row of profiles) {
    const entry = required.get(row.templateVersionId) ?? { keys: [], profileIds: [] };
    entry.profileIds.push(row.profileId);
    required.set(row.templateVersionId, entry);
  }
  const counts = new Map<string, { answered: number; lastAnswerAt: Date | null }>();
  for (const [versionId, entry] of required) {
    const template = await loadTemplateDefinition(db, versionId);
    entry.keys = listItems(template).flatMap(({ item }) => (item.required ? [item.key] : []));
    for (const [profileId, count] of await countProgressOfProfiles(db, entry.profileIds, entry.keys)) counts.set(profileId, count);
  }
  const transitions = await listLastTransitions(db, profiles.map((row) => row.profileId));
  const canManage = can(auth.principal, 'cycle.manage', { level: 'partnership', partnershipId });
  const mayRemind = board ? can(auth.principal, 'board.remind', scope) : canManage;
  const canRemind = mayRemind && cycle !== null && today <= cycle.closesOn;
  const all: ProgressRow[] = profiles.map((row) => {
    const count = counts.get(row.profileId);
    const answerAt = count?.lastAnswerAt ?? null;
    const transitionAt = transitions.get(row.profileId) ?? null;
    const open = OPEN_STATUSES.includes(row.status);
    return {
      profileId: row.profileId,
      schoolName: row.schoolName,
      boardName: row.boardName,
      districtName: row.districtName,
      status: row.status,
      late: cycle !== null && isLate(row.submittedAt, cycle.submitDeadline),
      overdue: cycle !== null && open && today > cycle.submitDeadline,
      answered: count?.answered ?? 0,
      required: required.get(row.templateVersionId)!.keys.length,
      lastActivity: answerAt && transitionAt ? new Date(Math.max(answerAt.getTime(), transitionAt.getTime())) : (answerAt ?? transitionAt),
      remindable: open,
      remindedToday: false,
    };
  });
  const statusCounts = Object.fromEntries(PROFILE_STATUSES.map((status) => [status, all.filter((row) => row.status === status).length])) as Record<ProfileStatus, number>;
  const boardOf = new Map(profiles.map((row) => [row.profileId, row.boardId]));
  const districtOf = new Map(profiles.map((row) => [row.profileId, row.districtId]));
  const filtered = all.filter(
    (row) =>
      (!query.status || row.status === query.status) &&
      (!query.late || row.late || row.overdue) &&
      (board !== null || !query.board || boardOf.get(row.profileId) === query.board) &&
      (!query.district || districtOf.get(row.profileId) === query.district),
  );
  const compare = compareRows(query.sort);
  filtered.sort(query.descending ? (a, b) => compare(b, a) : compare);
  const pageCount = Math.max(1, Math.ceil(filtered.length / PROGRESS_PAGE_SIZE));
  const pageNumber = Math.min(query.page, pageCount);
  const rows = filtered.slice((pageNumber - 1) * PROGRESS_PAGE_SIZE, pageNumber * PROGRESS_PAGE_SIZE);
  const open = rows.filter((row) => row.remindable).map((row) => row.profileId);
  const remindedToday = new Set(canRemind ? await listProfilesRemindedOn(db, REMIND_AUDIT_ACTION, open, today) : []);
  for (const row of rows) row.remindedToday = remindedToday.has(row.profileId);

  // Schools without a profile this year (the round is not opened yet, or a school predates automatic preparation).
  // A closed year is the record of who had an SOP then: schools added later are not listed there.
  const unfiltered = !query.status && !query.late && !query.board && !query.district;
  const withProfile = new Set(profiles.map((row) => row.schoolId));
  const schoolsInView = cycle && today < cycle.closesOn && unfiltered ? (board ? await listSchoolsOfBoard(db, board.id) : await listSchoolsOfPartnership(db, partnershipId)) : [];
  const withoutProfile = schoolsInView.filter((school) => !withProfile.has(school.id)).map((school) => ({ id: school.id, name: school.name }));
  const opening =
    !canManage || !cycle || withoutProfile.length === 0 ? null : cycle.openedAt ? 'prepare-missing' : today >= cycle.opensOn ? 'open-now' : 'opens-later';
  const named = (entries: Array<[string | null, string | null]>) =>
    [...new Map(entries.filter((entry): entry is [string, string] => entry[0] !== null && entry[1] !== null)).entries()]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return {
    partnershipId,
    placeName,
    board,
    schoolYear,
    years: cycles.map((entry) => entry.schoolYear),
    cycle,
    daysLeft: cycle ? daysBetween(today, cycle.submitDeadline) : null,
    query: { ...query, page: pageNumber },
    counts: statusCounts,
    lateCount: all.filter((row) => row.late || row.overdue).length,
    boards: board ? [] : named(profiles.map((row) => [row.boardId, row.boardName])),
    districts: named(profiles.map((row) => [row.districtId, row.districtName])),
    total: filtered.length,
    pageCount,
    rows,
    withoutProfile: pageNumber === pageCount ? withoutProfile : [],
    canManage,
    canRemind,
    opening,
    columns: await loadProfileListColumns(db, rows.map((row) => row.profileId)),
  };
}
