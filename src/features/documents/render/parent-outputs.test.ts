/**
 * Issue 10, "Parent poster and school-guide chapter: honest and readable": a parent reads the
 * school's own words (limits, extra support, working with parents), plain headlines, ambitions as
 * ambitions, and the sector's words — never a placeholder in place of an answer.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { templateSchema, type TemplateDefinition } from '../../templates/model/template.js';
import type { ProfileDocumentData } from '../document-data.js';
import { parentTextOf, shortenAtSentence } from './parent-texts.js';
import { buildProfileView } from './profile-view.js';
import { ambitionTag, listParentPosterEntries, renderParentPosterHtml } from './render-parent-poster.js';
import { renderSchoolGuideDocx, renderSchoolGuideHtml } from './render-school-guide.js';
import { buildSchoolGuideChapter } from './school-guide-chapter.js';
import { buildDocumentFixture, loadExampleTemplates } from './test-fixtures.js';

const PLACEHOLDERS = ['Dit bieden wij extra.', 'Dit kunnen wij (nog) niet bieden.'];

const LIMITS_TEXT =
  'Een kind dat de hele dag één-op-één begeleiding nodig heeft, kunnen wij die hulp niet bieden. Ook verpleegkundige handelingen, zoals sondevoeding, kunnen wij niet zelf doen. Ons gebouw heeft geen lift, dus de lokalen boven zijn niet bereikbaar met een rolstoel. Past onze school niet bij wat uw kind nodig heeft? Dan zoeken wij samen met u een school die wel past.';
const EXTRA_TEXT =
  'Twee keer per week werkt een onderwijsassistent met kleine groepjes aan lezen en rekenen. Kinderen die snel leren, gaan één ochtend per week naar de plusklas.';

function eem(): TemplateDefinition {
  const found = loadExampleTemplates().find((t) => t.name.includes('de-eem'));
  if (!found) throw new Error('templates/examples/de-eem-po.yaml ontbreekt');
  return found.template;
}

/** The de Eem example with the school's own limits and extra support written as a school writes them. */
function eemWithOwnTexts(): ProfileDocumentData {
  const data = buildDocumentFixture(eem());
  const answers = { ...data.answers };
  answers.grenzen = { value: LIMITS_TEXT, ambition: null, parentText: null };
  answers['extra-beschrijving'] = { value: EXTRA_TEXT, ambition: null, parentText: null };
  return { ...data, answers };
}

describe('shortenAtSentence', () => {
  it('keeps a text that fits, joined into one paragraph', () => {
    expect(shortenAtSentence('Eerste zin.\n\nTweede zin.', 100)).toBe('Eerste zin. Tweede zin.');
  });

  it('cuts after the last whole sentence that fits', () => {
    const text = 'Wij hebben geen lift. Verpleegkundige handelingen doen wij niet zelf. Een derde zin die niet meer past.';
    expect(shortenAtSentence(text, 75)).toBe('Wij hebben geen lift. Verpleegkundige handelingen doen wij niet zelf.');
  });

  it('cuts a first sentence that is too long after a whole word, with an ellipsis, never inside a word', () => {
    const text = 'Schoolondersteuningsteamoverleg vindt plaats met alle betrokkenen en ouders rond de leerling elke zes weken';
    const short = shortenAtSentence(text, 50);
    expect(short.length).toBeLessThanOrEqual(50);
    expect(short.endsWith('…')).toBe(true);
    expect(text.startsWith(short.slice(0, -1))).toBe(true);
    expect(text[short.length - 1]).toBe(' ');
  });
});

