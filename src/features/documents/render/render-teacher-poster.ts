/**
 * The teacher poster: one page for the staff room (issue 10) — what we offer and at which level
 * (items marked `posters.teacher`, the answer in words, a status only where it adds something),
 * who to ask for what (school contacts), and what we are working on (ambitions with their school
 * year, and the school's own words about them). Not a compliance list: "meets the norm" is said
 * once, as a count. See docs/domain.md "Outputs".
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { findChosenOption, itemsWithRole, parentTitleOf, type TemplateDefinition } from '../../templates/model/template.js';
import { resolveWording } from '../../templates/model/wording.js';
import type { ProfileDocumentData } from '../document-data.js';
import { measurePdfPages, PDF_FONT } from './pdf-runtime.js';
import { parentTextOf } from './parent-texts.js';
import { balanceColumns, findFittingFontSize, MARK_COLORS, MARK_WORDS, markCanvas, markFor, POSTER_LIMITS, posterPriority, renderAtSize, selectByPriority, type MarkKind } from './poster-kit.js';
import { brandColor, buildItemRow, buildProfileView, escapeHtml, fitLogo, logoDataUrl, optionLabel, sectionLabel, STATUS_LABELS, textColorOn, tint, type ItemRow } from './profile-view.js';
import { ambitionTag, svgMark } from './render-parent-poster.js';
import { htmlShellCss, POSTER_PAGE_CSS } from './html-shell.js';

interface TeacherEntry {
  /** "Belofte 1: <promise>" — the section with its promise, so staff know what it is about. */
  section: string;
  row: ItemRow;
  mark: MarkKind;
  priority: number;
}

export function listTeacherPosterEntries(data: ProfileDocumentData): TeacherEntry[] {
  return data.template.sections.flatMap((section) =>
    section.items
      .filter((item) => item.posters.teacher)
      .map((item) => {
        const row = buildItemRow(data.template, item, data.answers[item.key]);
        const mark = markFor(row.status, row.answer?.value, findChosenOption(data.template, item, row.answer?.value));
        return { section: sectionLabel(section), row, mark, priority: posterPriority(row.status, mark) };
      }),
  );
}

/**
 * The answer line: what we offer and at which level, in the answer's words. A status only where it
 * adds something: below the norm, an ambition ("Hier werken wij aan: … vanaf …"), cannot judge.
 */
function answerLine(template: TemplateDefinition, row: ItemRow): string {
  if (row.status === 'ambition') {
    const target = row.answer?.ambition?.target;
    const ambition = ambitionTag(target ? optionLabel(template, row.item, target) : undefined, row.answer?.ambition?.schoolYear);
    return row.answerText ? `${row.answerText} · ${ambition}` : ambition;
  }
  if (!row.answerText) return STATUS_LABELS.unanswered;
  if (row.status === 'below') return `${row.answerText} · nog niet zoals afgesproken`;
  if (row.status === 'cannot-judge') return `${row.answerText} · ${STATUS_LABELS['cannot-judge']}`;
  return row.answerText;
}

/** "Wij bieden 38 van de 42 onderdelen van de basisondersteuning zoals afgesproken." — once, as a count. */
export function teacherSummary(data: ProfileDocumentData): string {
  const { totals } = buildProfileView(data);
  const judged = totals.meets + totals.below + totals.ambition + totals['cannot-judge'] + totals.unanswered;
  if (judged === 0) return '';
  return `Wij bieden ${totals.meets} van de ${judged} onderdelen van de basisondersteuning zoals afgesproken in ${data.branding.partnershipName}.`;
}

/** What we are working on: every ambition with its school year, and the school's own words about its ambitions. */
export function teacherAmbitions(data: ProfileDocumentData): string[] {
  const view = buildProfileView(data);
  const lines = view.ambitions.map((a) => `${parentTitleOf(a.item)}${a.target ? ` (${a.target.charAt(0).toLocaleLowerCase('nl-NL')}${a.target.slice(1)})` : ''}${a.schoolYear ? ` · vanaf ${a.schoolYear}` : ''}`);
  for (const { item } of itemsWithRole(data.template, 'ambitions')) {
    const text = parentTextOf(data.template, item, data.answers[item.key], 300);
    const value = data.answers[item.key]?.value;
    if (text && typeof value === 'string' && value.trim()) lines.push(text);
  }
  return lines;
}

interface Plan {
  /** Show only this many most important entries (whole), with a line saying the rest is in the SOP. */
  shown?: number;
}

