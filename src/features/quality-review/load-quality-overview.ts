import { AppError } from '../../auth/app-error.js';
import { assertInScope, membershipReachesSchool } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getBoard, getPartnership, listBoards, listDistricts, listSchoolsWithDistricts } from '../partnerships/api.js';
import { rowStatus } from './differences.js';
import { indicatorsOf, type QualityLevel } from './model.js';
import { getStandards, listAssessmentsOfPartnership, listRatings, listResolutions } from './repository.js';
import { chooseSchoolYear } from './school-year-choice.js';

export interface OverviewIndicator {
  key: string;
  text: string;
  /** Schools per level, in the order of the scale. */
  selfCounts: number[];
  reviewCounts: number[];
  differences: number;
  resolved: number;
}

export interface QualityOverview {
  partnership: { id: string; name: string };
  /** Set on the board's view (/besturen/:boardId/kwaliteit). */
  board: { id: string; name: string } | null;
  schoolYear: string;
  years: string[];
  filters: { boards: Array<{ id: string; name: string }>; districts: Array<{ id: string; name: string }>; boardId: string | null; districtId: string | null };
  hasStandards: boolean;
  scale: QualityLevel[];
  domains: Array<{ key: string; title: string; indicators: OverviewIndicator[] }>;
  schools: Array<{ id: string; name: string; boardName: string; districtName: string | null; selfRated: number; review: 'none' | 'draft' | 'shared'; visitedOn: string | null; differences: number; resolved: number }>;
  indicatorCount: number;
  /** Some schools are left out: an adviser sees the schools they advise. */
  isLimited: boolean;
}

/**
 * Self-assessment against review per standard across the SWV's schools (or one board's): per indicator the number
 * of schools at each level of the scale, by the school and by the reviewer (shared reviews), and the differences.
 * Counts only. An adviser limited to some boards and schools sees those.
 */
