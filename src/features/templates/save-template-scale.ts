import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { editorFailure, type EditorResult } from './editor/editor-result.js';
import { addScale, updateScale, type RawObject } from './editor/edits.js';
import { readScale, scaleField, type FormValues } from './editor/form-input.js';
import { saveDraftEdit } from './save-draft-edit.js';
import { findVersionInScope, requireScale } from './version-in-scope.js';

/** The scale form of a draft: adds a scale, or (with `scaleKey`) changes that scale's name and options; its key never changes. */
export async function saveTemplateScale(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  locale: Locale;
  versionId: string;
  revision: number;
  /** The scale to change; absent for a new scale. */
  scaleKey?: string | undefined;
  values: FormValues;
}): Promise<EditorResult> {
  const version = await findVersionInScope(options.db, { ...options, draftOnly: true });
  const current = options.scaleKey === undefined ? null : requireScale(version.definition, options.scaleKey);
  const scale = readScale(options.values);
  const result = await saveDraftEdit({
    db: options.db,
    clock: options.clock,
    auth: options.auth,
    versionId: version.id,
    revision: options.revision,
    edit: current ? updateScale(current.key, { name: scale.name, options: scale.options }) : addScale(scale as unknown as RawObject),
  });
  if (result.ok) return { ok: true, revision: result.revision };
  return editorFailure(result, { fieldOf: scaleField });
}
