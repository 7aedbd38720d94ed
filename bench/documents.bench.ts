/**
 * Documents benchmark (issue 6 "Speed"). Each batch runs in its own fresh child process, so its
 * peak RSS is its own:
 *  (a) the measure: 100 schools × the full SOP as .docx and PDF (the two outputs the
 *      "one school" line names), rendered in the render pool and streamed into one ZIP, written in
 *      chunks to a throwaway sink by the batch job's writer (the job writes them to the database);
 *  (b) the full batch: 100 schools × all 8 outputs (SOP, school guide, posters), as the batch job does.
 * Then one big school (~150 items): SOP .docx and PDF (median of 10), the posters, and LibreOffice's
 * .docx → PDF conversion of the same .docx for comparison.
 *
 * Run: npx tsx bench/documents.bench.ts [--strict] [--schools=100]
 * Prints pass/miss per target; with --strict it exits 1 when a target is missed.
 */
import { execFileSync, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutputKind, RenderedDocument } from '../src/features/documents/render/index.js';
import { buildDocumentFixture, loadExampleTemplates, padTemplate } from '../src/features/documents/render/test-fixtures.js';

const args = process.argv.slice(2);
const SCHOOLS = Number(args.find((a) => a.startsWith('--schools='))?.split('=')[1] ?? 100);
const SOP_KINDS: OutputKind[] = ['sop-docx', 'sop-pdf'];

const [example] = loadExampleTemplates();
// Padded copies stay off the posters: a real 150-item template puts a selection on its one-page posters.
const template = padTemplate(example!.template, 150, { posters: 'original' });
const items = template.sections.reduce((n, s) => n + s.items.length, 0);

interface BatchResult {
  schools: number;
  outputs: number;
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  workers: number;
  outputMB: number;
  zipMB: number;
  zipChunks: number;
  /** The most ZIP output held in memory at once (one chunk plus one file at most). */
  zipMaxBufferedMB: number;
}

/** One batch in this (fresh) process: the way build-batch-export.ts does it. */
async function runBatch(kinds: OutputKind[] | undefined): Promise<BatchResult> {
  const { RenderPool } = await import('../src/features/documents/render/render-pool.js');
  const { StreamingZip } = await import('../src/features/documents/zip-archive.js');
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let bytes = 0;
  let outputs = 0;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  const pool = new RenderPool();
  // The batch job's chunked writer into a throwaway sink (no database): each chunk is dropped once written,
  // as the job drops it once its row is stored, so the peak RSS no longer includes the whole ZIP.
  let zipBytes = 0;
  const zip = new StreamingZip(async (chunk) => {
    zipBytes += chunk.length;
  });
  const inFlight: Array<{ folder: string; files: Promise<RenderedDocument[]> }> = [];
  const drainOne = async () => {
    const next = inFlight.shift()!;
    const docs = await next.files;
    for (const doc of docs) bytes += doc.bytes.length;
    outputs += docs.length;
    await zip.addFolder(next.folder, docs);
  };
  for (let i = 0; i < SCHOOLS; i++) {
    const school = buildDocumentFixture(template);
    school.school.name = `Basisschool ${i}`;
    school.school.locationCode = `${10 + (i % 90)}AB${String(i % 100).padStart(2, '0')}`;
    inFlight.push({ folder: `${school.school.locationCode} ${school.school.name}`, files: pool.render(school, kinds) });
    if (inFlight.length >= pool.size * 2) await drainOne();
  }
  while (inFlight.length > 0) await drainOne();
  const written = await zip.finish();
  if (written.size !== zipBytes) throw new Error('ZIP chunks lost');
  const wallMs = performance.now() - start;
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpuStart); // this thread + the worker threads + GC threads
  await pool.close();
  const peak = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  return {
    schools: SCHOOLS,
    outputs,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(peak / 1024 / 1024),
    workers: pool.size,
    outputMB: Math.round(bytes / 1024 / 1024),
    zipMB: Math.round(written.size / 1024 / 1024),
    zipChunks: written.chunks,
    zipMaxBufferedMB: Math.round((zip.maxBufferedBytes / 1024 / 1024) * 10) / 10,
  };
}

function inChild(phase: 'sop' | 'all'): Promise<BatchResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [`--phase=${phase}`, `--schools=${SCHOOLS}`], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve(message as BatchResult));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`bench phase ${phase} stopped with ${code}`))));
  });
}

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
async function time(fn: () => Promise<unknown>, cpuSink?: number[]): Promise<number> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  cpuSink?.push((used.user + used.system) / 1000);
  return wall;
}