export async function loadQualityOverview(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  partnershipId?: string;
  boardId?: string;
  filterBoardId?: string | null | undefined;
  filterDistrictId?: string | null | undefined;
  schoolYear: string | null | undefined;
}): Promise<QualityOverview> {
  const { db, auth } = options;
  let partnershipId: string;
  let board: { id: string; name: string } | null = null;
  if (options.boardId) {
    assertInScope('loadQualityOverview', auth, { boardId: options.boardId });
    const row = await getBoard(db, options.boardId);
    if (!row) throw new AppError('not_found');
    partnershipId = row.partnershipId;
    board = { id: row.id, name: row.name };
  } else {
    partnershipId = options.partnershipId ?? '';
    assertInScope('loadQualityOverview', auth, { partnershipId });
  }
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const { schoolYear, years } = chooseSchoolYear(options.clock.now(), options.schoolYear);
  const here = auth.principal.memberships.filter((m) => m.partnershipId === partnershipId);
  const seesAll = here.some((m) => m.role === 'partnership_admin' || (m.role === 'partnership_adviser' && !m.limitedTo)) || auth.principal.memberships.some((m) => m.role === 'platform_admin' || (board && m.role === 'board_user' && m.boardId === board.id));
  const advisers = here.filter((m) => m.role === 'partnership_adviser');
  const allSchools = (await listSchoolsWithDistricts(db, partnershipId)).filter((s) => (board ? s.boardId === board.id : true));
  const reachable = seesAll ? allSchools : allSchools.filter((s) => advisers.some((m) => membershipReachesSchool(m, { boardId: s.boardId, schoolId: s.id })));
  const boards = (await listBoards(db, partnershipId)).filter((b) => reachable.some((s) => s.boardId === b.id)).map((b) => ({ id: b.id, name: b.name }));
  const districts = (await listDistricts(db, partnershipId)).filter((d) => reachable.some((s) => s.districtId === d.id)).map((d) => ({ id: d.id, name: d.name }));
  const filterBoardId = !board && options.filterBoardId && boards.some((b) => b.id === options.filterBoardId) ? options.filterBoardId : null;
  const filterDistrictId = options.filterDistrictId && districts.some((d) => d.id === options.filterDistrictId) ? options.filterDistrictId : null;
  const shown = reachable.filter((s) => (!filterBoardId || s.boardId === filterBoardId) && (!filterDistrictId || s.districtId === filterDistrictId));
  const boardNames = new Map(boards.map((b) => [b.id, b.name]));

  const standards = (await getStandards(db, partnershipId))?.definition ?? null;
  const scale = standards?.scale ?? [];
  const shownIds = new Set(shown.map((s) => s.id));
  const assessments = (await listAssessmentsOfPartnership(db, partnershipId, schoolYear)).filter((a) => shownIds.has(a.schoolId));
  const ratings = await listRatings(db, assessments.map((a) => a.id));
  const sharedReviews = assessments.filter((a) => a.kind === 'review' && a.sharedAt);
  const resolutions = await listResolutions(db, sharedReviews.map((a) => a.id));
  const indicators = standards ? indicatorsOf(standards) : [];
  const perSchool = new Map(
    shown.map((school) => {
      const self = assessments.find((a) => a.schoolId === school.id && a.kind === 'self');
      const review = assessments.find((a) => a.schoolId === school.id && a.kind === 'review');
      const shared = review?.sharedAt ? review : undefined;
      const ratingsOf = (id: string | undefined) => new Map(ratings.filter((r) => r.assessmentId === id).map((r) => [r.indicatorKey, r]));
      const checklists = { standards, selfRatings: ratingsOf(self?.id), reviewRatings: ratingsOf(shared?.id), resolutions: new Map(resolutions.filter((r) => r.reviewId === shared?.id).map((r) => [r.indicatorKey, r])) };
      return [school.id, { self, review, checklists }] as const;
    }),
  );
  const levelIndex = (key: string | null | undefined) => scale.findIndex((level) => level.key === key);
  const domains = (standards?.domains ?? []).map((domain) => ({
    key: domain.key,
    title: domain.title,
    indicators: domain.indicators.map((indicator): OverviewIndicator => {
      const row: OverviewIndicator = { key: indicator.key, text: indicator.text, selfCounts: scale.map(() => 0), reviewCounts: scale.map(() => 0), differences: 0, resolved: 0 };
      for (const { checklists } of perSchool.values()) {
        const self = levelIndex(checklists.selfRatings.get(indicator.key)?.levelKey);
        const review = levelIndex(checklists.reviewRatings.get(indicator.key)?.levelKey);
        if (self >= 0) row.selfCounts[self]!++;
        if (review >= 0) row.reviewCounts[review]!++;
        const status = rowStatus(checklists, indicator.key);
        if (status === 'difference' || status === 'discussed' || status === 'resolved') row.differences++;
        if (status === 'resolved') row.resolved++;
      }
      return row;
    }),
  }));
  const schools = shown.map((school) => {
    const { self, review, checklists } = perSchool.get(school.id)!;
    const statuses = indicators.map((indicator) => rowStatus(checklists, indicator.key));
    return {
      id: school.id,
      name: school.name,
      boardName: boardNames.get(school.boardId) ?? '',
      districtName: school.districtName,
      selfRated: self ? indicators.filter((indicator) => checklists.selfRatings.get(indicator.key)?.levelKey).length : 0,
      review: review ? (review.sharedAt ? ('shared' as const) : ('draft' as const)) : ('none' as const),
      visitedOn: review?.visitedOn ?? null,
      differences: statuses.filter((s) => s === 'difference' || s === 'discussed' || s === 'resolved').length,
      resolved: statuses.filter((s) => s === 'resolved').length,
    };
  });
  return {
    partnership: { id: partnership.id, name: partnership.name },
    board,
    schoolYear,
    years,
    filters: { boards: board ? [] : boards, districts, boardId: filterBoardId, districtId: filterDistrictId },
    hasStandards: !!standards,
    scale,
    domains,
    schools,
    indicatorCount: indicators.length,
    isLimited: reachable.length < allSchools.length,
  };
}
