/**
 * WordprocessingML written directly as XML strings (ECMA-376), for the SOP and school-guide .docx.
 * The `docx` package's object model and XML serialiser cost ~150 ms of CPU per SOP; strings cost a
 * few ms (bench/README.md "Documents"). The output keeps real Word styles (Title, Heading 1–3 with
 * outline levels, so Word's TOC, navigation pane and mammoth see headings), a TOC field with cached
 * entries (no "update fields?" prompt on opening), tables with repeating header rows, a header with
 * the SWV logo, a footer with page fields, and bullet lists.
 */
import { fitLogo, paragraphs } from './profile-view.js';
import type { ProfileDocumentData } from '../document-data.js';
import { zipParts } from './docx-kit.js';
import { fitColumns, longestWordTwips } from './word-columns.js';

export const FONT = 'Calibri';
export const MUTED = '555555';
export const RULE = 'D0D5DA';

/** A4 in twips, with our margins: the text is 11906 − 2 × 1150 = 9606 twips wide. */
export const PAGE = { width: 11906, height: 16838, marginX: 1150, top: 1418, bottom: 1100, header: 567, footer: 567 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.marginX;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Escapes text for XML and drops characters XML 1.0 does not allow (control characters in pasted text). */
export function esc(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);
}

export interface RunProps {
  bold?: boolean;
  italic?: boolean;
  /** Half-points (21 = 10.5 pt). */
  size?: number;
  /** "RRGGBB". */
  color?: string;
}

function rPr(props: RunProps): string {
  const parts = `${props.bold ? '<w:b/>' : ''}${props.italic ? '<w:i/>' : ''}${props.color ? `<w:color w:val="${props.color}"/>` : ''}${
    props.size ? `<w:sz w:val="${props.size}"/><w:szCs w:val="${props.size}"/>` : ''
  }`;
  return parts ? `<w:rPr>${parts}</w:rPr>` : '';
}

/** A text run; tabs in the text become real tabs. */
export function run(text: string, props: RunProps = {}): string {
  const pr = rPr(props);
  return text
    .split('\t')
    .map((part, i) => `${i > 0 ? `<w:r>${pr}<w:tab/></w:r>` : ''}${part ? `<w:r>${pr}<w:t xml:space="preserve">${esc(part)}</w:t></w:r>` : ''}`)
    .join('');
}

export interface ParagraphProps {
  style?: string;
  pageBreakBefore?: boolean;
  keepNext?: boolean;
  /** Twips. */
  spacingBefore?: number;
  spacingAfter?: number;
  /** Bullet list level 0. */
  bullet?: boolean;
  /** Extra pPr XML (tabs, borders). */
  extra?: string;
}

export function paragraph(runs: string, props: ParagraphProps = {}): string {
  const spacing =
    props.spacingBefore !== undefined || props.spacingAfter !== undefined
      ? `<w:spacing${props.spacingBefore !== undefined ? ` w:before="${props.spacingBefore}"` : ''}${props.spacingAfter !== undefined ? ` w:after="${props.spacingAfter}"` : ''}/>`
      : '';
  const pPr = `${props.style ? `<w:pStyle w:val="${props.style}"/>` : ''}${props.keepNext ? '<w:keepNext/>' : ''}${props.pageBreakBefore ? '<w:pageBreakBefore/>' : ''}${
    props.bullet ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : ''
  }${spacing}${props.extra ?? ''}`;
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
}

export function plain(text: string, options: { style?: string; bold?: boolean } = {}): string {
  return paragraph(run(text, { bold: options.bold ?? false }), options.style ? { style: options.style } : {});
}

/** Free text as paragraphs (blank lines separate paragraphs). */
export function body(text: string): string {
  return paragraphs(text)
    .map((p) => paragraph(run(p)))
    .join('');
}

export function bullet(text: string): string {
  return paragraph(run(text), { style: 'ListParagraph', bullet: true });
}

export interface CellSpec {
  text: string;
  fill?: string;
  color?: string;
  bold?: boolean;
  size?: number;
}

/** Text size in table cells, in half-points (9.5 pt). */
const CELL_SIZE = 19;

function cell(spec: CellSpec, width: number): string {
  const shading = spec.fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${spec.fill}"/>` : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shading}</w:tcPr><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>${run(spec.text, {
    bold: spec.bold ?? false,
    size: spec.size ?? CELL_SIZE,
    ...(spec.color ? { color: spec.color } : {}),
  })}</w:p></w:tc>`;
}

/** Left and right cell margins (tblCellMar) plus the rules and a little room for rounding, in twips. */
const CELL_PADDING = 100 + 100 + 40;

/**
 * Column widths in percent → twips of the text width, each column wide enough for its longest word (word-columns.ts):
 * Word and LibreOffice cut a word wider than its fixed column in two.
 */
function twips(widths: number[], rows: CellSpec[][]): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const base = widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const needed = widths.map((_, i) =>
    Math.ceil(Math.max(0, ...rows.map((r) => (r[i] ? longestWordTwips(r[i].text, r[i].size ?? CELL_SIZE, r[i].bold ?? false) + CELL_PADDING : 0)))),
  );
  return fitColumns(base, needed, TEXT_WIDTH);
}

const TABLE_BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${RULE}"/>`)
  .join('');

