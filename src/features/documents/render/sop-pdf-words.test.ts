/**
 * The full SOP as PDF (issue 10): no word broken in the middle ("schoolondersteuningstea m"), the
 * SWV logo on the title page and in the running header when the SWV has one, and the limits from
 * the closing section's item with the role limits in the limits chapter.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { ProfileDocumentData } from '../document-data.js';
import { columnWidthsForWords, longestWordWidth } from './pdf-columns.js';
import { renderSopHtml } from './render-sop-html.js';
import { renderSopPdf } from './render-sop-pdf.js';
import { buildDocumentFixture, loadExampleTemplates } from './test-fixtures.js';

async function pdfPages(bytes: Buffer): Promise<Array<{ items: string[]; images: number }>> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const ops = await page.getOperatorList();
    pages.push({
      items: content.items.map((item) => ('str' in item ? item.str : '')),
      images: ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length,
    });
  }
  await doc.destroy();
  return pages;
}

function eemFixture(): ProfileDocumentData {
  const eem = loadExampleTemplates().find((t) => t.name.includes('de-eem'))!;
  const data = buildDocumentFixture(eem.template);
  data.answers.inspectie = { value: 'Voldoende; besproken met het schoolondersteuningsteam', ambition: null, parentText: null };
  data.answers.grenzen = { value: 'Verpleegkundige handelingen kunnen wij niet zelf bieden. Ons gebouw heeft geen lift.', ambition: null, parentText: null };
  return data;
}

describe('SOP PDF', () => {
  it('column widths hold the longest word of each column', () => {
    const cells = [{ text: 'besproken met het schoolondersteuningsteam', fontSize: 9.5 }];
    const [flexible, fixed] = columnWidthsForWords([{ width: '*', cells }, { width: 90, cells }]);
    expect(flexible).toBe('*');
    expect(fixed).toBeGreaterThanOrEqual(longestWordWidth('schoolondersteuningsteam', 9.5) + 8);
    // A column that is wide enough keeps its width.
    expect(columnWidthsForWords([{ width: 200, cells }])).toEqual([200]);
  });

  it('never breaks a long word over two lines, shows the SWV logo on the title page and in the header, and prints the closing section limits', async () => {
    const data = eemFixture();
    const pages = await pdfPages(await renderSopPdf(data));
    const items = pages.flatMap((p) => p.items);
    // Long words from the tables: answers, status words and headings each sit whole on one line.
    for (const word of ['schoolondersteuningsteam', 'basisondersteuning', 'Schoolondersteuningsprofiel']) {
      expect(items.some((item) => item.includes(word)), word).toBe(true);
      // No line ends in a piece of the word while the next line starts with the rest.
      for (let i = 0; i + 1 < items.length; i++) {
        const joined = `${items[i]!.trimEnd()}${items[i + 1]!.trimStart()}`;
        const split = !items[i]!.includes(word) && !items[i + 1]!.includes(word) && joined.includes(word);
        expect(split, `${word} broken over "${items[i]}" / "${items[i + 1]}"`).toBe(false);
      }
    }
    expect(pages[0]!.images).toBeGreaterThan(0);
    expect(pages[2]!.images).toBeGreaterThan(0);
    const text = items.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Verpleegkundige handelingen kunnen wij niet zelf bieden.');
  });

  it('has no logo when the SWV has none (nothing invented)', async () => {
    const data = eemFixture();
    const pages = await pdfPages(await renderSopPdf({ ...data, branding: { ...data.branding, logo: undefined } }));
    expect(pages.reduce((n, p) => n + p.images, 0)).toBe(0);
  });
});

describe('SOP as an accessible web page (beside the untagged PDF)', () => {
  it('is a complete page with one main and one h1, tables with header cells, every answer, the limits and "Kan niet beoordelen"', () => {
    const data = eemFixture();
    const item = data.template.sections.flatMap((s) => s.items).find((i) => i.norm?.accept)!;
    data.answers[item.key] = { value: 3 as never, ambition: null, parentText: null };
    const html = renderSopHtml(data);
    expect(html.match(/<main[\s>]/g)).toHaveLength(1);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toMatch(/<html lang="nl">/);
    expect(html).not.toMatch(/<script|\sstyle=/i);
    expect(html).toContain('<th scope="col">Status</th>');
    expect(html).toContain(`<th scope="row">${item.title}</th>`);
    expect(html).toContain('Kan niet beoordelen');
    expect(html).toContain('Verpleegkundige handelingen kunnen wij niet zelf bieden.');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
