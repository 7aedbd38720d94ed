import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { editorFailure, type EditorResult } from './editor/editor-result.js';
import { addSection, updateSection } from './editor/edits.js';
import { readSection, sectionField, type FormValues } from './editor/form-input.js';
import { saveDraftEdit } from './save-draft-edit.js';
import { findVersionInScope, requireSection } from './version-in-scope.js';

/** The section form of a draft: adds a section, or (with `sectionKey`) changes that section; its key never changes. */
export async function saveTemplateSection(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  locale: Locale;
  versionId: string;
  revision: number;
  /** The section to change; absent for a new section. */
  sectionKey?: string | undefined;
  values: FormValues;
}): Promise<EditorResult<{ sectionKey: string }>> {
  const version = await findVersionInScope(options.db, { ...options, draftOnly: true });
  const current = options.sectionKey === undefined ? null : requireSection(version.definition, options.sectionKey);
  const section = readSection(current ? { ...options.values, key: current.key } : options.values);
  const result = await saveDraftEdit({
    db: options.db,
    clock: options.clock,
    auth: options.auth,
    versionId: version.id,
    revision: options.revision,
    edit: current ? updateSection(current.key, section) : addSection(section),
  });
  if (result.ok) return { ok: true, revision: result.revision, sectionKey: String(section['key']) };
  return editorFailure(result, { fieldOf: sectionField });
}
