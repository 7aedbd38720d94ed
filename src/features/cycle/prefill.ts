/**
 * Which of last year's final answers a new profile starts with (docs/domain.md "The yearly cycle", step 1).
 * An answer carries over when its item is unchanged in what can be answered and the value is still valid:
 * - carryOver 'keep' (only the norm, the section or details around it changed): carried over as it is;
 * - carryOver 'check' (the title, help text or hint was reworded; issue 10's decision: fixing a typo must
 *   not reopen an item for every school): carried over and marked "Gewijzigd – controleer uw antwoord"
 *   (cycle/items-to-review.ts), which the school confirms with one click (confirm-carried-answer.ts).
 * Items whose kind, scale, options or limits changed stay open; the questionnaire marks them and shows
 * last year's answer, so the school can take it over.
 */
import { ambitionSchema, type Ambition, type AnswerValue } from '../templates/model/answer.js';
import { canCarryOverAnswer, diffTemplateVersions } from '../templates/model/diff-versions.js';
import { listItems, type TemplateDefinition } from '../templates/model/template.js';
import { computeNormStatuses } from '../questionnaire/answer-change.js';
import type { CarriedAnswer } from './repository.js';

const LIMITS_PREFIX = 'limits:';

export interface PreviousAnswer {
  value: AnswerValue | null;
  ambition: Ambition | null;
  parentText: string | null;
}

export function carryOverAnswers(
  previous: TemplateDefinition,
  next: TemplateDefinition,
  previousAnswers: Record<string, PreviousAnswer>,
  previousLimits: Record<string, string>,
): CarriedAnswer[] {
  const diff = new Map(diffTemplateVersions(previous, next).items.map((item) => [item.key, item]));
  const previousItems = new Map(listItems(previous).map(({ item }) => [item.key, item]));
  const carried: CarriedAnswer[] = [];
  for (const { item } of listItems(next)) {
    const before = previousItems.get(item.key);
    const answer = previousAnswers[item.key];
    const change = diff.get(item.key);
    if (!before || !answer || !change || change.status === 'new') continue;
    if (change.carryOver !== 'keep' && change.carryOver !== 'check') continue;
    if (!canCarryOverAnswer(before, item, answer.value, next)) continue;
    const ambition = item.ambition && answer.ambition && ambitionSchema.safeParse(answer.ambition).success ? answer.ambition : null;
    const parentText = item.parentTextEditable && answer.parentText && answer.parentText.length <= item.parentTextMaxLength ? answer.parentText : null;
    carried.push({ itemKey: item.key, value: answer.value, ambition, parentText, ...computeNormStatuses(item, answer.value) });
  }
  for (const section of next.sections) {
    const text = previousLimits[section.key];
    if (section.asksLimits && text?.trim()) {
      carried.push({ itemKey: `${LIMITS_PREFIX}${section.key}`, value: text, ambition: null, parentText: null, normStatus: null });
    }
  }
  return carried;
}
