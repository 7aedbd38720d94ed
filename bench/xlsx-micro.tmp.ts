import { Writable } from 'node:stream';
import { openXlsxSheet } from '/work/wt-progress/src/features/insight/xlsx-stream.ts';
const headers = Array.from({ length: 350 }, (_, i) => `Onderdeel ${i} — vraag ${i} met een titel`);
let bytes = 0;
const sink = new Writable({ write(c, _e, d) { bytes += c.length; d(); } });
const level = Number(process.argv[2] ?? 6) as 6;
const start = performance.now();
const w = openXlsxSheet(sink, 'x', headers, { level });
let build = 0;
for (let r = 0; r < 7000; r++) {
  const cells = Array.from({ length: 350 }, (_, i) => (i % 3 === 0 ? 'Voldoet' : i % 3 === 1 ? 'Ja, in de groep met extra begeleiding' : `school ${r}`));
  await w.addRow(cells);
}
await w.finish();
console.log(`level ${level}: ${((performance.now() - start) / 1000).toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, maxrss ${(process.resourceUsage().maxRSS / 1e3).toFixed(0)} MB`);
