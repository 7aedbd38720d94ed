/**
 * The job behind requestBatchExport: for each school take its latest snapshot, or render it
 * live when there is none (in the render pool's worker threads, one per core), push its files
 * into a streaming ZIP under a folder for the school in school order, and report progress.
 * At most two schools per worker are in flight, and the ZIP goes to the database in chunks as it grows
 * (document_export_chunks), so memory stays bounded however many schools the SWV has.
 * Each run has its own run id and starts by deleting what an earlier run left (a process killed halfway:
 * its export stays "running" and not downloadable until the job queue retries it after the lease).
 * A school whose documents fail to render does not fail the ZIP: the others go in, and the
 * failures are listed in "Niet gelukt.txt" in the ZIP and on the page.
 */
import type { JobDefinition } from '../../jobs/queue.js';
import type { AppDeps } from '../../ui/context.js';
import { getSchool } from '../partnerships/api.js';
import { listProfilesOfPartnership } from '../questionnaire/api.js';
import { renderPool } from './render/render-pool.js';
import { loadDocumentDataFor } from './load-document-data.js';
import {
  failExportRun,
  finishExportRun,
  findLatestSnapshot,
  getExportForJob,
  insertExportChunk,
  listSnapshotFiles,
  startExportRun,
  updateExportRun,
} from './repository.js';
import { batchExportJobKind } from './request-batch-export.js';
import { DEFAULT_CHUNK_SIZE, safeName, StreamingZip } from './zip-archive.js';

/** Thrown inside a run whose export a newer run (a retry) has taken over: this run stops quietly. */
class RunSuperseded extends Error {}

export interface BatchExportResult {
  schools: number;
  failed: number;
  /** The ZIP: its size in bytes and number of stored chunks. */
  size: number;
  chunks: number;
  /** The most ZIP output the job held in memory at once (at most one chunk plus one file). */
  maxBufferedBytes: number;
}

export async function buildBatchExport(
  deps: Pick<AppDeps, 'db' | 'clock' | 'logger'>,
  exportId: string,
  /** Called after every school: the job queue renews its lease there, so a long batch is not picked up twice. */
  onProgress: (progress: { done: number; total: number }) => Promise<void> = async () => undefined,
  options: { chunkSize?: number } = {},
): Promise<BatchExportResult | null> {
  const { db, clock } = deps;
  const job = await getExportForJob(db, exportId);
  if (!job || job.status === 'done' || job.status === 'expired') return null;
  const runId = crypto.randomUUID();
  try {
    await startExportRun(db, exportId, runId);
    const profiles = (await listProfilesOfPartnership(db, job.partnershipId, job.schoolYear)).sort((a, b) => a.schoolId.localeCompare(b.schoolId));
    const total = profiles.length;
    if (!(await updateExportRun(db, exportId, runId, { progress: { done: 0, total } }))) throw new RunSuperseded();
    const zip = new StreamingZip(async (chunk, seq) => {
      if (!(await insertExportChunk(db, exportId, runId, seq, chunk))) throw new RunSuperseded();
    }, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
    const pool = renderPool();
    let done = 0;
    // Schools whose files are being rendered (or read), in school order.
    type Files = Array<{ fileName: string; mimeType: string; bytes: Uint8Array }>;
    const inFlight: Array<{ folder: string; files: Promise<Files> }> = [];
    const failed: Array<{ school: string; error: string }> = [];
    const addNext = async () => {
      const next = inFlight.shift()!;
      let files: Files;
      try {
        files = await next.files;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        deps.logger.error({ err: error, exportId, school: next.folder }, 'batch export: school failed');
        failed.push({ school: next.folder, error: message });
        files = [];
      }
      // Outside the try: a failed chunk write fails the run, not just this school.
      await zip.addFolder(next.folder, files);
      done += 1;
      if (!(await updateExportRun(db, exportId, runId, { progress: { done, total, ...(failed.length ? { failed } : {}) } }))) throw new RunSuperseded();
      await onProgress({ done, total });
    };
    try {
      for (const profile of profiles) {
        const school = await getSchool(db, profile.schoolId);
        const folder = `${school?.locationCode ?? profile.schoolId} ${school?.name ?? ''}`.trim();
        const files: Promise<Files> = (async () => {
          const snapshot = await findLatestSnapshot(db, profile.id);
          return snapshot ? listSnapshotFiles(db, snapshot.id) : pool.render(await loadDocumentDataFor(db, clock, profile));
        })();
        files.catch(() => undefined); // awaited in order below, where a failure is listed
        inFlight.push({ folder, files });
        if (inFlight.length >= pool.size * 2) await addNext();
      }
      while (inFlight.length > 0) await addNext();
    } finally {
      // On failure: let the renders in flight settle before the job reports.
      await Promise.allSettled(inFlight.map((f) => f.files));
    }
    if (failed.length > 0) {
      const text = `De documenten van deze scholen konden niet worden gemaakt (${failed.length} van ${total}):\r\n\r\n${failed
        .map((f) => `- ${f.school}: ${f.error}`)
        .join('\r\n')}\r\n\r\nDe andere scholen staan wel in dit ZIP-bestand. Probeer het later opnieuw of neem contact op met de beheerder.\r\n`;
      await zip.addFile('Niet gelukt.txt', new TextEncoder().encode(text), true);
    }
    const { size, chunks } = await zip.finish();
    const isFinished = await finishExportRun(db, exportId, runId, {
      fileName: safeName(`Documenten-${job.schoolYear}.zip`),
      size,
      chunkCount: chunks,
      progress: { done, total, ...(failed.length ? { failed } : {}) },
      finishedAt: clock.now(),
    });
    if (!isFinished) throw new RunSuperseded();
    return { schools: total, failed: failed.length, size, chunks, maxBufferedBytes: zip.maxBufferedBytes };
  } catch (error) {
    if (error instanceof RunSuperseded) {
      deps.logger.warn({ exportId, runId }, 'batch export: a newer run took over this export; this run stops');
      return null;
    }
    await failExportRun(db, exportId, runId, { error: error instanceof Error ? error.message : String(error), finishedAt: clock.now() });
    throw error;
  }
}

export function batchExportJob(deps: AppDeps): JobDefinition<{ exportId: string }> {
  return { ...batchExportJobKind, run: async ({ exportId }, context) => buildBatchExport(deps, exportId, (progress) => context.reportProgress(progress)) };
}
