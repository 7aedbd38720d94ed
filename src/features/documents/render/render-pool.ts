/**
 * Renders whole schools (all 8 outputs) in worker threads, one worker per core (at most 2 by
 * default), for the batch ZIP and the benchmark. Each worker renders one school at a time from
 * plain data, so memory per worker stays bounded (plus a heap cap per worker).
 *
 * Where workers cannot start, rendering happens in this thread instead (same output):
 * - under vitest, which cannot load the .ts worker entry in a worker thread;
 * - when the worker file is missing or a worker fails to start or dies.
 * From the esbuild bundle the workers run dist/document-worker.js; from source (tsx) the pool
 * bundles render-worker.ts once with esbuild (or, without esbuild, registers tsx in the worker).
 */
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParentPosterData, ProfileDocumentData } from '../document-data.js';
import type { OutputKind, RenderedDocument } from './index.js';
import type { ParentTextCheck } from './parent-text-fit.js';
import type { RenderReply, RenderRequest } from './render-worker.js';

/**
 * Heap per worker (MB; env DOC_WORKER_HEAP_MB / DOC_WORKER_YOUNG_MB to tune). A school's live heap
 * is ~35 MB after GC; without caps V8 lets each worker grow to 200+ MB of garbage between major
 * GCs. 64/16 keeps two workers plus the main thread under 300 MB for the SOP batch at about the
 * CPU of 80/24 (bench/README.md, Documents). A worker that runs out of heap is replaced, and its
 * school is rendered in this thread instead.
 */
const WORKER_HEAP_MB = Number(process.env.DOC_WORKER_HEAP_MB ?? 64);
const WORKER_YOUNG_MB = Number(process.env.DOC_WORKER_YOUNG_MB ?? 16);
/** Workers are stopped after this long without work (they hold fonts and caches). */
const IDLE_MS = 30_000;

/** A school to render, or a parent-poster fit check (only the poster's data, a verdict instead of files). */
type Task = {
  id: number;
  reject(error: Error): void;
} & (
  | { type: 'render'; data: ProfileDocumentData; kinds: OutputKind[] | undefined; resolve(files: RenderedDocument[]): void }
  | { type: 'fit'; data: ParentPosterData; itemKey: string; parentText: string | null; resolve(check: ParentTextCheck): void }
);

interface Slot {
  worker: Worker;
  task: Task | null;
  hasWorked: boolean;
}

function workerEntry(): URL | null {
  const here = import.meta.url;
  // From source: the .ts entry beside this file; from the bundle (dist/main.js, dist/cli.js): dist/document-worker.js.
  const url = here.endsWith('.ts') ? new URL('./render-worker.ts', here) : new URL('./document-worker.js', here);
  return existsSync(fileURLToPath(url)) ? url : null;
}

let bundledEntry: URL | null | undefined;

/**
 * From source (tsx, the benchmark): bundle the worker entry once per process with esbuild (a
 * dev dependency) into node_modules/.cache, so workers run plain JavaScript like in production
 * (a tsx loader in a worker costs a hooks thread and its memory per worker). null without esbuild.
 */
