/**
 * The school-guide (schoolgids) chapter, written for parents (B1, about 2–4 pages): basic support
 * in plain sentences per promise, extra support, limits, ambitions, whom to ask, the SWV's parent
 * and youth support point and the adoption date (school-guide-chapter.ts builds the words). By law
 * (Kamerstuk 36443) these move into the school guide, set every year — see docs/domain.md
 * "Facts that shape the design".
 * - HTML: a fragment for a school's website (classes only, no inline style attributes, its own
 *   small <style> block with the SWV colour as a CSS custom property) and a stand-alone page;
 * - .docx to paste into the school guide (WordprocessingML written directly, wordml.ts).
 */
import type { ProfileDocumentData } from '../document-data.js';
import { unansweredRoleText } from './parent-texts.js';
import { brandColor, brandHex, escapeHtml, logoDataUrl, textColorOn, tint } from './profile-view.js';
import { buildSchoolGuideChapter, CHAPTER_TITLE, type SchoolGuideChapter } from './school-guide-chapter.js';
import { resolveWording } from '../../templates/model/wording.js';
import { bullet, packWordDocument, plain, WordBody } from './wordml.js';

export { CHAPTER_TITLE } from './school-guide-chapter.js';

/** The headings of the chapter's parts, the same in the .docx and the HTML. */
export const CHAPTER_HEADINGS = {
  basic: 'Basisondersteuning: dit bieden wij elk kind',
  extra: 'Extra ondersteuning',
  parents: 'Samen met ouders',
  limits: 'Wat kunnen wij (nog) niet bieden?',
  ambitions: 'Hier werken wij aan',
  pupils: 'Wat onze leerlingen ervan vinden',
  ask: 'Met wie kunt u praten?',
} as const;

const NO_EXTRA = 'De school beschrijft geen extra ondersteuning naast de basisondersteuning.';

function limitsOrHonestSentence(data: ProfileDocumentData, chapter: SchoolGuideChapter): string[] {
  return chapter.limits.length > 0 ? chapter.limits : [unansweredRoleText('limits', resolveWording(data.template))];
}

/** CSS for the chapter, scoped to its class; the SWV colour is the custom property --sop-brand. */
export function schoolGuideCss(data: ProfileDocumentData): string {
  const color = brandColor(data);
  return `.sop-school-guide { --sop-brand: ${color}; --sop-brand-text: ${textColorOn(color)}; --sop-brand-light: ${tint(color, 0.9)}; font-family: system-ui, sans-serif; font-size: 1.0625rem; line-height: 1.6; color: #1a1a1a; max-width: 44rem; }
.sop-school-guide .sop-brand { display: flex; align-items: center; gap: 0.75rem; border-bottom: 3px solid var(--sop-brand); padding-bottom: 0.5rem; color: #555; }
.sop-school-guide .sop-brand img { max-height: 3rem; width: auto; }
.sop-school-guide h1, .sop-school-guide h2 { color: #1a1a1a; line-height: 1.25; }
.sop-school-guide h3, .sop-school-guide h4 { line-height: 1.3; margin-bottom: 0.25rem; }
.sop-school-guide .sop-promise { margin: 0 0 0.5rem; padding: 0.25rem 0.75rem; border-left: 4px solid var(--sop-brand); background: var(--sop-brand-light); }
.sop-school-guide .sop-summary { color: #444; }
.sop-school-guide .sop-adoption { color: #444; font-size: 0.9375rem; }
.sop-school-guide a { color: #0b4f8a; }`;
}

/**
 * The chapter as an <article> with classes only (no inline styles, no JavaScript). `level` is the
 * heading level of the chapter title: 1 on its own page, 2 (default) inside a school's website.
 */
