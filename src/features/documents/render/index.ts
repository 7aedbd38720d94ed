/** Pure renderers: plain ProfileDocumentData in, bytes or text out. No database. */
import type { ProfileDocumentData } from '../document-data.js';
import { documentBaseName } from './profile-view.js';
import { renderParentPosterHtml, renderParentPosterPdf } from './render-parent-poster.js';
import { renderSchoolGuideDocx, renderSchoolGuideHtml } from './render-school-guide.js';
import { renderSopDocx } from './render-sop-docx.js';
import { renderSopHtml } from './render-sop-html.js';
import { renderSopPdf } from './render-sop-pdf.js';
import { renderTeacherPosterHtml, renderTeacherPosterPdf } from './render-teacher-poster.js';

export { renderSopDocx } from './render-sop-docx.js';
export { renderSopPdf } from './render-sop-pdf.js';
export { renderSopHtml } from './render-sop-html.js';
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
export { renderTeacherPosterHtml, renderTeacherPosterPdf } from './render-teacher-poster.js';
export { documentBaseName } from './profile-view.js';
export type { PosterSize } from './poster-kit.js';

export const DOCUMENT_MIME_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
} as const;

export interface RenderedDocument {
  kind: OutputKind;
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/** The outputs of one profile, by stable kind (see document-kinds.ts, which adds mime types for downloads). */
export const OUTPUT_KINDS = [
  'sop-docx',
  'sop-pdf',
  'sop-html',
  'schoolgids-docx',
  'schoolgids-html',
  'ouderposter-a4-pdf',
  'ouderposter-a3-pdf',
  'ouderposter-html',
  'lerarenposter-pdf',
  'lerarenposter-html',
] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

const html = (text: string) => Buffer.from(text, 'utf8');

const OUTPUTS: Record<OutputKind, { mimeType: string; fileName(base: string): string; render(data: ProfileDocumentData): Promise<Buffer> }> = {
  'sop-docx': { mimeType: DOCUMENT_MIME_TYPES.docx, fileName: (b) => `SOP-${b}.docx`, render: renderSopDocx },
  'sop-pdf': { mimeType: DOCUMENT_MIME_TYPES.pdf, fileName: (b) => `SOP-${b}.pdf`, render: renderSopPdf },
  'sop-html': { mimeType: DOCUMENT_MIME_TYPES.html, fileName: (b) => `SOP-${b}.html`, render: async (d) => html(renderSopHtml(d)) },
  'schoolgids-docx': { mimeType: DOCUMENT_MIME_TYPES.docx, fileName: (b) => `Schoolgids-ondersteuning-${b}.docx`, render: renderSchoolGuideDocx },
  'schoolgids-html': { mimeType: DOCUMENT_MIME_TYPES.html, fileName: (b) => `Schoolgids-ondersteuning-${b}.html`, render: async (d) => html(renderSchoolGuideHtml(d)) },
  'ouderposter-a4-pdf': { mimeType: DOCUMENT_MIME_TYPES.pdf, fileName: (b) => `Ouderposter-A4-${b}.pdf`, render: (d) => renderParentPosterPdf(d, { size: 'A4' }) },
  'ouderposter-a3-pdf': { mimeType: DOCUMENT_MIME_TYPES.pdf, fileName: (b) => `Ouderposter-A3-${b}.pdf`, render: (d) => renderParentPosterPdf(d, { size: 'A3' }) },
  'ouderposter-html': { mimeType: DOCUMENT_MIME_TYPES.html, fileName: (b) => `Ouderposter-${b}.html`, render: async (d) => html(renderParentPosterHtml(d)) },
  'lerarenposter-pdf': { mimeType: DOCUMENT_MIME_TYPES.pdf, fileName: (b) => `Lerarenposter-${b}.pdf`, render: renderTeacherPosterPdf },
  'lerarenposter-html': { mimeType: DOCUMENT_MIME_TYPES.html, fileName: (b) => `Lerarenposter-${b}.html`, render: async (d) => html(renderTeacherPosterHtml(d)) },
};

/**
 * The accessible web page beside each PDF a parent can open (pdfmake cannot tag PDFs; see
 * docs/decisions/0012-accessible-html-beside-untagged-pdf.md), and beside the teacher poster (staff read it too).
 */
export const ACCESSIBLE_ALTERNATIVE: Partial<Record<OutputKind, OutputKind>> = {
  'sop-pdf': 'sop-html',
  'ouderposter-a4-pdf': 'ouderposter-html',
  'ouderposter-a3-pdf': 'ouderposter-html',
  'lerarenposter-pdf': 'lerarenposter-html',
};

export function outputSpec(kind: OutputKind) {
  return OUTPUTS[kind];
}

/**
 * Outputs of one profile (every kind by default), e.g. `SOP-2026-2027-12AB00-de-regenboog.pdf`.
 * Sequential on purpose: rendering is CPU-bound, and one at a time keeps memory flat.
 */
export async function renderAllDocuments(data: ProfileDocumentData, kinds: readonly OutputKind[] = OUTPUT_KINDS): Promise<RenderedDocument[]> {
  const base = documentBaseName(data);
  const result: RenderedDocument[] = [];
  for (const kind of kinds) {
    const spec = OUTPUTS[kind];
    result.push({ kind, fileName: spec.fileName(base), mimeType: spec.mimeType, bytes: await spec.render(data) });
  }
  return result;
}
