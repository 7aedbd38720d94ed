/**
 * A school's answer to one item, and how it compares with the norm.
 * Kept beside the template model because both the questionnaire (saving),
 * the documents (rendering) and the dashboards (aggregating) read it the same way.
 */
import { z } from 'zod';
import { formatDutchNumber } from './dutch-number.js';
import { findScale, isSingleChoiceKind, type Item, type Norm, type TemplateDefinition } from './template.js';

/** The raw answer: an option value, several option values, a yes/no, a number or a text. */
export const answerValueSchema = z.union([z.string(), z.array(z.string()), z.boolean(), z.number()]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const ambitionSchema = z.strictObject({
  /** For choice items: the option the school intends to reach, e.g. "actief toegepast". */
  target: z.string().max(80).optional(),
  /** School year in which the school intends to get there, e.g. "2027-2028". */
  schoolYear: z
    .string()
    .regex(/^\d{4}-\d{4}$/)
    .optional(),
  note: z.string().max(1000).optional(),
});
export type Ambition = z.infer<typeof ambitionSchema>;

export interface Answer {
  value: AnswerValue | null;
  ambition: Ambition | null;
  /** The school's own parent-facing wording, where the template allows it. */
  parentText: string | null;
}

/**
 * The status of one answer against a norm, as every page, document and overview shows it.
 * - `meets` / `below`: judged against the norm (`below` with an ambition reads `ambition`);
 * - `cannot-judge` ("Kan niet beoordelen"): the answer or the norm is of a kind the check does not
 *   recognise (e.g. a number stored for a choice item). The check fails closed: never `meets` by default;
 * - `unanswered`, `no-norm`: nothing to judge.
 */
export type NormStatus = 'meets' | 'below' | 'ambition' | 'unanswered' | 'no-norm' | 'cannot-judge';

/**
 * What is stored per answer row (`answers.norm_status`, `answers.national_norm_status`), so overviews can
 * count without the template; null there means no norm or not answered. Ambition is derived from the
 * ambition column (see deriveNormStatus).
 */
export const STORED_NORM_STATUSES = ['meets', 'below', 'cannot-judge'] as const;
export type StoredNormStatus = (typeof STORED_NORM_STATUSES)[number];

/** A judgement of one answered value; `reason` (for `cannot-judge`) names kinds and types only, never the answer itself. */
export type NormJudgement = { status: 'meets' | 'below' } | { status: 'cannot-judge'; reason: string };

export function isAnswered(value: AnswerValue | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return true; // an explicit empty selection is an answer ("none of these")
  return true;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value;
}

/**
 * Judges an answered value against a norm, failing closed: an answer of a type the item's kind does not
 * have, or a norm without the rule that kind needs (templates are checked for this when saved, see
 * validate-template-references.ts), is `cannot-judge`, never `meets`.
 */
export function judgeNorm(item: Pick<Item, 'kind'>, norm: Norm, value: unknown): NormJudgement {
  const cannot = (reason: string): NormJudgement => ({ status: 'cannot-judge', reason });
  const judged = (meets: boolean): NormJudgement => ({ status: meets ? 'meets' : 'below' });
  if (isSingleChoiceKind(item.kind)) {
    if (typeof value !== 'string') return cannot(`answer of type ${typeOf(value)} for a ${item.kind} item`);
    if (!norm.accept) return cannot(`norm without accept for a ${item.kind} item`);
    return judged(norm.accept.includes(value));
  }
  switch (item.kind) {
    case 'partners': {
      if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) return cannot(`answer of type ${typeOf(value)} for a partners item`);
      if (!norm.includes) return cannot('norm without includes for a partners item');
      const chosen: readonly string[] = value;
      return judged(norm.includes.every((required) => chosen.includes(required)));
    }
    case 'yesno':
      if (typeof value !== 'boolean') return cannot(`answer of type ${typeOf(value)} for a yesno item`);
      if (norm.equals === undefined) return cannot('norm without equals for a yesno item');
      return judged(value === norm.equals);
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return cannot(`answer of type ${typeOf(value)} for a number item`);
      if (norm.min === undefined && norm.max === undefined) return cannot('norm without min or max for a number item');
      return judged((norm.min === undefined || value >= norm.min) && (norm.max === undefined || value <= norm.max));
    default:
      return cannot(`a norm on a ${item.kind} item`);
  }
}

/** Status of one answer against the SWV's norm (or the national one with `which: 'national'`). */
export function evaluateNorm(
  item: Item,
  answer: Pick<Answer, 'value' | 'ambition'> | undefined,
  which: 'swv' | 'national' = 'swv',
): NormStatus {
  const norm = which === 'swv' ? item.norm : item.nationalNorm;
  if (!norm) return 'no-norm';
  if (!answer || !isAnswered(answer.value)) return answer?.ambition ? 'ambition' : 'unanswered';
  const { status } = judgeNorm(item, norm, answer.value);
  return status === 'below' && answer.ambition ? 'ambition' : status;
}

/** The status to store beside an answer: null without a norm or without an answer. */
export function judgeStoredNorm(item: Item, value: AnswerValue | null | undefined, which: 'swv' | 'national' = 'swv'): NormJudgement | null {
  const norm = which === 'swv' ? item.norm : item.nationalNorm;
  if (!norm || !isAnswered(value)) return null;
  return judgeNorm(item, norm, value);
}

/**
 * The full status from a stored row (overviews that do not load the template): `hasNorm` says whether
 * the item carries that norm, `hasAmbition` whether the row has an ambition.
 */
export function deriveNormStatus(stored: StoredNormStatus | null, options: { hasNorm: boolean; hasAmbition: boolean }): NormStatus {
  if (!options.hasNorm) return 'no-norm';
  if (stored === null) return options.hasAmbition ? 'ambition' : 'unanswered';
  return stored === 'below' && options.hasAmbition ? 'ambition' : stored;
}

/** The norm in words, e.g. "Op schoolniveau" or "Ontwikkeld of Ver ontwikkeld". */
export function describeNorm(template: TemplateDefinition, item: Item, norm: Norm | undefined = item.norm): string | null {
  if (!norm) return null;
  if (norm.label) return norm.label;
  const scale = findScale(template, item.scale);
  const label = (value: string) => scale?.options.find((option) => option.value === value)?.label ?? value;
  if (norm.accept) return norm.accept.map(label).join(' of ');
  if (norm.includes) return norm.includes.map(label).join(', ');
  if (norm.equals !== undefined) return norm.equals ? 'Ja' : 'Nee';
  if (norm.min !== undefined && norm.max !== undefined) return `${formatDutchNumber(norm.min)} t/m ${formatDutchNumber(norm.max)}`;
  if (norm.min !== undefined) return `minstens ${formatDutchNumber(norm.min)}`;
  if (norm.max !== undefined) return `hoogstens ${formatDutchNumber(norm.max)}`;
  return null;
}

/** The answer in words, for documents and overviews. */
export function describeAnswer(template: TemplateDefinition, item: Item, value: AnswerValue | null | undefined): string {
  if (!isAnswered(value)) return '';
  const scale = findScale(template, item.scale);
  const label = (option: string) => scale?.options.find((o) => o.value === option)?.label ?? option;
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nee';
  if (typeof value === 'number') return item.unit ? `${formatDutchNumber(value)} ${item.unit}` : formatDutchNumber(value);
  if (Array.isArray(value)) return value.length === 0 ? 'Geen' : value.map(label).join(', ');
  // An option of the item's scale in words, also a single option of a multi-select (an ambition's target).
  if (isSingleChoiceKind(item.kind) || item.kind === 'partners') return label(value as string);
  return value as string;
}
