/**
 * The teacher poster: one page for the staff room with the support offering
 * (items marked `posters.teacher`) and who to ask (school contacts). See DOMAIN.md "Outputs".
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { isAnswered } from '../../templates/model/answer.js';
import type { ProfileDocumentData } from '../document-data.js';
import { measurePdfPages, PDF_FONT } from './pdf-runtime.js';
import { balanceColumns, findFittingFontSize, markCanvas, markFor, POSTER_LIMITS, renderAtSize, shorten } from './poster-kit.js';
import { brandColor, buildItemRow, fitLogo, logoDataUrl, textColorOn, tint, type ItemRow } from './profile-view.js';

interface TeacherEntry {
  section: string;
  row: ItemRow;
}

function listEntries(data: ProfileDocumentData): TeacherEntry[] {
  return data.template.sections.flatMap((section) =>
    section.items
      .filter((item) => item.posters.teacher)
      .map((item) => ({ section: section.title, row: buildItemRow(data.template, item, data.answers[item.key]) })),
  );
}

function buildDefinition(data: ProfileDocumentData, f: number, maxTitle: number | null, onPageCount: (n: number) => void): TDocumentDefinitions {
  const color = brandColor(data);
  const onColor = textColorOn(color);
  const logoUrl = logoDataUrl(data);
  const logo = fitLogo(data, 70, 46);
  const entries = listEntries(data);

  const entryContent = (entry: TeacherEntry): Content => {
    const mark = markFor(entry.row.status, isAnswered(entry.row.answer?.value));
    const title = maxTitle ? shorten(entry.row.item.title, maxTitle) : entry.row.item.title;
    return {
      unbreakable: true,
      margin: [0, 0, 0, f * 0.45],
      columnGap: f * 0.5,
      columns: [
        { width: f * 1.2, stack: [markCanvas(mark, f * 1.2)] },
        {
          width: '*',
          stack: maxTitle ? [{ text: [{ text: title, bold: true }, ` – ${shorten(entry.row.answerText || 'Niet ingevuld', 40)}`], fontSize: f }] : [
            { text: title, bold: true, fontSize: f },
            {
              text: [
                { text: shorten(entry.row.answerText || 'Niet ingevuld', 140), fontSize: f * 0.9 },
                ...(entry.row.status === 'no-norm' ? [] : [{ text: `  ${entry.row.statusText}`, fontSize: f * 0.8, color: '#555555' }]),
              ],
            },
          ],
        },
      ],
    };
  };

  // Group headings by section, kept in order within the balanced columns.
  const blocks: Array<{ heading: string | null; entry: TeacherEntry }> = entries.map((entry, i) => ({
    heading: i === 0 || entries[i - 1]?.section !== entry.section ? entry.section : null,
    entry,
  }));
  const columns = balanceColumns(blocks, (b) => b.entry.row.item.title.length + 60 + (b.heading ? 40 : 0));

  const contacts = data.school.contacts ?? [];
  return {
    pageSize: 'A4',
    pageMargins: [30, 30, 30, 28],
    language: 'nl-NL',
    info: { title: `Lerarenposter ${data.school.name} ${data.schoolYear}`, author: data.school.name, creator: 'OpenSOP' },
    ...(logoUrl ? { images: { logo: logoUrl } } : {}),
    defaultStyle: { font: PDF_FONT, fontSize: f, color: '#1a1a1a', lineHeight: 1.15 },
    footer: (_p, pageCount) => {
      onPageCount(pageCount);
      return null;
    },
    content: [
      {
        table: {
          widths: ['*', 'auto'],
          body: [
            [
              {
                stack: [
                  { text: 'Ons ondersteuningsaanbod', fontSize: 24, bold: true, color: onColor },
                  { text: `${data.school.name} · schooljaar ${data.schoolYear}`, fontSize: 12, color: onColor, margin: [0, 3, 0, 0] },
                ],
                margin: [12, 10, 6, 10],
              },
              logo ? { image: 'logo', width: logo.width, height: logo.height, margin: [6, 8, 12, 8] } : { text: '' },
            ],
          ],
        },
        layout: { fillColor: () => color, hLineWidth: () => 0, vLineWidth: () => 0 },
        margin: [0, 0, 0, 10],
      },
      {
        table: {
          widths: ['*'],
          body: [
            [
              {
                margin: [10, 6, 10, 6],
                stack: [
                  { text: 'Wie kun je vragen?', bold: true, fontSize: f * 1.2, color },
                  contacts.length
                    ? {
                        columns: balanceColumns(contacts, () => 1).map((list) => ({
                          width: '*',
                          stack: list.map((c) => ({
                            text: [{ text: `${c.role}: `, bold: true }, `${c.name}${c.email ? ` · ${c.email}` : ''}`],
                            fontSize: f,
                          })),
                        })),
                        columnGap: 14,
                      }
                    : { text: 'Vraag het de directie of de intern begeleider.', fontSize: f },
                ],
              },
            ],
          ],
        },
        layout: { fillColor: () => tint(color, 0.9), hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 3 : 0), vLineColor: () => color },
        margin: [0, 0, 0, 10],
      },
      {
        columnGap: 16,
        columns: columns.map((column) => ({
          width: '*',
          stack: column.flatMap((b): Content[] => [
            ...(b.heading ? [{ text: b.heading, bold: true, fontSize: f * 1.1, color, margin: [0, f * 0.3, 0, f * 0.3] } as Content] : []),
            entryContent(b.entry),
          ]),
        })),
      },
      {
        text: `Het volledige schoolondersteuningsprofiel staat op de website van de school. ${data.branding.partnershipName}.`,
        fontSize: 7.5,
        color: '#555555',
        margin: [0, 6, 0, 0],
      },
    ],
  };
}

export async function renderTeacherPosterPdf(data: ProfileDocumentData): Promise<Buffer> {
  const build = (titleLimit: number | null) => (size: number, onCount: (n: number) => void) => buildDefinition(data, size, titleLimit, onCount);
  // Search with layout-only passes; render the PDF once.
  let plan: { limit: number | null; size: number } | null = null;
  const size = await findFittingFontSize(build(null), { max: 11 });
  if (size !== null) plan = { limit: null, size };
  else {
    const min = POSTER_LIMITS.minFontSizePt;
    for (const limit of [120, 80, 50, 30, 20]) {
      if ((await measurePdfPages((onCount) => build(limit)(min, onCount))) <= 1) {
        plan = { limit, size: min };
        break;
      }
    }
  }
  if (plan) {
    const result = await renderAtSize(build(plan.limit), plan.size);
    if (result.pageCount === 1) return result.bytes;
  }
  throw new Error(`De lerarenposter past niet op één pagina: er staan te veel onderwerpen op (${listEntries(data).length}).`);
}
