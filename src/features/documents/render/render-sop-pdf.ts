/**
 * The full SOP as PDF (archive, website), with pdfmake on plain data.
 * Same content and order as the .docx (render-sop-docx.ts); see docs/domain.md "Outputs".
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ProfileDocumentData } from '../document-data.js';
import { columnWidthsForWords } from './pdf-columns.js';
import { PDF_FONT, renderPdf } from './pdf-runtime.js';
import {
  adoptionText,
  brandColor,
  buildProfileView,
  contactLine,
  councilAdviceHeading,
  councilAdviceText,
  fitLogo,
  formatDate,
  LIMITS_HEADING,
  logoDataUrl,
  paragraphs,
  PROFILE_STATUS_LABELS,
  schoolFactRows,
  SECTION_HEADINGS,
  STATUS_COLORS,
  STATUS_LABELS,
  textColorOn,
  tint,
  type ItemRow,
  type ProfileView,
  type SectionView,
} from './profile-view.js';

const TEXT = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#d0d5da';

// Styles are written inline on each node (not as named styles): pdfmake looks a named style up
// on a style stack for every property of every node, which was ~8 % of the PDF time.
let brand = '#1f5f8b';

function heading1(text: string, pageBreak = true): Content {
  return { text, fontSize: 20, bold: true, color: brand, margin: [0, 0, 0, 12], tocItem: true, ...(pageBreak ? { pageBreak: 'before' as const } : {}) };
}

function heading2(text: string): Content {
  return { text, fontSize: 15, bold: true, color: TEXT, margin: [0, 14, 0, 6], tocItem: true, tocMargin: [12, 0, 0, 0], headlineLevel: 2 };
}

function heading3(text: string): Content {
  return { text, fontSize: 11.5, bold: true, color: brand, margin: [0, 8, 0, 4], headlineLevel: 3 };
}

function bodyText(text: string): Content {
  return { text, margin: [0, 0, 0, 6] };
}

function textBlocks(text: string): Content[] {
  return paragraphs(text).map(bodyText);
}

/** Column widths that hold the longest word of every cell (pdf-columns.ts): no word is cut in two. */
function wordSafeWidths(base: Array<number | '*'>, body: TableCell[][]): Array<number | '*'> {
  return columnWidthsForWords(
    base.map((width, i) => ({
      width,
      cells: body.flatMap((row) => {
        const cell = row[i] as { text?: unknown; fontSize?: number; bold?: boolean } | undefined;
        return typeof cell?.text === 'string' ? [{ text: cell.text, fontSize: cell.fontSize ?? 10, bold: cell.bold }] : [];
      }),
    })),
  );
}

function headerCell(text: string, color: string): TableCell {
  return { text, bold: true, color: textColorOn(color), fillColor: color, fontSize: 9 };
}

export function statusCell(row: Pick<ItemRow, 'status' | 'statusText'>): TableCell {
  if (row.status === 'no-norm') return { text: '—', color: MUTED, fontSize: 9 };
  const colors = STATUS_COLORS[row.status];
  return { text: row.statusText, color: colors.fg, fillColor: colors.bg, bold: true, fontSize: 9 };
}

function itemTable(rows: ItemRow[], color: string): Content {
  const body: TableCell[][] = [
    [headerCell('Onderdeel', color), headerCell('Antwoord', color), headerCell('Norm', color), headerCell('Status', color)],
    ...rows.map((row): TableCell[] => [
      { text: row.item.title, fontSize: 9.5 },
      { text: row.answerText || STATUS_LABELS.unanswered, fontSize: 9.5, color: row.answerText ? TEXT : MUTED },
      { text: row.normText || '—', fontSize: 9, color: MUTED },
      statusCell(row),
    ]),
  ];
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: wordSafeWidths(['*', 110, 90, 100], body), body },
    layout: {
      hLineColor: () => RULE,
      vLineColor: () => RULE,
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
    margin: [0, 2, 0, 10],
  };
}

