import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership } from '../partnerships/api.js';
import { schoolYearOf } from '../templates/school-year.js';
import { exampleIndex, serializeIndex } from './index-format.js';
import { isSchoolYear } from '../templates/school-year.js';
import { loadYearRules } from './year-figures.js';

/** The SWV's categories with the factors and arithmetic of a school year as a YAML file (the example when it has none). */
export async function exportIndex(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; schoolYear: string | null }): Promise<{ fileName: string; text: string }> {
  const { db, auth, partnershipId } = options;
  assertInScope('exportIndex', auth, { partnershipId });
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const year = options.schoolYear && isSchoolYear(options.schoolYear) ? options.schoolYear : schoolYearOf(options.clock.now());
  const rules = await loadYearRules(db, partnershipId);
  const factors = rules.factorsIn(year);
  const content = rules.categories.length
    ? { name: `Verscheidenheidsindex ${partnership.name}`, example: false, arithmetic: rules.arithmeticIn(year), categories: rules.categories.map((c) => ({ name: c.name, factorHundredths: factors.get(c.id)! })) }
    : exampleIndex();
  return { fileName: `verscheidenheidsindex-${year}.yaml`, text: serializeIndex(content) };
}
