/**
 * What a parent reads about an item, on the parent poster and in the school-guide chapter: the
 * school's own words, never a placeholder (issue 10). In order:
 * 1. the school's own parent version (where the template lets it write one);
 * 2. the school's free-text answer, shortened with care at a sentence boundary;
 * 3. the template's parent text (for choice items: a plain description of the provision);
 * 4. for an unanswered free-text item with a role: an honest sentence naming whom to ask, in the
 *    sector's words (templates/sector-wording.yaml), never a sentence about one kind of school.
 */
import { isAnswered, type Answer } from '../../templates/model/answer.js';
import type { Item, ItemRole, TemplateDefinition } from '../../templates/model/template.js';
import { capitalize, isSupportCoordinatorRole, resolveWording, type Wording } from '../../templates/model/wording.js';
import type { ParentPosterData } from '../document-data.js';
import { paragraphs } from './profile-view.js';

/** Sentence ends: ".", "!" or "?" (optionally followed by a closing quote or bracket) and a space. */
const SENTENCE_END = /[.!?]["”’)]?(?=\s)/g;

/**
 * `text` in at most `max` characters: whole paragraphs and sentences while they fit. A first
 * sentence longer than `max` is cut after a whole word and ends in "…", so a parent sees that it
 * goes on. Never cuts inside a word.
 */
export function shortenAtSentence(text: string, max: number): string {
  const flat = paragraphs(text).join(' ');
  if (flat.length <= max) return flat;
  let end = 0;
  for (const match of flat.matchAll(SENTENCE_END)) {
    const candidate = match.index + match[0].length;
    if (candidate > max) break;
    end = candidate;
  }
  if (end > 0) return flat.slice(0, end);
  const words = flat.slice(0, Math.max(1, max - 1)).replace(/\s+\S*$/, '').replace(/[\s,;:–-]+$/, '');
  return `${words || flat.slice(0, max - 1)}…`;
}

/** The school's free-text answer (text and longtext items), trimmed; null when there is none. */
function freeTextAnswer(item: Item, answer: Answer | undefined): string | null {
  if (item.kind !== 'text' && item.kind !== 'longtext') return null;
  const value = answer?.value;
  return typeof value === 'string' && isAnswered(value) ? value.trim() : null;
}

/** Whom a parent asks, in the sector's words: "de intern begeleider" (po), "de zorgcoördinator" (vo). */
export function coordinatorPhrase(wording: Wording): string {
  return `de ${wording.supportCoordinator}`;
}

/** Honest sentences for a role item the school has not answered (no placeholder pretending to be an answer). */
export function unansweredRoleText(role: ItemRole, wording: Wording): string {
  const ask = `Vraag ernaar bij ${coordinatorPhrase(wording)}.`;
  switch (role) {
    case 'limits':
      return `De school heeft hier nog niet beschreven wat zij niet kan bieden. ${ask}`;
    case 'extraSupport':
      return `De school heeft haar extra ondersteuning hier nog niet beschreven. ${ask}`;
    case 'parentInvolvement':
      return `Hoe wij met ouders samenwerken, vertellen wij u graag. ${capitalize(`${wording.firstContact}`)} of ${coordinatorPhrase(wording)} vertelt u er meer over.`;
    default:
      return ask;
  }
}

/**
 * The text a parent reads for an item, or null when there is nothing honest to show (an unanswered
 * free-text item without a role and without a template text).
 */
export function parentTextOf(template: TemplateDefinition, item: Item, answer: Answer | undefined, maxLength = item.parentTextMaxLength): string | null {
  const own = item.parentTextEditable ? answer?.parentText?.trim() : undefined;
  if (own) return own;
  const free = freeTextAnswer(item, answer);
  if (free) return shortenAtSentence(free, maxLength);
  if (item.parentText) return item.parentText;
  if (item.role) return unansweredRoleText(item.role, resolveWording(template));
  return null;
}

/** The contacts the school chose to show to parents (staff are not public by default). */
export function parentContactsOf(data: ParentPosterData): NonNullable<ParentPosterData['school']['contacts']> {
  return (data.school.contacts ?? []).filter((c) => c.showToParents === true);
}

/** The school's contact person for support (po: the intern begeleider; vo: the zorgcoördinator), if shown to parents. */
export function supportCoordinatorOf(data: ParentPosterData): { role: string; name: string; email?: string | undefined } | undefined {
  const wording = resolveWording(data.template);
  const contacts = parentContactsOf(data);
  return contacts.find((c) => isSupportCoordinatorRole(wording, c.role)) ?? contacts[0];
}

/** "Praat eerst met de leerkracht van uw kind. U kunt ook contact opnemen met …" — in the sector's words. */
export function firstContactSentence(data: ParentPosterData): { first: string; coordinator: string | null } {
  const wording = resolveWording(data.template);
  const coordinator = supportCoordinatorOf(data);
  return {
    first: `Praat eerst met de ${wording.firstContact} van uw kind.`,
    coordinator: coordinator ? `U kunt ook contact opnemen met ${coordinator.name} (${coordinator.role.toLocaleLowerCase('nl-NL')})` : null,
  };
}