export function renderSchoolGuideArticle(data: ProfileDocumentData, options: { level?: 1 | 2 } = {}): string {
  const chapter = buildSchoolGuideChapter(data);
  const top = options.level ?? 2;
  const h = (offset: number, text: string) => `<h${top + offset}>${escapeHtml(text)}</h${top + offset}>`;
  const e = escapeHtml;
  const ps = (texts: string[]) => texts.map((t) => `<p>${e(t)}</p>`).join('\n');
  const list = (texts: string[]) => (texts.length ? `<ul>\n${texts.map((t) => `  <li>${e(t)}</li>`).join('\n')}\n</ul>` : '');
  const part = (title: string, content: string) => `<section class="sop-part">\n${h(1, title)}\n${content}\n</section>`;
  const promises = chapter.promises
    .map(
      (p) => `${h(2, p.heading)}
${p.promise ? `<p class="sop-promise">${e(p.promise)}</p>\n` : ''}${list(p.sentences)}
${p.summary ? `<p class="sop-summary">${e(p.summary)}</p>` : ''}`,
    )
    .join('\n');
  const extra =
    chapter.extraTexts.length || chapter.extraOffered.length
      ? `${ps(chapter.extraTexts)}${chapter.extraOffered.length ? `\n<p>Wij bieden ook:</p>\n${list(chapter.extraOffered)}` : ''}`
      : `<p>${NO_EXTRA}</p>`;
  const logo = logoDataUrl(data);
  const parts = [
    part(CHAPTER_HEADINGS.basic, promises),
    part(CHAPTER_HEADINGS.extra, extra),
    chapter.parentTexts.length ? part(CHAPTER_HEADINGS.parents, ps(chapter.parentTexts)) : '',
    part(CHAPTER_HEADINGS.limits, ps(limitsOrHonestSentence(data, chapter))),
    chapter.ambitions.length || chapter.ambitionTexts.length ? part(CHAPTER_HEADINGS.ambitions, `${list(chapter.ambitions)}\n${ps(chapter.ambitionTexts)}`) : '',
    chapter.pupilVoice ? part(CHAPTER_HEADINGS.pupils, `<p>${e(chapter.pupilVoice)}</p>`) : '',
    part(CHAPTER_HEADINGS.ask, `<p>${e(chapter.askFirst)}</p>\n${list(chapter.contacts)}${chapter.supportPoint ? `\n<p>${e(chapter.supportPoint)}</p>` : ''}`),
  ].filter(Boolean);
  return `<article class="sop-school-guide" lang="nl">
<p class="sop-brand">${logo ? `<img src="${logo}" alt="Logo ${e(data.branding.partnershipName)}">` : ''}<span>${e(data.branding.partnershipName)} · ${e(data.school.name)}</span></p>
${h(0, chapter.title)}
<p>${e(chapter.intro)}</p>
${parts.join('\n')}
<p class="sop-adoption">${e(chapter.adoption)}</p>
</article>
`;
}

/** The fragment a school pastes into its website: a scoped <style> block and the article. */
export function renderSchoolGuideFragment(data: ProfileDocumentData): string {
  return `<style>\n${schoolGuideCss(data)}\n</style>\n${renderSchoolGuideArticle(data)}`;
}

/** The chapter as a complete accessible page: one main, one h1, no JavaScript, no inline style attributes. */
export function renderSchoolGuideHtml(data: ProfileDocumentData): string {
  return `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(`${CHAPTER_TITLE} · ${data.school.name} · ${data.schoolYear}`)}</title>
  <style>
body { margin: 2rem auto; padding: 0 1rem; max-width: 46rem; }
${schoolGuideCss(data)}
  </style>
</head>
<body>
<main>
${renderSchoolGuideArticle(data, { level: 1 })}</main>
</body>
</html>
`;
}

export async function renderSchoolGuideDocx(data: ProfileDocumentData): Promise<Buffer> {
  const chapter = buildSchoolGuideChapter(data);
  const brand = brandHex(data);
  const doc = new WordBody();
  const ps = (texts: string[]) => {
    for (const t of texts) doc.add(plain(t));
  };
  const list = (texts: string[]) => {
    for (const t of texts) doc.add(bullet(t));
  };
  // Chapter = Heading 1, its parts = Heading 2, each promise = Heading 3 (as in the HTML page: h1, h2, h3).
  doc.heading(1, chapter.title).add(plain(chapter.intro));
  doc.heading(2, CHAPTER_HEADINGS.basic);
  for (const p of chapter.promises) {
    doc.heading(3, p.heading);
    if (p.promise) doc.add(plain(p.promise, { style: 'Promise' }));
    list(p.sentences);
    if (p.summary) doc.add(plain(p.summary));
  }
  doc.heading(2, CHAPTER_HEADINGS.extra);
  if (chapter.extraTexts.length || chapter.extraOffered.length) {
    ps(chapter.extraTexts);
    if (chapter.extraOffered.length) {
      doc.add(plain('Wij bieden ook:'));
      list(chapter.extraOffered);
    }
  } else doc.add(plain(NO_EXTRA));
  if (chapter.parentTexts.length) {
    doc.heading(2, CHAPTER_HEADINGS.parents);
    ps(chapter.parentTexts);
  }
  doc.heading(2, CHAPTER_HEADINGS.limits);
  ps(limitsOrHonestSentence(data, chapter));
  if (chapter.ambitions.length || chapter.ambitionTexts.length) {
    doc.heading(2, CHAPTER_HEADINGS.ambitions);
    list(chapter.ambitions);
    ps(chapter.ambitionTexts);
  }
  if (chapter.pupilVoice) {
    doc.heading(2, CHAPTER_HEADINGS.pupils);
    doc.add(plain(chapter.pupilVoice));
  }
  doc.heading(2, CHAPTER_HEADINGS.ask);
  doc.add(plain(chapter.askFirst));
  list(chapter.contacts);
  if (chapter.supportPoint) doc.add(plain(chapter.supportPoint));
  doc.add(plain(chapter.adoption, { style: 'Muted' }));
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
