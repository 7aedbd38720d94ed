/**
 * Table column widths for the .docx that never cut a word in two ("Jeugdgezondheidsz / org,"): a table with a fixed
 * layout keeps its widths, and Word and LibreOffice split a word wider than its column at an arbitrary letter.
 * Each column grows to hold its longest word in Calibri (calibri-widths.ts, Carlito's metrics), taking the room from
 * columns that have more than they need. The PDF does the same with its own font (pdf-columns.ts).
 */
import { CALIBRI_BOLD_WIDTHS, CALIBRI_CODE_POINTS, CALIBRI_REGULAR_WIDTHS, CALIBRI_UNITS_PER_EM } from './calibri-widths.js';

const INDEX = new Map(CALIBRI_CODE_POINTS.map((codePoint, i) => [codePoint, i]));
/** A character outside the table (rare in Dutch text): as wide as "m", so its column is rather too wide than too narrow. */
const M = INDEX.get(0x6d)!;

/** Width in twips of `text` in Calibri at `halfPoints` (Word's w:sz), without kerning (which only narrows). */
export function calibriTwips(text: string, halfPoints: number, bold = false): number {
  const widths = bold ? CALIBRI_BOLD_WIDTHS : CALIBRI_REGULAR_WIDTHS;
  let units = 0;
  for (const char of text) units += widths[INDEX.get(char.codePointAt(0)!) ?? M]!;
  // units/em × points (halfPoints / 2) × 20 twips per point
  return (units / CALIBRI_UNITS_PER_EM) * halfPoints * 10;
}

/** Width in twips of the widest piece of `text` a line cannot break: words, split after a hyphen as Word does. */
export function longestWordTwips(text: string, halfPoints: number, bold = false): number {
  let widest = 0;
  for (const word of text.split(/\s+/))
    for (const piece of word.split(/(?<=-)/)) if (piece) widest = Math.max(widest, calibriTwips(piece, halfPoints, bold));
  return widest;
}

/**
 * Column widths (twips, summing to `total`) from the wanted widths `base`, each at least `needed`: a column that
 * needs more takes it from the others in proportion to what they can spare. When the words of all columns together
 * do not fit, every column gets its share of `total` by what it needs (a word is then cut, as little as possible).
 */
export function fitColumns(base: number[], needed: number[], total: number): number[] {
  const want = base.map((width, i) => Math.max(width, needed[i] ?? 0));
  const excess = want.reduce((a, b) => a + b, 0) - total;
  if (excess <= 0) return base;
  const spare = want.map((width, i) => Math.max(0, width - (needed[i] ?? 0)));
  const totalSpare = spare.reduce((a, b) => a + b, 0);
  const widths =
    totalSpare >= excess
      ? want.map((width, i) => Math.floor(width - (spare[i]! * excess) / totalSpare))
      : needed.map((width) => Math.floor((width / needed.reduce((a, b) => a + b, 0)) * total));
  // Rounding: the widest column takes what is left, so the columns fill the table exactly.
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] = (widths[widest] ?? 0) + total - widths.reduce((a, b) => a + b, 0);
  return widths;
}
