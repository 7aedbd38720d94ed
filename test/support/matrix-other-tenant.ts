/**
 * Resources of the second SWV (B) for the cross-tenant cells of the authorization matrix: a route with
 * two ids gets SWV A's outer ids plus one of B's inner ids, and must answer 404 even to A's own admin
 * (a use case that forgets its tenant filter would otherwise serve B's data under A's authorization).
 */
import { eq } from 'drizzle-orm';
import { memberships } from '../../src/features/accounts/schema.js';
import { insertExport, insertExportChunk, insertSnapshot } from '../../src/features/documents/repository.js';
import { insertProfile } from '../../src/features/questionnaire/profiles-repository.js';
import { findTemplateByKey, insertTemplate, insertTemplateVersion, latestVersion } from '../../src/features/templates/repository.js';
import type { TestApp } from './test-app.js';
import { registerOtherTenantParams } from './matrix-register.js';
import { accountsOtherTenantParams } from './matrix-accounts.js';
import { pollOtherTenantParams } from './matrix-people.js';

/** Parameters that name a tenant's resource by id; keys (section keys, kinds, years) are not ids. */
export function isIdParameter(name: string): boolean {
  return name.endsWith('Id');
}

/** B's value for every id parameter a route may carry as its inner (second or later) id. */
export async function otherTenantParams(testApp: TestApp): Promise<Record<string, string>> {
  const { deps, demo, other, clock } = testApp;
  const now = clock.now();
  const source = (await latestVersion(deps.db, (await findTemplateByKey(deps.db, demo.partnershipId, 'zoetermeer-po'))!.id, 'published'))!;
  const templateId = crypto.randomUUID();
  await insertTemplate(deps.db, { id: templateId, partnershipId: other.partnershipId, key: 'rivierenland', name: 'Rivierenland', createdAt: now });
  const templateVersionId = crypto.randomUUID();
  await insertTemplateVersion(deps.db, { id: templateVersionId, templateId, partnershipId: other.partnershipId, number: 1, status: 'draft', definition: source.definition, createdAt: now });
  const profileId = crypto.randomUUID();
  await insertProfile(deps.db, { id: profileId, partnershipId: other.partnershipId, schoolId: other.schoolId, schoolYear: '2026-2027', templateVersionId: source.id, createdAt: now });
  const snapshotId = crypto.randomUUID();
  await insertSnapshot(
    deps.db,
    { id: snapshotId, profileId, partnershipId: other.partnershipId, schoolId: other.schoolId, schoolYear: '2026-2027', reason: 'submitted', createdAt: now, createdBy: null },
    [{ kind: 'ouderposter-html', fileName: 'Ouderposter.html', mimeType: 'text/html; charset=utf-8', bytes: new TextEncoder().encode('<!doctype html><title>B</title>') }],
  );
  const exportId = crypto.randomUUID();
  const emptyZip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
  await insertExport(deps.db, {
    id: exportId,
    partnershipId: other.partnershipId,
    schoolYear: '2026-2027',
    requestedBy: null,
    status: 'done',
    progress: { done: 1, total: 1 },
    fileName: 'Documenten-B.zip',
    size: emptyZip.length,
    chunkCount: 1,
    runId: exportId,
    createdAt: now,
    finishedAt: now,
  });
  await insertExportChunk(deps.db, exportId, exportId, 0, emptyZip);
  const [otherRole] = await deps.db.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, other.userIds.school_editor));
  return {
    membershipId: otherRole!.id,
    partnershipId: other.partnershipId,
    boardId: other.boardId,
    schoolId: other.schoolId,
    profileId,
    templateId,
    templateVersionId,
    snapshotId,
    exportId,
    userId: other.userIds.school_editor,
    ...(await registerOtherTenantParams(testApp)),
    ...(await accountsOtherTenantParams(testApp)),
    ...(await pollOtherTenantParams(testApp)),
  };
}