function sectionContent(view: SectionView, color: string): Content[] {
  const { section } = view;
  const content: Content[] = section.title === SECTION_HEADINGS[section.kind] ? [] : [heading2(section.title)];
  if (section.promise) {
    content.push({
      table: {
        widths: ['*'],
        body: [[{ text: section.promise, italics: true, fontSize: 11, margin: [8, 6, 8, 6], color: TEXT }]],
      },
      layout: {
        fillColor: () => tint(color, 0.88),
        hLineWidth: () => 0,
        vLineWidth: (i: number) => (i === 0 ? 3 : 0),
        vLineColor: () => color,
      },
      margin: [0, 0, 0, 8],
    });
  }
  // The section intro is guidance for whoever fills in the form; it is not printed.
  for (const narrative of view.narratives) {
    content.push(heading3(narrative.item.title), ...textBlocks(narrative.text));
  }
  for (const group of view.groups) {
    if (group.title) content.push(heading3(group.title));
    content.push(itemTable(group.rows, color));
  }
  return content;
}

function summaryTable(view: ProfileView, color: string): Content {
  const promises = view.sections.filter((s) => s.counts.meets + s.counts.below + s.counts.ambition > 0);
  const body: TableCell[][] = [
    [
      headerCell('Onderdeel', color),
      headerCell(STATUS_LABELS.meets, color),
      headerCell(STATUS_LABELS.below, color),
      headerCell(STATUS_LABELS.ambition, color),
    ],
    ...promises.map((s): TableCell[] => [
      { text: s.section.title, fontSize: 9.5 },
      { text: String(s.counts.meets), alignment: 'center' },
      { text: String(s.counts.below), alignment: 'center' },
      { text: String(s.counts.ambition), alignment: 'center' },
    ]),
    [
      { text: 'Totaal', bold: true },
      { text: String(view.totals.meets), alignment: 'center', bold: true },
      { text: String(view.totals.below), alignment: 'center', bold: true },
      { text: String(view.totals.ambition), alignment: 'center', bold: true },
    ],
  ];
  return {
    table: { headerRows: 1, widths: wordSafeWidths(['*', 95, 75, 75], body), body },
    layout: { hLineColor: () => RULE, vLineColor: () => RULE, hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
    margin: [0, 4, 0, 10],
  };
}

function titlePage(data: ProfileDocumentData, color: string): Content[] {
  const logo = fitLogo(data, 160, 90);
  const onColor = textColorOn(color);
  return [
    ...(logo ? [{ image: 'logo', width: logo.width, height: logo.height, margin: [0, 0, 0, 30] } as Content] : []),
    { text: data.branding.partnershipName, fontSize: 12, color: MUTED, margin: [0, logo ? 0 : 60, 0, 40] },
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              stack: [
                { text: 'Schoolondersteuningsprofiel', fontSize: 30, bold: true, color: onColor },
                { text: data.school.name, fontSize: 22, color: onColor, margin: [0, 10, 0, 0] },
                { text: `Schooljaar ${data.schoolYear}`, fontSize: 14, color: onColor, margin: [0, 6, 0, 0] },
              ],
              margin: [18, 26, 18, 26],
            },
          ],
        ],
      },
      layout: { fillColor: () => color, hLineWidth: () => 0, vLineWidth: () => 0 },
    },
    {
      margin: [0, 40, 0, 0],
      stack: [
        { text: data.school.boardName, fontSize: 12 },
        { text: `BRIN en vestiging ${data.school.locationCode}${data.school.city ? ` · ${data.school.city}` : ''}`, fontSize: 11, color: MUTED },
        { text: `Status: ${PROFILE_STATUS_LABELS[data.status]}`, fontSize: 11, color: MUTED, margin: [0, 14, 0, 0] },
        { text: adoptionText(data), fontSize: 11, color: MUTED },
        { text: `Gemaakt op ${formatDate(data.generatedAt)}`, fontSize: 9, color: MUTED, margin: [0, 14, 0, 0] },
      ],
    },
  ];
}

