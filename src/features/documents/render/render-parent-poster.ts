/**
 * The parent poster: one page in plain language (B1) for the school guide and the website
 * (docs/domain.md "Outputs"). Items marked `posters.parent`, each with its parent text.
 * Exactly one page is guaranteed: the largest font size that fits is searched; if even
 * 8 pt does not fit, the most important entries are shown with their whole texts (never cut)
 * plus a line saying where to read the rest (the input side should prevent that with
 * `checkParentPosterFits`).
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { evaluateNorm } from '../../templates/model/answer.js';
import { findChosenOption, findScale, parentTitleOf, type Item, type ItemRole } from '../../templates/model/template.js';
import { resolveWording } from '../../templates/model/wording.js';
import type { ParentPosterData } from '../document-data.js';
import { measurePdfPages, PDF_FONT } from './pdf-runtime.js';
import {
  findFittingFontSize,
  MARK_COLORS,
  MARK_WORDS,
  markCanvas,
  markFor,
  PAGE_SCALE,
  posterPriority,
  selectByPriority,
  POSTER_LIMITS,
  renderAtSize,
  tagText,
  type MarkKind,
  type PosterSize,
} from './poster-kit.js';
import { firstContactSentence, parentTextOf, supportCoordinatorOf } from './parent-texts.js';
import { brandColor, escapeHtml, fitLogo, logoDataUrl, STATUS_LABELS, textColorOn, tint } from './profile-view.js';
import { htmlShellCss, POSTER_PAGE_CSS } from './html-shell.js';

export { POSTER_LIMITS };

export interface ParentPosterEntry {
  item: Item;
  title: string;
  text: string;
  mark: MarkKind;
  /** e.g. "Dit bieden wij · Op onze school", "Hier werken wij aan (2027-2028)". */
  tag: string;
  /** Lower comes first when not every entry fits: norm items the school offers, then ambitions, … */
  priority: number;
}

/** The tag of an entry whose item has a role: limits read as limits, ambitions as ambitions. */
const ROLE_MARKS: Record<ItemRole, { mark: MarkKind; tag: string }> = {
  limits: { mark: 'not-yet', tag: 'Grens van onze ondersteuning' },
  extraSupport: { mark: 'info', tag: 'Extra op onze school' },
  parentInvolvement: { mark: 'info', tag: 'Samen met ouders' },
  ambitions: { mark: 'working-on', tag: MARK_WORDS['working-on'] },
  contact: { mark: 'info', tag: 'Wie kunt u vragen?' },
  vision: { mark: 'info', tag: 'Onze visie' },
};

/** "Hier werken wij aan: op schoolniveau vanaf 2027-2028" — an ambition reads as an ambition. */
export function ambitionTag(target: string | undefined, schoolYear: string | undefined): string {
  const what = target ? `: ${target.charAt(0).toLocaleLowerCase('nl-NL')}${target.slice(1)}` : '';
  return `${MARK_WORDS['working-on']}${what}${schoolYear ? ` vanaf ${schoolYear}` : ''}`;
}

export function listParentPosterEntries(data: ParentPosterData): ParentPosterEntry[] {
  const { template, answers } = data;
  return template.sections.flatMap((section) =>
    section.items
      .filter((item) => item.posters.parent)
      .flatMap((item): ParentPosterEntry[] => {
        const answer = answers[item.key];
        const text = parentTextOf(template, item, answer);
        if (text === null) return []; // nothing the school wrote and nothing honest to say: no placeholder
        const title = parentTitleOf(item);
        if (item.role) {
          const { mark, tag } = ROLE_MARKS[item.role];
          return [{ item, title, text, mark, tag, priority: item.role === 'limits' || item.role === 'extraSupport' ? 0 : posterPriority('no-norm', mark) }];
        }
        const status = evaluateNorm(item, answer);
        const option = findChosenOption(template, item, answer?.value);
        const mark = markFor(status, answer?.value, option);
        const where = (mark === 'offered' || mark === 'info') && option ? ` · ${option.parentLabel ?? option.label}` : '';
        const target = answer?.ambition?.target ? findScale(template, item.scale)?.options.find((o) => o.value === answer.ambition?.target) : undefined;
        const tag =
          status === 'cannot-judge'
            ? STATUS_LABELS['cannot-judge']
            : mark === 'working-on'
              ? ambitionTag(target ? (target.parentLabel ?? target.label) : undefined, answer?.ambition?.schoolYear)
              : `${MARK_WORDS[mark]}${where}`;
        return [{ item, title, text, mark, tag, priority: posterPriority(status, mark) }];
      }),
  );
}