/** A full-width table; with `header`, the first row repeats on every page. Rows never split across pages. */
export function table(widths: number[], rows: Array<Array<string | CellSpec>>, options: { header?: CellSpec[] } = {}): string {
  const specs = rows.map((r) => r.map((c) => (typeof c === 'string' ? { text: c } : c)));
  const cols = twips(widths, options.header ? [options.header, ...specs] : specs);
  const row = (cells: CellSpec[], isHeader: boolean) =>
    `<w:tr><w:trPr><w:cantSplit/>${isHeader ? '<w:tblHeader/>' : ''}</w:trPr>${cells.map((c, i) => cell(c, cols[i] ?? 1000)).join('')}</w:tr>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>${TABLE_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="60" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>${cols
    .map((w) => `<w:gridCol w:w="${w}"/>`)
    .join('')}</w:tblGrid>${options.header ? row(options.header, true) : ''}${specs.map((r) => row(r, false)).join('')}</w:tbl>${paragraph('', { spacingAfter: 60 })}`;
}

/** An inline picture (the SWV logo); sizes in pixels at 96 dpi. */
export function picture(relId: string, id: number, size: { width: number; height: number }, description: string): string {
  const cx = size.width * 9525;
  const cy = size.height * 9525;
  return `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="${id}" name="Logo ${id}" descr="${esc(
    description,
  )}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="${id}" name="logo"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${relId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
}

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * The body of one document: paragraphs and tables in order, headings with bookmarks, and a table of
 * contents whose entries are written out when the document is finished (cached result of the TOC
 * field, with links to the headings; Word and LibreOffice fill in the page numbers with F9 /
 * "Bijwerken").
 */
export class WordBody {
  private readonly parts: string[] = [];
  private readonly headings: Array<{ level: 1 | 2; text: string; bookmark: string }> = [];
  private tocIndex = -1;
  private nextBookmark = 1;

  add(...xml: string[]): this {
    this.parts.push(...xml);
    return this;
  }

  heading(level: 1 | 2 | 3, text: string, options: { pageBreakBefore?: boolean } = {}): this {
    const props: ParagraphProps = { style: `Heading${level}`, ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}) };
    if (level === 3) return this.add(paragraph(run(text), props));
    const id = this.nextBookmark++;
    const bookmark = `_Toc${String(id).padStart(8, '0')}`;
    this.headings.push({ level, text, bookmark });
    return this.add(paragraph(`<w:bookmarkStart w:id="${id}" w:name="${bookmark}"/>${run(text)}<w:bookmarkEnd w:id="${id}"/>`, props));
  }

  /** Where the table of contents goes (headings level 1–2). */
  tableOfContents(): this {
    this.tocIndex = this.parts.length;
    this.parts.push('');
    return this;
  }

  toXml(): string {
    if (this.tocIndex >= 0) this.parts[this.tocIndex] = this.tocXml();
    return this.parts.join('');
  }

  private tocXml(): string {
    const tab = `<w:tabs><w:tab w:val="right" w:leader="none" w:pos="${TEXT_WIDTH}"/></w:tabs>`;
    const entries = this.headings.map((h, i) => {
      const begin = i === 0 ? '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' : '';
      const link = `<w:hyperlink w:anchor="${h.bookmark}" w:history="1">${run(h.text)}<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF ${h.bookmark} \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>`;
      const end = i === this.headings.length - 1 ? '<w:r><w:fldChar w:fldCharType="end"/></w:r>' : '';
      return `<w:p><w:pPr><w:pStyle w:val="TOC${h.level}"/>${tab}</w:pPr>${begin}${link}${end}</w:p>`;
    });
    // A content control needs at least one paragraph.
    return `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>${entries.join('') || '<w:p/>'}</w:sdtContent></w:sdt>`;
  }
}

function styles(brand: string): string {
  const heading = (level: number, size: number, color: string, before: number, after: number) =>
    `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${before}" w:after="${after}"/><w:outlineLvl w:val="${level - 1}"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="${color}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`;
  const toc = (level: number, indent: number) =>
    `<w:style w:type="paragraph" w:styleId="TOC${level}"><w:name w:val="toc ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:pPr><w:spacing w:after="60"/><w:ind w:left="${indent}"/></w:pPr>${level === 1 ? '<w:rPr><w:b/></w:rPr>' : ''}</w:style>`;
  return `${XML_HEAD}<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/><w:color w:val="1A1A1A"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="nl-NL" w:eastAsia="nl-NL" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="200"/></w:pPr><w:rPr><w:b/><w:color w:val="${brand}"/><w:sz w:val="56"/><w:szCs w:val="56"/></w:rPr></w:style>
${heading(1, 36, brand, 240, 160)}${heading(2, 28, '1A1A1A', 240, 120)}${heading(3, 23, brand, 160, 80)}
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Promise"><w:name w:val="Belofte"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="${brand}"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="EEF4F7"/><w:spacing w:before="80" w:after="160"/><w:ind w:left="200"/></w:pPr><w:rPr><w:i/><w:iCs/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Muted"><w:name w:val="Toelichting"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="${MUTED}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:spacing w:after="40"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:pPr><w:pageBreakBefore/><w:spacing w:after="200"/></w:pPr><w:rPr><w:b/><w:color w:val="${brand}"/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>
${toc(1, 0)}${toc(2, 240)}
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="right" w:pos="${TEXT_WIDTH}"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:color w:val="${MUTED}"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="right" w:pos="${TEXT_WIDTH}"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="${MUTED}"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>`;
}

