/**
 * Documents benchmark: one big school (~150 items) .docx and PDF (median of 10), 100 schools
 * with every output (total time, peak RSS), and LibreOffice's .docx → PDF time for comparison.
 * Run: npx tsx bench/documents.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderAllDocuments, renderSopDocx, renderSopPdf } from '../src/features/documents/render/index.js';
import { buildDocumentFixture, loadExampleTemplates, padTemplate } from '../src/features/documents/render/test-fixtures.js';
import { renderParentPosterPdf, renderTeacherPosterPdf } from '../src/features/documents/render/index.js';
import { StreamingZip } from '../src/features/documents/zip-archive.js';

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const [example] = loadExampleTemplates();
// Padded copies stay off the posters: a real 150-item template puts a selection on its one-page posters.
const template = padTemplate(example!.template, 150, { posters: 'original' });
// Worst case for the posters: every padded copy on the posters too (far more than fits; last-resort fitting).
const overloaded = buildDocumentFixture(padTemplate(example!.template, 150, { posters: 'copy' }));
const items = template.sections.reduce((n, s) => n + s.items.length, 0);
const data = buildDocumentFixture(template);

await renderSopDocx(data); // warm up (JIT, fonts)
await renderSopPdf(data);
const docxTimes: number[] = [];
const pdfTimes: number[] = [];
for (let i = 0; i < 10; i++) {
  docxTimes.push(await time(() => renderSopDocx(data)));
  pdfTimes.push(await time(() => renderSopPdf(data)));
}

const posterTimes = { parentA4: 0, teacher: 0, overloadedParentA4: 0, overloadedTeacher: 0 };
posterTimes.parentA4 = await time(() => renderParentPosterPdf(buildDocumentFixture(template), { size: 'A4' }));
posterTimes.teacher = await time(() => renderTeacherPosterPdf(data));
posterTimes.overloadedParentA4 = await time(() => renderParentPosterPdf(overloaded, { size: 'A4' }));
posterTimes.overloadedTeacher = await time(() => renderTeacherPosterPdf(overloaded));

// 100 schools the way the batch job does it: one school at a time, streamed into one ZIP.
let peakRss = process.memoryUsage().rss;
const cpuStart = process.cpuUsage();
const start = performance.now();
let bytes = 0;
const zip = new StreamingZip();
for (let i = 0; i < 100; i++) {
  const school = buildDocumentFixture(template);
  school.school.name = `Basisschool ${i}`;
  school.school.locationCode = `${10 + (i % 90)}AB${String(i % 100).padStart(2, '0')}`;
  const docs = await renderAllDocuments(school);
  for (const doc of docs) bytes += doc.bytes.length;
  zip.addFolder(`${school.school.locationCode} ${school.school.name}`, docs);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const zipBytes = zip.finish().length;
const allMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const loadAverage = (await import('node:os')).loadavg()[0];
const maxRssMb = Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024;

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
  hundredSchoolsMs: Math.round(allMs),
  hundredSchoolsCpuMs: Math.round((cpu.user + cpu.system) / 1000),
  loadAverage1m: Math.round((loadAverage ?? 0) * 10) / 10,
  hundredSchoolsMB: Math.round(bytes / 1024 / 1024),
  zipMB: Math.round(zipBytes / 1024 / 1024),
  posterMs: Object.fromEntries(Object.entries(posterTimes).map(([k, v]) => [k, Math.round(v)])),
  peakRssMb: Math.round(maxRssMb),
  sofficeMs: sofficeMs === null ? null : Math.round(sofficeMs),
  sofficeRatio: sofficeMs === null ? null : Math.round((sofficeMs / median(pdfTimes)) * 10) / 10,
};
console.log(JSON.stringify(result, null, 2));