/** The `count` most important entries, shown in template order. */
export function selectParentPosterEntries(entries: ParentPosterEntry[], count: number): ParentPosterEntry[] {
  return selectByPriority(entries, count);
}

/** The entries the poster shows (all of them, unless even the smallest font cannot fit them). */
export async function shownParentPosterEntries(data: ParentPosterData): Promise<ParentPosterEntry[]> {
  const { plan } = await planParentPoster(data);
  const all = listParentPosterEntries(data);
  return selectParentPosterEntries(all, plan?.shown ?? all.length);
}

/** Width of one entry column on A4 (pt): page minus margins and the gap, halved. */
const A4_COLUMN_WIDTH = (595.28 - 2 * 30 - 18) / 2;
/** Roboto's average character width as a share of the font size, for Dutch text (slightly generous). */
const CHAR_WIDTH = 0.5;

/** Estimated height of an entry at font size `f` (A4 pt): line count from the text length. */
function estimateEntryHeight(entry: ParentPosterEntry, f: number): number {
  const textWidth = A4_COLUMN_WIDTH - f * 2.1;
  const lines = (text: string, size: number) => Math.max(1, Math.ceil((text.length * CHAR_WIDTH * size) / textWidth));
  return (lines(entry.title, f * 1.05) * 1.05 + lines(entry.text, f) + 0.85) * f * 1.2 + f * 1.0;
}

/**
 * Split entries over two columns in order at the point where the taller column is lowest
 * (estimated heights), so both columns end about level.
 */
export function balanceParentColumns(entries: ParentPosterEntry[], f: number): [ParentPosterEntry[], ParentPosterEntry[]] {
  const heights = entries.map((e) => estimateEntryHeight(e, f));
  const total = heights.reduce((a, b) => a + b, 0);
  let best = entries.length;
  let bestHeight = total;
  let left = 0;
  for (let split = 0; split <= entries.length; split++) {
    const taller = Math.max(left, total - left);
    if (taller < bestHeight) {
      bestHeight = taller;
      best = split;
    }
    left += heights[split] ?? 0;
  }
  return [entries.slice(0, best), entries.slice(best)];
}

/** Estimated height of the taller column for these entries (A4 pt). */
function estimateColumnHeight(entries: ParentPosterEntry[], f: number): number {
  const [a, b] = balanceParentColumns(entries, f);
  const sum = (list: ParentPosterEntry[]) => list.reduce((n, e) => n + estimateEntryHeight(e, f), 0);
  return Math.max(sum(a), sum(b));
}

/** Rough room for the entry columns on A4 below the header, intro and legend and above the contact box. */
const A4_COLUMN_ROOM = 560;

interface BuildOptions {
  size: PosterSize;
  /** Show only the this many most important entries, whole, and say where to read the rest (last resort when 8 pt does not fit). */
  shown?: number;
}

/** "Meer over onze ondersteuning: …": where the entries left off the poster can be read. */
export function moreSupportLine(data: ParentPosterData): string {
  const website = data.school.website?.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  return website
    ? `Meer over onze ondersteuning: ${website} (ons schoolondersteuningsprofiel, SOP)`
    : 'Meer over onze ondersteuning: vraag op school naar ons schoolondersteuningsprofiel (SOP)';
}

