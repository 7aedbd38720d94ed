/**
 * Every .docx we generate (every Word kind in the output registry: the SOP and the school-guide chapter), for every
 * example template and the inline one, normal and with every text at its maximum length, is opened by an independent
 * reader: LibreOffice converts it to PDF (test/support/libreoffice.ts), and every XML part must be well-formed to a
 * strict parser (saxes; LibreOffice skips a broken docProps part, Word does not). The PDF must have pages, the logo
 * on every page, show the school's name, a heading and an answer, and hold every word of the document whole — a word missing or cut in two means
 * LibreOffice dropped content or a table column is too narrow for it. mammoth, used by the other document tests,
 * forgives what Word refuses; test/docx-order.test.ts checks Word's element order.
 *
 * No soffice on the machine is a failure naming the Debian package, not a skip: CI must run this.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAPTER_HEADINGS } from '../src/features/documents/render/render-school-guide.js';
import { buildSchoolGuideChapter } from '../src/features/documents/render/school-guide-chapter.js';
import { DOCUMENT_MIME_TYPES, OUTPUT_KINDS, outputSpec, type OutputKind } from '../src/features/documents/render/index.js';
import { SECTION_HEADINGS } from '../src/features/documents/render/profile-view.js';
import { buildDocumentFixture, inlineTemplate, loadExampleTemplates } from '../src/features/documents/render/test-fixtures.js';
import type { ProfileDocumentData } from '../src/features/documents/document-data.js';
import { convertToPdf, docxText, malformedParts, missingTools, missingWords, pdfLayoutText, pdfPageCount, pdfPagesWithImages, pdfPlainText, words, type Conversion } from './support/libreoffice.js';

const WORD_KINDS = OUTPUT_KINDS.filter((kind) => outputSpec(kind).mimeType === DOCUMENT_MIME_TYPES.docx);

interface Case {
  name: string;
  kind: OutputKind;
  data: ProfileDocumentData;
  bytes: Uint8Array;
}

/** The first sentence of the first free-text answer (the SOP prints answers in full). */
function firstTextAnswer(data: ProfileDocumentData): string {
  for (const section of data.template.sections)
    for (const item of section.items) {
      const value = data.answers[item.key]?.value;
      if ((item.kind === 'longtext' || item.kind === 'text') && typeof value === 'string' && value) return value.split(/(?<=\.)\s/)[0]!;
    }
  throw new Error('the fixture has no text answer');
}

/** Texts that must be in the PDF: the school's name, a heading and an answer (in the words this kind prints it). */
function keyTexts(kind: OutputKind, data: ProfileDocumentData): string[] {
  if (kind === 'sop-docx') return [data.school.name, SECTION_HEADINGS.promise, firstTextAnswer(data)];
  if (kind === 'schoolgids-docx') {
    const sentence = buildSchoolGuideChapter(data).promises.flatMap((p) => p.sentences)[0];
    if (!sentence) throw new Error('the school-guide chapter has no sentence built from an answer');
    return [data.school.name, CHAPTER_HEADINGS.basic, sentence];
  }
  throw new Error(`no key texts for ${kind}: add them here`);
}

