import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import type { Scale } from './model/template.js';
import { listScaleSources, type ScaleSource } from './scale-sources.js';
import { loadVersionPage, requireScale, type TemplateVersionPage } from './version-in-scope.js';

export type ScaleEditorPage = TemplateVersionPage &
  (
    | { scale: null; /** Where "Schaal overnemen uit…" can copy from. */ sources: ScaleSource[] }
    | { scale: Scale; sources: [] }
  );

/** The scale form of a draft: a new scale (with the sources to copy one from) or an existing one (`scaleKey`). */
export async function loadScaleEditor(options: { db: Database; auth: Authorized; versionId: string; scaleKey?: string | undefined; locale: Locale }): Promise<ScaleEditorPage> {
  const page = await loadVersionPage(options.db, { ...options, draftOnly: true });
  if (options.scaleKey !== undefined) return { ...page, scale: requireScale(page.version.definition, options.scaleKey), sources: [] };
  return { ...page, scale: null, sources: await listScaleSources(options.db, page.version.partnershipId) };
}