describe('parent poster: the school own words', () => {
  it('shows the school limits and extra support from the items with those roles, with parent headlines, and no placeholder', () => {
    const data = eemWithOwnTexts();
    const entries = listParentPosterEntries(data);
    const limits = entries.find((e) => e.item.key === 'grenzen');
    const extra = entries.find((e) => e.item.key === 'extra-beschrijving');
    expect(limits?.title).toBe('Wat kunnen wij (nog) niet bieden?');
    expect(limits?.text).toBe('Een kind dat de hele dag één-op-één begeleiding nodig heeft, kunnen wij die hulp niet bieden. Ook verpleegkundige handelingen, zoals sondevoeding, kunnen wij niet zelf doen.');
    expect(limits?.mark).toBe('not-yet');
    expect(extra?.text).toBe(EXTRA_TEXT);
    for (const entry of entries) {
      expect(entry.title).toBe(entry.item.parentTitle ?? entry.item.title);
      expect(PLACEHOLDERS).not.toContain(entry.text);
    }
    const html = renderParentPosterHtml(data);
    for (const placeholder of PLACEHOLDERS) expect(html).not.toContain(placeholder);
    expect(html).toContain('Twee keer per week werkt een onderwijsassistent');
  });

  it('prefers the parent version the school wrote over its long answer', () => {
    const data = eemWithOwnTexts();
    data.answers.grenzen = { value: LIMITS_TEXT, ambition: null, parentText: 'Wij hebben geen lift en geen verpleegkundige zorg.' };
    expect(listParentPosterEntries(data).find((e) => e.item.key === 'grenzen')?.text).toBe('Wij hebben geen lift en geen verpleegkundige zorg.');
  });

  it('says honestly that limits were not described, naming whom to ask, when the school left them empty', () => {
    const data = eemWithOwnTexts();
    delete data.answers.grenzen;
    const entry = listParentPosterEntries(data).find((e) => e.item.key === 'grenzen');
    expect(entry?.text).toBe('De school heeft hier nog niet beschreven wat zij niet kan bieden. Vraag ernaar bij de intern begeleider.');
  });

  it('shows an ambition as an ambition: what, and from which school year', () => {
    expect(ambitionTag('Op onze school', '2027-2028')).toBe('Hier werken wij aan: op onze school vanaf 2027-2028');
    const data = buildDocumentFixture(eem());
    const working = listParentPosterEntries(data).filter((e) => e.mark === 'working-on' && !e.item.role);
    for (const entry of working) {
      const year = data.answers[entry.item.key]?.ambition?.schoolYear;
      expect(entry.tag).toMatch(/^Hier werken wij aan/);
      if (year) expect(entry.tag).toContain(`vanaf ${year}`);
    }
  });

  it('uses the sector words: a vo poster sends parents to the mentor and the zorgcoördinator, never the leerkracht', () => {
    const vo = templateSchema.parse({ ...eem(), sector: 'vo', wording: undefined });
    const data = buildDocumentFixture(vo);
    data.school.contacts = [
      { role: 'Decaan', name: 'Ruud Jansen', showToParents: true },
      { role: 'Zorgcoördinator', name: 'Noor Bakker', email: 'n.bakker@college.example', showToParents: true },
    ];
    delete data.answers.grenzen;
    const html = renderParentPosterHtml(data);
    expect(html).toContain('Praat eerst met de mentor van uw kind.');
    expect(html).toContain('Noor Bakker (zorgcoördinator)');
    // The template's own parent texts are its data; the sentences the poster writes itself use the sector's words.
    const contactBox = html.slice(html.indexOf('<section class="contact"'));
    expect(contactBox).not.toMatch(/leerkracht|intern begeleider/i);
    expect(listParentPosterEntries(data).find((e) => e.item.key === 'grenzen')?.text).toContain('Vraag ernaar bij de zorgcoördinator.');
  });
});

describe('contacts on parent outputs', () => {
  it('names only the contacts the school chose to show to parents', async () => {
    const data = eemWithOwnTexts();
    data.school.contacts = [
      { role: 'Intern begeleider', name: 'Fatima el Idrissi', email: 'ib@regenboog.example', showToParents: false },
      { role: 'Directeur', name: 'Jeroen Smit', topic: 'Toelating', showToParents: true },
    ];
    const poster = renderParentPosterHtml(data);
    const html = renderSchoolGuideHtml(data);
    const { value } = await mammoth.extractRawText({ buffer: await renderSchoolGuideDocx(data) });
    for (const out of [poster, html, value]) {
      expect(out).not.toContain('Fatima el Idrissi');
      expect(out).toContain('Jeroen Smit');
    }
  });
});

describe('parentTextOf', () => {
  it('gives no text for an unanswered free-text item without a role or a template text (the entry is left off)', () => {
    const template = eem();
    const item = { ...template.sections[0]!.items.find((i) => i.key === 'onderwijsorganisatie')!, posters: { parent: true, teacher: false } };
    expect(parentTextOf(template, item, undefined)).toBeNull();
  });
});

