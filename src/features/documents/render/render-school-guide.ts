/**
 * The school-guide (schoolgids) chapter: basic support provisions and the extra support
 * offering. By law (Kamerstuk 36443) these move into the school guide, set every year —
 * see DOMAIN.md "Facts that shape the design". HTML fragment for the website, .docx to paste in.
 */
import { Document, Paragraph, TextRun, type FileChild } from 'docx';
import type { ProfileDocumentData } from '../document-data.js';
import { body, brandedHeader, dataTable, docxStyles, h1, h2, h3, packDocx, pageNumberFooter, plain, statusCell } from './docx-kit.js';
import { adoptionText, brandHex, buildProfileView, escapeHtml, paragraphs, STATUS_COLORS, type ProfileView, type SectionView } from './profile-view.js';

const CHAPTER_TITLE = 'Ondersteuning op onze school';

function chapterIntro(data: ProfileDocumentData): string {
  return `Elke school in ${data.branding.partnershipName} biedt dezelfde basisondersteuning: de afspraken die de scholen samen hebben gemaakt. Hieronder staat wat ${data.school.name} biedt in schooljaar ${data.schoolYear}, en welke extra ondersteuning de school geeft.`;
}

function basicSections(view: ProfileView): SectionView[] {
  return view.sections.filter((s) => s.section.kind === 'promise' && s.groups.length > 0);
}
function extraSections(view: ProfileView): SectionView[] {
  return view.sections.filter((s) => s.section.kind === 'extra' && (s.groups.length > 0 || s.narratives.length > 0));
}

export function renderSchoolGuideHtml(data: ProfileDocumentData): string {
  const view = buildProfileView(data);
  const e = escapeHtml;
  const text = (t: string) => paragraphs(t).map((p) => `<p>${e(p)}</p>`).join('\n');
  const table = (section: SectionView) =>
    section.groups
      .map(
        (group) => `${group.title ? `<h4>${e(group.title)}</h4>\n` : ''}<table class="sop-table">
  <thead><tr><th scope="col">Onderdeel</th><th scope="col">Wat wij bieden</th><th scope="col">Afspraak in het samenwerkingsverband</th><th scope="col">Status</th></tr></thead>
  <tbody>
${group.rows
  .map(
    (row) =>
      `    <tr><th scope="row">${e(row.item.title)}</th><td>${e(row.answerText || 'Niet ingevuld')}</td><td>${e(row.normText || '—')}</td><td>${
        row.status === 'no-norm'
          ? '—'
          : `<span class="sop-status sop-status--${row.status}" style="color:${STATUS_COLORS[row.status].fg};background:${STATUS_COLORS[row.status].bg}">${e(row.statusText)}</span>`
      }</td></tr>`,
  )
  .join('\n')}
  </tbody>
</table>`,
      )
      .join('\n');
  const section = (s: SectionView) => `<section class="sop-section">
<h3>${e(s.section.title)}</h3>
${s.section.promise ? `<blockquote class="sop-promise"><p>${e(s.section.promise)}</p></blockquote>\n` : ''}${s.section.intro ? `${text(s.section.intro)}\n` : ''}${s.narratives
    .map((n) => `<h4>${e(n.item.title)}</h4>\n${text(n.text)}`)
    .join('\n')}
${table(s)}
</section>`;
  const limits = view.limits.length
    ? `<h3>Wat kan de school niet?</h3>\n${view.limits.map((l) => `<h4>${e(l.title)}</h4>\n${text(l.text)}`).join('\n')}`
    : '';
  const ambitions = view.ambitions.length
    ? `<h3>Waar werken wij aan?</h3>\n<ul>\n${view.ambitions
        .map((a) => `  <li>${e(a.item.title)}${a.target ? `: ${e(a.target)}` : ''}${a.schoolYear ? ` (${e(a.schoolYear)})` : ''}</li>`)
        .join('\n')}\n</ul>`
    : '';
  const point = data.branding.parentSupportPoint;
  return `<article class="sop-school-guide" lang="nl">
<h2>${CHAPTER_TITLE}</h2>
<p>${e(chapterIntro(data))}</p>
<h3>Basisondersteuning</h3>
${basicSections(view).map(section).join('\n')}
<h3>Extra ondersteuning</h3>
${extraSections(view).map(section).join('\n') || '<p>De school biedt geen extra ondersteuning naast de basisondersteuning.</p>'}
${ambitions}
${limits}
${point ? `<p>Heeft u vragen of komt u er samen met school niet uit? ${e(point.name)} helpt ouders en jongeren${point.phone ? `, telefoon ${e(point.phone)}` : ''}${point.email ? `, e-mail ${e(point.email)}` : ''}.</p>` : ''}
<p><small>${e(adoptionText(data))}</small></p>
</article>
`;
}

export async function renderSchoolGuideDocx(data: ProfileDocumentData): Promise<Buffer> {
  const view = buildProfileView(data);
  const brand = brandHex(data);
  const widths = [36, 22, 20, 22];
  const section = (s: SectionView): FileChild[] => [
    h2(s.section.title),
    ...(s.section.promise ? [plain(s.section.promise, { style: 'Promise' })] : []),
    ...(s.section.intro ? body(s.section.intro) : []),
    ...s.narratives.flatMap((n) => [h3(n.item.title), ...body(n.text)]),
    ...s.groups.flatMap((g) => [
      ...(g.title ? [h3(g.title)] : []),
      dataTable(
        brand,
        ['Onderdeel', 'Wat wij bieden', 'Afspraak', 'Status'],
        widths,
        g.rows.map((row) => [row.item.title, row.answerText || 'Niet ingevuld', row.normText || '—', statusCell(row, 22)]),
      ),
      new Paragraph({ text: '' }),
    ]),
  ];
  const extra = extraSections(view);
  const point = data.branding.parentSupportPoint;
  const children: FileChild[] = [
    h1(CHAPTER_TITLE),
    plain(chapterIntro(data)),
    h1('Basisondersteuning'),
    ...basicSections(view).flatMap(section),
    h1('Extra ondersteuning'),
    ...(extra.length ? extra.flatMap(section) : [plain('De school biedt geen extra ondersteuning naast de basisondersteuning.')]),
  ];
  if (view.ambitions.length) {
    children.push(h2('Waar werken wij aan?'));
    for (const a of view.ambitions) {
      children.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [new TextRun(`${a.item.title}${a.target ? `: ${a.target}` : ''}${a.schoolYear ? ` (${a.schoolYear})` : ''}`)],
        }),
      );
    }
  }
  if (view.limits.length) {
    children.push(h2('Wat kan de school niet?'));
    for (const l of view.limits) children.push(h3(l.title), ...body(l.text));
  }
  if (point) {
    children.push(plain(`Heeft u vragen of komt u er samen met school niet uit? ${point.name} helpt ouders en jongeren${point.phone ? `, telefoon ${point.phone}` : ''}${point.email ? `, e-mail ${point.email}` : ''}.`));
  }
  children.push(plain(adoptionText(data), { style: 'Muted' }));
  const title = `Schoolgids ${data.school.name} ${data.schoolYear}: ${CHAPTER_TITLE.toLowerCase()}`;
  const doc = new Document({
    creator: 'OpenSOP',
    title,
    styles: docxStyles(brand),
    sections: [
      {
        headers: { default: brandedHeader(data, brand, `${data.school.name} · ${data.schoolYear}`) },
        footers: { default: pageNumberFooter(title) },
        children,
      },
    ],
  });
  return packDocx(doc);
}
