/** Path parameters of the documents routes: a stored snapshot of De Regenboog's 2026-2027 profile and a finished batch ZIP of the demo SWV. */
import { insertExport, insertExportChunk, insertSnapshot } from '../../src/features/documents/repository.js';
import { findProfile } from '../../src/features/questionnaire/profiles-repository.js';
import type { TestApp } from './test-app.js';

export async function documentMatrixParams(testApp: TestApp): Promise<Record<string, string>> {
  const { deps, demo, clock } = testApp;
  const profile = await findProfile(deps.db, demo.schoolIds['regenboog']!, '2026-2027');
  if (!profile) throw new Error('matrix: De Regenboog has no 2026-2027 profile');
  const snapshotId = crypto.randomUUID();
  await insertSnapshot(
    deps.db,
    { id: snapshotId, profileId: profile.id, partnershipId: profile.partnershipId, schoolId: profile.schoolId, schoolYear: profile.schoolYear, reason: 'submitted', createdAt: clock.now(), createdBy: null },
    [{ kind: 'ouderposter-html', fileName: 'Ouderposter.html', mimeType: 'text/html; charset=utf-8', bytes: new TextEncoder().encode('<!doctype html><title>Ouderposter</title>') }],
  );
  const exportId = crypto.randomUUID();
  const emptyZip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
  await insertExport(deps.db, {
    id: exportId,
    partnershipId: demo.partnershipId,
    schoolYear: '2026-2027',
    requestedBy: null,
    status: 'done',
    progress: { done: 1, total: 1 },
    fileName: 'Documenten-2026-2027.zip',
    size: emptyZip.length,
    chunkCount: 1,
    runId: exportId,
    createdAt: clock.now(),
    finishedAt: clock.now(),
  });
  await insertExportChunk(deps.db, exportId, exportId, 0, emptyZip);
  return { snapshotId, kind: 'ouderposter-html', exportId };
}
