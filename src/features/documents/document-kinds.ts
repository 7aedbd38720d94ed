/**
 * The outputs of one profile, by stable kind (used in URLs, in stored snapshots and in the ZIP).
 * Each kind renders on its own, so a download renders only what was asked for.
 */
import type { ProfileDocumentData } from './document-data.js';
import { OUTPUT_KINDS, outputSpec, renderAllDocuments, type OutputKind, type RenderedDocument } from './render/index.js';

export const DOCUMENT_KINDS = OUTPUT_KINDS;
export type DocumentKind = OutputKind;

export function isDocumentKind(value: string | undefined): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value ?? '');
}

/** HTML pages open in the browser; files download. */
export function isInlineKind(kind: DocumentKind): boolean {
  return outputSpec(kind).mimeType.startsWith('text/html');
}

export const KIND_SPECS: Record<DocumentKind, { mimeType: string; inline: boolean }> = Object.fromEntries(
  DOCUMENT_KINDS.map((kind) => [kind, { mimeType: outputSpec(kind).mimeType, inline: isInlineKind(kind) }]),
) as Record<DocumentKind, { mimeType: string; inline: boolean }>;

export type RenderedKind = RenderedDocument;

export async function renderKind(data: ProfileDocumentData, kind: DocumentKind): Promise<RenderedKind> {
  const [file] = await renderAllDocuments(data, [kind]);
  return file!;
}

/** Every output, one after another (rendering is CPU-bound; one at a time keeps memory flat). */
export async function renderEveryKind(data: ProfileDocumentData): Promise<RenderedKind[]> {
  return renderAllDocuments(data);
}
