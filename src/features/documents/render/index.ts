/** Pure renderers: plain ProfileDocumentData in, bytes or text out. No database. */
import type { ProfileDocumentData } from '../document-data.js';
import { documentBaseName } from './profile-view.js';
import { renderParentPosterHtml, renderParentPosterPdf } from './render-parent-poster.js';
import { renderSchoolGuideDocx, renderSchoolGuideHtml } from './render-school-guide.js';
import { renderSopDocx } from './render-sop-docx.js';
import { renderSopPdf } from './render-sop-pdf.js';
import { renderTeacherPosterPdf } from './render-teacher-poster.js';

export { renderSopDocx } from './render-sop-docx.js';
export { renderSopPdf } from './render-sop-pdf.js';
export { renderSchoolGuideDocx, renderSchoolGuideHtml } from './render-school-guide.js';
export {
  checkParentPosterFits,
  listParentPosterEntries,
  parentPosterFits,
  parentPosterTooFullMessage,
  POSTER_LIMITS,
  renderParentPosterHtml,
  renderParentPosterPdf,
  type PosterFitCheck,
} from './render-parent-poster.js';
export { renderTeacherPosterPdf } from './render-teacher-poster.js';
export { documentBaseName } from './profile-view.js';
export type { PosterSize } from './poster-kit.js';

export const DOCUMENT_MIME_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
} as const;

export interface RenderedDocument {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/** Every output of one profile, e.g. `SOP-2026-2027-12AB00-de-regenboog.pdf`. */
export async function renderAllDocuments(data: ProfileDocumentData): Promise<RenderedDocument[]> {
  const base = documentBaseName(data);
  const html = (text: string) => Buffer.from(text, 'utf8');
  // Sequential on purpose: rendering is CPU-bound, and one school at a time keeps memory flat.
  const sopDocx = await renderSopDocx(data);
  const sopPdf = await renderSopPdf(data);
  const guideDocx = await renderSchoolGuideDocx(data);
  const posterA4 = await renderParentPosterPdf(data, { size: 'A4' });
  const posterA3 = await renderParentPosterPdf(data, { size: 'A3' });
  const teacher = await renderTeacherPosterPdf(data);
  return [
    { fileName: `SOP-${base}.docx`, mimeType: DOCUMENT_MIME_TYPES.docx, bytes: sopDocx },
    { fileName: `SOP-${base}.pdf`, mimeType: DOCUMENT_MIME_TYPES.pdf, bytes: sopPdf },
    { fileName: `Schoolgids-ondersteuning-${base}.docx`, mimeType: DOCUMENT_MIME_TYPES.docx, bytes: guideDocx },
    { fileName: `Schoolgids-ondersteuning-${base}.html`, mimeType: DOCUMENT_MIME_TYPES.html, bytes: html(renderSchoolGuideHtml(data)) },
    { fileName: `Ouderposter-A4-${base}.pdf`, mimeType: DOCUMENT_MIME_TYPES.pdf, bytes: posterA4 },
    { fileName: `Ouderposter-A3-${base}.pdf`, mimeType: DOCUMENT_MIME_TYPES.pdf, bytes: posterA3 },
    { fileName: `Ouderposter-${base}.html`, mimeType: DOCUMENT_MIME_TYPES.html, bytes: html(renderParentPosterHtml(data)) },
    { fileName: `Lerarenposter-${base}.pdf`, mimeType: DOCUMENT_MIME_TYPES.pdf, bytes: teacher },
  ];
}