export function buildParentPosterDefinition(data: ParentPosterData, fontSize: number, options: BuildOptions, onPageCount: (n: number) => void): TDocumentDefinitions {
  const k = PAGE_SCALE[options.size];
  const f = fontSize * k;
  const color = brandColor(data);
  const onColor = textColorOn(color);
  const margin = 30 * k;
  const logoUrl = logoDataUrl(data);
  const logo = fitLogo(data, 70 * k, 46 * k);
  const allEntries = listParentPosterEntries(data);
  const entries = selectParentPosterEntries(allEntries, options.shown ?? allEntries.length);

  const entryContent = (entry: ParentPosterEntry): Content => ({
    unbreakable: true,
    margin: [0, 0, 0, f * 0.7],
    columns: [
      { width: f * 1.5, margin: [0, f * 0.1, 0, 0], stack: [markCanvas(entry.mark, f * 1.5)] },
      {
        width: '*',
        stack: [
          { text: entry.title, bold: true, fontSize: f * 1.05 },
          { text: entry.text, fontSize: f, margin: [0, f * 0.1, 0, f * 0.2] },
          tagText(entry.mark, entry.tag, f * 0.85),
        ],
      },
    ],
    columnGap: f * 0.6,
  });

  const legend: Content = {
    margin: [0, 0, 0, f * 0.8],
    columns: (['offered', 'working-on', 'not-yet', 'info'] as const).filter((kind) => kind !== 'info' || entries.some((e) => e.mark === 'info')).map((kind) => ({
      width: 'auto',
      columns: [markCanvas(kind, f * 1.1), { text: MARK_WORDS[kind], fontSize: f * 0.9, width: 'auto', margin: [0, f * 0.05, 0, 0] }],
      columnGap: f * 0.35,
    })),
    columnGap: f * 1.4,
  };

  const wording = resolveWording(data.template);
  const contact = firstContactSentence(data);
  const coordinator = supportCoordinatorOf(data);
  const point = data.branding.parentSupportPoint;
  const contactLines: Content[] = [
    { text: 'Vragen? Wij denken graag met u mee.', bold: true, fontSize: f * 1.1, color },
    {
      text: `${contact.first}${contact.coordinator ? ` ${contact.coordinator}${coordinator?.email ? `, ${coordinator.email}` : ''}.` : ''}`,
      fontSize: f,
    },
  ];
  if (point) {
    const how = [point.phone && `tel. ${point.phone}`, point.email, point.website].filter(Boolean).join(' · ');
    contactLines.push({
      text: [
        { text: `Komt u er samen niet uit? `, fontSize: f },
        { text: point.name, bold: true, fontSize: f },
        { text: ` helpt ouders en jongeren, gratis en onafhankelijk${how ? `: ${how}` : ''}.`, fontSize: f },
      ],
      margin: [0, f * 0.3, 0, 0],
    });
  }
  if (entries.length < allEntries.length) {
    contactLines.unshift({ text: moreSupportLine(data), fontSize: f * 1.05, bold: true, color, margin: [0, 0, 0, f * 0.5] });
  }

  return {
    pageSize: options.size,
    pageMargins: [margin, margin, margin, margin * 0.9],
    language: 'nl-NL',
    // The window shows the title, not the file name (PDF/UA asks it); tagging: docs/decisions/0012-accessible-html-beside-untagged-pdf.md.
    displayTitle: true,
    info: { title: `Ouderposter ${data.school.name} ${data.schoolYear}`, author: data.school.name, creator: 'OpenSOP' },
    ...(logoUrl ? { images: { logo: logoUrl } } : {}),
    defaultStyle: { font: PDF_FONT, fontSize: f, color: '#1a1a1a', lineHeight: 1.2 },
    footer: (_page, pageCount) => {
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
                  { text: wording.parentPosterTitle, fontSize: 26 * k, bold: true, color: onColor },
                  { text: `${data.school.name} · schooljaar ${data.schoolYear}`, fontSize: 13 * k, color: onColor, margin: [0, 4 * k, 0, 0] },
                ],
                margin: [12 * k, 12 * k, 6 * k, 12 * k],
              },
              logo
                ? { image: 'logo', width: logo.width, height: logo.height, margin: [6 * k, 10 * k, 12 * k, 10 * k] }
                : { text: '', margin: [0, 0, 0, 0] },
            ],
          ],
        },
        layout: { fillColor: () => color, hLineWidth: () => 0, vLineWidth: () => 0 },
        margin: [0, 0, 0, 10 * k],
      },
      { text: wording.parentPosterIntro, fontSize: f * 1.1, margin: [0, 0, 0, f * 0.6] },
      legend,
      {
        columns: balanceParentColumns(entries, fontSize).map((column) => ({
          width: '*',
          stack: column.map(entryContent),
        })),
        columnGap: 18 * k,
      },
      {
        table: { widths: ['*'], body: [[{ stack: contactLines, margin: [10 * k, 8 * k, 10 * k, 8 * k] }]] },
        layout: { fillColor: () => tint(color, 0.9), hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 3 * k : 0), vLineColor: () => color },
        margin: [0, 4 * k, 0, 6 * k],
        unbreakable: true,
      },
      { text: `${data.branding.partnershipName} · ${data.school.name}${data.school.website ? ` · ${data.school.website}` : ''}`, fontSize: 7.5 * k, color: '#555555' },
    ],
  };
}

