/**
 * Table column widths for the .docx that never cut a word in two ("Jeugdgezondheidsz / org,"): a table with a fixed
 * layout keeps its widths, and Word and LibreOffice split a word wider than its column at an arbitrary letter.
 * Each column grows to hold its longest word in Calibri (calibri-widths.ts, Carlito's metrics), taking the room from
 * columns that have more than they need. The PDF does the same with its own font (pdf-columns.ts).
 */
import { CALIBRI_BOLD_WIDTHS, CALIBRI_CODE_POINTS, CALIBRI_REGULAR_WIDTHS, CALIBRI_UNITS_PER_EM } from './calibri-widths.js';

/** Widths by UTF-16 code unit, up to the highest character in the table (ASCII, Latin-1, Latin Extended-A, punctuation, €, ™, −). */
const TABLE_SIZE = Math.max(...CALIBRI_CODE_POINTS) + 1;
const M = CALIBRI_CODE_POINTS.indexOf(0x6d);

function lookupTable(widths: number[]): Uint16Array {
  // A character outside the table (rare in Dutch text): as wide as "m", so its column is rather too wide than too narrow.
  const table = new Uint16Array(TABLE_SIZE).fill(widths[M]!);
  CALIBRI_CODE_POINTS.forEach((codePoint, i) => {
    table[codePoint] = widths[i]!;
  });
  return table;
}

const REGULAR = lookupTable(CALIBRI_REGULAR_WIDTHS);
const BOLD = lookupTable(CALIBRI_BOLD_WIDTHS);
const WIDTH_OF_M = [REGULAR[0x6d]!, BOLD[0x6d]!] as const;

/** Twips per font unit at `halfPoints` (Word's w:sz): units/em × points (halfPoints / 2) × 20 twips per point. */
const scale = (halfPoints: number) => (halfPoints * 10) / CALIBRI_UNITS_PER_EM;

function unitWidth(code: number, bold: boolean): number {
  return code < TABLE_SIZE ? (bold ? BOLD : REGULAR)[code]! : WIDTH_OF_M[bold ? 1 : 0];
}

/** Width in twips of `text` in Calibri at `halfPoints`, without kerning (which only narrows). */
export function calibriTwips(text: string, halfPoints: number, bold = false): number {
  let units = 0;
  for (let i = 0; i < text.length; i++) units += unitWidth(text.charCodeAt(i), bold);
  return units * scale(halfPoints);
}

/** Where a line may break: spaces, tabs and line ends (not the no-break spaces U+00A0, U+2007, U+202F). */
const BREAKS_BEFORE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2002, 0x2003, 0x2009, 0x200a, 0x200b]);
/** After a hyphen-minus or a hyphen Word may break too (not after the non-breaking hyphen U+2011). */
const BREAKS_AFTER = new Set([0x2d, 0x2010]);

/** Width in twips of the widest piece of `text` a line cannot break: words, split after a hyphen as Word does. */
export function longestWordTwips(text: string, halfPoints: number, bold = false): number {
  let widest = 0;
  let current = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (BREAKS_BEFORE.has(code)) {
      current = 0;
      continue;
    }
    current += unitWidth(code, bold);
    if (current > widest) widest = current;
    if (BREAKS_AFTER.has(code)) current = 0;
  }
  return widest * scale(halfPoints);
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
