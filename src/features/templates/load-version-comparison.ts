import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { diffTemplateVersions, type TemplateVersionDiff } from './model/diff-versions.js';
import { findPredecessor, type TemplateVersionRow } from './repository.js';
import { loadVersionPage, type TemplateVersionPage } from './version-in-scope.js';

export interface VersionComparisonPage extends TemplateVersionPage {
  /** The version before this one, with what changed per item; null for a first version. */
  comparison: { previous: TemplateVersionRow; diff: TemplateVersionDiff } | null;
}

/** "Vergelijken met vorige versie": what changed per item, and what happens to the schools' answers. */
export async function loadVersionComparison(options: { db: Database; auth: Authorized; versionId: string; locale: Locale }): Promise<VersionComparisonPage> {
  const page = await loadVersionPage(options.db, { ...options, draftOnly: false });
  const previous = await findPredecessor(options.db, page.version.templateId, page.version.number);
  return { ...page, comparison: previous ? { previous, diff: diffTemplateVersions(previous.definition, page.version.definition) } : null };
}