type Builder = (fontSize: number, onPageCount: (n: number) => void) => TDocumentDefinitions;

/** How the poster fits on one page: a font size, and only if needed fewer (whole) entries. */
interface FitPlan {
  fontSize: number;
  shown?: number;
}

/**
 * Plans per data object; A3 is A4 scaled, so the A4 plan serves both. Every step of the search
 * is a layout-only pass (no drawing, no PDF written); the poster itself is rendered once.
 */
const fitPlans = new WeakMap<ParentPosterData, { plan: FitPlan | null; fitsAll: boolean }>();

function builderFor(data: ParentPosterData, size: PosterSize, plan: Omit<FitPlan, 'fontSize'>): Builder {
  return (fontSize, onCount) => buildParentPosterDefinition(data, fontSize, { size, ...plan }, onCount);
}

async function planParentPoster(data: ParentPosterData): Promise<{ plan: FitPlan | null; fitsAll: boolean }> {
  const known = fitPlans.get(data);
  if (known) return known;
  let result: { plan: FitPlan | null; fitsAll: boolean } = { plan: null, fitsAll: false };
  const fontSize = await findFittingFontSize(builderFor(data, 'A4', {}));
  if (fontSize !== null) {
    result = { plan: { fontSize }, fitsAll: true };
  } else {
    // Last resort: the largest number of most important entries that fits whole at the minimum
    // size. Start at the estimate, then search: `lo` fits (or is 0), `hi` does not.
    const min = POSTER_LIMITS.minFontSizePt;
    const all = listParentPosterEntries(data);
    const fits = async (shown: number) => (await measurePdfPages((onCount) => builderFor(data, 'A4', { shown })(min, onCount))) <= 1;
    let lo = 0;
    let hi = all.length;
    let guess = all.length - 1;
    while (guess > 1 && estimateColumnHeight(selectParentPosterEntries(all, guess), min) > A4_COLUMN_ROOM) guess -= 1;
    if (guess >= 1) {
      if (await fits(guess)) {
        lo = guess;
        if (guess + 1 < hi) {
          if (await fits(guess + 1)) lo = guess + 1;
          else hi = guess + 1;
        }
      } else {
        hi = guess;
      }
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (await fits(mid)) lo = mid;
      else hi = mid;
    }
    if (lo >= 1) result = { plan: { fontSize: min, shown: lo }, fitsAll: false };
  }
  fitPlans.set(data, result);
  return result;
}

