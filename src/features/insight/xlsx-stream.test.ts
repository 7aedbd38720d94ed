import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnLetters, escapeXml, openXlsxSheet } from './xlsx-stream.js';

async function written(headers: string[], rows: Array<Array<string | number | null>>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const sheet = openXlsxSheet(output, 'Antwoorden 2026-2027', headers);
  for (const row of rows) await sheet.addRow(row);
  await sheet.finish();
  return Buffer.concat(chunks);
}

describe('the streaming XLSX writer', () => {
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 27, 51, 52, 350, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'MM', 'ZZ', 'AAA', 'XFD']);
  });

  it('escapes markup and leaves out what XML cannot hold', () => {
    expect(escapeXml('a & b < c > "d"')).toBe('a &amp; b &lt; c &gt; &quot;d&quot;');
    expect(escapeXml('tab\there\nline\u0001\u001f\ud800x😀')).toBe('tab\there\nlinex😀');
  });

  it('writes a sheet that exceljs reads back: bold frozen header, texts, numbers, empty cells', async () => {
    const tricky = 'Zorg & "ondersteuning" <extra>\nregel 2 — één 😀\u0007';
    const bytes = await written(['School', 'Leerlingen', 'Onderdeel — vraag'], [
      ['De Regenboog', 312, tricky],
      ['Sint Jozef', null, ''],
      ['=SOM(A1)', 0, '<5'],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Antwoorden 2026-2027');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['School', 'Leerlingen', 'Onderdeel — vraag']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(2).getCell(1).value).toBe('De Regenboog');
    expect(sheet.getRow(2).getCell(2).value).toBe(312);
    expect(sheet.getRow(2).getCell(3).value).toBe(tricky.replace('\u0007', ''));
    expect(sheet.getRow(3).getCell(2).value).toBeNull();
    // A text that looks like a formula stays a text.
    expect(sheet.getRow(4).getCell(1).value).toBe('=SOM(A1)');
    expect(sheet.getRow(4).getCell(3).value).toBe('<5');
    expect(sheet.rowCount).toBe(4);
  });

  it('holds the parts Excel needs and no shared strings', async () => {
    const files = unzipSync(new Uint8Array(await written(['a'], [['b']])));
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">b</t></is></c>');
  });

  it('waits for a slow reader: what is not yet read stays small', async () => {
    const output = new PassThrough({ highWaterMark: 1024 });
    const sheet = openXlsxSheet(output, 'Blad', ['x']);
    let rows = 0;
    const writing = (async () => {
      for (; rows < 2000; rows += 1) await sheet.addRow([`rij ${rows} ${'tekst '.repeat(50)}`]);
      await sheet.finish();
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Nobody reads yet: the writer stops at the stream's buffer instead of filling memory.
    expect(rows).toBeLessThan(2000);
    output.resume();
    await writing;
    expect(rows).toBe(2000);
  });
});
