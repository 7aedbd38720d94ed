/**
 * One change to one answer, checked and applied — pure, shared by autosave (one field)
 * and the no-JavaScript section form (every field of a section).
 */
import { z } from 'zod';
import { ambitionSchema, evaluateNorm, judgeStoredNorm, type Ambition, type Answer, type AnswerValue, type NormStatus, type StoredNormStatus } from '../templates/model/answer.js';
import { findScale, isSingleChoiceKind, type Item, type Section, type TemplateDefinition } from '../templates/model/template.js';
import { answerCheckMessages } from '../templates/model/answer-check-messages.js';
import { validateAnswerValue } from '../templates/model/validate-answer.js';
import { translator, type Locale } from '../../ui/i18n.js';
import { LIMITS_KEY_PREFIX } from './answers-repository.js';

export const ANSWER_FIELDS = ['value', 'ambition', 'parentText', 'limits'] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];

/** Maximum length of a "Wat kan de school niet" text. */
export const LIMITS_MAX_LENGTH = 4000;

/** What the autosave client posts to /profielen/:profileId/antwoorden. */
export const saveAnswerRequestSchema = z.strictObject({
  itemKey: z.string().min(1).max(120),
  field: z.enum(ANSWER_FIELDS),
  value: z.unknown(),
  baseRevision: z.number().int().min(0),
  /** The value this field had when the editor started changing it: conflicts are per field. */
  baseValue: z.unknown().optional(),
});
export type SaveAnswerRequest = z.infer<typeof saveAnswerRequestSchema>;

/** The stored shape of one answer row (limits rows use `value` for their text). */
export interface StoredAnswer extends Answer, StoredNormStatuses {}

export type ChangeResult = { ok: true; answer: StoredAnswer } | { ok: false; message: string };

export type ChangeTarget = { kind: 'item'; section: Section; item: Item } | { kind: 'limits'; section: Section };

/** Finds what an item key points at: an item, or a section's limits (`limits:<sectionKey>`). */
export function resolveTarget(template: TemplateDefinition, itemKey: string, field: AnswerField): ChangeTarget | null {
  if (field === 'limits') {
    const sectionKey = itemKey.startsWith(LIMITS_KEY_PREFIX) ? itemKey.slice(LIMITS_KEY_PREFIX.length) : itemKey;
    const section = template.sections.find((candidate) => candidate.key === sectionKey);
    return section?.asksLimits ? { kind: 'limits', section } : null;
  }
  for (const section of template.sections) {
    const item = section.items.find((candidate) => candidate.key === itemKey);
    if (item) return { kind: 'item', section, item };
  }
  return null;
}

/** The raw ambition from the client: null/false clears it; an object sets it. */
export function validateAmbition(template: TemplateDefinition, item: Item, raw: unknown, locale: Locale = 'nl'): { ok: true; value: Ambition | null } | { ok: false; message: string } {
  const t = translator(answerCheckMessages, locale);
  if (!item.ambition) return { ok: false, message: t('noAmbitionHere') };
  if (raw === null || raw === undefined || raw === false) return { ok: true, value: null };
  const cleaned = typeof raw === 'object' && raw !== null ? Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '' && v !== null && v !== undefined)) : raw;
  const parsed = ambitionSchema.safeParse(cleaned);
  if (!parsed.success) return { ok: false, message: t('ambitionIncomplete') };
  if (parsed.data.target !== undefined) {
    const options = isSingleChoiceKind(item.kind) ? (findScale(template, item.scale)?.options.map((o) => o.value) ?? []) : [];
    if (!options.includes(parsed.data.target)) return { ok: false, message: t('ambitionOption') };
  }
  return { ok: true, value: parsed.data };
}

export function validateParentText(item: Item, raw: unknown, locale: Locale = 'nl'): { ok: true; value: string | null } | { ok: false; message: string } {
  const t = translator(answerCheckMessages, locale);
  if (!item.parentTextEditable) return { ok: false, message: t('noParentTextHere') };
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw !== 'string') return { ok: false, message: t('text') };
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (text.length > item.parentTextMaxLength) return { ok: false, message: t('tooLong', { max: item.parentTextMaxLength, count: text.length }) };
  return { ok: true, value: text || null };
}