function buildDefinition(data: ProfileDocumentData, onPageCount: (count: number) => void): TDocumentDefinitions {
  const view = buildProfileView(data);
  const color = brandColor(data);
  const logoUrl = logoDataUrl(data);
  const headerLogo = logoUrl ? fitLogo(data, 48, 14) : null;
  const title = `Schoolondersteuningsprofiel ${data.school.name} ${data.schoolYear}`;

  brand = color;
  const content: Content[] = [
    ...titlePage(data, color),
    { toc: { title: { text: 'Inhoud', fontSize: 20, bold: true, color, margin: [0, 0, 0, 12] }, numberStyle: { color: MUTED } }, pageBreak: 'before' },
    heading1('Schoolgegevens'),
    {
      table: {
        widths: [150, '*'],
        body: schoolFactRows(data).map(([label, value]): TableCell[] => [{ text: label, bold: true }, { text: value }]),
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 10],
    },
    ...(data.school.contacts?.length
      ? [
          heading3('Contactpersonen'),
          { ul: data.school.contacts.map(contactLine), margin: [0, 0, 0, 6] } as Content,
        ]
      : []),
    heading3('Samenvatting basisondersteuning'),
    summaryTable(view, color),
  ];

  let currentKind: string | null = null;
  for (const sectionView of view.sections) {
    const kind = sectionView.section.kind;
    if (kind !== currentKind) {
      content.push(heading1(SECTION_HEADINGS[kind]));
      currentKind = kind;
    }
    content.push(...sectionContent(sectionView, color));
  }

  content.push(heading1('Ambities'));
  if (view.ambitions.length === 0) content.push(bodyText('De school heeft geen ambities vastgelegd.'));
  else {
    content.push(bodyText('Wat de school nog niet biedt, maar wel wil gaan bieden:'));
    const ambitionRows: TableCell[][] = [
      [headerCell('Onderdeel', color), headerCell('Doel', color), headerCell('Schooljaar', color), headerCell('Toelichting', color)],
      ...view.ambitions.map((a): TableCell[] => [
        { text: `${a.item.title}`, fontSize: 9.5 },
        { text: a.target ?? '—', fontSize: 9.5 },
        { text: a.schoolYear ?? '—', fontSize: 9.5 },
        { text: a.note ?? '', fontSize: 9, color: MUTED },
      ]),
    ];
    content.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: wordSafeWidths(['*', 110, 70, 120], ambitionRows),
        body: ambitionRows,
      },
      layout: { hLineColor: () => RULE, vLineColor: () => RULE, hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
    });
  }

  content.push(heading1(LIMITS_HEADING));
  if (view.limits.length === 0) content.push(bodyText('De school heeft geen grenzen aan de ondersteuning beschreven.'));
  for (const limit of view.limits) content.push(heading3(limit.title), ...textBlocks(limit.text));

  content.push(heading1('Advies en vaststelling'));
  content.push(heading3(councilAdviceHeading(data)), ...textBlocks(councilAdviceText(data)));
  content.push(heading3('Vaststelling'), bodyText(adoptionText(data)));

  return {
    pageSize: 'A4',
    pageMargins: [50, 62, 50, 56],
    language: 'nl-NL',
    // The window shows the title, not the file name (PDF/UA asks it); tagging: docs/decisions/0012-accessible-html-beside-untagged-pdf.md.
    displayTitle: true,
    info: { title, author: data.school.name, subject: 'Schoolondersteuningsprofiel', creator: 'OpenSOP', producer: 'OpenSOP' },
    ...(logoUrl ? { images: { logo: logoUrl } } : {}),
    defaultStyle: { font: PDF_FONT, fontSize: 10, color: TEXT, lineHeight: 1.2 },
    header: (currentPage) =>
      currentPage === 1
        ? null
        : {
            margin: [50, 24, 50, 0],
            stack: [
              {
                columns: [
                  // The SWV's logo on every page, small, beside its name (if the SWV has one).
                  ...(headerLogo ? [{ image: 'logo', width: headerLogo.width, height: headerLogo.height, margin: [0, -3, 6, 0] } as Content] : []),
                  { text: data.branding.partnershipName, fontSize: 8, color: MUTED, width: '*' },
                  { text: `${data.school.name} · ${data.schoolYear}`, fontSize: 8, color: MUTED, alignment: 'right' },
                ],
              },
              { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 495, y2: 4, lineWidth: 1.5, lineColor: color }] },
            ],
          },
    footer: (currentPage, pageCount) => {
      onPageCount(pageCount);
      return {
        margin: [50, 18, 50, 0],
        columns: [
          { text: `Schoolondersteuningsprofiel ${data.school.name} ${data.schoolYear}`, fontSize: 8, color: MUTED },
          { text: `Pagina ${currentPage} van ${pageCount}`, fontSize: 8, color: MUTED, alignment: 'right' },
        ],
      };
    },
    // A heading never stays alone at the bottom of a page.
    pageBreakBefore: (node, queries) => Boolean(node.headlineLevel) && queries.getFollowingNodesOnPage().length === 0,
    content,
  };
}

export async function renderSopPdf(data: ProfileDocumentData): Promise<Buffer> {
  return (await renderPdf((onPageCount) => buildDefinition(data, onPageCount))).bytes;
}
