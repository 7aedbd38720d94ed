/**
 * The school-guide (schoolgids) chapter as plain data, in the words a parent reads (B1): for each
 * promise of basic support a few plain sentences, the extra support and the limits in the school's
 * own words, what the school is working on, whom to ask, the SWV's parent and youth support point and
 * the board's adoption date. About 2–4 pages; the .docx and the HTML page render this one model.
 * Compliance tables stay in the full SOP.
 */
import { isAnswered, type NormStatus } from '../../templates/model/answer.js';
import { findChosenOption, findScale, itemsWithRole, parentTitleOf, type Item, type ItemRole } from '../../templates/model/template.js';
import { resolveWording } from '../../templates/model/wording.js';
import type { ProfileDocumentData } from '../document-data.js';
import { firstContactSentence, parentContactsOf, parentTextOf } from './parent-texts.js';
import { buildProfileView, contactLine, formatDate, paragraphs, STATUS_LABELS, type ItemRow, type SectionView } from './profile-view.js';

export const CHAPTER_TITLE = 'Ondersteuning op onze school';

export interface ChapterPromise {
  /** "Belofte 1" (the section's title). */
  heading: string;
  /** The promise itself, as the SWV wrote it. */
  promise: string | null;
  /** One plain sentence per parent-facing item. */
  sentences: string[];
  /** "Van de 8 punten hierbij doen wij er 7 zoals afgesproken." — null when the section has no norm. */
  summary: string | null;
}

export interface SchoolGuideChapter {
  title: string;
  intro: string;
  promises: ChapterPromise[];
  /** The school's own words about its extra support (items with the role extraSupport), as paragraphs. */
  extraTexts: string[];
  /** Extra provisions the school offers ("Plusklas: op onze school"). */
  extraOffered: string[];
  /** How the school works with parents (items with the role parentInvolvement), as paragraphs. */
  parentTexts: string[];
  /** What the school cannot offer, in its own words, as paragraphs. */
  limits: string[];
  /** "Hier werken wij aan: … vanaf 2027-2028", and the school's own words about its ambitions. */
  ambitions: string[];
  ambitionTexts: string[];
  /** "Praat eerst met de leerkracht van uw kind." and the school's contact persons. */
  askFirst: string;
  contacts: string[];
  /** The SWV's parent and youth support point, or null when the SWV has not set one. */
  supportPoint: string | null;
  /** One paragraph: how pupils were heard (method, when) and what the school did with it; null without a record. */
  pupilVoice: string | null;
  /** "Het schoolbestuur heeft dit vastgesteld op 24 november 2026." */
  adoption: string;
}

/** Items a parent reads about: with a parent headline, a parent text or on the parent poster. */
function isForParents(item: Item): boolean {
  return Boolean(item.parentTitle || item.parentText || item.posters.parent);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('nl-NL') + text.slice(1);
}

function withoutEndStop(text: string): string {
  return text.trim().replace(/[.!]+$/, '');
}

/** One plain sentence for an item of basic support, by its status. */
export function promiseSentence(data: ProfileDocumentData, row: ItemRow): string | null {
  const { template } = data;
  const { item, answer, status } = row;
  const title = withoutEndStop(parentTitleOf(item));
  const text = parentTextOf(template, item, answer);
  const option = findChosenOption(template, item, answer?.value);
  // Where it is offered ("op onze school", "in de wijk"): only options with a parent label say a place.
  const where = option?.parentLabel && !option.notOffered ? ` (${lowerFirst(option.parentLabel)})` : '';
  const byStatus: Record<NormStatus, () => string | null> = {
    meets: () => `${withoutEndStop(text ?? title)}${where}.`,
    'no-norm': () => {
      if (!isAnswered(answer?.value ?? null)) return null;
      if (option?.notOffered || answer?.value === false) return `Nog niet op onze school: ${lowerFirst(title)}.`;
      return `${withoutEndStop(text ?? title)}${where}.`;
    },
    below: () => `Nog niet op onze school: ${lowerFirst(title)}.`,
    ambition: () => {
      const target = answer?.ambition?.target ? findScale(template, item.scale)?.options.find((o) => o.value === answer.ambition?.target) : undefined;
      const year = answer?.ambition?.schoolYear;
      return `Hier werken wij aan: ${lowerFirst(title)}${target ? ` (${lowerFirst(target.parentLabel ?? target.label)})` : ''}${year ? `, vanaf ${year}` : ''}.`;
    },
    'cannot-judge': () => `${title}: ${lowerFirst(STATUS_LABELS['cannot-judge'])}.`,
    unanswered: () => `${title}: nog niet ingevuld.`,
  };
  return byStatus[status]();
}

function summaryOf(section: SectionView): string | null {
  const judged = section.counts.meets + section.counts.below + section.counts.ambition + section.counts['cannot-judge'] + section.counts.unanswered;
  if (judged === 0) return null;
  if (judged === 1) return section.counts.meets === 1 ? 'Dit doen wij zoals afgesproken in het samenwerkingsverband.' : 'Dit doen wij nog niet helemaal zoals afgesproken in het samenwerkingsverband.';
  return `Van de ${judged} ${judged === 1 ? 'punt' : 'punten'} hierbij doen wij er ${section.counts.meets} zoals afgesproken in het samenwerkingsverband.`;
}

