/**
 * Documents benchmark: one big school (~150 items) .docx and PDF (median of 10), 100 schools
 * with every output (total time, peak RSS), and LibreOffice's .docx → PDF time for comparison.
 * Run: npx tsx bench/documents.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDocumentFixture, loadExampleTemplates, padTemplate } from '../src/features/documents/render/test-fixtures.js';
import type { RenderedDocument } from '../src/features/documents/render/index.js';
import { RenderPool } from '../src/features/documents/render/render-pool.js';
import { StreamingZip } from '../src/features/documents/zip-archive.js';

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
/** Wall time; the CPU time of this thread's process goes into `cpuSink` when given. */
async function time(fn: () => Promise<unknown>, cpuSink?: number[]): Promise<number> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  cpuSink?.push((used.user + used.system) / 1000);
  return wall;
}

const [example] = loadExampleTemplates();
// Padded copies stay off the posters: a real 150-item template puts a selection on its one-page posters.
const template = padTemplate(example!.template, 150, { posters: 'original' });
// Worst case for the posters: every padded copy on the posters too (far more than fits; last-resort fitting).
const overloaded = buildDocumentFixture(padTemplate(example!.template, 150, { posters: 'copy' }));
const items = template.sections.reduce((n, s) => n + s.items.length, 0);
const data = buildDocumentFixture(template);

// 100 schools the way the batch job does it: whole schools rendered in the worker pool (one worker per
// core, at most 2), at most two schools per worker in flight, added to one streamed ZIP in school order.
const loadAtStart = (await import('node:os')).loadavg()[0] ?? 0;
const cpuStart = process.cpuUsage();
const start = performance.now();
let bytes = 0;
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 25);
const pool = new RenderPool();
const zip = new StreamingZip();
const inFlight: Array<{ folder: string; files: Promise<RenderedDocument[]> }> = [];
const drainOne = async () => {
  const next = inFlight.shift()!;
  const docs = await next.files;
  for (const doc of docs) bytes += doc.bytes.length;
  zip.addFolder(next.folder, docs);
};
for (let i = 0; i < 100; i++) {
  const school = buildDocumentFixture(template);
  school.school.name = `Basisschool ${i}`;
  school.school.locationCode = `${10 + (i % 90)}AB${String(i % 100).padStart(2, '0')}`;
  inFlight.push({ folder: `${school.school.locationCode} ${school.school.name}`, files: pool.render(school) });
  if (inFlight.length >= pool.size * 2) await drainOne();
}
while (inFlight.length > 0) await drainOne();
clearInterval(sampler);
// Run first, in a fresh process, so the peak RSS is the 100-school run's (the workers' and this thread's).
const zipBytes = zip.finish().length;
const allMs = performance.now() - start;
// CPU of the whole process: this thread and the worker threads.
const cpu = process.cpuUsage(cpuStart);
await pool.close();
const hundredSchoolsMaxRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

// The renderers are loaded in this thread only now: during the 100 schools only the workers hold them.
const { renderParentPosterPdf, renderSopDocx, renderSopPdf, renderTeacherPosterPdf } = await import('../src/features/documents/render/index.js');
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

const posterTimes = { parentA4: 0, teacher: 0, overloadedParentA4: 0, overloadedTeacher: 0 };
posterTimes.parentA4 = await time(() => renderParentPosterPdf(buildDocumentFixture(template), { size: 'A4' }));
posterTimes.teacher = await time(() => renderTeacherPosterPdf(data));
posterTimes.overloadedParentA4 = await time(() => renderParentPosterPdf(overloaded, { size: 'A4' }));
posterTimes.overloadedTeacher = await time(() => renderTeacherPosterPdf(overloaded));

const loadAverage = (await import('node:os')).loadavg()[0];
// Peak RSS of the whole process (main thread + workers) during the 100-school run.
const maxRssMb = hundredSchoolsMaxRss / 1024 / 1024;
const overallMaxRssMb = (process.resourceUsage().maxRSS * 1024) / 1024 / 1024;

let sofficeMs: number | null = null;
try {
  execFileSync('which', ['soffice']);
  const dir = mkdtempSync(join(tmpdir(), 'sop-bench-'));
  const file = join(dir, 'sop.docx');
  writeFileSync(file, await renderSopDocx(data));
  const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore' }); // first start
  sofficeMs = await time(async () => {
    execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore' });
  });
  rmSync(dir, { recursive: true, force: true });
} catch {
  sofficeMs = null; // LibreOffice not installed: the comparison is optional
}

const result = {
  template: example!.name,
  items,
  docxMedianMs: Math.round(median(docxTimes)),
  pdfMedianMs: Math.round(median(pdfTimes)),
  docxMedianCpuMs: Math.round(median(docxCpu)),
  pdfMedianCpuMs: Math.round(median(pdfCpu)),
  hundredSchoolsMs: Math.round(allMs),
  hundredSchoolsCpuMs: Math.round((cpu.user + cpu.system) / 1000),
  workers: pool.size,
  loadAverage1m: { atStart: Math.round(loadAtStart * 10) / 10, atEnd: Math.round((loadAverage ?? 0) * 10) / 10 },
  hundredSchoolsMB: Math.round(bytes / 1024 / 1024),
  zipMB: Math.round(zipBytes / 1024 / 1024),
  posterMs: Object.fromEntries(Object.entries(posterTimes).map(([k, v]) => [k, Math.round(v)])),
  peakRssMb: Math.round(maxRssMb),
  peakRssWholeRunMb: Math.round(overallMaxRssMb),
  sofficeMs: sofficeMs === null ? null : Math.round(sofficeMs),
  sofficeRatio: sofficeMs === null ? null : Math.round((sofficeMs / median(pdfTimes)) * 10) / 10,
};
console.log(JSON.stringify(result, null, 2));