function buildDefinition(data: ProfileDocumentData, f: number, plan: Plan, onPageCount: (n: number) => void): TDocumentDefinitions {
  const color = brandColor(data);
  const onColor = textColorOn(color);
  const logoUrl = logoDataUrl(data);
  const logo = fitLogo(data, 70, 46);
  const all = listTeacherPosterEntries(data);
  const entries = selectByPriority(all, plan.shown ?? all.length);

  const entryContent = (entry: TeacherEntry): Content => ({
    unbreakable: true,
    margin: [0, 0, 0, f * 0.45],
    columnGap: f * 0.5,
    columns: [
      { width: f * 1.2, stack: [markCanvas(entry.mark, f * 1.2)] },
      {
        width: '*',
        stack: [
          { text: parentTitleOf(entry.row.item), bold: true, fontSize: f },
          { text: answerLine(data.template, entry.row), fontSize: f * 0.9, color: entry.row.answerText ? '#1a1a1a' : '#555555' },
        ],
      },
    ],
  });

  // Group headings by section, kept in order within the balanced columns.
  const blocks: Array<{ heading: string | null; entry: TeacherEntry }> = entries.map((entry, i) => ({
    heading: i === 0 || entries[i - 1]?.section !== entry.section ? entry.section : null,
    entry,
  }));
  const columns = balanceColumns(blocks, (b) => parentTitleOf(b.entry.row.item).length + answerLine(data.template, b.entry.row).length + 30 + (b.heading ? b.heading.length + 20 : 0));

  const contacts = data.school.contacts ?? [];
  const wording = resolveWording(data.template);
  const summary = teacherSummary(data);
  const ambitions = teacherAmbitions(data);
  const website = data.school.website?.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  return {
    pageSize: 'A4',
    pageMargins: [30, 30, 30, 28],
    language: 'nl-NL',
    // The window shows the title, not the file name (PDF/UA asks it); tagging: docs/decisions/0012-accessible-html-beside-untagged-pdf.md.
    displayTitle: true,
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
                  { text: 'Wie vraag je wat?', bold: true, fontSize: f * 1.2, color },
                  contacts.length
                    ? {
                        columns: balanceColumns(contacts, (c) => 40 + (c.topic?.length ?? 0)).map((list) => ({
                          width: '*',
                          stack: list.map((c) => ({
                            margin: [0, 0, 0, f * 0.25],
                            text: [
                              { text: c.topic ? `${c.topic}: ` : '', bold: true },
                              { text: `${c.name} (${c.role.toLowerCase()})` },
                              { text: c.email ? ` · ${c.email}` : '', color: '#555555' },
                            ],
                            fontSize: f,
                          })),
                        })),
                        columnGap: 14,
                      }
                    : { text: `De school heeft nog geen contactpersonen vastgelegd. Vraag het de ${wording.schoolLeader} of de ${wording.supportCoordinator}.`, fontSize: f },
                ],
              },
            ],
          ],
        },
        layout: { fillColor: () => tint(color, 0.9), hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 3 : 0), vLineColor: () => color },
        margin: [0, 0, 0, 10],
      },
      { text: 'Wat bieden wij, en op welk niveau?', bold: true, fontSize: f * 1.2, color, margin: [0, 0, 0, f * 0.2] },
      ...(summary ? [{ text: summary, fontSize: f, margin: [0, 0, 0, f * 0.4] } as Content] : []),
      {
        columnGap: 16,
        columns: columns.map((column) => ({
          width: '*',
          stack: column.flatMap((b): Content[] => [
            ...(b.heading ? [{ text: b.heading, bold: true, fontSize: f * 1.05, color, margin: [0, f * 0.3, 0, f * 0.3] } as Content] : []),
            entryContent(b.entry),
          ]),
        })),
      },
      ...(ambitions.length
        ? [
            {
              table: {
                widths: ['*'],
                body: [
                  [
                    {
                      margin: [10, 6, 10, 6],
                      stack: [
                        { text: MARK_WORDS['working-on'], bold: true, fontSize: f * 1.2, color },
                        { ul: ambitions.map((line) => ({ text: line, fontSize: f })), margin: [0, f * 0.2, 0, 0] },
                      ],
                    },
                  ],
                ],
              },
              layout: { fillColor: () => MARK_COLORS['working-on'].bg, hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 3 : 0), vLineColor: () => MARK_COLORS['working-on'].fg },
              margin: [0, 4, 0, 6],
              unbreakable: true,
            } as Content,
          ]
        : []),
      ...(entries.length < all.length
        ? [{ text: `Meer in het SOP: nog ${all.length - entries.length} ${all.length - entries.length === 1 ? 'onderwerp staat' : 'onderwerpen staan'} in het volledige schoolondersteuningsprofiel${website ? ` (${website})` : ''}.`, bold: true, color, fontSize: f, margin: [0, 4, 0, 0] } as Content]
        : []),
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
  const build = (plan: Plan) => (size: number, onCount: (n: number) => void) => buildDefinition(data, size, plan, onCount);
  // Never cut a text: the largest font that fits; else, at the smallest font, the most important
  // entries whole (binary search on their number) and a line saying the rest is in the SOP.
  let plan: { plan: Plan; size: number } | null = null;
  const size = await findFittingFontSize(build({}), { max: 11 });
  if (size !== null) plan = { plan: {}, size };
  else {
    const min = POSTER_LIMITS.minFontSizePt;
    const fits = async (shown: number) => (await measurePdfPages((onCount) => build({ shown })(min, onCount))) <= 1;
    let lo = 0;
    let hi = listTeacherPosterEntries(data).length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (await fits(mid)) lo = mid;
      else hi = mid;
    }
    if (lo >= 1) plan = { plan: { shown: lo }, size: min };
  }
  if (plan) {
    const result = await renderAtSize(build(plan.plan), plan.size);
    if (result.pageCount === 1) return result.bytes;
  }
  throw new Error(`De lerarenposter past niet op één pagina: er staan te veel onderwerpen op (${listTeacherPosterEntries(data).length}).`);
}

