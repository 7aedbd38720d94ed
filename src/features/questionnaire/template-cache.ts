/**
 * The template definition of a profile's version. Published versions are immutable, so their
 * parsed definitions are cached per database (the autosave path must not reload a template per save).
 */
import { AppError } from '../../auth/app-error.js';
import type { DbOrTx } from '../../db/client.js';
import type { TemplateDefinition } from '../templates/model/template.js';
import { getTemplateVersion } from '../templates/api.js';

const cache = new WeakMap<object, Map<string, TemplateDefinition>>();

export async function loadTemplateDefinition(db: DbOrTx, versionId: string): Promise<TemplateDefinition> {
  let perDb = cache.get(db);
  const hit = perDb?.get(versionId);
  if (hit) return hit;
  const row = await getTemplateVersion(db, versionId);
  if (!row) throw new AppError('not_found');
  if (row.status === 'published') {
    if (!perDb) cache.set(db, (perDb = new Map()));
    perDb.set(versionId, row.definition);
  }
  return row.definition;
}
