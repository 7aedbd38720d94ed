/**
 * The full SOP as Word (.docx): editable, because schools still adjust it (seed 004).
 * Real heading styles and a table-of-contents field (Word fills it on opening).
 * Same content and order as render-sop-pdf.ts.
 */
import { Document, Paragraph, TableOfContents, TextRun, type FileChild } from 'docx';
import type { ProfileDocumentData } from '../document-data.js';
import {
  body,
  brandedHeader,
  dataTable,
  docxStyles,
  factTable,
  h1,
  h2,
  h3,
  logoRun,
  mutedCell,
  packDocx,
  pageNumberFooter,
  plain,
  statusCell,
} from './docx-kit.js';
import {
  adoptionText,
  brandHex,
  buildProfileView,
  councilAdviceHeading,
  councilAdviceText,
  formatDate,
  PROFILE_STATUS_LABELS,
  schoolFactRows,
  SECTION_HEADINGS,
  STATUS_LABELS,
  type SectionView,
} from './profile-view.js';

const ITEM_WIDTHS = [38, 22, 18, 22];

function sectionChildren(view: SectionView, brand: string): FileChild[] {
  const { section } = view;
  const children: FileChild[] = section.title === SECTION_HEADINGS[section.kind] ? [] : [h2(section.title)];
  if (section.promise) children.push(plain(section.promise, { style: 'Promise' }));
  if (section.intro) children.push(...body(section.intro));
  for (const narrative of view.narratives) children.push(h3(narrative.item.title), ...body(narrative.text));
  for (const group of view.groups) {
    if (group.title) children.push(h3(group.title));
    children.push(
      dataTable(
        brand,
        ['Onderdeel', 'Antwoord', 'Norm', 'Status'],
        ITEM_WIDTHS,
        group.rows.map((row) => [
          row.item.title,
          row.answerText || 'Niet ingevuld',
          mutedCell(row.normText || '—', ITEM_WIDTHS[2] ?? 18),
          statusCell(row, ITEM_WIDTHS[3] ?? 22),
        ]),
      ),
      new Paragraph({ text: '' }),
    );
  }
  return children;
}

function titlePage(data: ProfileDocumentData): FileChild[] {
  const logo = logoRun(data, 180, 100);
  return [
    ...(logo ? [new Paragraph({ children: [logo], spacing: { after: 400 } })] : []),
    new Paragraph({ children: [new TextRun({ text: data.branding.partnershipName, color: '555555', size: 24 })], spacing: { before: logo ? 0 : 1200, after: 600 } }),
    new Paragraph({ text: 'Schoolondersteuningsprofiel', style: 'Title' }),
    new Paragraph({ children: [new TextRun({ text: data.school.name, size: 40 })], spacing: { after: 120 } }),
    new Paragraph({ children: [new TextRun({ text: `Schooljaar ${data.schoolYear}`, size: 28 })], spacing: { after: 800 } }),
    plain(data.school.boardName),
    plain(`BRIN en vestiging ${data.school.locationCode}${data.school.city ? ` · ${data.school.city}` : ''}`, { style: 'Muted' }),
    plain(`Status: ${PROFILE_STATUS_LABELS[data.status]}`, { style: 'Muted' }),
    plain(adoptionText(data), { style: 'Muted' }),
    plain(`Gemaakt op ${formatDate(data.generatedAt)}`, { style: 'Muted' }),
  ];
}

export function buildSopDocument(data: ProfileDocumentData): Document {
  const view = buildProfileView(data);
  const brand = brandHex(data);
  const children: FileChild[] = [
    new Paragraph({ pageBreakBefore: true, spacing: { after: 200 }, children: [new TextRun({ text: 'Inhoud', bold: true, size: 36, color: brand })] }),
    new TableOfContents('Inhoud', { hyperlink: true, headingStyleRange: '1-2' }),
    h1('Schoolgegevens', true),
    factTable(schoolFactRows(data)),
  ];
  if (data.school.contacts?.length) {
    children.push(h3('Contactpersonen'));
    for (const c of data.school.contacts) {
      children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(`${c.role}: ${c.name}${c.email ? ` (${c.email})` : ''}`)] }));
    }
  }
  children.push(
    h3('Samenvatting basisondersteuning'),
    dataTable(
      brand,
      ['Onderdeel', STATUS_LABELS.meets, STATUS_LABELS.below, STATUS_LABELS.ambition],
      [40, 24, 18, 18],
      [
        ...view.sections
          .filter((s) => s.counts.meets + s.counts.below + s.counts.ambition > 0)
          .map((s) => [s.section.title, String(s.counts.meets), String(s.counts.below), String(s.counts.ambition)]),
        ['Totaal', String(view.totals.meets), String(view.totals.below), String(view.totals.ambition)],
      ],
    ),
  );

  let currentKind: string | null = null;
  for (const sectionView of view.sections) {
    if (sectionView.section.kind !== currentKind) {
      currentKind = sectionView.section.kind;
      children.push(h1(SECTION_HEADINGS[sectionView.section.kind], true));
    }
    children.push(...sectionChildren(sectionView, brand));
  }

  children.push(h1('Ambities', true));
  if (view.ambitions.length === 0) children.push(plain('De school heeft geen ambities vastgelegd.'));
  else {
    children.push(plain('Wat de school nog niet biedt, maar wel wil gaan bieden:'));
    children.push(
      dataTable(
        brand,
        ['Onderdeel', 'Doel', 'Schooljaar', 'Toelichting'],
        [36, 22, 14, 28],
        view.ambitions.map((a) => [a.item.title, a.target ?? '—', a.schoolYear ?? '—', mutedCell(a.note ?? '', 28)]),
      ),
    );
  }

  children.push(h1('Wat kan de school niet', true));
  if (view.limits.length === 0) children.push(plain('De school heeft geen grenzen aan de ondersteuning beschreven.'));
  for (const limit of view.limits) children.push(h3(limit.title), ...body(limit.text));

  children.push(h1('Advies en vaststelling'));
  children.push(h3(councilAdviceHeading(data)), ...body(councilAdviceText(data)));
  children.push(h3('Vaststelling'), plain(adoptionText(data)));

  const title = `Schoolondersteuningsprofiel ${data.school.name} ${data.schoolYear}`;
  return new Document({
    creator: 'OpenSOP',
    title,
    subject: 'Schoolondersteuningsprofiel',
    description: `${data.school.name} (${data.school.locationCode}), ${data.branding.partnershipName}`,
    features: { updateFields: true },
    styles: docxStyles(brand),
    sections: [
      {
        properties: { titlePage: true, page: { margin: { top: 1300, bottom: 1100, left: 1150, right: 1150 } } },
        headers: { default: brandedHeader(data, brand, `${data.school.name} · ${data.schoolYear}`) },
        footers: { default: pageNumberFooter(title) },
        children: [...titlePage(data), ...children],
      },
    ],
  });
}

export async function renderSopDocx(data: ProfileDocumentData): Promise<Buffer> {
  return packDocx(buildSopDocument(data));
}
