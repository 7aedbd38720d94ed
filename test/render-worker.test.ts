/**
 * The render pool's worker really runs: the worker entry (render-worker.ts) is bundled as scripts/build.mjs does
 * and started in a worker thread — the pool itself renders in this thread under vitest, so without this test no
 * worker ever runs in the suite. The worker's files must match what this thread renders from the same data.
 */
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { renderAllDocuments } from '../src/features/documents/render/index.js';
import type { RenderReply, RenderRequest } from '../src/features/documents/render/render-worker.js';
import { checkParentTextFitsData } from '../src/features/documents/render/parent-text-fit.js';
import { buildDocumentFixture, inlineTemplate, loadExampleTemplates, padTemplate } from '../src/features/documents/render/test-fixtures.js';
import { listItems } from '../src/features/templates/model/template.js';

// Inside the project, so the bundle's external packages (zod, pdfmake, …) resolve from node_modules.
mkdirSync(path.resolve('node_modules/.cache'), { recursive: true });
const dir = mkdtempSync(path.resolve('node_modules/.cache/opensop-worker-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundledWorker(): Promise<string> {
  const outfile = path.join(dir, 'document-worker.mjs');
  await build({
    entryPoints: ['src/features/documents/render/render-worker.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  return outfile;
}

function ask(worker: Worker, request: RenderRequest): Promise<RenderReply> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(request);
  });
}

describe('render worker', () => {
  it('renders a school in a worker thread: the same files, in the same order, as in this thread', async () => {
    const data = buildDocumentFixture(inlineTemplate());
    const worker = new Worker(await bundledWorker());
    try {
      const kinds = ['sop-docx', 'schoolgids-docx', 'schoolgids-html', 'ouderposter-html'] as const;
      const reply = await ask(worker, { id: 7, data, kinds: [...kinds] });
      expect(reply.id).toBe(7);
      if (!('files' in reply)) throw new Error(`worker failed: ${JSON.stringify(reply)}`);
      const direct = await renderAllDocuments(data, [...kinds]);
      expect(reply.files.map((file) => file.fileName)).toEqual(direct.map((file) => file.fileName));
      // HTML outputs are deterministic: byte for byte the same. The .docx zips are compared by size within a few bytes
      // (timestamps in the zip may differ).
      for (const [index, file] of reply.files.entries()) {
        const same = direct[index]!;
        if (file.kind.endsWith('html')) expect(Buffer.from(file.bytes).toString('utf8')).toBe(same.bytes.toString('utf8'));
        else expect(Math.abs(file.bytes.length - same.bytes.length)).toBeLessThan(64);
      }
    } finally {
      await worker.terminate();
    }
  });

  it('checks a parent text against the poster in the worker (off the event loop), with the same verdict as this thread', async () => {
    const example = loadExampleTemplates().find((t) => t.name.includes('de-eem'))!.template;
    const roomy = buildDocumentFixture(example);
    const crowded = buildDocumentFixture(padTemplate(example, 150, { posters: 'copy' }));
    const keyOf = (data: typeof roomy) => listItems(data.template).find(({ item }) => item.parentTextEditable && item.posters.parent)!.item.key;
    const text = 'Wij helpen uw kind met lezen en rekenen, elke dag een half uur in een klein groepje.';
    crowded.answers[keyOf(crowded)] = { ...(crowded.answers[keyOf(crowded)] ?? { value: null, ambition: null }), parentText: 'Wij helpen uw kind.' };
    const worker = new Worker(await bundledWorker());
    try {
      const verdicts = [];
      for (const [index, data] of [roomy, crowded].entries()) {
        const reply = await ask(worker, { id: 20 + index, data, fit: { itemKey: keyOf(data), parentText: text } });
        expect(reply.id).toBe(20 + index);
        if (!('fit' in reply)) throw new Error(`worker failed: ${JSON.stringify(reply)}`);
        expect(reply.fit).toEqual(await checkParentTextFitsData(data, keyOf(data), text));
        verdicts.push(reply.fit.ok);
      }
      // The check can fail: the crowded poster refuses the text.
      expect(verdicts).toEqual([true, false]);
      // The save path sends only what the poster is made of (ParentPosterData): the same verdict as from all the data.
      for (const [index, data] of [roomy, crowded].entries()) {
        const posterOnly = { branding: data.branding, school: data.school, schoolYear: data.schoolYear, template: data.template, answers: data.answers };
        const reply = await ask(worker, { id: 30 + index, data: posterOnly, fit: { itemKey: keyOf(data), parentText: text } });
        if (!('fit' in reply)) throw new Error(`worker failed: ${JSON.stringify(reply)}`);
        expect(reply.fit).toEqual(await checkParentTextFitsData(data, keyOf(data), text));
      }
    } finally {
      await worker.terminate();
    }
  });

  it('answers with an error, not a crash, for data it cannot render', async () => {
    const worker = new Worker(await bundledWorker());
    try {
      const reply = await ask(worker, { id: 8, data: {} as never, kinds: ['sop-docx'] });
      expect(reply.id).toBe(8);
      expect('error' in reply).toBe(true);
    } finally {
      await worker.terminate();
    }
  });
});
