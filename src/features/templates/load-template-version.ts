import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { latestVersion } from './repository.js';
import { loadVersionPage, type TemplateVersionPage } from './version-in-scope.js';

export interface TemplateVersionOverview extends TemplateVersionPage {
  /** Does the template have a draft (then "Nieuwe conceptversie" is not offered)? */
  hasDraft: boolean;
}

/**
 * One version of the SWV's template: the version page, and the pages that need nothing else
 * (the general form, the new-section form). `draftOnly`: the editor's pages, refused for a
 * published version.
 */
export async function loadTemplateVersion(options: { db: Database; auth: Authorized; versionId: string; locale: Locale; draftOnly?: boolean }): Promise<TemplateVersionOverview> {
  const page = await loadVersionPage(options.db, { ...options, draftOnly: options.draftOnly ?? false });
  const draft = page.version.status === 'draft' ? page.version : await latestVersion(options.db, page.version.templateId, 'draft');
  return { ...page, hasDraft: draft !== null };
}
