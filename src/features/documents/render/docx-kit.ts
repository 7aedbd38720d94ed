/**
 * Building blocks shared by the Word outputs (full SOP, school-guide chapter):
 * branded heading styles, tables with a repeating header row, status cells with words.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import {
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IStylesOptions,
} from 'docx';
import type { ProfileDocumentData } from '../document-data.js';
import { fitLogo, paragraphs, STATUS_COLORS, textColorOn, type ItemRow } from './profile-view.js';

const MUTED = '555555';
const RULE = 'D0D5DA';
const FONT = 'Calibri';

const hex = (color: string) => color.replace('#', '').toUpperCase();

export function docxStyles(brand: string): IStylesOptions {
  return {
    default: {
      document: { run: { font: FONT, size: 21, color: '1A1A1A' }, paragraph: { spacing: { after: 100, line: 276 } } },
      title: { run: { font: FONT, size: 56, bold: true, color: brand } },
      heading1: { run: { font: FONT, size: 36, bold: true, color: brand }, paragraph: { spacing: { before: 240, after: 160 } } },
      heading2: { run: { font: FONT, size: 28, bold: true, color: '1A1A1A' }, paragraph: { spacing: { before: 240, after: 120 } } },
      heading3: { run: { font: FONT, size: 23, bold: true, color: brand }, paragraph: { spacing: { before: 160, after: 80 } } },
    },
    paragraphStyles: [
      {
        id: 'Promise',
        name: 'Belofte',
        basedOn: 'Normal',
        run: { italics: true, size: 22 },
        paragraph: {
          spacing: { before: 80, after: 160 },
          indent: { left: 200 },
          border: { left: { style: BorderStyle.SINGLE, size: 24, color: brand, space: 8 } },
          shading: { type: ShadingType.CLEAR, fill: 'EEF4F7', color: 'auto' },
        },
      },
      { id: 'Muted', name: 'Toelichting', basedOn: 'Normal', run: { color: MUTED, size: 18 } },
    ],
  };
}

export function h1(text: string, pageBreakBefore = false): Paragraph {
  return new Paragraph({ text, heading: HeadingLevel.HEADING_1, pageBreakBefore, keepNext: true });
}
export function h2(text: string): Paragraph {
  return new Paragraph({ text, heading: HeadingLevel.HEADING_2, keepNext: true });
}
export function h3(text: string): Paragraph {
  return new Paragraph({ text, heading: HeadingLevel.HEADING_3, keepNext: true });
}
export function body(text: string): Paragraph[] {
  return paragraphs(text).map((p) => new Paragraph({ children: [new TextRun(p)] }));
}
export function plain(text: string, options: { style?: string; bold?: boolean } = {}): Paragraph {
  return new Paragraph({ ...(options.style ? { style: options.style } : {}), children: [new TextRun({ text, bold: options.bold ?? false })] });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: RULE };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, options: { fill?: string; color?: string; bold?: boolean; width: number; size?: number }): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.PERCENTAGE },
    borders,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, fill: hex(options.fill), color: 'auto' } } : {}),
    children: [
      new Paragraph({
        spacing: { after: 0 },
        children: [new TextRun({ text, bold: options.bold ?? false, size: options.size ?? 19, ...(options.color ? { color: hex(options.color) } : {}) })],
      }),
    ],
  });
}

/** A table with a branded header row that repeats on every page, and rows that do not split. */
export function dataTable(brand: string, headers: string[], widths: number[], rows: Array<Array<string | TableCell>>): Table {
  const onBrand = textColorOn(`#${brand}`);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, i) => cell(h, { fill: brand, color: onBrand, bold: true, width: widths[i] ?? 25 })),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((value, i) => (typeof value === 'string' ? cell(value, { width: widths[i] ?? 25 }) : value)),
          }),
      ),
    ],
  });
}

export function statusCell(row: Pick<ItemRow, 'status' | 'statusText'>, width: number): TableCell {
  if (row.status === 'no-norm') return cell('—', { width, color: MUTED });
  const colors = STATUS_COLORS[row.status];
  return cell(row.statusText, { width, fill: colors.bg, color: colors.fg, bold: true, size: 18 });
}

export function mutedCell(text: string, width: number): TableCell {
  return cell(text, { width, color: MUTED, size: 18 });
}

/** Label/value table without a header row (school facts). */
export function factTable(rows: Array<[string, string]>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([label, value]) =>
        new TableRow({ cantSplit: true, children: [cell(label, { bold: true, width: 32 }), cell(value, { width: 68 })] }),
    ),
  });
}

export function logoRun(data: ProfileDocumentData, maxWidth: number, maxHeight: number): ImageRun | null {
  const logo = data.branding.logo;
  const size = fitLogo(data, maxWidth, maxHeight);
  if (!logo || !size) return null;
  return new ImageRun({ type: logo.mimeType === 'image/png' ? 'png' : 'jpg', data: logo.data, transformation: size });
}

export function brandedHeader(data: ProfileDocumentData, brand: string, rightText: string): Header {
  const logo = logoRun(data, 90, 28);
  return new Header({
    children: [
      new Paragraph({
        border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: brand, space: 4 } },
        tabStops: [{ type: 'right', position: 9000 }],
        children: [
          ...(logo ? [logo, new TextRun('  ')] : []),
          new TextRun({ text: data.branding.partnershipName, size: 16, color: MUTED }),
          new TextRun({ text: `\t${rightText}`, size: 16, color: MUTED }),
        ],
      }),
    ],
  });
}

export function pageNumberFooter(leftText: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: 'right', position: 9000 }],
        children: [
          new TextRun({ text: leftText, size: 16, color: MUTED }),
          new TextRun({ children: ['\tPagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES], size: 16, color: MUTED }),
        ],
      }),
    ],
  });
}

type DocxParts = Map<string, string | Uint8Array>;
const docxCompiler = (Packer as unknown as { compiler?: { compile(file: Document, prettify: undefined, overrides: []): DocxParts } }).compiler;

/**
 * Packer.toBuffer, but zipped with Node's native zlib instead of fflate's JavaScript DEFLATE
 * (about a tenth of the .docx time went there). The parts are docx's own (Packer.compiler);
 * when that is missing (another docx version) this falls back to Packer.toBuffer.
 */
export async function packDocx(doc: Document): Promise<Buffer> {
  if (!docxCompiler || typeof crc32 !== 'function') return Packer.toBuffer(doc);
  return zipParts(docxCompiler.compile(doc, undefined, []));
}

/** A plain ZIP (DEFLATE, UTF-8 names, no extra fields) of the given parts, in order. */
export function zipParts(parts: DocxParts): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01: documents are reproducible byte for byte
  for (const [path, content] of parts) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const name = Buffer.from(path, 'utf8');
    const packed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    local.push(header, name, packed);
    offset += header.length + name.length + packed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}
