import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import type { Item, Section } from './model/template.js';
import { loadVersionPage, requireItem, type TemplateVersionPage } from './version-in-scope.js';

export interface ItemEditorPage extends TemplateVersionPage {
  section: Section;
  item: Item;
}

/** One item of a draft: its edit form and its removal page. */
export async function loadItemEditor(options: { db: Database; auth: Authorized; versionId: string; itemKey: string; locale: Locale }): Promise<ItemEditorPage> {
  const page = await loadVersionPage(options.db, { ...options, draftOnly: true });
  return { ...page, ...requireItem(page.version.definition, options.itemKey) };
}
