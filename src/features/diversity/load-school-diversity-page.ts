import { AppError } from '../../auth/app-error.js';
import { assertInScope, can } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getSchool } from '../partnerships/api.js';
import { schoolYearOf } from '../templates/school-year.js';
import { careLoadFigure, combinedCareLoad, groupCareLoad, type Arithmetic, type CareLoad } from './care-load.js';
import { getGroup, listCountsOfGroups, listGroups } from './repository.js';
import { loadYearRules } from './year-figures.js';
import { isSchoolYear } from '../templates/school-year.js';

export interface SchoolDiversityPage {
  school: { id: string; name: string; partnershipId: string };
  schoolYear: string;
  /** This year and the years around it, for the year picker. */
  years: string[];
  /** The categories with their factors in this school year. */
  categories: Array<{ id: string; name: string; factorHundredths: number }>;
  /** The SWV's arithmetic in this school year, and the figure it gives per group and for the school. */
  arithmetic: Arithmetic;
  groups: Array<{ id: string; name: string; counts: Record<string, number>; load: CareLoad; figure: number | null }>;
  school_load: CareLoad;
  schoolFigure: number | null;
  /** The group being changed (`?groep=`), or null for the "add a group" form. */
  editing: { id: string; name: string; pupilCount: number; counts: Record<string, number> } | null;
  canEdit: boolean;
}

/** The school's groups in a school year with their counts and care load, and the school's care load. */
export async function loadSchoolDiversityPage(options: { db: Database; clock: Clock; auth: Authorized; schoolId: string; schoolYear: string | null; groupId: string | null }): Promise<SchoolDiversityPage> {
  const { db, auth, schoolId } = options;
  assertInScope('loadSchoolDiversityPage', auth, { schoolId });
  const school = await getSchool(db, schoolId);
  if (!school) throw new AppError('not_found');
  const current = schoolYearOf(options.clock.now());
  const year = options.schoolYear && isSchoolYear(options.schoolYear) ? options.schoolYear : current;
  const start = Number(current.slice(0, 4));
  const years = [...new Set([-2, -1, 0, 1].map((d) => `${start + d}-${start + d + 1}`).concat(year))].sort();
  const rules = await loadYearRules(db, school.partnershipId);
  const factors = rules.factorsIn(year);
  const arithmetic = rules.arithmeticIn(year);
  const categories = rules.categories.map(({ id, name }) => ({ id, name, factorHundredths: factors.get(id)! }));
  const groupRows = await listGroups(db, schoolId, year);
  const counts = await listCountsOfGroups(db, groupRows.map((g) => g.id));
  const groups = groupRows.map((group) => {
    const own = counts.filter((c) => c.groupId === group.id);
    const load = groupCareLoad({ pupilCount: group.pupilCount, counts: own.map((c) => ({ pupils: c.pupils, factorHundredths: factors.get(c.categoryId) ?? 100 })) });
    return { id: group.id, name: group.name, counts: Object.fromEntries(own.map((c) => [c.categoryId, c.pupils])), load, figure: careLoadFigure([load], arithmetic) };
  });
  let editing: SchoolDiversityPage['editing'] = null;
  if (options.groupId) {
    const group = /^[0-9a-f-]{36}$/.test(options.groupId) ? await getGroup(db, options.groupId) : null;
    if (!group) throw new AppError('not_found');
    assertInScope('loadSchoolDiversityPage', auth, { schoolId: group.schoolId });
    const shown = groups.find((g) => g.id === group.id);
    editing = { id: group.id, name: group.name, pupilCount: group.pupilCount, counts: shown?.counts ?? {} };
  }
  return {
    school: { id: school.id, name: school.name, partnershipId: school.partnershipId },
    schoolYear: year,
    years,
    categories,
    arithmetic,
    groups,
    school_load: combinedCareLoad(groups.map((g) => g.load)),
    schoolFigure: careLoadFigure(groups.map((g) => g.load), arithmetic),
    editing,
    canEdit: can(auth.principal, 'diversity.editSchool', auth.scope),
  };
}
