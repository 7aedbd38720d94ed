/**
 * Building blocks shared by the Word outputs (full SOP, school-guide chapter): status cells
 * with words, and the ZIP container (fflate).
 */
import { strToU8, zipSync } from 'fflate';
import { STATUS_COLORS, type ItemRow } from './profile-view.js';
import type { CellSpec } from './wordml.js';

const MUTED = '555555';
const hex = (color: string) => color.replace('#', '').toUpperCase();

export function statusCell(row: Pick<ItemRow, 'status' | 'statusText'>): CellSpec {
  if (row.status === 'no-norm') return { text: '—', color: MUTED };
  const colors = STATUS_COLORS[row.status];
  return { text: row.statusText, fill: hex(colors.bg), color: hex(colors.fg), bold: true, size: 18 };
}

export function mutedCell(text: string): CellSpec {
  return { text, color: MUTED, size: 18 };
}

type DocxParts = Map<string, string | Uint8Array>;

/** Every entry's time in the ZIP: fixed, so a document is reproducible byte for byte (1980-01-01, the first DOS date). */
const REPRODUCIBLE_MTIME = new Date(1980, 0, 1);

/** The .docx container: a ZIP (DEFLATE) of the given parts, in order, written by fflate. */
export function zipParts(parts: DocxParts): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const [path, content] of parts) files[path] = typeof content === 'string' ? strToU8(content) : content;
  return Buffer.from(zipSync(files, { level: 6, mtime: REPRODUCIBLE_MTIME }));
}
