/**
 * An SWV admin downloads a finished batch ZIP. The ZIP is streamed from its stored chunks, one row at a
 * time as the client reads, so a ZIP of a GB costs the serving process one chunk of memory; any app
 * process can serve it (nothing lives on a process's disk).
 */
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getExport, unsafeReadExportChunk } from './repository.js';

export interface ExportDownload {
  fileName: string;
  /** Bytes in all chunks together: the Content-Length. */
  size: number;
  body: ReadableStream<Uint8Array>;
}

/**
 * The download; or why there is none: "not_ready" (queued, running, failed, or its process killed halfway),
 * "expired" (a newer ZIP of the same year finished; also exports stored before ZIPs were chunked).
 */
export async function openExportDownload(options: {
  db: Database;
  auth: Authorized;
  partnershipId: string;
  exportId: string;
}): Promise<({ ok: true } & ExportDownload) | { ok: false; reason: 'not_ready' | 'expired' }> {
  const { db, auth, partnershipId, exportId } = options;
  assertInScope('openExportDownload', auth, { partnershipId });
  // The export must belong to this SWV (the route's scope): another SWV's export id gives 404.
  const row = await getExport(db, partnershipId, exportId);
  if (!row) throw new AppError('not_found');
  // Only a finished run has its size and chunk count: a run in progress, failed or killed halfway is never served.
  if (row.status === 'expired' || (row.status === 'done' && row.chunkCount === null)) return { ok: false, reason: 'expired' };
  if (row.status !== 'done' || row.size === null || row.chunkCount === null) return { ok: false, reason: 'not_ready' };
  const chunkCount = row.chunkCount;
  let seq = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (seq >= chunkCount) {
          controller.close();
          return;
        }
        const bytes = await unsafeReadExportChunk(db, exportId, seq);
        // Gone while downloading (a newer ZIP finished and this one expired): the download breaks off,
        // and the browser reports it as failed because fewer bytes came than the Content-Length said.
        if (!bytes) throw new Error(`ZIP ${exportId}: deel ${seq} ontbreekt`);
        seq += 1;
        controller.enqueue(bytes);
      },
    },
    // Read a chunk only when the client is ready for it: one chunk in memory per download.
    { highWaterMark: 0 },
  );
  return { ok: true, fileName: row.fileName ?? 'documenten.zip', size: row.size, body };
}
