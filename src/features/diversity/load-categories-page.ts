import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership } from '../partnerships/api.js';
import { schoolYearOf } from '../templates/school-year.js';
import type { Arithmetic } from './care-load.js';
import { EXAMPLE_CATEGORIES } from './example-categories.js';
import { isSchoolYear } from '../templates/school-year.js';
import { loadYearRules } from './year-figures.js';

export interface CategoriesPage {
  partnership: { id: string; name: string };
  /** The school year whose factors the form shows and saves (from that year on). */
  schoolYear: string;
  years: string[];
  arithmetic: Arithmetic;
  categories: Array<{ id: string; name: string; factorHundredths: number }>;
  /** New rows offered in the form: the example when the SWV has none yet, otherwise one empty row. */
  newRows: Array<{ key: string; name: string; factorHundredths: number | null }>;
  isExample: boolean;
}

/** The SWV's categories of support need with their factors in a school year, for the settings page. */
export async function loadCategoriesPage(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; schoolYear: string | null }): Promise<CategoriesPage> {
  const { db, auth, partnershipId } = options;
  assertInScope('loadCategoriesPage', auth, { partnershipId });
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const current = schoolYearOf(options.clock.now());
  const year = options.schoolYear && isSchoolYear(options.schoolYear) ? options.schoolYear : current;
  const start = Number(current.slice(0, 4));
  const years = [...new Set([-2, -1, 0, 1, 2].map((d) => `${start + d}-${start + d + 1}`).concat(year))].sort();
  const rules = await loadYearRules(db, partnershipId);
  const factors = rules.factorsIn(year);
  const categories = rules.categories.map(({ id, name }) => ({ id, name, factorHundredths: factors.get(id)! }));
  const isExample = categories.length === 0;
  const newRows = isExample ? EXAMPLE_CATEGORIES.map((row, i) => ({ key: `new${i + 1}`, ...row })) : [{ key: 'new1', name: '', factorHundredths: null }];
  return { partnership: { id: partnership.id, name: partnership.name }, schoolYear: year, years, arithmetic: rules.arithmeticIn(year), categories, newRows, isExample };
}
