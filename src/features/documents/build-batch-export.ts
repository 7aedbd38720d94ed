/**
 * The job behind requestBatchExport: one school at a time, take its latest snapshot (or render
 * it live when there is none), push its files into a streaming ZIP under a folder for the school,
 * and report progress. Only one school's documents are in memory at once.
 */
import type { JobDefinition } from '../../jobs/queue.js';
import type { AppDeps } from '../../ui/context.js';
import { getSchool } from '../partnerships/repository.js';
import { listProfilesOfPartnership } from '../questionnaire/profiles-repository.js';
import { renderEveryKind } from './document-kinds.js';
import { loadDocumentDataFor } from './load-document-data.js';
import { findLatestSnapshot, getExportForJob, listSnapshotFiles, updateExport } from './repository.js';
import { batchExportJobKind } from './request-batch-export.js';
import { safeName, StreamingZip } from './zip-archive.js';

export async function buildBatchExport(deps: Pick<AppDeps, 'db' | 'clock' | 'logger'>, exportId: string): Promise<{ schools: number } | null> {
  const { db, clock } = deps;
  const job = await getExportForJob(db, exportId);
  if (!job || job.status === 'done') return null;
  try {
    const profiles = (await listProfilesOfPartnership(db, job.partnershipId, job.schoolYear)).sort((a, b) => a.schoolId.localeCompare(b.schoolId));
    const total = profiles.length;
    await updateExport(db, exportId, { status: 'running', progress: { done: 0, total }, error: null });
    const zip = new StreamingZip();
    let done = 0;
    for (const profile of profiles) {
      const school = await getSchool(db, profile.schoolId);
      const folder = `${school?.locationCode ?? profile.schoolId} ${school?.name ?? ''}`.trim();
      const snapshot = await findLatestSnapshot(db, profile.id);
      if (snapshot) {
        zip.addFolder(folder, await listSnapshotFiles(db, snapshot.id));
      } else {
        zip.addFolder(folder, await renderEveryKind(await loadDocumentDataFor(db, clock, profile)));
      }
      done += 1;
      await updateExport(db, exportId, { progress: { done, total } });
    }
    const bytes = zip.finish();
    await updateExport(db, exportId, {
      status: 'done',
      bytes,
      fileName: safeName(`Documenten-${job.schoolYear}.zip`),
      progress: { done, total },
      finishedAt: clock.now(),
    });
    return { schools: total };
  } catch (error) {
    await updateExport(db, exportId, { status: 'failed', error: error instanceof Error ? error.message : String(error), finishedAt: clock.now() });
    throw error;
  }
}

export function batchExportJob(deps: AppDeps): JobDefinition<{ exportId: string }> {
  return { ...batchExportJobKind, run: async ({ exportId }) => buildBatchExport(deps, exportId) };
}
