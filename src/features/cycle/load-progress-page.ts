/**
 * The progress overview of one school year, for the SWV (every school) or a board (its schools): each school's
 * status, whether it submitted late, and how many required questions it answered. The answers of all schools
 * come in one query (not one per school), so the page costs the same few round trips for 7 or 700 schools.
 */
import { AppError } from '../../auth/app-error.js';
import { assertInScope, can, type Scope } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getBoard, getPartnership, listSchoolsOfBoard, listSchoolsOfPartnership } from '../partnerships/api.js';
import { listAnswersOfProfiles } from '../questionnaire/api.js';
import { computeCompleteness } from '../questionnaire/completeness.js';
import { PROFILE_STATUSES, type ProfileStatus } from '../questionnaire/api.js';
import { loadTemplateDefinition } from '../questionnaire/template-cache.js';
import { amsterdamDate } from './editability.js';
import { listCycles, listProfilesRemindedOn, listProgressRows, type CycleRow } from './repository.js';
import { REMIND_AUDIT_ACTION } from './remind-schools.js';
import { isLate } from './transition-rules.js';
import { loadProfileListColumns, type ProfileListColumnData } from './profile-cycle-sections.js';

export interface ProgressRow {
  profileId: string;
  schoolName: string;
  status: ProfileStatus;
  late: boolean;
  answered: number;
  required: number;
  /** Not submitted yet: the SWV can remind the school. */
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
  statusFilter: ProfileStatus | null;
  /** Profiles per status (before filtering), for the filter's labels. */
  counts: Record<ProfileStatus, number>;
  rows: ProgressRow[];
  /** Schools of a round that has not closed that have no profile (yet). */
  withoutProfile: Array<{ id: string; name: string }>;
  canManage: boolean;
  /** May this reader remind selected schools from here (the SWV's own overview of a round that has not closed)? */
  canRemind: boolean;
  /**
   * What the SWV admin can do about schools without a profile: open the round now (its open date has come),
   * prepare the missing profiles of a running round, or wait for the open date. Null for others.
   */
  opening: 'open-now' | 'prepare-missing' | 'opens-later' | null;
  /** Columns other features add per school (the adviser's verdict). */
  columns: ProfileListColumnData[];
}

export type ProgressPlace = { partnershipId: string; schoolYear: string } | { boardId: string; schoolYear: string | null };

export async function loadProgressPage(options: { db: Database; clock: Clock; auth: Authorized; place: ProgressPlace; status: string | null }): Promise<ProgressPage> {
  const { db, auth, place } = options;
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
  const statusFilter = (PROFILE_STATUSES as readonly string[]).includes(options.status ?? '') ? (options.status as ProfileStatus) : null;
  const today = amsterdamDate(options.clock.now());

  const profiles = cycle ? await listProgressRows(db, partnershipId, schoolYear, board?.id) : [];
  const answers = await listAnswersOfProfiles(db, profiles.map((row) => row.profileId));
  const canManage = can(auth.principal, 'cycle.manage', { level: 'partnership', partnershipId });
  const canRemind = canManage && board === null && cycle !== null && today <= cycle.closesOn;
  const open = profiles.filter((row) => row.status === 'not_started' || row.status === 'in_progress').map((row) => row.profileId);
  const remindedToday = new Set(canRemind ? await listProfilesRemindedOn(db, REMIND_AUDIT_ACTION, open, today) : []);
  const rows: ProgressRow[] = [];
  for (const row of profiles) {
    const stored = answers.get(row.profileId)!;
    const completeness = computeCompleteness(await loadTemplateDefinition(db, row.templateVersionId), stored.answers, stored.limits);
    rows.push({
      profileId: row.profileId,
      schoolName: row.schoolName,
      status: row.status,
      late: cycle !== null && isLate(row.submittedAt, cycle.submitDeadline),
      answered: completeness.answered,
      required: completeness.required,
      remindable: row.status === 'not_started' || row.status === 'in_progress',
      remindedToday: remindedToday.has(row.profileId),
    });
  }
  const counts = Object.fromEntries(PROFILE_STATUSES.map((status) => [status, rows.filter((row) => row.status === status).length])) as Record<ProfileStatus, number>;

  // Schools without a profile this year (the round is not opened yet, or a school predates automatic preparation).
  // A closed year is the record of who had an SOP then: schools added later are not listed there.
  const withProfile = new Set(profiles.map((row) => row.schoolId));
  const schoolsInView = cycle && today < cycle.closesOn && !statusFilter ? (board ? await listSchoolsOfBoard(db, board.id) : await listSchoolsOfPartnership(db, partnershipId)) : [];
  const withoutProfile = schoolsInView.filter((school) => !withProfile.has(school.id)).map((school) => ({ id: school.id, name: school.name }));
  const opening =
    !canManage || !cycle || withoutProfile.length === 0 ? null : cycle.openedAt ? 'prepare-missing' : today >= cycle.opensOn ? 'open-now' : 'opens-later';
  return {
    partnershipId,
    placeName,
    board,
    schoolYear,
    years: cycles.map((entry) => entry.schoolYear),
    cycle,
    statusFilter,
    counts,
    rows: statusFilter ? rows.filter((row) => row.status === statusFilter) : rows,
    withoutProfile,
    canManage,
    canRemind,
    opening,
    columns: await loadProfileListColumns(db, profiles.map((row) => row.profileId)),
  };
}
