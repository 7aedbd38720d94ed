import { assertInScope } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { TemplateFileError } from '../templates/api.js';
import type { Authorized } from '../../ui/route.js';
import { parseIndexFile } from './index-format.js';
import { listCategories } from './repository.js';
import { unsafeSaveCategories } from './save-categories.js';

/**
 * The SWV reads in its categories, factors and arithmetic from a file, for a school year on. A category is
 * recognised by its name (capitals do not count): its factor changes from that year on; a new name is a new
 * category; a category not in the file stays (schools' counts refer to it). Any mistake: nothing changes.
 */
export async function importIndex(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; schoolYear: string; source: string }): Promise<{ ok: true } | { ok: false; errors: TemplateFileError[] }> {
  assertInScope('importIndex', options.auth, { partnershipId: options.partnershipId });
  const parsed = parseIndexFile(options.source);
  if (!parsed.ok) return parsed;
  const byName = new Map((await listCategories(options.db, options.partnershipId)).map((c) => [c.name.toLocaleLowerCase('nl'), c.id]));
  const rows = parsed.value.categories.map((c, index) => ({ key: byName.get(c.name.toLocaleLowerCase('nl')) ?? `new${index + 1}`, name: c.name, factorHundredths: c.factorHundredths }));
  // Asserted above: this is the one check (saveCategories would repeat it).
  await unsafeSaveCategories({ db: options.db, clock: options.clock, auth: options.auth, partnershipId: options.partnershipId, rows, schoolYear: options.schoolYear, arithmetic: parsed.value.arithmetic });
  return { ok: true };
}
