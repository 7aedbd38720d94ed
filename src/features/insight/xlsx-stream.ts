/**
 * One worksheet written row by row as an XLSX file to a stream, with bounded memory by construction: every row
 * becomes its `<row>` XML at once (strings inline, `t="inlineStr"`, so there is no shared-strings table to hold),
 * the XML goes through fflate's streaming deflate, and the compressed bytes are written out (waiting for the
 * stream to drain) before the next row is taken. Nothing of an earlier row is kept. The header row is bold and
 * frozen. See docs/decisions/0025-all-answers-xlsx-own-streaming-writer.md for why not exceljs's streaming writer.
 *
 * The workbook is the minimum Excel, LibreOffice and exceljs open: content types, relationships, a workbook with one
 * sheet, a style sheet with a bold font, the sheet.
 */
import type { Writable } from 'node:stream';
import { strToU8, Zip, ZipDeflate } from 'fflate';

export type XlsxCell = string | number | null;

export interface XlsxSheetWriter {
  addRow(cells: XlsxCell[]): Promise<void>;
  finish(): Promise<void>;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

/** Style 0: plain; style 1: bold (the header row). */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function workbookXml(sheetName: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

const SHEET_START = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`;
const SHEET_END = '</sheetData></worksheet>';

/** Excel's most characters in one cell; longer texts are cut there (Excel refuses the file otherwise). */
const MAX_CELL_TEXT = 32_767;

/**
 * Text as XML character data: the five markup characters escaped, and characters XML 1.0 cannot hold (control
 * characters other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF) left out.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[&<>"]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&quot;'));
}

/** "A", …, "Z", "AA", …: the column letters of a cell reference. */
export function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellXml(ref: string, value: XlsxCell, style: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : '';
  const text = value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

function write(stream: Writable, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(chunk)) resolve();
    else {
      const onError = (error: Error) => {
        stream.off('drain', onDrain);
        reject(error);
      };
      const onDrain = () => {
        stream.off('error', onError);
        resolve();
      };
      stream.once('drain', onDrain);
      stream.once('error', onError);
    }
  });
}

/**
 * Opens the sheet on `output` (the sheet's name at most 31 characters, made safe by the caller), writes the header
 * row, and gives a writer for the rest. `finish` writes the end of the ZIP and ends `output`.
 */
export function openXlsxSheet(output: Writable, sheetName: string, headers: string[], options: { level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 } = {}): XlsxSheetWriter {
  const pending: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else if (chunk.length > 0) pending.push(chunk);
  });
  const small = (path: string, xml: string) => {
    const entry = new ZipDeflate(path, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(xml), true);
  };
  small('[Content_Types].xml', CONTENT_TYPES);
  small('_rels/.rels', ROOT_RELS);
  small('xl/workbook.xml', workbookXml(sheetName));
  small('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
  small('xl/styles.xml', STYLES);
  // Level 1: a third of level 6's time for ~20 % more bytes (bench/README.md "Insight at national scale").
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: options.level ?? 1 });
  zip.add(sheet);

  const letters: string[] = [];
  let rowNumber = 0;
  const rowXml = (cells: XlsxCell[], style: string) => {
    rowNumber += 1;
    let xml = `<row r="${rowNumber}">`;
    for (let index = 0; index < cells.length; index += 1) {
      letters[index] ??= columnLetters(index);
      xml += cellXml(`${letters[index]}${rowNumber}`, cells[index] ?? null, style);
    }
    return `${xml}</row>`;
  };
  const flush = async () => {
    if (failure) throw failure;
    while (pending.length > 0) await write(output, pending.shift()!);
  };
  sheet.push(strToU8(SHEET_START + rowXml(headers, ' s="1"')));

  return {
    async addRow(cells) {
      sheet.push(strToU8(rowXml(cells, '')));
      await flush();
    },
    async finish() {
      sheet.push(strToU8(SHEET_END), true);
      zip.end();
      await flush();
      await new Promise<void>((resolve, reject) => output.end((error?: Error | null) => (error ? reject(error) : resolve())));
    },
  };
}