function roleParagraphs(data: ProfileDocumentData, role: ItemRole): string[] {
  return itemsWithRole(data.template, role).flatMap(({ item }) => {
    const value = data.answers[item.key]?.value;
    return typeof value === 'string' && isAnswered(value) ? paragraphs(value) : [];
  });
}

/** "Plusklas (op onze school)": extra provisions the school offers. */
function extraOffered(data: ProfileDocumentData, sections: SectionView[]): string[] {
  return sections
    .filter((s) => s.section.kind === 'extra')
    .flatMap((s) => s.groups.flatMap((g) => g.rows))
    .flatMap((row) => {
      const option = findChosenOption(data.template, row.item, row.answer?.value);
      const title = withoutEndStop(parentTitleOf(row.item));
      if (option && !option.notOffered) return [`${title} (${lowerFirst(option.parentLabel ?? option.label)})`];
      if (row.item.kind === 'yesno' && row.answer?.value === true) return [title];
      return [];
    });
}

function supportPointText(data: ProfileDocumentData): string | null {
  const point = data.branding.parentSupportPoint;
  if (!point?.name.trim()) return null;
  const how = [point.phone && `telefoon ${point.phone}`, point.email && `e-mail ${point.email}`, point.website].filter(Boolean).join(', ');
  return `Heeft u vragen, of komt u er samen met de school niet uit? Dan kunt u terecht bij ${point.name}. Zij helpen ouders en jongeren, gratis en onafhankelijk${how ? `: ${how}` : ''}.`;
}

const PUPIL_VOICE_METHODS = {
  pupil_council: 'met de leerlingenraad',
  class_discussions: 'in gesprekken in de klas',
  poll: 'met een anonieme peiling',
  other: 'op een andere manier',
} as const;

/** "Voordat … werd vastgesteld, vroegen wij onze leerlingen om hun mening: met de leerlingenraad en in gesprekken in de klas (oktober 2026). Wat wij ermee deden: …" */
function pupilVoiceParagraph(data: ProfileDocumentData): string | null {
  const record = data.pupilVoice;
  if (!record || record.methods.length === 0) return null;
  const ways = record.methods.map((method) => PUPIL_VOICE_METHODS[method]);
  const how = ways.length === 1 ? ways[0]! : `${ways.slice(0, -1).join(', ')} en ${ways.at(-1)!}`;
  const when = formatDate(new Date(`${record.consultedOn}T12:00:00Z`));
  const followUp = record.followUp.trim().replace(/\s+/g, ' ');
  return `Voordat deze ondersteuning werd vastgesteld, vroegen wij onze leerlingen om hun mening: ${how} (${when}). Wat wij ermee deden: ${followUp}${/[.!?]$/.test(followUp) ? '' : '.'}`;
}

function adoptionSentence(data: ProfileDocumentData): string {
  return data.adoption
    ? `Het schoolbestuur (${data.adoption.by}) heeft deze ondersteuning vastgesteld op ${formatDate(data.adoption.date)}.`
    : 'Het schoolbestuur heeft deze ondersteuning nog niet vastgesteld.';
}

export function buildSchoolGuideChapter(data: ProfileDocumentData): SchoolGuideChapter {
  const view = buildProfileView(data);
  const wording = resolveWording(data.template);
  const promises = view.sections
    .filter((s) => s.section.kind === 'promise')
    .map((s): ChapterPromise => ({
      heading: s.section.title,
      promise: s.section.promise?.trim() || null,
      sentences: s.groups
        .flatMap((g) => g.rows)
        .filter((row) => isForParents(row.item))
        .map((row) => promiseSentence(data, row))
        .filter((sentence): sentence is string => sentence !== null),
      summary: summaryOf(s),
    }))
    .filter((p) => p.promise || p.sentences.length > 0 || p.summary);
  const ambitions = view.ambitions.map((a) => {
    const title = lowerFirst(withoutEndStop(parentTitleOf(a.item)));
    return `Hier werken wij aan: ${title}${a.target ? ` (${lowerFirst(a.target)})` : ''}${a.schoolYear ? `, vanaf ${a.schoolYear}` : ''}.`;
  });
  const contact = firstContactSentence(data);
  return {
    title: CHAPTER_TITLE,
    intro: `Alle scholen in ${data.branding.partnershipName} hebben samen afgesproken welke hulp elke school in ieder geval biedt. Dat heet de basisondersteuning. Hieronder leest u wat ${data.school.name} biedt in schooljaar ${data.schoolYear}: de basisondersteuning, de extra hulp, wat wij (nog) niet kunnen bieden en waar wij aan werken.`,
    promises,
    extraTexts: roleParagraphs(data, 'extraSupport'),
    extraOffered: extraOffered(data, view.sections),
    parentTexts: roleParagraphs(data, 'parentInvolvement'),
    limits: view.limits.flatMap((l) => paragraphs(l.text)),
    ambitions,
    ambitionTexts: roleParagraphs(data, 'ambitions'),
    askFirst: `${contact.first}${contact.coordinator ? ` ${contact.coordinator}.` : ` Of vraag het de ${wording.supportCoordinator}.`}`,
    contacts: parentContactsOf(data).map(contactLine),
    supportPoint: supportPointText(data),
    pupilVoice: pupilVoiceParagraph(data),
    adoption: adoptionSentence(data),
  };
}
