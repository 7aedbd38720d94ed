/**
 * The school-guide (schoolgids) chapter: basic support provisions and the extra support
 * offering. By law (Kamerstuk 36443) these move into the school guide, set every year —
 * see docs/domain.md "Facts that shape the design".
 * - HTML: a fragment for a school's website (classes only, no inline style attributes, its own
 *   small <style> block with the SWV colour as a CSS custom property) and a stand-alone page;
 * - .docx to paste into the school guide (WordprocessingML written directly, wordml.ts).
 */
import type { ProfileDocumentData } from '../document-data.js';
import { statusCell } from './docx-kit.js';
import {
  adoptionText,
  brandColor,
  brandHex,
  buildProfileView,
  escapeHtml,
  LIMITS_HEADING,
  logoDataUrl,
  paragraphs,
  STATUS_COLORS,
  STATUS_LABELS,
  textColorOn,
  tint,
  type ProfileView,
  type SectionView,
} from './profile-view.js';
import { body, bullet, packWordDocument, plain, table, WordBody, type CellSpec } from './wordml.js';

const CHAPTER_TITLE = 'Ondersteuning op onze school';

function chapterIntro(data: ProfileDocumentData): string {
  return `Elke school in ${data.branding.partnershipName} biedt dezelfde basisondersteuning: de afspraken die de scholen samen hebben gemaakt. Hieronder staat wat ${data.school.name} biedt in schooljaar ${data.schoolYear}, en welke extra ondersteuning de school geeft.`;
}

function basicSections(view: ProfileView): SectionView[] {
  return view.sections.filter((s) => s.section.kind === 'promise' && (s.groups.length > 0 || s.narratives.length > 0));
}
function extraSections(view: ProfileView): SectionView[] {
  return view.sections.filter((s) => s.section.kind === 'extra' && (s.groups.length > 0 || s.narratives.length > 0));
}

function supportPointText(data: ProfileDocumentData): string | null {
  const point = data.branding.parentSupportPoint;
  if (!point) return null;
  return `Heeft u vragen of komt u er samen met school niet uit? ${point.name} helpt ouders en jongeren${point.phone ? `, telefoon ${point.phone}` : ''}${point.email ? `, e-mail ${point.email}` : ''}${point.website ? `, ${point.website}` : ''}.`;
}

/** CSS for the chapter, scoped to its class; the SWV colour is the custom property --sop-brand. */
export function schoolGuideCss(data: ProfileDocumentData): string {
  const color = brandColor(data);
  const status = (Object.keys(STATUS_COLORS) as Array<keyof typeof STATUS_COLORS>)
    .map((s) => `.sop-school-guide .sop-status--${s} { color: ${STATUS_COLORS[s].fg}; background: ${STATUS_COLORS[s].bg}; }`)
    .join('\n');
  return `.sop-school-guide { --sop-brand: ${color}; --sop-brand-text: ${textColorOn(color)}; --sop-brand-light: ${tint(color, 0.9)}; font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 60rem; }
.sop-school-guide .sop-brand { display: flex; align-items: center; gap: 0.75rem; border-bottom: 3px solid var(--sop-brand); padding-bottom: 0.5rem; color: #555; }
.sop-school-guide .sop-brand img { max-height: 3rem; width: auto; }
.sop-school-guide h2, .sop-school-guide h3 { color: var(--sop-brand); }
.sop-school-guide .sop-promise { margin: 0 0 1rem; padding: 0.5rem 1rem; border-left: 4px solid var(--sop-brand); background: var(--sop-brand-light); font-style: italic; }
.sop-school-guide .sop-table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
.sop-school-guide .sop-table th, .sop-school-guide .sop-table td { border: 1px solid #d0d5da; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
.sop-school-guide .sop-table thead th { background: var(--sop-brand); color: var(--sop-brand-text); }
.sop-school-guide .sop-status { display: inline-block; padding: 0 0.35rem; font-weight: 600; }
${status}`;
}

/** The chapter as an HTML fragment (an <article> with classes only) for a school's website. */
export function renderSchoolGuideArticle(data: ProfileDocumentData): string {
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
      `    <tr><th scope="row">${e(row.item.title)}</th><td>${e(row.answerText || STATUS_LABELS.unanswered)}</td><td>${e(row.normText || '—')}</td><td>${
        row.status === 'no-norm' ? '—' : `<span class="sop-status sop-status--${row.status}">${e(row.statusText)}</span>`
      }</td></tr>`,
  )
  .join('\n')}
  </tbody>
</table>`,
      )
      .join('\n');
  // The section intro is guidance for whoever fills in the form; it is not published.
  const section = (s: SectionView) => `<section class="sop-section">
<h3>${e(s.section.title)}</h3>
${s.section.promise ? `<blockquote class="sop-promise"><p>${e(s.section.promise)}</p></blockquote>\n` : ''}${s.narratives
    .map((n) => `<h4>${e(n.item.title)}</h4>\n${text(n.text)}`)
    .join('\n')}
