/** Path parameters of the questionnaire routes: De Regenboog's 2026-2027 profile, its first section and that section's first item. */
import { findProfile } from '../../src/features/questionnaire/profiles-repository.js';
import { loadTemplateDefinition } from '../../src/features/questionnaire/template-cache.js';
import type { TestApp } from './test-app.js';

export async function questionnaireMatrixParams(testApp: TestApp): Promise<Record<string, string>> {
  const profile = await findProfile(testApp.deps.db, testApp.demo.schoolIds['regenboog']!, '2026-2027');
  if (!profile) throw new Error('matrix: De Regenboog has no 2026-2027 profile');
  const template = await loadTemplateDefinition(testApp.deps.db, profile.templateVersionId);
  return { profileId: profile.id, sectionKey: template.sections[0]!.key, itemKey: template.sections[0]!.items[0]!.key };
}