export async function renderParentPosterPdf(data: ParentPosterData, options: { size: PosterSize } = { size: 'A4' }): Promise<Buffer> {
  const { plan } = await planParentPoster(data);
  if (plan) {
    const { fontSize, ...rest } = plan;
    const result = await renderAtSize(builderFor(data, options.size, rest), fontSize);
    if (result.pageCount === 1) return result.bytes;
    fitPlans.delete(data); // the data changed since the plan was made: plan again, once
    const again = (await planParentPoster(data)).plan;
    if (again) {
      const { fontSize: size, ...others } = again;
      const retry = await renderAtSize(builderFor(data, options.size, others), size);
      if (retry.pageCount === 1) return retry.bytes;
    }
  }
  throw new Error(`De ouderposter past niet op één pagina: er staan te veel onderwerpen op (${listParentPosterEntries(data).length}).`);
}

export interface PosterFitCheck {
  fits: boolean;
  /** Body font size (pt, A4) the poster will use, or null when it does not fit. */
  fontSize: number | null;
  /** Dutch message for the school when it does not fit. */
  message: string | null;
}

/**
 * The input side's yes/no question — does every entry fit whole on one A4 page at a size the poster may use? —
 * answered like `checkParentPosterFits` (which tries the largest size, then the smallest, then searches the
 * best size in between), but in one layout pass when it fits at the smallest size: the save path does not
 * need the best size, and each pass is tens of milliseconds of CPU on the event loop.
 */
export async function parentPosterFits(data: ParentPosterData): Promise<boolean> {
  const known = fitPlans.get(data);
  if (known) return known.fitsAll;
  const build = builderFor(data, 'A4', {});
  const fits = async (size: number) => (await measurePdfPages((onCount) => build(size, onCount))) <= 1;
  return (await fits(POSTER_LIMITS.minFontSizePt)) || (await fits(POSTER_LIMITS.maxFontSizePt));
}

/** For the input side: refuse parent texts that cannot fit on one page even at the minimum readable size. */
export async function checkParentPosterFits(data: ParentPosterData): Promise<PosterFitCheck> {
  const { plan, fitsAll } = await planParentPoster(data);
  if (plan && fitsAll) return { fits: true, fontSize: plan.fontSize, message: null };
  return { fits: false, fontSize: null, message: parentPosterTooFullMessage(data) };
}

/** The Dutch message for a poster that does not fit: names the longest editable texts. */
export function parentPosterTooFullMessage(data: ParentPosterData): string {
  const longest = listParentPosterEntries(data)
    .filter((e) => e.item.parentTextEditable)
    .sort((a, b) => b.text.length - a.text.length)
    .slice(0, 3)
    .map((e) => `"${e.title}"`);
  return (
    `De teksten voor de ouderposter passen niet op één pagina, ook niet met de kleinste leesbare letter (${POSTER_LIMITS.minFontSizePt} pt). ` +
    `Maak de teksten voor ouders korter${longest.length ? `, bijvoorbeeld bij ${longest.join(', ')}` : ''}.`
  );
}

const SVG_MARKS: Record<MarkKind, string> = {
  offered: '<path d="M7 12.5l3.2 3.2L17 8.5" />',
  'working-on': '<path d="M6.5 12h10M13 8l4 4-4 4" />',
  'not-yet': '<path d="M7 12h10" />',
  info: '<path d="M12 11v6M12 7.5v.5" />',
};

export function svgMark(kind: MarkKind): string {
  return `<svg class="mark" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="12" fill="${MARK_COLORS[kind].fg}"/><g fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round">${SVG_MARKS[kind]}</g></svg>`;
}

