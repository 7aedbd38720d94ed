/** Matrix parameters for the template pages: a draft of the demo SWV's Zoetermeer template. */
import { findTemplateByKey, insertTemplateVersion, latestVersion } from '../../src/features/templates/repository.js';
import type { TestApp } from './test-app.js';

export async function templateMatrixParams(testApp: TestApp): Promise<Record<string, string>> {
  const { deps, demo, clock } = testApp;
  const template = await findTemplateByKey(deps.db, demo.partnershipId, 'zoetermeer-po');
  if (!template) throw new Error('matrix-templates: the demo SWV has no zoetermeer-po template');
  const published = (await latestVersion(deps.db, template.id, 'published'))!;
  const draftId = crypto.randomUUID();
  await insertTemplateVersion(deps.db, {
    id: draftId,
    templateId: template.id,
    partnershipId: demo.partnershipId,
    number: published.number + 1,
    status: 'draft',
    definition: published.definition,
    createdAt: clock.now(),
  });
  return {
    templateId: template.id,
    templateVersionId: draftId,
    templateSectionKey: 'belofte-1',
    templateItemKey: 'veiligheidsbeleid',
    templateScaleKey: 'availability-level',
  };
}
