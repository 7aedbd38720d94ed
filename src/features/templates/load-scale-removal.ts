import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { EditRefused, removeScale } from './editor/edits.js';
import type { Scale } from './model/template.js';
import { loadVersionPage, requireScale, type TemplateVersionPage } from './version-in-scope.js';

export interface ScaleRemovalPage extends TemplateVersionPage {
  scale: Scale;
  /** Why the scale cannot be removed now (items still use it), or null when it can. */
  refusal: string | null;
}

/** "Schaal verwijderen?": asks first, or says straight away why the scale cannot go (the same check as the removal itself). */
export async function loadScaleRemoval(options: { db: Database; auth: Authorized; versionId: string; scaleKey: string; locale: Locale }): Promise<ScaleRemovalPage> {
  const page = await loadVersionPage(options.db, { ...options, draftOnly: true });
  const scale = requireScale(page.version.definition, options.scaleKey);
  try {
    removeScale(scale.key).apply(structuredClone(page.version.definition));
    return { ...page, scale, refusal: null };
  } catch (error) {
    if (!(error instanceof EditRefused)) throw error;
    return { ...page, scale, refusal: error.message };
  }
}
