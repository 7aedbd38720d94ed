import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { exampleGuide } from './example-guide.js';
import { guideSection, type GuideSection } from './guide-format.js';
import { loadGuideTemplate, type GuideTemplate } from './guide-template.js';
import { findGuideOfTemplate } from './repository.js';

export interface GuideEditorPage {
  template: GuideTemplate;
  /** Per section of the template's latest version: what the form shows (the saved guide, or the example). */
  sections: Array<{ key: string; title: string; promise: string | null; entry: GuideSection }>;
  /** No guide saved yet: the forms hold the shipped example. */
  showsExample: boolean;
  /** The saved guide is (still) marked as the example. */
  savedIsExample: boolean;
}

/** The SWV's editor for the guide of one template: every section of the latest version with its entry. */
export async function loadGuideEditor(options: { db: Database; auth: Authorized; partnershipId: string; templateId: string }): Promise<GuideEditorPage> {
  const template = await loadGuideTemplate(options.db, options.auth, 'loadGuideEditor', options.partnershipId, options.templateId);
  const saved = await findGuideOfTemplate(options.db, template.id);
  const guide = saved?.definition ?? exampleGuide();
  return {
    template,
    sections: template.sections.map((s) => ({ ...s, entry: guideSection(guide, s.key) })),
    showsExample: !saved,
    savedIsExample: saved?.definition.example ?? false,
  };
}
