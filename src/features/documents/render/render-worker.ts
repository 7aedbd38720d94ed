/**
 * Worker-thread entry for the render pool (render-pool.ts): renders every output of one school
 * from plain ProfileDocumentData and posts the files back. The fonts and the word-layout cache
 * are set up once per worker and shared by every school it renders.
 * Built as its own bundle (dist/document-worker.js) by scripts/build.mjs.
 */
import { parentPort } from 'node:worker_threads';
import type { ProfileDocumentData } from '../document-data.js';
import { renderAllDocuments, type OutputKind } from './index.js';

export interface RenderRequest {
  id: number;
  data: ProfileDocumentData;
  /** Which outputs (default: every one). */
  kinds?: OutputKind[];
}

export type RenderReply =
  | { id: number; files: Array<{ kind: OutputKind; fileName: string; mimeType: string; bytes: Uint8Array }> }
  | { id: number; error: string };

const port = parentPort;
if (port) {
  port.on('message', (request: RenderRequest) => {
    renderAllDocuments(request.data, request.kinds).then(
      (files) => {
        // Copied, not transferred: small buffers share Node's pooled ArrayBuffer.
        const reply: RenderReply = { id: request.id, files: files.map((f) => ({ kind: f.kind, fileName: f.fileName, mimeType: f.mimeType, bytes: f.bytes })) };
        port.postMessage(reply);
      },
      (error: unknown) => {
        const reply: RenderReply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
        port.postMessage(reply);
      },
    );
  });
}
