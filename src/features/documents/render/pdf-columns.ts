/**
 * Table column widths that never break a word in the middle ("schoolondersteuningstea m"): pdfmake
 * has no hyphenation, so a word wider than its column is split at an arbitrary letter. Each fixed
 * column grows to hold its longest word (measured with the embedded Roboto font), and the flexible
 * ('*') column keeps the rest. Measuring uses fontkit on the same font files pdfmake embeds.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface LaidOutFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}

const fonts: Partial<Record<'normal' | 'bold', LaidOutFont>> = {};

function fontFor(bold: boolean): LaidOutFont {
  const style = bold ? 'bold' : 'normal';
  const known = fonts[style];
  if (known) return known;
  const require = createRequire(import.meta.url);
  const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(buffer: Uint8Array): LaidOutFont };
  const file = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto', bold ? 'Roboto-Medium.ttf' : 'Roboto-Regular.ttf');
  const font = fontkit.create(readFileSync(file));
  fonts[style] = font;
  return font;
}

/** Width in pt of `text` set in Roboto at `fontSize`. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const font = fontFor(bold);
  return (font.layout(text).advanceWidth / font.unitsPerEm) * fontSize;
}

/** Width in pt of the widest word of `text`. */
export function longestWordWidth(text: string, fontSize: number, bold = false): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) if (word) widest = Math.max(widest, textWidth(word, fontSize, bold));
  return widest;
}

export interface ColumnCell {
  text: string;
  fontSize: number;
  bold?: boolean | undefined;
}

/**
 * Widths for a table of `available` pt: fixed columns at least their base width and wide enough for
 * their longest word plus the cell padding; '*' columns share what is left. If the fixed columns
 * would leave the flexible one less than `minFlexible`, they keep their longest word anyway: a
 * wrapped long title reads better than a word cut in two.
 */
export function columnWidthsForWords(
  columns: Array<{ width: number | '*'; cells: ColumnCell[] }>,
  options: { padding?: number } = {},
): Array<number | '*'> {
  const padding = options.padding ?? 10; // pdfmake's default 4 pt each side, plus the rules and rounding
  return columns.map((column) => {
    if (column.width === '*') return '*';
    const needed = Math.max(0, ...column.cells.map((cell) => longestWordWidth(cell.text, cell.fontSize, cell.bold) + padding));
    return Math.ceil(Math.max(column.width, needed));
  });
}
