/**
 * The outputs of one profile, by stable kind (used in URLs, in stored snapshots and in the ZIP).
 * Each kind renders on its own, so a download renders only what was asked for.
 */
import type { ProfileDocumentData } from './document-data.js';
import {
  DOCUMENT_MIME_TYPES,
  documentBaseName,
  renderParentPosterHtml,
  renderParentPosterPdf,
  renderSchoolGuideDocx,
  renderSchoolGuideHtml,
  renderSopDocx,
  renderSopPdf,
  renderTeacherPosterPdf,
} from './render/index.js';

export const DOCUMENT_KINDS = [
  'sop-docx',
  'sop-pdf',
  'schoolgids-docx',
  'schoolgids-html',
  'ouderposter-a4-pdf',
  'ouderposter-a3-pdf',
  'ouderposter-html',
  'lerarenposter-pdf',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: string | undefined): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value ?? '');
}

interface KindSpec {
  mimeType: string;
  /** HTML pages open in the browser; files download. */
  inline: boolean;
  fileName(base: string): string;
  render(data: ProfileDocumentData): Promise<Buffer>;
}

const html = (text: string) => Buffer.from(text, 'utf8');

export const KIND_SPECS: Record<DocumentKind, KindSpec> = {
  'sop-docx': { mimeType: DOCUMENT_MIME_TYPES.docx, inline: false, fileName: (b) => `SOP-${b}.docx`, render: renderSopDocx },
  'sop-pdf': { mimeType: DOCUMENT_MIME_TYPES.pdf, inline: false, fileName: (b) => `SOP-${b}.pdf`, render: renderSopPdf },
  'schoolgids-docx': { mimeType: DOCUMENT_MIME_TYPES.docx, inline: false, fileName: (b) => `Schoolgids-ondersteuning-${b}.docx`, render: renderSchoolGuideDocx },
  'schoolgids-html': { mimeType: DOCUMENT_MIME_TYPES.html, inline: true, fileName: (b) => `Schoolgids-ondersteuning-${b}.html`, render: async (d) => html(renderSchoolGuideHtml(d)) },
  'ouderposter-a4-pdf': { mimeType: DOCUMENT_MIME_TYPES.pdf, inline: false, fileName: (b) => `Ouderposter-A4-${b}.pdf`, render: (d) => renderParentPosterPdf(d, { size: 'A4' }) },
  'ouderposter-a3-pdf': { mimeType: DOCUMENT_MIME_TYPES.pdf, inline: false, fileName: (b) => `Ouderposter-A3-${b}.pdf`, render: (d) => renderParentPosterPdf(d, { size: 'A3' }) },
  'ouderposter-html': { mimeType: DOCUMENT_MIME_TYPES.html, inline: true, fileName: (b) => `Ouderposter-${b}.html`, render: async (d) => html(renderParentPosterHtml(d)) },
  'lerarenposter-pdf': { mimeType: DOCUMENT_MIME_TYPES.pdf, inline: false, fileName: (b) => `Lerarenposter-${b}.pdf`, render: renderTeacherPosterPdf },
};

export interface RenderedKind {
  kind: DocumentKind;
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

export async function renderKind(data: ProfileDocumentData, kind: DocumentKind): Promise<RenderedKind> {
  const spec = KIND_SPECS[kind];
  return { kind, fileName: spec.fileName(documentBaseName(data)), mimeType: spec.mimeType, bytes: await spec.render(data) };
}

/** Every output, one after another (rendering is CPU-bound; one at a time keeps memory flat). */
export async function renderEveryKind(data: ProfileDocumentData): Promise<RenderedKind[]> {
  const result: RenderedKind[] = [];
  for (const kind of DOCUMENT_KINDS) result.push(await renderKind(data, kind));
  return result;
}