function bundleFromSource(entry: URL): URL | null {
  if (bundledEntry !== undefined) return bundledEntry;
  bundledEntry = null;
  try {
    const require = createRequire(import.meta.url);
    const esbuild = require('esbuild') as { buildSync(options: Record<string, unknown>): unknown };
    const root = dirname(require.resolve('esbuild/package.json'));
    const outfile = join(root, '..', '.cache', 'opensop', `document-worker-${process.pid}.mjs`);
    esbuild.buildSync({ entryPoints: [fileURLToPath(entry)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'silent' });
    bundledEntry = pathToFileURL(outfile);
    process.once('exit', () => rmSync(outfile, { force: true }));
  } catch {
    bundledEntry = null;
  }
  return bundledEntry;
}

/** In-process rendering, loaded only when needed: a process that renders in workers never loads pdfmake or docx itself. */
async function renderAllDocuments(data: ProfileDocumentData, kinds?: OutputKind[]): Promise<RenderedDocument[]> {
  return (await import('./index.js')).renderAllDocuments(data, kinds);
}

async function checkParentTextFitsHere(data: ParentPosterData, itemKey: string, parentText: string | null): Promise<ParentTextCheck> {
  return (await import('./parent-text-fit.js')).checkParentTextFitsData(data, itemKey, parentText);
}

export function canUseWorkers(): boolean {
  return !process.env.VITEST && workerEntry() !== null;
}

export class RenderPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private broken = false;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(size = Math.max(1, Math.min(2, availableParallelism()))) {
    this.size = size;
  }

  /** The outputs of one school (every one by default), rendered in a worker (or here, when workers are unavailable). */
  render(data: ProfileDocumentData, kinds?: OutputKind[]): Promise<RenderedDocument[]> {
    if (this.broken || !canUseWorkers()) return renderAllDocuments(data, kinds);
    return new Promise<RenderedDocument[]>((resolve, reject) => {
      this.queue.push({ type: 'render', id: this.nextId++, data, kinds, resolve, reject });
      this.pump();
    });
  }

  /**
   * Would the parent poster still fit with this parent text? The layout runs in a worker, so a save that asks does
   * not hold up the event loop (in this thread where workers are unavailable). A check waits behind at most the
   * schools already being rendered: fit checks go to the front of the queue.
   */
  checkParentTextFit(data: ParentPosterData, itemKey: string, parentText: string | null): Promise<ParentTextCheck> {
    if (this.broken || !canUseWorkers()) return checkParentTextFitsHere(data, itemKey, parentText);
    return new Promise<ParentTextCheck>((resolve, reject) => {
      const firstRender = this.queue.findIndex((task) => task.type === 'render');
      const task: Task = { type: 'fit', id: this.nextId++, data, itemKey, parentText, resolve, reject };
      if (firstRender === -1) this.queue.push(task);
      else this.queue.splice(firstRender, 0, task);
      this.pump();
    });
  }

  /** Stops the workers (pending work is rendered here instead). */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    for (const slot of slots) if (slot.task) this.fallback(slot.task);
    for (const task of this.queue.splice(0)) this.fallback(task);
  }

  private pump(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.task === null);
      if (!slot && this.slots.length < this.size) slot = this.start();
      if (!slot) break;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.ref();
      const request: RenderRequest =
        task.type === 'fit'
          ? { id: task.id, data: task.data, fit: { itemKey: task.itemKey, parentText: task.parentText } }
          : { id: task.id, data: task.data, ...(task.kinds ? { kinds: task.kinds } : {}) };
      slot.worker.postMessage(request);
    }
    // No worker could start: render what waits here.
    if (this.broken && this.slots.length === 0) for (const task of this.queue.splice(0)) this.fallback(task);
    if (this.slots.every((s) => s.task === null) && this.slots.length > 0) {
      for (const slot of this.slots) slot.worker.unref();
      this.idleTimer = setTimeout(() => void this.close(), IDLE_MS);
      this.idleTimer.unref();
    }
  }

  private start(): Slot | undefined {
    const entry = workerEntry();
    if (!entry) {
      this.broken = true;
      return undefined;
    }
    const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB };
    let worker: Worker;
    if (entry.pathname.endsWith('.ts')) {
      const bundled = bundleFromSource(entry);
      if (bundled) {
        worker = new Worker(bundled, { execArgv: [], resourceLimits });
      } else {
        // No esbuild: register tsx in the worker (tsx's --import hooks do not reach a worker's
        // entry in Node 20), at the cost of a hooks thread per worker.
        let tsx: string;
        try {
          tsx = import.meta.resolve('tsx/esm/api');
        } catch {
          this.broken = true;
          return undefined;
        }
        const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
        worker = new Worker(boot, { eval: true, execArgv: [], resourceLimits });
      }
    } else {
      worker = new Worker(entry, { resourceLimits });
    }
    const slot: Slot = { worker, task: null, hasWorked: false };
    worker.on('message', (reply: RenderReply) => {
      const task = slot.task;
      if (!task || task.id !== reply.id) return;
      slot.task = null;
      if ('error' in reply) task.reject(new Error(reply.error));
      else if ('fit' in reply) {
        if (task.type === 'fit') task.resolve(reply.fit);
      } else if (task.type === 'render') {
        task.resolve(reply.files.map((f) => ({ kind: f.kind, fileName: f.fileName, mimeType: f.mimeType, bytes: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength) })));
      }
      this.pump();
    });
    const lose = (error: Error) => {
      const index = this.slots.indexOf(slot);
      if (index === -1) return;
      this.slots.splice(index, 1);
      // A worker that could not start or died: render its school here, and stop using workers
      // if none ever worked (e.g. the entry cannot be loaded).
      if (slot.task) this.fallback(slot.task, error);
      slot.task = null;
      if (!slot.hasWorked) this.broken = true;
      if (this.broken) for (const task of this.queue.splice(0)) this.fallback(task);
      else this.pump();
    };
    worker.on('error', lose);
    worker.on('exit', (code) => lose(new Error(`render worker stopped (${code})`)));
    worker.once('message', () => {
      slot.hasWorked = true;
    });
    this.slots.push(slot);
    return slot;
  }

  private fallback(task: Task, _cause?: Error): void {
    if (task.type === 'fit') checkParentTextFitsHere(task.data, task.itemKey, task.parentText).then(task.resolve, task.reject);
    else renderAllDocuments(task.data, task.kinds).then(task.resolve, task.reject);
  }
}

let shared: RenderPool | null = null;

/** The process-wide pool (created on first use; its workers stop when idle). */
export function renderPool(): RenderPool {
  shared ??= new RenderPool();
  return shared;
}
