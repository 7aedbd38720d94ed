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

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const [example] = loadExampleTemplates();
const template = padTemplate(example!.template, 150);
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

let peakRss = process.memoryUsage().rss;
const start = performance.now();
let bytes = 0;
for (let i = 0; i < 100; i++) {
  const school = buildDocumentFixture(template);
  school.school.name = `Basisschool ${i}`;
  school.school.locationCode = `${10 + (i % 90)}AB${String(i % 100).padStart(2, '0')}`;
  for (const doc of await renderAllDocuments(school)) bytes += doc.bytes.length;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const allMs = performance.now() - start;
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
  hundredSchoolsMB: Math.round(bytes / 1024 / 1024),
  peakRssMb: Math.round(maxRssMb),
  sofficeMs: sofficeMs === null ? null : Math.round(sofficeMs),
  sofficeRatio: sofficeMs === null ? null : Math.round((sofficeMs / median(pdfTimes)) * 10) / 10,
};
console.log(JSON.stringify(result, null, 2));
