/**
 * An item's answer from public data (issue 11): the inspection's verdict of the location, DUO's pupil count on
 * 1 October. Pure: the register loads the facts, the cycle writes the answer into a new profile, the questionnaire
 * shows where it came from. The answer is data in Dutch (it reaches the SOP like a school's own answer).
 */
import type { AnswerValue } from './answer.js';
import { findScale, isSingleChoiceKind, listItems, type Item, type PublicSource, type TemplateDefinition } from './template.js';

/** What the SWV's register knows about one school location from public files. */
export interface PublicFacts {
  /** The inspection's verdicts; in vo one per department (afdeling), null department = the whole location. */
  verdicts: Array<{ verdict: string; department: string | null; decidedOn: string | null }>;
  /** The latest pupil count: exact (low = high) or DUO's "<5" (1–4). */
  pupilCount: { low: number; high: number; countedOn: string } | null;
}

export interface PublicSourceAnswer {
  source: PublicSource;
  /** The answer to store, or null when the facts cannot be one (e.g. "<5" for a number item): the school answers itself. */
  value: AnswerValue | null;
  /** The public fact in words, with its date, for the note beside the answer. */
  words: string;
}

const dutchDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function inWords(isoDate: string | null): string | null {
  if (!isoDate || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return null;
  return dutchDate.format(new Date(`${isoDate}T00:00:00Z`));
}

function verdictWords(verdict: PublicFacts['verdicts'][number]): string {
  const date = inWords(verdict.decidedOn);
  const what = verdict.department ? `${verdict.department}: ${verdict.verdict}` : verdict.verdict;
  return date ? `${what} (vastgesteld op ${date})` : what;
}

const normalise = (text: string) => text.trim().toLocaleLowerCase('nl-NL');

/** The answer an item with `publicSource` starts with, or null when the register has no such fact for the school. */
export function publicSourceAnswer(template: TemplateDefinition, item: Item, facts: PublicFacts | undefined): PublicSourceAnswer | null {
  if (!item.publicSource || !facts) return null;
  if (item.publicSource === 'inspectionVerdict') {
    if (facts.verdicts.length === 0) return null;
    const verdicts = [...facts.verdicts].sort((a, b) => (a.department ?? '').localeCompare(b.department ?? '', 'nl'));
    const words = verdicts.map(verdictWords).join('; ');
    if (isSingleChoiceKind(item.kind)) {
      // One option for one verdict; departments with different verdicts cannot be one option: the school chooses.
      const distinct = new Set(verdicts.map((v) => normalise(v.verdict)));
      const options = findScale(template, item.scale ?? '')?.options ?? [];
      const match = distinct.size === 1 ? options.find((option) => distinct.has(normalise(option.label)) || distinct.has(normalise(option.value))) : undefined;
      return { source: 'inspectionVerdict', value: match ? match.value : null, words };
    }
    const value = item.kind === 'text' || item.kind === 'longtext' ? limitLength(words, item) : null;
    return { source: 'inspectionVerdict', value, words };
  }
  const count = facts.pupilCount;
  if (!count) return null;
  const date = inWords(count.countedOn);
  const number = count.low === count.high ? String(count.low) : count.low === 1 && count.high === 4 ? 'minder dan 5' : `${count.low} tot ${count.high}`;
  const words = `${number} leerlingen${date ? ` op ${date}` : ''}`;
  if (item.kind === 'number') {
    const exact = count.low === count.high ? count.low : null;
    const fits = exact !== null && (item.min === undefined || exact >= item.min) && (item.max === undefined || exact <= item.max);
    return { source: 'pupilCount', value: fits ? exact : null, words };
  }
  return { source: 'pupilCount', value: item.kind === 'text' || item.kind === 'longtext' ? limitLength(words, item) : null, words };
}

function limitLength(words: string, item: Item): string | null {
  const max = item.maxLength ?? (item.kind === 'text' ? 300 : 4000);
  return words.length <= max ? words : null;
}

export function hasPublicSourceItems(template: TemplateDefinition): boolean {
  return listItems(template).some(({ item }) => item.publicSource !== undefined);
}
