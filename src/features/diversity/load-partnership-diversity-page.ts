import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership, listAllBoards, listSchoolsWithDistricts } from '../partnerships/api.js';
import { schoolYearOf } from '../templates/school-year.js';
import { combinedCareLoad, groupCareLoad, type CareLoad } from './care-load.js';
import { listCategories, listCountsOfGroups, listGroupsOfPartnership } from './repository.js';
import { schoolYearInput } from './save-group.js';

export interface PlaceLoad {
  id: string;
  name: string;
  load: CareLoad;
  groups: number;
}

export interface PartnershipDiversityPage {
  partnership: { id: string; name: string };
  schoolYear: string;
  years: string[];
  schools: Array<PlaceLoad & { boardName: string; districtName: string | null }>;
  boards: PlaceLoad[];
  districts: PlaceLoad[];
}

/**
 * The SWV's view: the care load per school (and per board and district) in a school year — the index and the
 * number of pupils, never the counts per category or per group.
 */
export async function loadPartnershipDiversityPage(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; schoolYear: string | null }): Promise<PartnershipDiversityPage> {
  const { db, auth, partnershipId } = options;
  assertInScope('loadPartnershipDiversityPage', auth, { partnershipId });
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const current = schoolYearOf(options.clock.now());
  const year = options.schoolYear && schoolYearInput.safeParse(options.schoolYear).success ? options.schoolYear : current;
  const start = Number(current.slice(0, 4));
  const years = [...new Set([-3, -2, -1, 0, 1].map((d) => `${start + d}-${start + d + 1}`).concat(year))].sort();
  const factors = new Map((await listCategories(db, partnershipId)).map((c) => [c.id, c.factorHundredths]));
  const groups = await listGroupsOfPartnership(db, partnershipId, year);
  const counts = await listCountsOfGroups(db, groups.map((g) => g.id));
  const loadsBySchool = new Map<string, CareLoad[]>();
  for (const group of groups) {
    const own = counts.filter((c) => c.groupId === group.id).map((c) => ({ pupils: c.pupils, factorHundredths: factors.get(c.categoryId) ?? 100 }));
    loadsBySchool.set(group.schoolId, [...(loadsBySchool.get(group.schoolId) ?? []), groupCareLoad({ pupilCount: group.pupilCount, counts: own })]);
  }
  const boardNames = new Map((await listAllBoards(db, partnershipId)).map((b) => [b.id, b.name]));
  const withDistricts = await listSchoolsWithDistricts(db, partnershipId);
  const schools = withDistricts
    .filter((s) => !s.archivedAt)
    .map((s) => {
      const loads = loadsBySchool.get(s.id) ?? [];
      return { id: s.id, name: s.name, boardId: s.boardId, districtId: s.districtId, boardName: boardNames.get(s.boardId) ?? '', districtName: s.districtName, load: combinedCareLoad(loads), groups: loads.length, loads };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const aggregate = (keyOf: (s: (typeof schools)[number]) => string, nameOf: (s: (typeof schools)[number]) => string): PlaceLoad[] => {
    const places = new Map<string, { name: string; loads: CareLoad[]; groups: number }>();
    for (const s of schools) {
      const place = places.get(keyOf(s)) ?? { name: nameOf(s), loads: [], groups: 0 };
      place.loads.push(...s.loads);
      place.groups += s.groups;
      places.set(keyOf(s), place);
    }
    return [...places].map(([id, p]) => ({ id, name: p.name, load: combinedCareLoad(p.loads), groups: p.groups })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  };
  return {
    partnership: { id: partnership.id, name: partnership.name },
    schoolYear: year,
    years,
    schools: schools.map(({ id, name, boardName, districtName, load, groups }) => ({ id, name, boardName, districtName, load, groups })),
    boards: aggregate((s) => s.boardId, (s) => s.boardName),
    districts: aggregate((s) => s.districtId ?? '', (s) => s.districtName ?? ''),
  };
}
