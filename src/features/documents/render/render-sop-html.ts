/**
 * The full SOP as an accessible web page: the same content and order as the PDF, with real
 * headings, tables with header cells and captions, one `main` and one `h1`, no JavaScript and no
 * inline style attributes. pdfmake cannot tag a PDF (PDF/UA), so this page is the accessible
 * version linked beside the PDF (docs/decisions/0012-accessible-html-beside-untagged-pdf.md).
 */
import type { ProfileDocumentData } from '../document-data.js';
import {
  adoptionText,
  brandColor,
  buildProfileView,
  contactLine,
  councilAdviceHeading,
  councilAdviceText,
  escapeHtml as e,
  fitLogo,
  LIMITS_HEADING,
  logoDataUrl,
  paragraphs,
  PROFILE_STATUS_LABELS,
  schoolFactRows,
  SECTION_HEADINGS,
  STATUS_COLORS,
  STATUS_LABELS,
  textColorOn,
  type ItemGroup,
  type SectionView,
} from './profile-view.js';
import { htmlShellCss } from './html-shell.js';

const text = (t: string) => paragraphs(t).map((p) => `<p>${e(p)}</p>`).join('\n');

function groupTable(group: ItemGroup, caption: string): string {
  const rows = group.rows
    .map(
      (row) =>
        `<tr><th scope="row">${e(row.item.title)}</th><td>${e(row.answerText || STATUS_LABELS.unanswered)}</td><td>${e(row.normText || '—')}</td><td>${
          row.status === 'no-norm' ? '—' : `<span class="status status--${row.status}">${e(row.statusText)}</span>`
        }</td></tr>`,
    )
    .join('\n');
  return `<table>
<caption>${e(caption)}</caption>
<thead><tr><th scope="col">Onderdeel</th><th scope="col">Antwoord</th><th scope="col">Norm</th><th scope="col">Status</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function sectionHtml(view: SectionView): string {
  const { section } = view;
  const own = section.title !== SECTION_HEADINGS[section.kind];
  const sub = own ? 4 : 3;
  const parts: string[] = [];
  if (own) parts.push(`<h3>${e(section.title)}</h3>`);
  if (section.promise) parts.push(`<p class="promise">${e(section.promise)}</p>`);
  for (const n of view.narratives) parts.push(`<h${sub}>${e(n.item.title)}</h${sub}>`, text(n.text));
  for (const group of view.groups) {
    if (group.title) parts.push(`<h${sub}>${e(group.title)}</h${sub}>`);
    parts.push(groupTable(group, group.title ?? section.title));
  }
  return parts.join('\n');
}

export function renderSopHtml(data: ProfileDocumentData): string {
  const view = buildProfileView(data);
  const color = brandColor(data);
  const logoUrl = logoDataUrl(data);
  const logo = fitLogo(data, 120, 60);
  const title = `Schoolondersteuningsprofiel ${data.school.name}`;
  const chapters: Array<{ id: string; title: string; html: string }> = [];
  chapters.push({
    id: 'schoolgegevens',
    title: 'Schoolgegevens',
    html: `<dl class="facts">\n${schoolFactRows(data).map(([label, value]) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`).join('\n')}\n</dl>${
      data.school.contacts?.length ? `\n<h3>Contactpersonen</h3>\n<ul>\n${data.school.contacts.map((c) => `<li>${e(contactLine(c))}</li>`).join('\n')}\n</ul>` : ''
    }`,
  });
  let current: { kind: string; html: string[] } | null = null;
  for (const sectionView of view.sections) {
    const kind = sectionView.section.kind;
    if (!current || current.kind !== kind) {
      current = { kind, html: [] };
      chapters.push({ id: `deel-${chapters.length}`, title: SECTION_HEADINGS[kind], html: '' });
    }
    current.html.push(sectionHtml(sectionView));
    chapters[chapters.length - 1]!.html = current.html.join('\n');
  }
  chapters.push({
    id: 'ambities',
    title: 'Ambities',
    html: view.ambitions.length
      ? `<p>Wat de school nog niet biedt, maar wel wil gaan bieden:</p>\n<ul>\n${view.ambitions
          .map((a) => `<li>${e(a.item.title)}${a.target ? `: ${e(a.target)}` : ''}${a.schoolYear ? `, vanaf ${e(a.schoolYear)}` : ''}${a.note ? `. ${e(a.note)}` : ''}</li>`)
          .join('\n')}\n</ul>`
      : '<p>De school heeft geen ambities vastgelegd.</p>',
  });
  chapters.push({
    id: 'grenzen',
    title: LIMITS_HEADING,
    html: view.limits.length ? view.limits.map((l) => `<h3>${e(l.title)}</h3>\n${text(l.text)}`).join('\n') : '<p>De school heeft geen grenzen aan de ondersteuning beschreven.</p>',
  });
  chapters.push({
    id: 'advies-en-vaststelling',
    title: 'Advies en vaststelling',
    html: `<h3>${e(councilAdviceHeading(data))}</h3>\n${text(councilAdviceText(data))}\n<h3>Vaststelling</h3>\n<p>${e(adoptionText(data))}</p>`,
  });
  const statusCss = (Object.keys(STATUS_COLORS) as Array<keyof typeof STATUS_COLORS>).map((s) => `.status--${s}{color:${STATUS_COLORS[s].fg};background:${STATUS_COLORS[s].bg}}`).join('');
  return `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${e(`${title} · ${data.schoolYear}`)}</title>
  <style>
    ${htmlShellCss({ brand: color, onBrand: textColorOn(color), lineHeight: '1.55', maxWidth: '62rem', titleSize: '1.9rem' })}
    h2{margin-top:2.5rem;border-bottom:3px solid var(--brand);padding-bottom:.25rem}
    .promise{border-left:4px solid var(--brand);background:#f3f6f8;padding:.5rem 1rem}
    table{border-collapse:collapse;width:100%;margin:0 0 1.25rem}
    caption{text-align:left;font-weight:600;padding:.25rem 0}
    th,td{border:1px solid #c8ced3;padding:.4rem .5rem;text-align:left;vertical-align:top;overflow-wrap:normal;hyphens:manual}
    thead th{background:#eef1f3}
    .status{display:inline-block;font-weight:700;padding:0 .35rem;border-radius:.2rem}
    ${statusCss}
    .facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
    .facts dt{font-weight:700}
    .facts dd{margin:0}
    @media (max-width:40rem){table,thead,tbody,tr,th,td{display:block}thead{position:absolute;left:-9999px}td,tbody th{border:0;padding:.15rem 0}tr{border-top:1px solid #c8ced3;padding:.5rem 0}}
  </style>
</head>
<body>
<main>
  <header>
    <div>
      <h1>${e(title)}</h1>
      <p>Schooljaar ${e(data.schoolYear)} · ${e(data.branding.partnershipName)} · ${e(PROFILE_STATUS_LABELS[data.status])}</p>
    </div>
    ${logoUrl && logo ? `<img src="${logoUrl}" width="${logo.width}" height="${logo.height}" alt="Logo ${e(data.branding.partnershipName)}">` : ''}
  </header>
  <nav aria-label="Inhoud">
    <ul>
${chapters.map((c) => `      <li><a href="#${c.id}">${e(c.title)}</a></li>`).join('\n')}
    </ul>
  </nav>
${chapters.map((c) => `  <section aria-labelledby="${c.id}">\n<h2 id="${c.id}">${e(c.title)}</h2>\n${c.html}\n  </section>`).join('\n')}
</main>
</body>
</html>
`;
}
