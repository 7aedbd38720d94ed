import { execFileSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { describeAnswer } from '../../templates/model/answer.js';
import { itemSchema } from '../../templates/model/template.js';
import type { ProfileDocumentData } from '../document-data.js';
import {
  checkParentPosterFits,
  listParentPosterEntries,
  renderAllDocuments,
  renderParentPosterHtml,
  renderParentPosterPdf,
  renderSchoolGuideDocx,
  renderSchoolGuideHtml,
  renderSopDocx,
  renderSopPdf,
  OUTPUT_KINDS,
  renderTeacherPosterHtml,
  renderTeacherPosterPdf,
} from './index.js';
import { zipParts } from './docx-kit.js';
import { paragraphs } from './profile-view.js';
import { CHAPTER_HEADINGS } from './render-school-guide.js';
import { buildSchoolGuideChapter } from './school-guide-chapter.js';
import { shownParentPosterEntries } from './render-parent-poster.js';
import { listTeacherPosterEntries, teacherAmbitions, teacherSummary } from './render-teacher-poster.js';
import { markFor } from './poster-kit.js';
import { checkTemplatePosterFit } from '../check-template-poster-fit.js';
import { canUseWorkers, RenderPool } from './render-pool.js';
import { buildDocumentFixture, inlineTemplate, loadExampleTemplates, padTemplate } from './test-fixtures.js';

async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('');
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text };
}

/** PDF text extraction splits lines anywhere: compare without whitespace. */
const squash = (text: string) => text.replace(/\s+/g, '');

/** Every item with its answer in words; long texts (vision, …) as their paragraphs. */
function answeredRows(data: ProfileDocumentData) {
  return data.template.sections.flatMap((s) =>
    s.items.flatMap((item) => {
      const answer = describeAnswer(data.template, item, data.answers[item.key]?.value);
      return item.kind === 'longtext' ? paragraphs(answer).map((p) => ({ item, answer: p })) : [{ item, answer }];
    }),
  );
}

/** Limits and the council's advice: free texts the documents must carry whole. */
function freeTexts(data: ProfileDocumentData): string[] {
  return [...Object.values(data.limits).flatMap(paragraphs), ...paragraphs(data.councilAdvice?.text ?? '')];
}

const templates = [...loadExampleTemplates(), { name: 'inline', template: inlineTemplate() }];

