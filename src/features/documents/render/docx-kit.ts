/**
 * Building blocks shared by the Word outputs (full SOP, school-guide chapter):
 * branded heading styles, tables with a repeating header row, status cells with words.
 */
import {
  BorderStyle,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
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
