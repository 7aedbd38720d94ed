import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { editorFailure, type EditorResult } from './editor/editor-result.js';
import { addItem, updateItem } from './editor/edits.js';
import { deriveItemKey, itemField, readItem, type FormValues } from './editor/form-input.js';
import { withoutGeneratedLabel } from './model/norm-wording.js';
import { listItems, type Item } from './model/template.js';
import { saveDraftEdit } from './save-draft-edit.js';
import { findVersionInScope, requireItem, requireSection } from './version-in-scope.js';

/**
 * The item form of a draft: adds an item to section `sectionKey`, or (with `itemKey`) replaces
 * that item's fields; its key never changes. Choosing another section in the form moves the item
 * there (to the end); a section that no longer exists keeps it where it is.
 * Returns the section the item is in now.
 */
export async function saveTemplateItem(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  locale: Locale;
  versionId: string;
  /** The draft's revision the form was based on. */
  revision: number;
  /** The item to change; absent for a new item. */
  itemKey?: string | undefined;
  /** For a new item: the section whose "Vraag toevoegen" was used. */
  sectionKey?: string | undefined;
  values: FormValues;
}): Promise<EditorResult<{ sectionKey: string }>> {
  const version = await findVersionInScope(options.db, { ...options, draftOnly: true });
  const definition = version.definition;
  const current = options.itemKey === undefined ? null : requireItem(definition, options.itemKey);
  const home = current ? current.section : requireSection(definition, options.sectionKey ?? '');
  const { item, sectionKey: chosen, numberErrors } = readItem(current ? { ...options.values, key: current.item.key } : options.values);
  // A new item without a key gets one made from its title (the form says so; it can be typed instead).
  if (!current && !item['key'] && typeof item['title'] === 'string' && item['title'].trim()) {
    item['key'] = deriveItemKey(item['title'], new Set(listItems(definition).map((entry) => entry.item.key)));
  }
  const target = definition.sections.some((section) => section.key === chosen) ? chosen : home.key;
  // "Norm in woorden" that only repeats the generated words is not kept, so it follows the accepted options.
  const fields = withoutGeneratedLabel(definition, current?.item ?? null, item as unknown as Item) as unknown as typeof item;
  const result = await saveDraftEdit({
    db: options.db,
    clock: options.clock,
    auth: options.auth,
    versionId: version.id,
    revision: options.revision,
    edit: current ? updateItem(current.item.key, fields, target) : addItem(target, fields),
  });
  if (result.ok) return { ok: true, revision: result.revision, sectionKey: target };
  return editorFailure(result, { fieldOf: itemField, numberErrors });
}
