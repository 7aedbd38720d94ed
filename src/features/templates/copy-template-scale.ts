import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { editorFailure, editorRefusal, type EditorResult } from './editor/editor-result.js';
import { copyScale } from './editor/edits.js';
import { scaleField } from './editor/form-input.js';
import { saveDraftEdit } from './save-draft-edit.js';
import { findSourceScale } from './scale-sources.js';
import { findVersionInScope } from './version-in-scope.js';

/**
 * "Schaal overnemen uit…": copies scale `source` ("<source id>|<scale key>", see scale-sources.ts:
 * one of the SWV's own versions or an example template) into the draft, under `copyKey` or its own key.
 */
export async function copyTemplateScale(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  locale: Locale;
  versionId: string;
  revision: number;
  source: string | undefined;
  copyKey: string | undefined;
}): Promise<EditorResult> {
  const version = await findVersionInScope(options.db, { ...options, draftOnly: true });
  const separator = options.source?.lastIndexOf('|') ?? -1;
  if (!options.source || separator < 0) return editorRefusal('bron', 'copyScaleMissing', version.revision);
  const scale = await findSourceScale(options.db, version.partnershipId, options.source.slice(0, separator), options.source.slice(separator + 1));
  if (!scale) return editorRefusal('bron', 'copyScaleGone', version.revision);
  const result = await saveDraftEdit({
    db: options.db,
    clock: options.clock,
    auth: options.auth,
    versionId: version.id,
    revision: options.revision,
    edit: copyScale(scale, options.copyKey),
  });
  if (result.ok) return { ok: true, revision: result.revision };
  return editorFailure(result, { fieldOf: (field) => (field === 'key' ? 'copyKey' : scaleField(field)) });
}
