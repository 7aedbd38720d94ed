import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { templateFile } from './export-template.js';
import { findVersionInScope } from './version-in-scope.js';

/** A version of the SWV's template as a template file (YAML), named "<key>-v<number>.yaml". */
export async function downloadTemplateVersion(options: { db: Database; auth: Authorized; versionId: string; locale: Locale }): Promise<{ yaml: string; fileName: string }> {
  return templateFile(await findVersionInScope(options.db, { ...options, draftOnly: false }));
}