describe('the limits chapter', () => {
  it('holds the answer of the item with the role limits (a closing section asking "Waar liggen de grenzen?")', () => {
    const view = buildProfileView(eemWithOwnTexts());
    const limit = view.limits.find((l) => l.text === LIMITS_TEXT);
    expect(limit?.title).toBe('Wat kan de school niet? Waar liggen de grenzen?');
    // Once, in the limits chapter: not again among the closing section's texts.
    const closing = view.sections.find((s) => s.section.key === 'tot-slot');
    expect(closing?.narratives.some((n) => n.item.key === 'grenzen')).toBe(false);
  });
});

describe('school-guide chapter', () => {
  it('carries the school own limits and extra support, whom to ask and the support point; no placeholder', async () => {
    const data = eemWithOwnTexts();
    const chapter = buildSchoolGuideChapter(data);
    expect(chapter.limits).toContain(LIMITS_TEXT);
    expect(chapter.extraTexts).toContain(EXTRA_TEXT);
    expect(chapter.askFirst).toBe('Praat eerst met de leerkracht van uw kind. U kunt ook contact opnemen met Fatima el Idrissi (intern begeleider).');
    expect(chapter.supportPoint).toContain('Ouder- en jeugdsteunpunt Voorbeeldstad');
    const html = renderSchoolGuideHtml(data);
    const { value } = await mammoth.extractRawText({ buffer: await renderSchoolGuideDocx(data) });
    for (const text of [LIMITS_TEXT, EXTRA_TEXT]) {
      expect(html).toContain(text);
      expect(value).toContain(text);
    }
    for (const placeholder of PLACEHOLDERS) {
      expect(html).not.toContain(placeholder);
      expect(value).not.toContain(placeholder);
    }
  });

  it('leaves the support point out gracefully when the SWV has none, and says the board has not adopted yet', () => {
    const data = eemWithOwnTexts();
    const html = renderSchoolGuideHtml({ ...data, branding: { ...data.branding, parentSupportPoint: undefined }, adoption: undefined });
    expect(html).not.toContain('Ouder- en jeugdsteunpunt Voorbeeldstad');
    expect(html).not.toContain('Dan kunt u terecht bij');
    expect(html).toContain('Het schoolbestuur heeft deze ondersteuning nog niet vastgesteld.');
  });

  it('says "kan niet beoordelen" for an answer the norm check cannot judge, never that the school offers it', () => {
    const data = eemWithOwnTexts();
    const item = data.template.sections.flatMap((s) => s.items).find((i) => i.norm?.accept && i.parentTitle)!;
    data.answers[item.key] = { value: 3 as never, ambition: null, parentText: null };
    const sentences = buildSchoolGuideChapter(data).promises.flatMap((p) => p.sentences);
    expect(sentences).toContain(`${item.parentTitle!.replace(/[.!]+$/, '')}: kan niet beoordelen.`);
  });
});

describe("the pupils' voice in the school-guide chapter (issue 14)", () => {
  it('says in one paragraph how pupils were heard, when, and what the school did with it, in .docx and HTML', async () => {
    const data = eemWithOwnTexts();
    expect(buildSchoolGuideChapter(data).pupilVoice).toBeNull();
    expect(renderSchoolGuideHtml(data)).not.toContain('Wat onze leerlingen ervan vinden');
    data.pupilVoice = { methods: ['pupil_council', 'class_discussions', 'poll'], consultedOn: '2026-10-05', followUp: 'Elke bovenbouwgroep heeft nu een stiltehoek' };
    const paragraph = buildSchoolGuideChapter(data).pupilVoice!;
    expect(paragraph).toBe(
      'Voordat deze ondersteuning werd vastgesteld, vroegen wij onze leerlingen om hun mening: met de leerlingenraad, in gesprekken in de klas en met een anonieme peiling (5 oktober 2026). Wat wij ermee deden: Elke bovenbouwgroep heeft nu een stiltehoek.',
    );
    const html = renderSchoolGuideHtml(data);
    const { value } = await mammoth.extractRawText({ buffer: await renderSchoolGuideDocx(data) });
    for (const out of [html, value]) {
      expect(out).toContain('Wat onze leerlingen ervan vinden');
      expect(out).toContain('met de leerlingenraad, in gesprekken in de klas en met een anonieme peiling (5 oktober 2026)');
      expect(out).toContain('Elke bovenbouwgroep heeft nu een stiltehoek.');
    }
    // Before "whom to ask", after the school's own plans.
    expect(html.indexOf('Wat onze leerlingen ervan vinden')).toBeLessThan(html.indexOf('Met wie kunt u praten?'));
  });
});
