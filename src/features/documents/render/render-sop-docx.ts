/**
 * The full SOP as Word (.docx): editable, because schools still adjust it (seed 004).
 * Real heading styles and a table of contents with its entries written out (links to the
 * headings; no "update fields?" prompt on opening — F9 fills in the page numbers).
 * Same content and order as render-sop-pdf.ts. WordprocessingML is written directly (wordml.ts).
 */
import type { ProfileDocumentData } from '../document-data.js';
import { mutedCell, statusCell } from './docx-kit.js';
import {
  adoptionText,
  brandHex,
  buildProfileView,
  contactLine,
  councilAdviceHeading,
  councilAdviceText,
  formatDate,
  LIMITS_HEADING,
  PROFILE_STATUS_LABELS,
  schoolFactRows,
  SECTION_HEADINGS,
  STATUS_LABELS,
  TOC_UPDATE_HINT,
  textColorOn,
  type SectionView,
} from './profile-view.js';
import { body, bullet, MUTED, packWordDocument, paragraph, plain, run, table, titleLogo, WordBody, type CellSpec } from './wordml.js';

const ITEM_WIDTHS = [36, 21, 17, 26];

function headerCells(brand: string, labels: string[]): CellSpec[] {
  const color = textColorOn(`#${brand}`).slice(1).toUpperCase();
  return labels.map((text) => ({ text, fill: brand, color, bold: true }));
}

function sectionChildren(doc: WordBody, view: SectionView, brand: string): void {
  const { section } = view;
  // The section intro is guidance for whoever fills in the form; it is not printed.
  if (section.title !== SECTION_HEADINGS[section.kind]) doc.heading(2, section.title);
  if (section.promise) doc.add(plain(section.promise, { style: 'Promise' }));
  for (const narrative of view.narratives) doc.heading(3, narrative.item.title).add(body(narrative.text));
  for (const group of view.groups) {
    if (group.title) doc.heading(3, group.title);
    doc.add(
      table(
        ITEM_WIDTHS,
        group.rows.map((row) => [row.item.title, row.answerText || STATUS_LABELS.unanswered, mutedCell(row.normText || '—'), statusCell(row)]),
        { header: headerCells(brand, ['Onderdeel', 'Antwoord', 'Norm', 'Status']) },
      ),
    );
  }
}

function titlePage(doc: WordBody, data: ProfileDocumentData): void {
  const logo = titleLogo(data, 180, 100);
  if (logo) doc.add(paragraph(logo, { spacingAfter: 400 }));
  doc.add(
    paragraph(run(data.branding.partnershipName, { color: MUTED, size: 24 }), { spacingBefore: logo ? 0 : 1200, spacingAfter: 600 }),
    paragraph(run('Schoolondersteuningsprofiel'), { style: 'Title' }),
    paragraph(run(data.school.name, { size: 40 }), { spacingAfter: 120 }),
    paragraph(run(`Schooljaar ${data.schoolYear}`, { size: 28 }), { spacingAfter: 800 }),
    plain(data.school.boardName),
    plain(`BRIN en vestiging ${data.school.locationCode}${data.school.city ? ` · ${data.school.city}` : ''}`, { style: 'Muted' }),
    plain(`Status: ${PROFILE_STATUS_LABELS[data.status]}`, { style: 'Muted' }),
    plain(adoptionText(data), { style: 'Muted' }),
    plain(`Gemaakt op ${formatDate(data.generatedAt)}`, { style: 'Muted' }),
  );
}

export function buildSopBody(data: ProfileDocumentData): string {
  const view = buildProfileView(data);
  const brand = brandHex(data);
  const doc = new WordBody();
  titlePage(doc, data);
  doc.add(paragraph(run('Inhoud'), { style: 'TOCHeading' }));
  doc.tableOfContents();
  doc.add(plain(TOC_UPDATE_HINT, { style: 'Muted' }));
  doc.heading(1, 'Schoolgegevens', { pageBreakBefore: true });
  doc.add(table([32, 68], schoolFactRows(data).map(([label, value]) => [{ text: label, bold: true }, value])));
  if (data.school.contacts?.length) {
    doc.heading(3, 'Contactpersonen');
    for (const c of data.school.contacts) doc.add(bullet(contactLine(c)));
  }
  doc.heading(3, 'Samenvatting basisondersteuning');
  doc.add(
    table(
      [40, 24, 18, 18],
      [
        ...view.sections
          .filter((s) => s.counts.meets + s.counts.below + s.counts.ambition > 0)
          .map((s) => [s.section.title, String(s.counts.meets), String(s.counts.below), String(s.counts.ambition)]),
        [{ text: 'Totaal', bold: true }, { text: String(view.totals.meets), bold: true }, { text: String(view.totals.below), bold: true }, { text: String(view.totals.ambition), bold: true }],
      ],
      { header: headerCells(brand, ['Onderdeel', STATUS_LABELS.meets, STATUS_LABELS.below, STATUS_LABELS.ambition]) },
    ),
  );

  let currentKind: string | null = null;
  for (const sectionView of view.sections) {
    if (sectionView.section.kind !== currentKind) {
      currentKind = sectionView.section.kind;
      doc.heading(1, SECTION_HEADINGS[sectionView.section.kind], { pageBreakBefore: true });
    }
    sectionChildren(doc, sectionView, brand);
  }

  doc.heading(1, 'Ambities', { pageBreakBefore: true });
  if (view.ambitions.length === 0) doc.add(plain('De school heeft geen ambities vastgelegd.'));
  else {
    doc.add(plain('Wat de school nog niet biedt, maar wel wil gaan bieden:'));
    doc.add(
      table(
        [36, 22, 14, 28],
        view.ambitions.map((a) => [a.item.title, a.target ?? '—', a.schoolYear ?? '—', mutedCell(a.note ?? '')]),
        { header: headerCells(brand, ['Onderdeel', 'Doel', 'Schooljaar', 'Toelichting']) },
      ),
    );
  }

  doc.heading(1, LIMITS_HEADING, { pageBreakBefore: true });
  if (view.limits.length === 0) doc.add(plain('De school heeft geen grenzen aan de ondersteuning beschreven.'));
  for (const limit of view.limits) doc.heading(3, limit.title).add(body(limit.text));

  doc.heading(1, 'Advies en vaststelling');
  doc.heading(3, councilAdviceHeading(data)).add(body(councilAdviceText(data)));
  doc.heading(3, 'Vaststelling').add(plain(adoptionText(data)));
  return doc.toXml();
}

export async function renderSopDocx(data: ProfileDocumentData): Promise<Buffer> {
  const title = `Schoolondersteuningsprofiel ${data.school.name} ${data.schoolYear}`;
  return packWordDocument({
    data,
    title,
    subject: 'Schoolondersteuningsprofiel',
    description: `${data.school.name} (${data.school.locationCode}), ${data.branding.partnershipName}`,
    brand: brandHex(data),
    body: buildSopBody(data),
    headerRight: `${data.school.name} · ${data.schoolYear}`,
    footerLeft: title,
    titlePage: true,
    titleLogo: true,
  });
}
