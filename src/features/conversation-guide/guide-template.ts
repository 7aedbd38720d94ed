/** The SWV's template a guide belongs to, checked to lie in the SWV, with the sections of its latest version. */
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { findTemplateInPartnership, latestVersion } from '../templates/api.js';

export interface GuideTemplate {
  id: string;
  partnershipId: string;
  name: string;
  key: string;
  sections: Array<{ key: string; title: string; promise: string | null }>;
}

export async function loadGuideTemplate(db: DbOrTx, auth: Authorized, name: string, partnershipId: string, templateId: string): Promise<GuideTemplate> {
  assertInScope(name, auth, { partnershipId });
  if (!/^[0-9a-f-]{36}$/.test(templateId)) throw new AppError('not_found');
  const template = await findTemplateInPartnership(db, partnershipId, templateId);
  if (!template) throw new AppError('not_found');
  assertInScope(name, auth, { partnershipId: template.partnershipId });
  const version = await latestVersion(db, template.id);
  const sections = (version?.definition.sections ?? []).map((s) => ({ key: s.key, title: s.title, promise: s.promise ?? null }));
  return { id: template.id, partnershipId: template.partnershipId, name: template.name, key: template.key, sections };
}