${table(s)}
</section>`;
  const limits = view.limits.length
    ? `<section class="sop-section">\n<h3>${e(LIMITS_HEADING)}</h3>\n${view.limits.map((l) => `<h4>${e(l.title)}</h4>\n${text(l.text)}`).join('\n')}\n</section>`
    : '';
  const ambitions = view.ambitions.length
    ? `<section class="sop-section">\n<h3>Waar werken wij aan?</h3>\n<ul>\n${view.ambitions
        .map((a) => `  <li>${e(a.item.title)}${a.target ? `: ${e(a.target)}` : ''}${a.schoolYear ? ` (${e(a.schoolYear)})` : ''}</li>`)
        .join('\n')}\n</ul>\n</section>`
    : '';
  const logo = logoDataUrl(data);
  const point = supportPointText(data);
  return `<article class="sop-school-guide" lang="nl">
<p class="sop-brand">${logo ? `<img src="${logo}" alt="Logo ${e(data.branding.partnershipName)}">` : ''}<span>${e(data.branding.partnershipName)}</span></p>
<h2>${CHAPTER_TITLE}</h2>
<p>${e(chapterIntro(data))}</p>
<section class="sop-part">
<h3>Basisondersteuning</h3>
${basicSections(view).map(section).join('\n')}
</section>
<section class="sop-part">
<h3>Extra ondersteuning</h3>
${extraSections(view).map(section).join('\n') || '<p>De school biedt geen extra ondersteuning naast de basisondersteuning.</p>'}
</section>
${ambitions}
${limits}
${point ? `<p>${e(point)}</p>` : ''}
<p><small>${e(adoptionText(data))}</small></p>
</article>
`;
}

/** The fragment a school pastes into its website: a scoped <style> block and the article. */
export function renderSchoolGuideFragment(data: ProfileDocumentData): string {
  return `<style>\n${schoolGuideCss(data)}\n</style>\n${renderSchoolGuideArticle(data)}`;
}

/** The chapter as a stand-alone HTML page (no JavaScript, no inline style attributes). */
export function renderSchoolGuideHtml(data: ProfileDocumentData): string {
  return `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(`${CHAPTER_TITLE} · ${data.school.name} · ${data.schoolYear}`)}</title>
  <style>
body { margin: 2rem auto; padding: 0 1rem; max-width: 62rem; }
${schoolGuideCss(data)}
  </style>
</head>
<body>
${renderSchoolGuideArticle(data)}</body>
</html>
`;
}

export async function renderSchoolGuideDocx(data: ProfileDocumentData): Promise<Buffer> {
  const view = buildProfileView(data);
  const brand = brandHex(data);
  const onBrand = textColorOn(`#${brand}`).slice(1).toUpperCase();
  const header: CellSpec[] = ['Onderdeel', 'Wat wij bieden', 'Afspraak', 'Status'].map((text) => ({ text, fill: brand, color: onBrand, bold: true }));
  const doc = new WordBody();
  // Chapter = Heading 1, its parts = Heading 2, each promise = Heading 3 (as in the HTML: h2, h3, h4).
  const section = (s: SectionView) => {
    doc.heading(3, s.section.title);
    if (s.section.promise) doc.add(plain(s.section.promise, { style: 'Promise' }));
    for (const n of s.narratives) doc.add(plain(n.item.title, { bold: true }), body(n.text));
    for (const g of s.groups) {
      if (g.title) doc.add(plain(g.title, { bold: true }));
      doc.add(table([34, 21, 19, 26], g.rows.map((row) => [row.item.title, row.answerText || STATUS_LABELS.unanswered, row.normText || '—', statusCell(row)]), { header }));
    }
  };
  const extra = extraSections(view);
  doc.heading(1, CHAPTER_TITLE).add(plain(chapterIntro(data)));
  doc.heading(2, 'Basisondersteuning');
  basicSections(view).forEach(section);
  doc.heading(2, 'Extra ondersteuning');
  if (extra.length) extra.forEach(section);
  else doc.add(plain('De school biedt geen extra ondersteuning naast de basisondersteuning.'));
  if (view.ambitions.length) {
    doc.heading(2, 'Waar werken wij aan?');
    for (const a of view.ambitions) doc.add(bullet(`${a.item.title}${a.target ? `: ${a.target}` : ''}${a.schoolYear ? ` (${a.schoolYear})` : ''}`));
  }
  if (view.limits.length) {
    doc.heading(2, LIMITS_HEADING);
    for (const l of view.limits) doc.add(plain(l.title, { bold: true }), body(l.text));
  }
  const point = supportPointText(data);
  if (point) doc.add(plain(point));
  doc.add(plain(adoptionText(data), { style: 'Muted' }));
  const title = `Schoolgids ${data.school.name} ${data.schoolYear}: ${CHAPTER_TITLE.toLowerCase()}`;
  return packWordDocument({
    data,
    title,
    subject: 'Schoolgids: ondersteuning',
    description: `${data.school.name} (${data.school.locationCode}), ${data.branding.partnershipName}`,
    brand,
    body: doc.toXml(),
    headerRight: `${data.school.name} · ${data.schoolYear}`,
    footerLeft: title,
  });
}
