import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { exampleGuide } from './example-guide.js';
import { serializeGuide } from './guide-format.js';
import { loadGuideTemplate } from './guide-template.js';
import { findGuideOfTemplate } from './repository.js';

/** The template's guide as a YAML file (the example, marked so, when the SWV has none yet). */
export async function exportGuide(options: { db: Database; auth: Authorized; partnershipId: string; templateId: string }): Promise<{ fileName: string; text: string }> {
  const template = await loadGuideTemplate(options.db, options.auth, 'exportGuide', options.partnershipId, options.templateId);
  const saved = await findGuideOfTemplate(options.db, template.id);
  return { fileName: `gespreksleidraad-${template.key}.yaml`, text: serializeGuide(saved?.definition ?? exampleGuide()) };
}
