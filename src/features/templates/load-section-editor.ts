import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import type { Section } from './model/template.js';
import { loadVersionPage, requireSection, type TemplateVersionPage } from './version-in-scope.js';

export interface SectionEditorPage extends TemplateVersionPage {
  section: Section;
}

/** One section of a draft: its edit page (with its items), its removal page and the new-item form. */
export async function loadSectionEditor(options: { db: Database; auth: Authorized; versionId: string; sectionKey: string; locale: Locale }): Promise<SectionEditorPage> {
  const page = await loadVersionPage(options.db, { ...options, draftOnly: true });
  return { ...page, section: requireSection(page.version.definition, options.sectionKey) };
}