/** A copy of a .docx with one part changed. */
function withPart(bytes: Uint8Array, part: string, change: (xml: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  const before = strFromU8(parts[part]!);
  const after = change(before);
  if (after === before) throw new Error(`the change to ${part} changed nothing`);
  parts[part] = strToU8(after);
  return zipSync(parts);
}

const withDocumentXml = (bytes: Uint8Array, change: (xml: string) => string) => withPart(bytes, 'word/document.xml', change);

/** The SOP with its header pointing to a picture that is not in the file. */
const LOST_LOGO = 'logo-kwijt';

/** Documents that are broken on purpose: LibreOffice must refuse them (the check can fail). */
function brokenDocuments(good: Uint8Array): Array<{ name: string; bytes: Uint8Array }> {
  return [
    // The first paragraph is never closed.
    { name: 'kapot-open-alinea', bytes: withDocumentXml(good, (xml) => xml.replace('</w:p>', '')) },
    // The last table is never closed.
    { name: 'kapot-open-tabel', bytes: withDocumentXml(good, (xml) => xml.slice(0, xml.lastIndexOf('</w:tbl>')) + xml.slice(xml.lastIndexOf('</w:tbl>') + '</w:tbl>'.length)) },
  ];
}

/**
 * A profile at the edges: still being filled in (half the items unanswered), no logo, contacts, support point,
 * advice or adoption; XML's special characters, an emoji, a tab and a control character in the texts; a long web
 * address as an answer; the diversity-index context and the pupils' voice.
 */
function edgeCaseFixture(): ProfileDocumentData {
  const data = buildDocumentFixture(inlineTemplate());
  const keys = Object.keys(data.answers);
  const answers = Object.fromEntries(keys.filter((_, i) => i % 2 === 0).map((key) => [key, data.answers[key]!]));
  const visie = answers.visie;
  if (visie)
    answers.visie = {
      ...visie,
      value: 'Wij werken "samen" & <open> met ouders 👍.\tZie https://www.voorbeeldstad.nl/onderwijs/passend-onderwijs/ondersteuningsprofiel-2026-2027 voor meer.\u0007',
    };
  return {
    ...data,
    branding: { partnershipName: 'SWV "Passend" & Co <po>', primaryColor: '#7a1f5c' },
    school: { name: 'OBS "De Kleine Prins" & Co', locationCode: '99ZZ01', boardName: 'Stichting <Noord> & Zuid' },
    answers,
    status: 'in_progress',
    councilAdvice: undefined,
    adoption: undefined,
    submittedAt: undefined,
    limitsContext: { title: 'Groepsgrootte en ondersteuning', text: 'Gemiddeld 27 leerlingen per groep; de verscheidenheidsindex van de school is 1,18.' },
    pupilVoice: { methods: ['pupil_council', 'poll'], consultedOn: '2026-10-05', followUp: 'De leerlingenraad denkt mee over de pauzes.' },
  };
}

const templates = [...loadExampleTemplates(), { name: 'inline', template: inlineTemplate() }];
const fixtures = [
  ...templates.flatMap(({ name, template }) => {
    const base = name.replace(/^.*\//, '').replace(/\.yaml$/, '');
    return [
      { label: base, data: buildDocumentFixture(template) },
      { label: `${base}-langste-teksten`, data: buildDocumentFixture(template, { longestTexts: true }) },
    ];
  }),
  { label: 'randgevallen', data: edgeCaseFixture() },
];
const cases: Case[] = fixtures.flatMap(({ label, data }) => WORD_KINDS.map((kind) => ({ name: `${kind}-${label}`, kind, data, bytes: new Uint8Array() })));

describe('every generated .docx opened by LibreOffice', () => {
  let conversion: Conversion | undefined;
  let broken: Array<{ name: string; bytes: Uint8Array }> = [];
  const missing = missingTools();

  const notRun = `soffice did not run: ${missing.join('; ')}`;

  beforeAll(async () => {
    for (const c of cases) c.bytes = new Uint8Array(await outputSpec(c.kind).render(c.data));
    broken = brokenDocuments(cases[0]!.bytes);
    const lostLogo = { name: LOST_LOGO, bytes: withPart(cases[0]!.bytes, 'word/_rels/header1.xml.rels', (xml) => xml.replace(/Target="media\/logo\.\w+"/, 'Target="media/ontbreekt.png"')) };
    if (missing.length === 0) conversion = await convertToPdf([...cases, ...broken, lostLogo], { timeoutMs: 55_000 });
  }, 60_000);
  afterAll(() => conversion?.cleanUp());

  it('has LibreOffice, poppler and a font with Calibri’s metrics on this machine', () => {
    expect(missing, `The .docx check needs (Debian packages):\n${missing.join('\n')}`).toEqual([]);
  });

  it('covers every Word kind in the output registry', () => {
    expect(WORD_KINDS).toEqual(['sop-docx', 'schoolgids-docx']);
  });

  it('refuses a document whose XML is not well-formed (the check can fail)', () => {
    expect(conversion, notRun).toBeDefined();
    for (const { name } of broken) expect(conversion!.pdfs.get(name), `${name} was converted:\n${conversion!.log}`).toBeNull();
  });

  it('sees a logo that went missing (the check can fail)', () => {
    expect(conversion, notRun).toBeDefined();
    const pdf = conversion!.pdfs.get(LOST_LOGO);
    expect(pdf, `${LOST_LOGO} was not converted:\n${conversion!.log}`).toBeTruthy();
    // Only the title page's logo is left; the header points to a picture that is not in the file.
    expect(pdfPagesWithImages(pdf!)).toEqual([1]);
  });

  it('finds a part that is not well-formed XML, also where LibreOffice does not look (the check can fail)', () => {
    const good = cases[0]!.bytes;
    expect(malformedParts(good)).toEqual({});
    expect(Object.keys(malformedParts(brokenDocuments(good)[0]!.bytes))).toEqual(['word/document.xml']);
    const parts = unzipSync(good);
    parts['docProps/app.xml'] = strToU8(strFromU8(parts['docProps/app.xml']!).replace('</Application>', ''));
    expect(Object.keys(malformedParts(zipSync(parts)))).toEqual(['docProps/app.xml']);
  });

  it('reports a word that is lost or cut in two (the check can fail)', () => {
    expect(missingWords('Voldoet aan basisondersteuning', 'Voldoet aan basisondersteunin g')).toEqual(['basisondersteuning 0/1']);
    expect(missingWords('Belofte 1 Belofte 2', 'Belofte 1 2')).toEqual(['Belofte 1/2']);
    expect(missingWords('CBS-indicator 2027-2028', 'CBS-\nindicator 2027-\n2028 Pagina 3')).toEqual([]);
  });

  for (const c of cases) {
    it(`${c.name}: well-formed, converts to a PDF with pages, the key texts and every word whole`, () => {
      expect(malformedParts(c.bytes), 'parts that are not well-formed XML').toEqual({});
      expect(conversion, notRun).toBeDefined();
      const pdf = conversion!.pdfs.get(c.name);
      expect(pdf, `LibreOffice could not open ${c.name}.docx:\n${conversion!.log}`).toBeTruthy();
      const pages = pdfPageCount(pdf!);
      expect(pages).toBeGreaterThanOrEqual(1);
      // The SWV's logo on every page (the header; the SOP's title page has it large), or on none without a logo.
      expect(pdfPagesWithImages(pdf!), 'pages showing the logo').toEqual(c.data.branding.logo ? Array.from({ length: pages }, (_, i) => i + 1) : []);
      const plain = words(pdfPlainText(pdf!)).join(' ');
      for (const text of keyTexts(c.kind, c.data)) expect(plain, `"${text}" is not in the PDF`).toContain(words(text).join(' '));
      expect(missingWords(docxText(c.bytes), pdfLayoutText(pdf!)), 'words of the .docx missing or cut in two in the PDF').toEqual([]);
    });
  }
});