const NUMBERING = `${XML_HEAD}<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

const SETTINGS = `${XML_HEAD}<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

export interface WordPackage {
  data: ProfileDocumentData;
  title: string;
  subject: string;
  description: string;
  brand: string;
  /** document body XML (WordBody.toXml()). */
  body: string;
  /** Right-hand text in the page header. */
  headerRight: string;
  /** Left-hand text in the page footer. */
  footerLeft: string;
  /** No header or footer on the first page (title page). */
  titlePage?: boolean;
  /** Title-page logo: the body refers to it as rId10 (see titleLogo). */
  titleLogo?: boolean;
}

/** The title-page logo (relationship rId10 in document.xml.rels), or '' without a logo. */
export function titleLogo(data: ProfileDocumentData, maxWidth: number, maxHeight: number): string {
  const size = fitLogo(data, maxWidth, maxHeight);
  return size ? picture('rId10', 1, size, `Logo ${data.branding.partnershipName}`) : '';
}

/** Packs a document (body + header + footer + styles + logo) into .docx bytes. */
export function packWordDocument(doc: WordPackage): Buffer {
  const { data, brand } = doc;
  const logo = data.branding.logo && fitLogo(data, 1, 1) ? data.branding.logo : undefined;
  const logoFile = logo ? `media/logo.${logo.mimeType === 'image/png' ? 'png' : 'jpeg'}` : null;
  // The header logo: 22 px high fits the header band (0.4 cm above the text), so nothing is clipped in LibreOffice.
  const headerLogoSize = logo ? fitLogo(data, 110, 22) : null;
  const headerLogo = headerLogoSize ? `${picture('rId1', 2, headerLogoSize, `Logo ${data.branding.partnershipName}`)}${run('  ')}` : '';
  const header = `${XML_HEAD}<w:hdr ${NS}>${paragraph(
    `${headerLogo}${run(data.branding.partnershipName)}${run(`\t${doc.headerRight}`)}`,
    { style: 'Header', extra: `<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="4" w:color="${brand}"/></w:pBdr>` },
  )}</w:hdr>`;
  const footer = `${XML_HEAD}<w:ftr ${NS}>${paragraph(
    `${run(`${doc.footerLeft}\tPagina `)}<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>${run(' van ')}<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>`,
    { style: 'Footer' },
  )}</w:ftr>`;
  const sectPr = `<w:sectPr><w:headerReference w:type="default" r:id="rId5"/><w:footerReference w:type="default" r:id="rId6"/><w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/><w:pgMar w:top="${PAGE.top}" w:right="${PAGE.marginX}" w:bottom="${PAGE.bottom}" w:left="${PAGE.marginX}" w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0"/>${doc.titlePage ? '<w:titlePg/>' : ''}</w:sectPr>`;
  const document = `${XML_HEAD}<w:document ${NS}><w:body>${doc.body}${sectPr}</w:body></w:document>`;
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const docRels = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'styles', 'styles.xml')}${rel('rId2', 'numbering', 'numbering.xml')}${rel(
    'rId3',
    'settings',
    'settings.xml',
  )}${rel('rId5', 'header', 'header1.xml')}${rel('rId6', 'footer', 'footer1.xml')}${doc.titleLogo && logoFile ? rel('rId10', 'image', logoFile) : ''}</Relationships>`;
  const headerRels = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${logoFile ? rel('rId1', 'image', logoFile) : ''}</Relationships>`;
  const contentTypes = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;
  const rootRels = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;
  const created = data.generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(
    doc.title,
  )}</dc:title><dc:subject>${esc(doc.subject)}</dc:subject><dc:creator>OpenSOP</dc:creator><dc:description>${esc(doc.description)}</dc:description><dc:language>nl-NL</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`;
  const app = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>OpenSOP</Application></Properties>`;
  const parts = new Map<string, string | Uint8Array>([
    ['[Content_Types].xml', contentTypes],
    ['_rels/.rels', rootRels],
    ['docProps/core.xml', core],
    ['docProps/app.xml', app],
    ['word/document.xml', document],
    ['word/_rels/document.xml.rels', docRels],
    ['word/styles.xml', styles(brand)],
    ['word/numbering.xml', NUMBERING],
    ['word/settings.xml', SETTINGS],
    ['word/header1.xml', header],
    ['word/_rels/header1.xml.rels', headerRels],
    ['word/footer1.xml', footer],
  ]);
  if (logo && logoFile) parts.set(`word/${logoFile}`, logo.data);
  return zipParts(parts);
}