describe.each(templates)('documents for $name', ({ template }) => {
  const data = buildDocumentFixture(template);

  it('SOP .docx holds every item title and answer, headings and a table of contents', async () => {
    const bytes = await renderSopDocx(data);
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    for (const { item, answer } of answeredRows(data)) {
      expect(value).toContain(item.title);
      expect(value).toContain(answer);
    }
    for (const text of freeTexts(data)) expect(value).toContain(text);
    expect(value).toContain('wat de school niet kan bieden');
    // Guidance for whoever fills in the form is not printed.
    for (const section of data.template.sections) if (section.intro) expect(value).not.toContain(section.intro);
    expect(value).toContain('vastgesteld door');
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    expect(html).toContain('<h1>');
    expect(html).toContain('<h2>');
    const parts = unzipSync(new Uint8Array(bytes));
    const xml = strFromU8(parts['word/document.xml']!);
    expect(xml).toContain('TOC \\o');
    // The table of contents is written out (entries linked to the headings), so Word does not ask to update fields.
    expect(xml).toMatch(/<w:hyperlink w:anchor="_Toc\d+"[^>]*><w:r><w:t xml:space="preserve">Schoolgegevens<\/w:t>/);
    expect(xml).toContain('<w:bookmarkStart w:id="1" w:name="_Toc00000001"/>');
    expect(strFromU8(parts['word/settings.xml']!)).not.toContain('updateFields');
    expect(value).toContain('F9');
    // Header and footer tabs at the right edge of the text (A4 11906 − 2 × 1150 twips).
    expect(strFromU8(parts['word/styles.xml']!)).toContain('<w:tab w:val="right" w:pos="9606"/>');
    expect(strFromU8(parts['word/header1.xml']!)).toContain(data.branding.partnershipName);
  });

  it('SOP PDF holds every answer, with page numbers', async () => {
    const { pages, text } = await pdfText(await renderSopPdf(data));
    const flat = squash(text);
    for (const { item, answer } of answeredRows(data)) {
      expect(flat).toContain(squash(item.title));
      expect(flat).toContain(squash(answer));
    }
    for (const free of freeTexts(data)) expect(flat).toContain(squash(free));
    for (const section of data.template.sections) if (section.intro) expect(flat).not.toContain(squash(section.intro));
    expect(flat).toContain(squash(`Pagina 2 van ${pages}`));
  });

  it('school guide .docx and HTML read as a school-guide chapter: plain sentences per promise, limits, whom to ask, 2–4 pages', async () => {
    const { value } = await mammoth.extractRawText({ buffer: await renderSchoolGuideDocx(data) });
    const html = renderSchoolGuideHtml(data);
    const htmlText = html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    const chapter = buildSchoolGuideChapter(data);
    expect(chapter.promises.length).toBe(data.template.sections.filter((s) => s.kind === 'promise').length);
    for (const text of [
      chapter.intro,
      ...chapter.promises.flatMap((p) => [p.heading, ...p.sentences]),
      ...chapter.limits,
      ...chapter.extraTexts,
      chapter.askFirst,
      chapter.adoption,
      // The pupils' voice has its heading only when the school recorded it (parent-outputs.test.ts covers that).
      ...Object.values(CHAPTER_HEADINGS).filter((h) => h !== CHAPTER_HEADINGS.parents && h !== CHAPTER_HEADINGS.ambitions && (h !== CHAPTER_HEADINGS.pupils || data.pupilVoice)),
    ]) {
      expect(value).toContain(text);
      expect(squash(htmlText)).toContain(squash(text));
    }
    // Every limit the school wrote reaches the chapter; the SWV's support point and the adoption date too.
    for (const text of freeTexts(data).filter((t) => !data.councilAdvice?.text.includes(t))) expect(value).toContain(text);
    expect(value).toContain('Ouder- en jeugdsteunpunt Voorbeeldstad');
    expect(value).toContain('24 november 2026');
    // Not a compliance table: no tables, no "Voldoet aan basisondersteuning" per row.
    expect(html).not.toMatch(/<table/i);
    expect(value).not.toContain('Voldoet aan basisondersteuning');
    // 2–4 pages at about 450 words a page (Calibri 10.5 pt with headings).
    const words = value.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThan(300);
    expect(words).toBeLessThan(1800);
    // A complete accessible page: one main, one h1; no script, no inline style attributes (the app's CSP blocks them).
    expect(html.match(/<main[\s>]/g)).toHaveLength(1);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).toContain(`--sop-brand: ${data.branding.primaryColor.toLowerCase()}`);
  });

  for (const longestTexts of [false, true]) {
    it(`parent poster is exactly one page on A4 and A3, with every shown entry whole (longest texts: ${longestTexts})`, async () => {
      const fixture = buildDocumentFixture(template, { longestTexts });
      const shown = await shownParentPosterEntries(fixture);
      const all = listParentPosterEntries(fixture);
      // What the school does not offer yet is never dropped before a descriptive entry.
      const shownKeys = shown.map((e) => e.item.key);
      const dropped = all.filter((e) => !shownKeys.includes(e.item.key));
      if (dropped.length) expect(Math.min(...dropped.map((e) => e.priority))).toBeGreaterThanOrEqual(Math.max(...shown.map((e) => e.priority)));
      for (const entry of all.filter((e) => e.mark === 'not-yet')) expect(shownKeys).toContain(entry.item.key);
      for (const size of ['A4', 'A3'] as const) {
        const { pages, text } = await pdfText(await renderParentPosterPdf(fixture, { size }));
        expect(pages).toBe(1);
        const flat = squash(text).replace(/\./g, '');
        for (const entry of shown) {
          expect(flat).toContain(squash(entry.title.normalize('NFC')).replace(/\./g, ''));
          expect(flat).toContain(squash(entry.text.normalize('NFC')).replace(/\./g, ''));
        }
        expect(flat).toContain('Ouder-enjeugdsteunpunt');
      }
    });
  }

  it('marks an answered item without a norm as information, never as "Dit bieden wij"', () => {
    const fixture = buildDocumentFixture(template);
    for (const entry of listParentPosterEntries(fixture)) {
      if (!entry.item.norm) expect(entry.mark).not.toBe('offered');
    }
    for (const entry of listTeacherPosterEntries(fixture)) {
      if (!entry.row.item.norm) expect(entry.mark).not.toBe('offered');
    }
  });

  it('teacher poster is exactly one page, never cuts a text, and says who to ask for what', async () => {
    const { pages, text } = await pdfText(await renderTeacherPosterPdf(buildDocumentFixture(template, { longestTexts: true })));
    expect(pages).toBe(1);
    expect(text).not.toContain('…');
    expect(text).not.toMatch(/Niet ingevuld\s*·?\s*Niet ingevuld/);
    expect(squash(text)).toContain('Wievraagjewat?');
    expect(squash(text)).toContain(squash('Extra ondersteuning en aanmelding: Fatima el Idrissi (intern begeleider)'));
  });

  it('teacher poster is a staff-room page: what we offer at which level, the norm once as a count, what we work on', async () => {
    const fixture = buildDocumentFixture(template);
    const { pages, text } = await pdfText(await renderTeacherPosterPdf(fixture));
    expect(pages).toBe(1);
    const flat = squash(text);
    expect(flat).not.toContain(squash('Voldoet aan basisondersteuning'));
    expect(flat).toContain(squash('Wat bieden wij, en op welk niveau?'));
    expect(flat).toContain(squash(teacherSummary(fixture)));
    const ambitions = teacherAmbitions(fixture);
    if (ambitions.length) {
      expect(flat).toContain('Hierwerkenwijaan');
      for (const line of ambitions) expect(flat).toContain(squash(line));
    }
  });

  it('teacher poster as an accessible web page: one main, one h1, headings in order, every entry, marks in words', () => {
    const fixture = buildDocumentFixture(template, { longestTexts: true });
    fixture.school.name = 'Basisschool "De <Regenboog>"';
    const page = renderTeacherPosterHtml(fixture);
    expect(page.match(/<main>/g)).toHaveLength(1);
    expect(page.match(/<h1>/g)).toHaveLength(1);
    expect(page).toMatch(/^<!doctype html>\n<html lang="nl">/);
    // Headings never skip a level (h1 → h2 → h3 → h4).
    let level = 0;
    for (const [, n] of page.matchAll(/<h([1-6])[ >]/g)) {
      expect(Number(n), 'heading level').toBeLessThanOrEqual(level + 1);
      level = Number(n);
    }
    // The school's name is escaped, not markup.
    expect(page).toContain('Basisschool &quot;De &lt;Regenboog&gt;&quot;');
    expect(page).not.toContain('<Regenboog>');
    // Every entry is there (the web page has room for all), each with its mark in words, not by colour alone.
    const entries = listTeacherPosterEntries(fixture);
    expect(entries.length).toBeGreaterThan(0);
    expect(page.match(/<li class="entry">/g)).toHaveLength(entries.length);
    expect(page.match(/class="mark-word /g)).toHaveLength(entries.length);
    expect(page).toContain('Wie vraag je wat?');
    expect(page).not.toContain('Voldoet aan basisondersteuning');
    if (teacherSummary(fixture)) expect(page).toContain(teacherSummary(fixture).replaceAll('"', '&quot;'));
  });
});

describe('posters: an option that means "not offered" (notOffered)', () => {
  const template = inlineTemplate();

  // An item without a norm, answered with an option of a scale; the template (not the code) says which option means "not offered".
  const withDescriptiveItem = (markNotOffered: boolean) => {
    const marked = structuredClone(template);
    for (const option of marked.scales.find((scale) => scale.key === 'niveau')!.options) {
      if (markNotOffered && option.value === 'niet') option.notOffered = true;
    }
    const promise = marked.sections.find((section) => section.kind === 'promise')!;
    promise.items.unshift(
      itemSchema.parse({ key: 'aanbod-zonder-norm', kind: 'availability', title: 'Aanbod zonder norm', scale: 'niveau', parentText: 'Een aanbod dat het SWV beschrijft zonder norm.', posters: { parent: true, teacher: true } }),
    );
    return marked;
  };
  const entriesFor = (marked: typeof template, value: string) => {
    const data = buildDocumentFixture(marked);
    data.answers['aanbod-zonder-norm'] = { value, ambition: null, parentText: null };
    return {
      parent: listParentPosterEntries(data).find((e) => e.item.key === 'aanbod-zonder-norm')!,
      teacher: listTeacherPosterEntries(data).find((e) => e.row.item.key === 'aanbod-zonder-norm')!,
      data,
    };
  };

  it('gives an item without a norm answered with a notOffered option the not-yet mark on both posters', () => {
    const { parent, teacher, data } = entriesFor(withDescriptiveItem(true), 'niet');
    expect(parent.mark).toBe('not-yet');
    expect(parent.tag).toBe('Nog niet op onze school');
    expect(teacher.mark).toBe('not-yet');
    expect(parent.priority).toBe(0); // never dropped before descriptive entries
    expect(renderParentPosterHtml(data)).toMatch(/<h2>Aanbod zonder norm<\/h2>\s*<p>[^<]*<\/p>\s*<p class="tag tag--not-yet">Nog niet op onze school<\/p>/);
  });

  it('keeps the info mark for a normal option, and for the same option when the template does not mark it', () => {
    const normal = entriesFor(withDescriptiveItem(true), 'wijk');
    expect(normal.parent.mark).toBe('info');
    expect(normal.parent.tag).toBe('Goed om te weten · In de wijk');
    expect(normal.teacher.mark).toBe('info');
    const unmarked = entriesFor(withDescriptiveItem(false), 'niet');
    expect(unmarked.parent.mark).toBe('info');
    expect(unmarked.teacher.mark).toBe('info');
  });

  it('keeps "working on" for an ambition, and the norm rule for items with a norm', () => {
    expect(markFor('ambition', 'niet', { notOffered: true })).toBe('working-on');
    expect(markFor('below', 'niet', { notOffered: true })).toBe('not-yet');
    expect(markFor('meets', 'school', {})).toBe('offered');
    expect(markFor('no-norm', 'niet', { notOffered: true })).toBe('not-yet');
    expect(markFor('no-norm', 'wijk', {})).toBe('info');
    expect(markFor('no-norm', null, { notOffered: true })).toBe('info'); // unanswered: nothing chosen yet
    // Yes/no items keep their rule: "Nee" without a norm is not-yet, "Ja" is information.
    expect(markFor('no-norm', false)).toBe('not-yet');
    expect(markFor('no-norm', true)).toBe('info');
  });
});

describe('safety and limits', () => {
  const template = inlineTemplate();

  it('escapes school texts in the HTML outputs', () => {
    const data = buildDocumentFixture(template);
    const evil = '<script>alert("x")</script>';
    data.school.name = `De Regenboog ${evil}`;
    data.limits.__overall = evil;
    const editable = template.sections.flatMap((s) => s.items).find((i) => i.parentTextEditable && i.posters.parent);
    if (editable) data.answers[editable.key] = { ...data.answers[editable.key]!, parentText: evil };
    for (const html of [renderSchoolGuideHtml(data), renderParentPosterHtml(data)]) {
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;script&gt;');
    }
  });

  it('parent poster HTML is a standalone page without JavaScript', () => {
    const html = renderParentPosterHtml(buildDocumentFixture(template));
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
    expect(html).toContain('aria-hidden="true"');
  });

  it('checkParentPosterFits accepts normal texts and refuses far too many, in Dutch', async () => {
    const data = buildDocumentFixture(template, { longestTexts: true });
    expect((await checkParentPosterFits(data)).fits).toBe(true);
    const crowded = structuredClone(data);
    const section = crowded.template.sections[1]!;
    for (let i = 0; i < 20; i++) {
      const item = { ...section.items[0]!, key: `extra-${i}`, parentText: 'x '.repeat(290).trim() };
      section.items.push(item);
      crowded.answers[item.key] = { value: 'school', ambition: null, parentText: 'Lange tekst '.repeat(50).slice(0, 600) };
    }
    const check = await checkParentPosterFits(crowded);
    expect(check.fits).toBe(false);
    expect(check.message).toContain('passen niet op één pagina');
    // …and the poster itself still comes out as one page (the most important entries, whole, as a last resort).
    expect((await pdfText(await renderParentPosterPdf(crowded, { size: 'A4' }))).pages).toBe(1);
  });

  it('a crowded parent poster shows the most important entries whole, never cut, and says where the rest is', async () => {
    // Zoetermeer's example with its first promises repeated: far more poster entries than one A4 page holds at 8 pt.
    const zoetermeer = loadExampleTemplates().find((t) => t.name.includes('zoetermeer'))!;
    const itemCount = zoetermeer.template.sections.reduce((n, s) => n + s.items.length, 0);
    const data = buildDocumentFixture(padTemplate(zoetermeer.template, itemCount + 40, { posters: 'copy' }));
    expect(listParentPosterEntries(data).length).toBeGreaterThan(30);
    for (const size of ['A4', 'A3'] as const) {
      const { pages, text } = await pdfText(await renderParentPosterPdf(data, { size }));
      expect(pages).toBe(1);
      expect(text).not.toContain('…');
      expect(squash(text)).toContain('Meeroveronzeondersteuning:www.deregenboog-voorbeeldstad.nl');
      const flat = squash(text).replace(/\./g, '');
      const entries = listParentPosterEntries(data);
      // Parent headlines are short and plain ("Wij werken samen met u"), so they also occur inside other
      // texts: take the entries the renderer shows, and check each is printed whole.
      const shown = await shownParentPosterEntries(data);
      for (const entry of shown) {
        expect(flat).toContain(squash(entry.title.normalize('NFC')).replace(/\./g, ''));
        expect(flat).toContain(squash(entry.text.normalize('NFC')).replace(/\./g, ''));
      }
      expect(shown.length).toBeGreaterThanOrEqual(12);
      // The entries left off are never more important than one shown (what the school offers against the norm first).
      const dropped = entries.filter((e) => !shown.includes(e));
      expect(dropped.length).toBeGreaterThan(0);
      const leastImportantShown = Math.max(...shown.map((e) => e.priority));
      expect(dropped.filter((e) => e.priority < leastImportantShown).map((e) => e.title)).toEqual([]);
    }
  });

  it('checkTemplatePosterFit accepts a template whose longest parent texts fit, and explains in Dutch when they do not', async () => {
    const eem = loadExampleTemplates().find((t) => t.name.includes('de-eem'))!;
    expect((await checkTemplatePosterFit(eem.template)).fits).toBe(true);
    const crowded = padTemplate(eem.template, 120, { posters: 'copy' });
    const verdict = await checkTemplatePosterFit(crowded);
    expect(verdict.fits).toBe(false);
    if (!verdict.fits) expect(verdict.message).toContain('past niet op één A4-pagina');
  });

  it('zipParts writes a ZIP that unzips to the same parts (the .docx container)', () => {
    const parts = new Map<string, string | Uint8Array>([
      ['[Content_Types].xml', '<Types/>'],
      ['word/document.xml', '<w:document>één</w:document>'.repeat(100)],
      ['word/media/image1.png', new Uint8Array([137, 80, 78, 71, 0, 1, 2])],
    ]);
    const files = unzipSync(new Uint8Array(zipParts(parts)));
    expect(Object.keys(files)).toEqual([...parts.keys()]);
    expect(strFromU8(files['word/document.xml']!)).toBe(parts.get('word/document.xml'));
    expect([...files['word/media/image1.png']!]).toEqual([137, 80, 78, 71, 0, 1, 2]);
  });

  it('the render pool renders in this thread under vitest, with the same files in the same order', async () => {
    expect(canUseWorkers()).toBe(false);
    const pool = new RenderPool();
    const data = buildDocumentFixture(template);
    const [pooled, direct] = await Promise.all([pool.render(data), renderAllDocuments(data)]);
    expect(pooled.map((d) => d.fileName)).toEqual(direct.map((d) => d.fileName));
    await pool.close();
  });

  it('renderAllDocuments names the files after year, location and school', async () => {
    const docs = await renderAllDocuments(buildDocumentFixture(template));
    expect(docs.map((d) => d.fileName)).toContain('SOP-2026-2027-12AB00-de-regenboog.pdf');
    expect(docs.map((d) => d.fileName)).toContain('SOP-2026-2027-12AB00-de-regenboog.docx');
    expect(docs.map((d) => d.fileName)).toContain('SOP-2026-2027-12AB00-de-regenboog.html');
    expect(docs).toHaveLength(OUTPUT_KINDS.length);
    expect(docs.map((d) => d.fileName)).toContain('Lerarenposter-2026-2027-12AB00-de-regenboog.html');
    if (process.env.RENDER_PNG !== '0' && existsSync('/usr/bin/pdftoppm')) {
      // Visual check: first pages as PNG under test-results/ (gitignored) to look at.
      mkdirSync('test-results/documents', { recursive: true });
      for (const doc of docs.filter((d) => d.fileName.endsWith('.pdf'))) {
        const pdf = `test-results/documents/${doc.fileName}`;
        writeFileSync(pdf, doc.bytes);
        execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', '1', '-l', '1', pdf, pdf.replace(/\.pdf$/, '')]);
      }
    }
  });
});

describe('parent poster: whom to ask', () => {
  it('names only a contact the school chose to show to parents', () => {
    const data = buildDocumentFixture(inlineTemplate());
    expect(renderParentPosterHtml(data)).toContain('f.elidrissi@deregenboog-voorbeeldstad.nl');
    data.school.contacts = data.school.contacts!.map((contact) => ({ ...contact, showToParents: false }));
    const html = renderParentPosterHtml(data);
    expect(html).not.toContain('Fatima el Idrissi');
    expect(html).not.toContain('@deregenboog-voorbeeldstad.nl');
  });
});
