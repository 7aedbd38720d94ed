import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership } from '../partnerships/api.js';
import { EXAMPLE_CATEGORIES } from './example-categories.js';
import { listCategories } from './repository.js';

export interface CategoriesPage {
  partnership: { id: string; name: string };
  categories: Array<{ id: string; name: string; factorHundredths: number }>;
  /** New rows offered in the form: the example when the SWV has none yet, otherwise one empty row. */
  newRows: Array<{ key: string; name: string; factorHundredths: number | null }>;
  isExample: boolean;
}

/** The SWV's categories of support need with their factors, for the settings page. */
export async function loadCategoriesPage(options: { db: Database; auth: Authorized; partnershipId: string }): Promise<CategoriesPage> {
  const { db, auth, partnershipId } = options;
  assertInScope('loadCategoriesPage', auth, { partnershipId });
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const categories = (await listCategories(db, partnershipId)).map(({ id, name, factorHundredths }) => ({ id, name, factorHundredths }));
  const isExample = categories.length === 0;
  const newRows = isExample ? EXAMPLE_CATEGORIES.map((row, i) => ({ key: `new${i + 1}`, ...row })) : [{ key: 'new1', name: '', factorHundredths: null }];
  return { partnership: { id: partnership.id, name: partnership.name }, categories, newRows, isExample };
}
