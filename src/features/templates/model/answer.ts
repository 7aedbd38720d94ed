/**
 * A school's answer to one item, and how it compares with the norm.
 * Kept beside the template model because both the questionnaire (saving),
 * the documents (rendering) and the dashboards (aggregating) read it the same way.
 */
import { z } from 'zod';
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

export type NormStatus = 'meets' | 'below' | 'ambition' | 'unanswered' | 'no-norm';

export function isAnswered(value: AnswerValue | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return true; // an explicit empty selection is an answer ("none of these")
  return true;
}

export function meetsNorm(item: Item, norm: Norm, value: AnswerValue): boolean {
  if (isSingleChoiceKind(item.kind) && typeof value === 'string') {
    return norm.accept ? norm.accept.includes(value) : true;
  }
  if (item.kind === 'partners' && Array.isArray(value)) {
    return norm.includes ? norm.includes.every((required) => value.includes(required)) : true;
  }
  if (item.kind === 'yesno' && typeof value === 'boolean') {
    return norm.equals === undefined ? true : value === norm.equals;
  }
  if (item.kind === 'number' && typeof value === 'number') {
    return (norm.min === undefined || value >= norm.min) && (norm.max === undefined || value <= norm.max);
  }
  return true;
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
  if (meetsNorm(item, norm, answer.value as AnswerValue)) return 'meets';
  return answer.ambition ? 'ambition' : 'below';
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
  if (norm.min !== undefined && norm.max !== undefined) return `${norm.min} t/m ${norm.max}`;
  if (norm.min !== undefined) return `minstens ${norm.min}`;
  if (norm.max !== undefined) return `hoogstens ${norm.max}`;
  return null;
}

/** The answer in words, for documents and overviews. */
export function describeAnswer(template: TemplateDefinition, item: Item, value: AnswerValue | null | undefined): string {
  if (!isAnswered(value)) return '';
  const scale = findScale(template, item.scale);
  const label = (option: string) => scale?.options.find((o) => o.value === option)?.label ?? option;
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nee';
  if (typeof value === 'number') return item.unit ? `${value} ${item.unit}` : String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'Geen' : value.map(label).join(', ');
  if (isSingleChoiceKind(item.kind)) return label(value as string);
  return value as string;
}