/** A standalone, accessible HTML page (inline CSS, no JavaScript) to embed on the school website. */
export function renderParentPosterHtml(data: ParentPosterData): string {
  const color = brandColor(data);
  const onColor = textColorOn(color);
  const logoUrl = logoDataUrl(data);
  const logo = fitLogo(data, 96, 64);
  const entries = listParentPosterEntries(data);
  const contact = firstContactSentence(data);
  const coordinator = supportCoordinatorOf(data);
  const point = data.branding.parentSupportPoint;
  const wording = resolveWording(data.template);
  const e = escapeHtml;
  const tagCss = (Object.keys(MARK_COLORS) as MarkKind[])
    .map((kind) => `.tag--${kind}{color:${MARK_COLORS[kind].fg};background:${MARK_COLORS[kind].bg}}`)
    .join('');

  const items = entries
    .map(
      (entry) => `      <li class="entry">
        ${svgMark(entry.mark)}
        <div>
          <h2>${e(entry.title)}</h2>
          <p>${e(entry.text)}</p>
          <p class="tag tag--${entry.mark}">${e(entry.tag)}</p>
        </div>
      </li>`,
    )
    .join('\n');

  const pointHtml = point
    ? `<p>Komt u er samen niet uit? <strong>${e(point.name)}</strong> helpt ouders en jongeren, gratis en onafhankelijk.${[
        point.phone ? ` Telefoon: <a href="tel:${e(point.phone.replace(/\s+/g, ''))}">${e(point.phone)}</a>.` : '',
        point.email ? ` E-mail: <a href="mailto:${e(point.email)}">${e(point.email)}</a>.` : '',
        point.website && /^https?:\/\//i.test(point.website) ? ` Website: <a href="${e(point.website)}">${e(point.website)}</a>.` : '',
      ].join('')}</p>`
    : '';

  return `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${e(wording.parentPosterTitle)} – ${e(data.school.name)} ${e(data.schoolYear)}</title>
  <style>
    ${htmlShellCss({ brand: color, onBrand: onColor, lineHeight: '1.5', maxWidth: '60rem', titleSize: '2rem' })}
    ${POSTER_PAGE_CSS}
    .legend{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;list-style:none;padding:0;margin:1rem 0}
    .legend li{display:flex;align-items:center;gap:.4rem}
    .legend .mark{width:20px;height:20px}
    .entries{list-style:none;padding:0;margin:0;columns:2 22rem;column-gap:2rem}
    .entry{display:flex;gap:.75rem;break-inside:avoid;margin:0 0 1rem}
    .mark{flex:none}
    .entry h2{font-size:1.1rem;margin:0}
    .entry p{margin:.2rem 0}
    .tag{display:inline-block;font-weight:700;font-size:.9rem;padding:.05rem .4rem;border-radius:.25rem}
    ${tagCss}
    .contact{border-left:.3rem solid var(--brand);background:#f3f6f8;padding:.75rem 1rem;margin:1rem 0}
    .contact h2{margin:0 0 .25rem;font-size:1.2rem;color:#1a1a1a}
  </style>
</head>
<body>
<main>
  <header>
    <div>
      <h1>${e(wording.parentPosterTitle)}</h1>
      <p>${e(data.school.name)} · schooljaar ${e(data.schoolYear)}</p>
    </div>
    ${logoUrl && logo ? `<img src="${logoUrl}" width="${logo.width}" height="${logo.height}" alt="Logo ${e(data.branding.partnershipName)}">` : ''}
  </header>
  <p>${e(wording.parentPosterIntro)}</p>
  <ul class="legend" aria-label="Uitleg van de tekens">
    <li>${svgMark('offered')}<span>${MARK_WORDS.offered}</span></li>
    <li>${svgMark('working-on')}<span>${MARK_WORDS['working-on']}</span></li>
    <li>${svgMark('not-yet')}<span>${MARK_WORDS['not-yet']}</span></li>${entries.some((e) => e.mark === 'info') ? `\n    <li>${svgMark('info')}<span>${MARK_WORDS.info}</span></li>` : ''}
  </ul>
  <ul class="entries">
${items}
  </ul>
  <section class="contact" aria-labelledby="vragen">
    <h2 id="vragen">Vragen? Wij denken graag met u mee.</h2>
    <p>${e(contact.first)}${contact.coordinator ? ` ${e(contact.coordinator)}${coordinator?.email ? `, <a href="mailto:${e(coordinator.email)}">${e(coordinator.email)}</a>` : ''}.` : ''}</p>
    ${pointHtml}
  </section>
  <footer><p>${e(data.branding.partnershipName)} · ${e(data.school.name)}${data.school.website ? ` · ${e(data.school.website)}` : ''}</p></footer>
</main>
</body>
</html>
`;
}
