import { describe, expect, it } from 'vitest';
import { calibriTwips, fitColumns, longestWordTwips } from './word-columns.js';

describe('.docx column widths that never cut a word', () => {
  it('measures Calibri: bold is wider, "m" wider than "i", size scales the width', () => {
    expect(calibriTwips('basisondersteuning', 19, true)).toBeGreaterThan(calibriTwips('basisondersteuning', 19));
    expect(calibriTwips('m', 20)).toBeGreaterThan(calibriTwips('i', 20));
    expect(calibriTwips('zorg', 38)).toBeCloseTo(2 * calibriTwips('zorg', 19));
    // 10 pt "Jeugdgezondheidszorg," in Calibri: 94.4 pt without kerning (93.6 pt kerned), 1888 twips.
    expect(Math.round(calibriTwips('Jeugdgezondheidszorg,', 20))).toBe(1888);
  });

  it('takes the longest piece a line cannot break: words, split after a hyphen', () => {
    expect(longestWordTwips('Percentage volgens de CBS-indicator', 19)).toBe(calibriTwips('Percentage', 19));
    expect(longestWordTwips('Jeugdgezondheidszorg, Leerplicht', 18)).toBe(calibriTwips('Jeugdgezondheidszorg,', 18));
    expect(longestWordTwips('ja\tnee\nmisschien', 19)).toBe(calibriTwips('misschien', 19));
  });

  it('does not break at a no-break space or a non-breaking hyphen', () => {
    expect(longestWordTwips('1\u00a0000\u00a0leerlingen', 19)).toBe(calibriTwips('1\u00a0000\u00a0leerlingen', 19));
    expect(longestWordTwips('vmbo\u2011basis', 19)).toBe(calibriTwips('vmbo\u2011basis', 19));
  });

  it('counts a character outside the table (an emoji, the minus sign) rather too wide than too narrow', () => {
    expect(calibriTwips('👍', 20)).toBeGreaterThanOrEqual(calibriTwips('m', 20));
    expect(calibriTwips('−', 20)).toBeGreaterThan(0);
  });

  it('widens a column for its longest word, taking the room from columns that can spare it', () => {
    expect(fitColumns([5000, 2000, 2606], [1000, 1000, 1000], 9606)).toEqual([5000, 2000, 2606]);
    const widths = fitColumns([3458, 2017, 1633, 2498], [900, 2100, 2100, 2000], 9606);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9606);
    expect(widths[2]).toBeGreaterThanOrEqual(2100);
    expect(widths[1]).toBeGreaterThanOrEqual(2100);
    expect(widths[0]).toBeGreaterThanOrEqual(900);
  });

  it('shares the width by need when the words of all columns do not fit', () => {
    expect(fitColumns([5000, 5000], [9000, 3000], 9606)).toEqual([7205, 2401]);
  });
});
