import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { removeItem, removeScale, removeSection, type TemplateEdit } from './editor/edits.js';
import { applyQuickEdit, neighbourAnchor } from './editor/quick-edit.js';
import { findVersionInScope, requireItem, requireScale, requireSection } from './version-in-scope.js';

export interface RemoveOutcome {
  /** `unconfirmed`: the confirmation was not posted; nothing changed. */
  outcome: 'removed' | 'unconfirmed' | 'conflict';
  /** For an item: the section whose list it was in; null otherwise. */
  sectionKey: string | null;
  /** The neighbouring row, to return to and focus. */
  anchor: string | undefined;
}

/** "Ja, verwijderen" for a section (with its items), an item or an unused scale of a draft. */
export async function removeTemplateEntry(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  locale: Locale;
  versionId: string;
  revision: number;
  what: 'section' | 'item' | 'scale';
  key: string;
  confirmed: boolean;
}): Promise<RemoveOutcome> {
  const version = await findVersionInScope(options.db, { ...options, draftOnly: true });
  const definition = version.definition;
  let target: { edit: TemplateEdit; sectionKey: string | null; anchor: string | undefined };
  if (options.what === 'section') {
    const section = requireSection(definition, options.key);
    target = { edit: removeSection(section.key), sectionKey: null, anchor: neighbourAnchor(definition.sections, section.key, 'section') };
  } else if (options.what === 'item') {
    const { section, item } = requireItem(definition, options.key);
    target = { edit: removeItem(item.key), sectionKey: section.key, anchor: neighbourAnchor(section.items, item.key, 'item') };
  } else {
    target = { edit: removeScale(requireScale(definition, options.key).key), sectionKey: null, anchor: undefined };
  }
  if (!options.confirmed) return { outcome: 'unconfirmed', sectionKey: target.sectionKey, anchor: undefined };
  const done = await applyQuickEdit({ ...options, versionId: version.id, edit: target.edit });
  return { outcome: done === 'done' ? 'removed' : 'conflict', sectionKey: target.sectionKey, anchor: target.anchor };
}
