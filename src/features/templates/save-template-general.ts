import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { editorFailure, type EditorResult } from './editor/editor-result.js';
import { updateGeneral } from './editor/edits.js';
import { generalField, readGeneral, type FormValues } from './editor/form-input.js';
import { saveDraftEdit } from './save-draft-edit.js';
import { findVersionInScope } from './version-in-scope.js';

/** The general form of a draft: name, description, sector, national set and the welcome page. */
export async function saveTemplateGeneral(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  locale: Locale;
  versionId: string;
  revision: number;
  values: FormValues;
}): Promise<EditorResult> {
  const version = await findVersionInScope(options.db, { ...options, draftOnly: true });
  const result = await saveDraftEdit({ ...options, versionId: version.id, edit: updateGeneral(readGeneral(options.values)) });
  if (result.ok) return { ok: true, revision: result.revision };
  return editorFailure(result, { fieldOf: generalField });
}
