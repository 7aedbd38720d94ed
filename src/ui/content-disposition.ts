/**
 * `Content-Disposition` for a download or an inline document, through the `content-disposition` package (RFC 6266):
 * the name as written (`filename*`, UTF-8, so "Zoë" and "–" survive) and a readable ASCII fallback for old clients
 * (diacritics dropped, "Zoë" → "Zoe", not "Zo?").
 */
import { create } from 'content-disposition';

export type DispositionType = 'attachment' | 'inline';

/** The name in printable ASCII: letters without their accents, dashes and quotes made plain, the rest dropped. */
export function asciiFileName(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\x20-\x7e]/g, '')
    .trim();
  return ascii.replace(/^\.+/, '') || 'document';
}

export function contentDisposition(type: DispositionType, fileName: string): string {
  const fallback = asciiFileName(fileName);
  return create(fileName, { type, fallback: fallback === fileName ? true : fallback });
}