const phase = args.find((a) => a.startsWith('--phase='))?.split('=')[1];
if (phase) {
  const result = await runBatch(phase === 'sop' ? SOP_KINDS : undefined);
  process.send!(result);
  process.disconnect();
} else {
  const loadAtStart = loadavg()[0] ?? 0;
  const sopBatch = await inChild('sop');
  const allBatch = await inChild('all');

  const { renderParentPosterPdf, renderSopDocx, renderSopPdf, renderTeacherPosterPdf, renderSchoolGuideDocx } = await import('../src/features/documents/render/index.js');
  const data = buildDocumentFixture(template);
  const overloaded = buildDocumentFixture(padTemplate(example!.template, 150, { posters: 'copy' }));
  await renderSopDocx(data); // warm up (JIT, fonts)
  await renderSopPdf(data);
  const docxTimes: number[] = [];
  const pdfTimes: number[] = [];
  const docxCpu: number[] = [];
  const pdfCpu: number[] = [];
  for (let i = 0; i < 10; i++) {
    docxTimes.push(await time(() => renderSopDocx(data), docxCpu));
    pdfTimes.push(await time(() => renderSopPdf(data), pdfCpu));
  }
  const others = {
    schoolGuideDocx: await time(() => renderSchoolGuideDocx(data)),
    parentA4: await time(() => renderParentPosterPdf(data, { size: 'A4' })),
    teacher: await time(() => renderTeacherPosterPdf(data)),
    overloadedParentA4: await time(() => renderParentPosterPdf(overloaded, { size: 'A4' })),
    overloadedTeacher: await time(() => renderTeacherPosterPdf(overloaded)),
  };

  let sofficeMs: number | null = null;
  try {
    execFileSync('which', ['soffice'], { stdio: 'ignore' });
    const dir = mkdtempSync(join(tmpdir(), 'sop-bench-'));
    const file = join(dir, 'sop.docx');
    writeFileSync(file, await renderSopDocx(data));
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    const convert = () => execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore' });
    convert(); // first start creates the profile
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) runs.push(await time(async () => convert()));
    sofficeMs = median(runs);
    rmSync(dir, { recursive: true, force: true });
  } catch {
    sofficeMs = null; // LibreOffice not installed: the comparison is optional
  }

  const docxMs = median(docxTimes);
  const pdfMs = median(pdfTimes);
  const result = {
    template: example!.name,
    items,
    loadAverage1m: { atStart: Math.round(loadAtStart * 10) / 10, atEnd: Math.round((loadavg()[0] ?? 0) * 10) / 10 },
    oneSchool: {
      sopDocxMs: Math.round(docxMs),
      sopDocxCpuMs: Math.round(median(docxCpu)),
      sopPdfMs: Math.round(pdfMs),
      sopPdfCpuMs: Math.round(median(pdfCpu)),
      ...Object.fromEntries(Object.entries(others).map(([k, v]) => [`${k}Ms`, Math.round(v)])),
    },
    batchSop: sopBatch,
    batchAllOutputs: allBatch,
    sofficeMs: sofficeMs === null ? null : Math.round(sofficeMs),
    sofficeVsPdf: sofficeMs === null ? null : Math.round((sofficeMs / pdfMs) * 10) / 10,
  };
  console.log(JSON.stringify(result, null, 2));

  const targets: Array<[string, boolean, string]> = [
    ['one school: SOP .docx < 300 ms', docxMs < 300, `${Math.round(docxMs)} ms`],
    ['one school: SOP PDF < 300 ms', pdfMs < 300, `${Math.round(pdfMs)} ms`],
    [`${SCHOOLS} schools, SOP .docx + PDF: < 30 s`, sopBatch.wallMs < 30_000 * (SCHOOLS / 100), `${(sopBatch.wallMs / 1000).toFixed(1)} s wall, ${(sopBatch.cpuMs / 1000).toFixed(1)} s CPU`],
    [`${SCHOOLS} schools, SOP .docx + PDF: peak RSS < 300 MB`, sopBatch.peakRssMb < 300, `${sopBatch.peakRssMb} MB`],
  ];
  console.log('\nTargets (issue 6):');
  for (const [name, ok, value] of targets) console.log(`  ${ok ? 'pass' : 'MISS'}  ${name}: ${value}`);
  console.log(
    `  info  ${SCHOOLS} schools, all 8 outputs: ${(allBatch.wallMs / 1000).toFixed(1)} s wall, ${(allBatch.cpuMs / 1000).toFixed(1)} s CPU, peak RSS ${allBatch.peakRssMb} MB`,
  );
  if (sofficeMs !== null) console.log(`  info  LibreOffice .docx → PDF: ${Math.round(sofficeMs)} ms (${result.sofficeVsPdf}× our PDF)`);
  if (args.includes('--strict') && targets.some(([, ok]) => !ok)) process.exit(1);
}