export function validateLimits(raw: unknown, locale: Locale = 'nl'): { ok: true; value: string | null } | { ok: false; message: string } {
  const t = translator(answerCheckMessages, locale);
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw !== 'string') return { ok: false, message: t('text') };
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (text.length > LIMITS_MAX_LENGTH) return { ok: false, message: t('tooLong', { max: LIMITS_MAX_LENGTH, count: text.length }) };
  return { ok: true, value: text || null };
}

/** Applies one field's raw value to the current answer; the stored norm statuses are recomputed from the result. */
export function applyChange(template: TemplateDefinition, target: ChangeTarget, current: Answer | null, field: AnswerField, raw: unknown, locale: Locale = 'nl'): ChangeResult {
  const base: Answer = current ?? { value: null, ambition: null, parentText: null };
  if (target.kind === 'limits') {
    const checked = validateLimits(raw, locale);
    return checked.ok ? { ok: true, answer: { value: checked.value, ambition: null, parentText: null, normStatus: null, nationalNormStatus: null } } : checked;
  }
  const { item } = target;
  let next: Answer;
  switch (field) {
    case 'value': {
      const checked = validateAnswerValue(template, item, raw, locale);
      if (!checked.ok) return checked;
      next = { ...base, value: checked.value };
      break;
    }
    case 'ambition': {
      const checked = validateAmbition(template, item, raw, locale);
      if (!checked.ok) return checked;
      next = { ...base, ambition: checked.value };
      break;
    }
    case 'parentText': {
      const checked = validateParentText(item, raw, locale);
      if (!checked.ok) return checked;
      next = { ...base, parentText: checked.value };
      break;
    }
    default:
      return { ok: false, message: translator(answerCheckMessages, locale)('notStorable') };
  }
  return { ok: true, answer: { ...next, ...computeNormStatuses(item, next.value) } };
}

/** The statuses stored beside an answer (answers.norm_status, answers.national_norm_status). */
export interface StoredNormStatuses {
  /** Against the SWV's norm; null when unanswered or without a norm. */
  normStatus: StoredNormStatus | null;
  /** Against the national norm (landelijke norm); null when unanswered or without one. */
  nationalNormStatus: StoredNormStatus | null;
}

/** Told when an answer cannot be judged: which norm, and why in kinds and types (no answer content). */
export type CannotJudgeReport = (which: 'swv' | 'national', reason: string) => void;

/**
 * Judges a value against the item's norms for storing (fails closed: see judgeNorm). `onCannotJudge`
 * hears of every answer that gets 'cannot-judge', so the save paths can log it.
 */
export function computeNormStatuses(item: Item, value: AnswerValue | null, onCannotJudge?: CannotJudgeReport): StoredNormStatuses {
  const judge = (which: 'swv' | 'national'): StoredNormStatus | null => {
    const judgement = judgeStoredNorm(item, value, which);
    if (judgement?.status === 'cannot-judge') onCannotJudge?.(which, judgement.reason);
    return judgement?.status ?? null;
  };
  return { normStatus: judge('swv'), nationalNormStatus: judge('national') };
}

/** The live status against the SWV's norm, or against the national norm (the same evaluation as the section page). */
export function normStatusOf(target: ChangeTarget, answer: Pick<Answer, 'value' | 'ambition'>, which: 'swv' | 'national' = 'swv'): NormStatus {
  return target.kind === 'item' ? evaluateNorm(target.item, answer, which) : 'no-norm';
}

/** Whether two stored answers are the same (a no-op save writes nothing). */
export function sameAnswer(a: Answer | null, b: Answer): boolean {
  const norm = (answer: Answer | null) => JSON.stringify([answer?.value ?? null, answer?.ambition ?? null, answer?.parentText ?? null]);
  return norm(a) === norm(b);
}
