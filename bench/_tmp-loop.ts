import { renderSopDocx, renderSopPdf, renderSchoolGuideDocx, renderParentPosterPdf, renderTeacherPosterPdf } from '../src/features/documents/render/index.js';
import { buildDocumentFixture, loadExampleTemplates, padTemplate } from '../src/features/documents/render/test-fixtures.js';
const [example] = loadExampleTemplates();
const template = padTemplate(example!.template, 150, { posters: 'original' });
for (let r=0;r<8;r++){
const data = buildDocumentFixture(template);
data.school.name = 'School '+r;
const out: string[] = [];
for (const [n, f] of [['docx', () => renderSopDocx(data)], ['pdf', () => renderSopPdf(data)], ['guide', () => renderSchoolGuideDocx(data)], ['a4', () => renderParentPosterPdf(data,{size:'A4'})], ['a3', () => renderParentPosterPdf(data,{size:'A3'})], ['teacher', () => renderTeacherPosterPdf(data)]] as const) {
  const c=process.cpuUsage(); await f(); const d=process.cpuUsage(c); out.push(n+' '+Math.round((d.user)/1000));
}
console.log(out.join(' | '), 'rss', Math.round(process.memoryUsage().rss/1e6), 'heap', Math.round(process.memoryUsage().heapUsed/1e6));
}
