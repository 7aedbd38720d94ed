import { AppError } from '../../auth/app-error.js';
import { queryAll, type Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership } from '../partnerships/api.js';
import { listTemplates, listTemplateVersions, type TemplateRow, type TemplateVersionRow } from './repository.js';
import { partnershipOf } from './version-in-scope.js';

export interface TemplateListPage {
  partnershipId: string;
  partnershipName: string;
  templates: Array<{ template: TemplateRow; versions: TemplateVersionRow[] }>;
}

/** "Vragenlijsten": the SWV's templates, each with its versions (newest first). */
export async function loadTemplateList(options: { db: Database; auth: Authorized }): Promise<TemplateListPage> {
  const { db } = options;
  const partnershipId = partnershipOf(options.auth);
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const all = await listTemplates(db, partnershipId);
  const versions = await queryAll(
    db,
    all.map((template) => () => listTemplateVersions(db, template.id)),
  );
  return { partnershipId, partnershipName: partnership.name, templates: all.map((template, index) => ({ template, versions: versions[index]! })) };
}
