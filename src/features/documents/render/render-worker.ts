/**
 * Worker-thread entry for the render pool (render-pool.ts): renders every output of one school
 * from plain ProfileDocumentData and posts the files back. The fonts and the word-layout cache
 * are set up once per worker and shared by every school it renders.
 * Built as its own bundle (dist/document-worker.js) by scripts/build.mjs.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { ParentPosterData, ProfileDocumentData } from '../document-data.js';
import { renderAllDocuments, type OutputKind } from './index.js';
import { checkParentTextFitsData, type ParentTextCheck } from './parent-text-fit.js';

export type RenderRequest =
  | {
      id: number;
      data: ProfileDocumentData;
      /** Which outputs (default: every one). */
      kinds?: OutputKind[];
    }
  | {
      id: number;
      /** Only what the parent poster is made of, not the whole document data. */
      data: ParentPosterData;
      /** Not a render: would the parent poster still fit with this parent text (parent-text-fit.ts)? */
      fit: { itemKey: string; parentText: string | null };
    };

export type RenderReply =
  | { id: number; files: Array<{ kind: OutputKind; fileName: string; mimeType: string; bytes: Uint8Array }> }
  | { id: number; fit: ParentTextCheck }
  | { id: number; error: string };

/**
 * Layout is background work next to the process's request loop, which shares the same cores: this thread runs at a
 * lower CPU priority (nice DOC_WORKER_NICE, default 10; 0 leaves it as it is), so a request that wakes the event loop
 * gets a core at once instead of waiting for a worker's time slice (bench/README.md, Autosave, parent texts).
 * Linux only: there a thread's nice value is its own (setpriority on the thread id); elsewhere nothing changes.
 */
function lowerThisThreadsPriority(): void {
  const nice = Number(process.env['DOC_WORKER_NICE'] ?? 10);
  if (!Number.isInteger(nice) || nice <= 0) return;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, Math.min(19, nice));
  } catch {
    // Not Linux, or not allowed: the worker runs at the process's priority, as before.
  }
}

const port = parentPort;
if (port) {
  lowerThisThreadsPriority();
  port.on('message', (request: RenderRequest) => {
    const fail = (error: unknown) => {
      const reply: RenderReply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
      port.postMessage(reply);
    };
    if ('fit' in request) {
      checkParentTextFitsData(request.data, request.fit.itemKey, request.fit.parentText).then((fit) => port.postMessage({ id: request.id, fit } satisfies RenderReply), fail);
      return;
    }
    renderAllDocuments(request.data, request.kinds).then(
      (files) => {
        // Copied, not transferred: small buffers share Node's pooled ArrayBuffer.
        const reply: RenderReply = { id: request.id, files: files.map((f) => ({ kind: f.kind, fileName: f.fileName, mimeType: f.mimeType, bytes: f.bytes })) };
        port.postMessage(reply);
      },
      fail,
    );
  });
}
