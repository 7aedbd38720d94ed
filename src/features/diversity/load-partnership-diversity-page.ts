import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership, listAllBoards, listSchoolsWithDistricts } from '../partnerships/api.js';
import { schoolYearOf } from '../templates/school-year.js';
import { careLoadFigure, combinedCareLoad, groupCareLoad, type Arithmetic, type CareLoad } from './care-load.js';
import { listCountsOfGroups, listGroupsOfPartnershipInYears } from './repository.js';
import { isSchoolYear } from '../templates/school-year.js';
import { loadYearRules } from './year-figures.js';

export interface PlaceLoad {
  id: string;
  name: string;
  load: CareLoad;
  groups: number;
  /** The figure of the year's arithmetic (care load, or weighted group size). */
  figure: number | null;
}

/** One place's figure per school year of the trend (null: nothing entered that year). */
export interface PlaceTrend {
  id: string;
  name: string;
  figures: Record<string, number | null>;
}

export interface PartnershipDiversityPage {
  partnership: { id: string; name: string };
  schoolYear: string;
  years: string[];
  arithmetic: Arithmetic;
  schools: Array<PlaceLoad & { boardName: string; districtName: string | null }>;
  boards: PlaceLoad[];
  districts: PlaceLoad[];
  /** The school years of the trend (the chosen year and the three before it), oldest first, each with its arithmetic. */
  trendYears: Array<{ year: string; arithmetic: Arithmetic }>;
  trend: { schools: PlaceTrend[]; boards: PlaceTrend[]; districts: PlaceTrend[] };
}

/**
 * The SWV's view: the care load per school (and per board and district) in a school year — the figure and the
 * number of pupils, never the counts per category or per group — and the same figures over the last years, each
 * year computed with that year's factors and arithmetic.
 */
export async function loadPartnershipDiversityPage(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; schoolYear: string | null }): Promise<PartnershipDiversityPage> {
  const { db, auth, partnershipId } = options;
  assertInScope('loadPartnershipDiversityPage', auth, { partnershipId });
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const current = schoolYearOf(options.clock.now());
  const year = options.schoolYear && isSchoolYear(options.schoolYear) ? options.schoolYear : current;
  const start = Number(current.slice(0, 4));
  const years = [...new Set([-3, -2, -1, 0, 1].map((d) => `${start + d}-${start + d + 1}`).concat(year))].sort();
  const first = Number(year.slice(0, 4));
  const trendYears = [-3, -2, -1, 0].map((d) => `${first + d}-${first + d + 1}`);
  const rules = await loadYearRules(db, partnershipId);
  const groups = await listGroupsOfPartnershipInYears(db, partnershipId, trendYears);
  const counts = await listCountsOfGroups(db, groups.map((g) => g.id));
  const countsByGroup = new Map<string, typeof counts>();
  for (const c of counts) countsByGroup.set(c.groupId, [...(countsByGroup.get(c.groupId) ?? []), c]);
  // Loads per year and school, each year with its own factors.
  const loads = new Map<string, Map<string, CareLoad[]>>(trendYears.map((y) => [y, new Map()]));
  const factorsByYear = new Map(trendYears.map((y) => [y, rules.factorsIn(y)]));
  for (const group of groups) {
    const factors = factorsByYear.get(group.schoolYear)!;
    const own = (countsByGroup.get(group.id) ?? []).map((c) => ({ pupils: c.pupils, factorHundredths: factors.get(c.categoryId) ?? 100 }));
    const perSchool = loads.get(group.schoolYear)!;
    perSchool.set(group.schoolId, [...(perSchool.get(group.schoolId) ?? []), groupCareLoad({ pupilCount: group.pupilCount, counts: own })]);
  }
  const boardNames = new Map((await listAllBoards(db, partnershipId)).map((b) => [b.id, b.name]));
  const schools = (await listSchoolsWithDistricts(db, partnershipId))
    .filter((s) => !s.archivedAt)
    .map((s) => ({ id: s.id, name: s.name, boardId: s.boardId, districtId: s.districtId ?? '', boardName: boardNames.get(s.boardId) ?? '', districtName: s.districtName }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  type School = (typeof schools)[number];
  const places = (keyOf: (s: School) => string, nameOf: (s: School) => string) => {
    const found = new Map<string, { name: string; schoolIds: string[] }>();
    for (const s of schools) found.set(keyOf(s), { name: nameOf(s), schoolIds: [...(found.get(keyOf(s))?.schoolIds ?? []), s.id] });
    return [...found].map(([id, p]) => ({ id, ...p })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  };
  const loadsOf = (schoolIds: string[], y: string) => schoolIds.flatMap((id) => loads.get(y)?.get(id) ?? []);
  const placeLoad = (id: string, name: string, schoolIds: string[], y: string): PlaceLoad => {
    const own = loadsOf(schoolIds, y);
    return { id, name, load: combinedCareLoad(own), groups: own.length, figure: careLoadFigure(own, rules.arithmeticIn(y)) };
  };
  const trendOf = (id: string, name: string, schoolIds: string[]): PlaceTrend => ({
    id,
    name,
    figures: Object.fromEntries(trendYears.map((y) => [y, loadsOf(schoolIds, y).length ? careLoadFigure(loadsOf(schoolIds, y), rules.arithmeticIn(y)) : null])),
  });
  const boards = places((s) => s.boardId, (s) => s.boardName);
  const districts = places((s) => s.districtId, (s) => s.districtName ?? '');
  return {
    partnership: { id: partnership.id, name: partnership.name },
    schoolYear: year,
    years,
    arithmetic: rules.arithmeticIn(year),
    schools: schools.map((s) => ({ ...placeLoad(s.id, s.name, [s.id], year), boardName: s.boardName, districtName: s.districtName })),
    boards: boards.map((b) => placeLoad(b.id, b.name, b.schoolIds, year)),
    districts: districts.map((d) => placeLoad(d.id, d.name, d.schoolIds, year)),
    trendYears: trendYears.map((y) => ({ year: y, arithmetic: rules.arithmeticIn(y) })),
    trend: {
      schools: schools.map((s) => trendOf(s.id, s.name, [s.id])),
      boards: boards.map((b) => trendOf(b.id, b.name, b.schoolIds)),
      districts: districts.map((d) => trendOf(d.id, d.name, d.schoolIds)),
    },
  };
}
