/**
 * SWV B's resources the scope-assertion cases need beyond the matrix's (matrix-other-tenant.ts): a published version
 * of B's template and B's round for 2026-2027 (open since February, so B's profile of that year can be edited).
 */
import { insertCycle } from '../../../src/features/cycle/repository.js';
import { getTemplateVersion, insertTemplateVersion } from '../../../src/features/templates/repository.js';
import type { MatrixFixtures } from '../matrix-fixtures.js';
import type { TestApp } from '../test-app.js';

export async function scopeFixtures(testApp: TestApp, fixtures: MatrixFixtures): Promise<Record<string, string>> {
  const { deps, other, clock } = testApp;
  const now = clock.now();
  const draft = (await getTemplateVersion(deps.db, fixtures.otherTenant['templateVersionId']!))!;
  const publishedVersionId = crypto.randomUUID();
  await insertTemplateVersion(deps.db, {
    id: publishedVersionId,
    templateId: fixtures.otherTenant['templateId']!,
    partnershipId: other.partnershipId,
    number: 2,
    status: 'published',
    schoolYear: '2026-2027',
    definition: draft.definition,
    createdAt: now,
    publishedAt: now,
  });
  const cycleId = crypto.randomUUID();
  await insertCycle(deps.db, {
    id: cycleId,
    partnershipId: other.partnershipId,
    schoolYear: '2026-2027',
    opensOn: '2026-02-01',
    submitDeadline: '2026-06-01',
    closesOn: '2026-07-15',
    templateVersionId: publishedVersionId,
    createdAt: now,
  });
  return { publishedVersionId, cycleId };
}