/**
 * The teacher poster as an accessible web page (decision 0012): the same content as the PDF — who to ask, what we
 * offer and at which level (every entry, nothing left out for lack of room), what we are working on — as one
 * complete page (one `main`, one `h1`, headings in order, marks explained in words, not by colour alone).
 */
export function renderTeacherPosterHtml(data: ProfileDocumentData): string {
  const color = brandColor(data);
  const onColor = textColorOn(color);
  const logoUrl = logoDataUrl(data);
  const logo = fitLogo(data, 96, 64);
  const e = escapeHtml;
  const wording = resolveWording(data.template);
  const contacts = data.school.contacts ?? [];
  const summary = teacherSummary(data);
  const ambitions = teacherAmbitions(data);
  const entries = listTeacherPosterEntries(data);
  const tagCss = (Object.keys(MARK_COLORS) as MarkKind[]).map((kind) => `.mark-word--${kind}{color:${MARK_COLORS[kind].fg}}`).join('');
  const sections: Array<{ heading: string; entries: TeacherEntry[] }> = [];
  for (const entry of entries) {
    const last = sections.at(-1);
    if (last?.heading === entry.section) last.entries.push(entry);
    else sections.push({ heading: entry.section, entries: [entry] });
  }
  const contactList = contacts.length
    ? `<ul>${contacts
        .map((c) => `<li>${c.topic ? `<strong>${e(c.topic)}:</strong> ` : ''}${e(c.name)} (${e(c.role.toLowerCase())})${c.email ? ` · <a href="mailto:${e(c.email)}">${e(c.email)}</a>` : ''}</li>`)
        .join('')}</ul>`
    : `<p>De school heeft nog geen contactpersonen vastgelegd. Vraag het de ${e(wording.schoolLeader)} of de ${e(wording.supportCoordinator)}.</p>`;
  const offer = sections
    .map(
      (section) => `    <h3>${e(section.heading)}</h3>
    <ul class="entries">
${section.entries
  .map(
    (entry) => `      <li class="entry">${svgMark(entry.mark)}<div><h4>${e(parentTitleOf(entry.row.item))}</h4><p>${e(answerLine(data.template, entry.row))}</p><p class="mark-word mark-word--${entry.mark}">${e(MARK_WORDS[entry.mark])}</p></div></li>`,
  )
  .join('\n')}
    </ul>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Ons ondersteuningsaanbod – ${e(data.school.name)} ${e(data.schoolYear)}</title>
  <style>
    ${htmlShellCss({ brand: color, onBrand: onColor, lineHeight: '1.5', maxWidth: '60rem', titleSize: '2rem' })}
    ${POSTER_PAGE_CSS}
    .box{border-left:.3rem solid var(--brand);background:${tint(color, 0.9)};padding:.75rem 1rem;margin:1rem 0}
    .box h2{margin:0 0 .25rem;font-size:1.3rem}
    .working-on{border-left-color:${MARK_COLORS['working-on'].fg};background:${MARK_COLORS['working-on'].bg}}
    .entries{list-style:none;padding:0;margin:0;columns:2 22rem;column-gap:2rem}
    .entry{display:flex;gap:.75rem;break-inside:avoid;margin:0 0 1rem}
    .mark{flex:none}
    .entry h4{font-size:1.05rem;margin:0}
    .entry p{margin:.2rem 0}
    .mark-word{font-weight:700;font-size:.9rem}
    ${tagCss}
  </style>
</head>
<body>
<main>
  <header>
    <div>
      <h1>Ons ondersteuningsaanbod</h1>
      <p>${e(data.school.name)} · schooljaar ${e(data.schoolYear)}</p>
    </div>
    ${logoUrl && logo ? `<img src="${logoUrl}" width="${logo.width}" height="${logo.height}" alt="Logo ${e(data.branding.partnershipName)}">` : ''}
  </header>
  <section class="box" aria-labelledby="wie">
    <h2 id="wie">Wie vraag je wat?</h2>
    ${contactList}
  </section>
  <section aria-labelledby="aanbod">
    <h2 id="aanbod">Wat bieden wij, en op welk niveau?</h2>
    ${summary ? `<p>${e(summary)}</p>` : ''}
${offer}
  </section>
${
  ambitions.length
    ? `  <section class="box working-on" aria-labelledby="werken-aan">
    <h2 id="werken-aan">${e(MARK_WORDS['working-on'])}</h2>
    <ul>${ambitions.map((line) => `<li>${e(line)}</li>`).join('')}</ul>
  </section>
`
    : ''
}  <footer><p>Het volledige schoolondersteuningsprofiel staat op de website van de school${data.school.website ? ` (${e(data.school.website)})` : ''}. ${e(data.branding.partnershipName)}.</p></footer>
</main>
</body>
</html>
`;
}
