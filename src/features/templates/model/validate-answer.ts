/**
 * The server-side check of one answer against its item, before it is saved.
 * The browser checks the same things for speed, but only this check counts.
 * Messages say what to do (the GOV.UK / NL Design System error summary pattern), in the language of whoever typed
 * the answer (answer-check-messages.ts); numbers are read the Dutch way in either language (dutch-number.ts).
 */
import { translator, type Locale, type Translate } from '../../../ui/i18n.js';
import type { AnswerValue } from './answer.js';
import { answerCheckMessages } from './answer-check-messages.js';
import { formatDutchNumber, formatDutchNumberForInput, parseDutchNumber } from './dutch-number.js';
import { findScale, isSingleChoiceKind, type Item, type TemplateDefinition } from './template.js';

export type ValidateAnswerResult = { ok: true; value: AnswerValue | null } | { ok: false; message: string };

/** Maximum text length when the item sets none. */
export const DEFAULT_MAX_LENGTH = { text: 300, longtext: 4000 } as const;

export function maxTextLength(item: Item): number {
  return item.maxLength ?? (item.kind === 'longtext' ? DEFAULT_MAX_LENGTH.longtext : DEFAULT_MAX_LENGTH.text);
}

/**
 * Checks and normalises one raw answer (from a form post or JSON).
 * `null`, `undefined` and empty text clear the answer (`value: null`).
 * An empty list for a multi-select is kept: it means "none of these".
 */
export function validateAnswerValue(template: TemplateDefinition, item: Item, raw: unknown, locale: Locale = 'nl'): ValidateAnswerResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'string' && raw.trim() === '') return { ok: true, value: null };
  const t = translator(answerCheckMessages, locale);

  if (isSingleChoiceKind(item.kind)) {
    const options = optionValues(template, item);
    if (typeof raw !== 'string' || !options.includes(raw.trim())) return fail(t('chooseOption'));
    return { ok: true, value: raw.trim() };
  }

  switch (item.kind) {
    case 'partners': {
      const options = optionValues(template, item);
      const list = Array.isArray(raw) ? raw : null;
      if (list === null || !list.every((value) => typeof value === 'string')) {
        return fail(t('chooseFromList'));
      }
      const chosen = [...new Set(list.map((value) => (value as string).trim()))];
      if (!chosen.every((value) => options.includes(value))) return fail(t('onlyFromList'));
      // Keep the scale's order, so the same choice is always stored the same way.
      return { ok: true, value: options.filter((value) => chosen.includes(value)) };
    }
    case 'yesno': {
      const value = toBoolean(raw);
      return value === undefined ? fail(t('chooseYesNo')) : { ok: true, value };
    }
    case 'number': {
      const value = toNumber(raw);
      const range = describeRange(item, t, locale);
      const askFor = range ? t('numberInRange', { range }) : t('number');
      if (value === null) return fail(`${askFor} ${t('numberHint')}`);
      if ((item.min !== undefined && value < item.min) || (item.max !== undefined && value > item.max)) {
        // Say how the number was read: "1.250" is 1250 in Dutch, which may not be what an English keyboard meant.
        const read = typeof raw === 'string' && raw.trim() !== formatDutchNumberForInput(value) ? t('numberReadAs', { raw: raw.trim(), value: numberForReading(value, locale) }) : '';
        const dotHint = read && /\./.test(String(raw)) ? t('useDecimalComma') : '';
        return fail([askFor, read, dotHint].filter(Boolean).join(' '));
      }
      return { ok: true, value };
    }
    case 'text':
    case 'longtext': {
      if (typeof raw !== 'string') return fail(t('text'));
      const value = raw.replace(/\r\n?/g, '\n').trim();
      if (item.kind === 'text' && value.includes('\n')) return fail(t('oneLine'));
      const max = maxTextLength(item);
      if (value.length > max) return fail(t('tooLong', { max, count: value.length }));
      return { ok: true, value };
    }
    default:
      return fail(t('notStorable'));
  }
}

function fail(message: string): ValidateAnswerResult {
  return { ok: false, message };
}

/** A number as the message's reader writes it, without grouping (so it can be typed back as it stands). */
const englishPlain = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 10, useGrouping: false });
function numberForReading(value: number, locale: Locale): string {
  return locale === 'en' ? englishPlain.format(value) : formatDutchNumberForInput(value);
}

function optionValues(template: TemplateDefinition, item: Item): string[] {
  return findScale(template, item.scale)?.options.map((option) => option.value) ?? [];
}

/** "van 0 tot en met 40", "van minstens 0", "van hoogstens 40" (or in English), or "" */
function describeRange(item: Item, t: Translate<keyof typeof answerCheckMessages.nl>, locale: Locale): string {
  const format = (value: number) => (locale === 'en' ? englishPlain.format(value) : formatDutchNumber(value));
  if (item.min !== undefined && item.max !== undefined) return t('rangeBoth', { min: format(item.min), max: format(item.max) });
  if (item.min !== undefined) return t('rangeMin', { min: format(item.min) });
  if (item.max !== undefined) return t('rangeMax', { max: format(item.max) });
  return '';
}

function toBoolean(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string') return undefined;
  const word = raw.trim().toLowerCase();
  if (word === 'ja' || word === 'true') return true;
  if (word === 'nee' || word === 'false') return false;
  return undefined;
}

/** Accepts numbers and numeric text as Dutch people write it ("27,5", "1.250"; dutch-number.ts); null when it is neither. */
function toNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const reading = parseDutchNumber(raw);
  return reading.ok ? reading.value : null;
}
