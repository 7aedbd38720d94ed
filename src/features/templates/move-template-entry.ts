import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { moveItem, moveSection } from './editor/edits.js';
import { applyQuickEdit } from './editor/quick-edit.js';
import { findVersionInScope, requireItem, requireSection } from './version-in-scope.js';

export interface MoveOutcome {
  /** `unchanged`: no direction was given. */
  outcome: 'moved' | 'unchanged' | 'conflict';
  /** For an item: the section whose list it is in (the page to return to); null for a section. */
  sectionKey: string | null;
  /** The row that moved, to return to and focus. */
  anchor: string;
}

/** "Omhoog" / "Omlaag" on a section or an item of a draft. */
export async function moveTemplateEntry(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  locale: Locale;
  versionId: string;
  revision: number;
  what: 'section' | 'item';
  key: string;
  direction: 'up' | 'down' | null;
}): Promise<MoveOutcome> {
  const version = await findVersionInScope(options.db, { ...options, draftOnly: true });
  let sectionKey: string | null = null;
  let key: string;
  if (options.what === 'section') {
    key = requireSection(version.definition, options.key).key;
  } else {
    const found = requireItem(version.definition, options.key);
    key = found.item.key;
    sectionKey = found.section.key;
  }
  const anchor = `${options.what}-${key}`;
  if (!options.direction) return { outcome: 'unchanged', sectionKey, anchor };
  const edit = options.what === 'section' ? moveSection(key, options.direction) : moveItem(key, options.direction);
  const done = await applyQuickEdit({ ...options, versionId: version.id, edit });
  return { outcome: done === 'done' ? 'moved' : 'conflict', sectionKey, anchor };
}
