/**
 * The server-side check of one answer against its item, before it is saved.
 * The browser checks the same things for speed, but only this check counts.
 * Messages are Dutch and say what to do (the GOV.UK / NL Design System error summary pattern).
 */
import type { AnswerValue } from './answer.js';
import { DUTCH_NUMBER_HINT, formatDutchNumber, formatDutchNumberForInput, parseDutchNumber, type DutchNumberReading } from './dutch-number.js';
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
export function validateAnswerValue(template: TemplateDefinition, item: Item, raw: unknown): ValidateAnswerResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'string' && raw.trim() === '') return { ok: true, value: null };

  if (isSingleChoiceKind(item.kind)) {
    const options = optionValues(template, item);
    if (typeof raw !== 'string' || !options.includes(raw.trim())) return fail('Kies een van de opties.');
    return { ok: true, value: raw.trim() };
  }

  switch (item.kind) {
    case 'partners': {
      const options = optionValues(template, item);
      const list = Array.isArray(raw) ? raw : null;
      if (list === null || !list.every((value) => typeof value === 'string')) {
        return fail('Kies een of meer opties uit de lijst.');
      }
      const chosen = [...new Set(list.map((value) => (value as string).trim()))];
      if (!chosen.every((value) => options.includes(value))) return fail('Kies alleen uit de opties in de lijst.');
      // Keep the scale's order, so the same choice is always stored the same way.
      return { ok: true, value: options.filter((value) => chosen.includes(value)) };
    }
    case 'yesno': {
      const value = toBoolean(raw);
      return value === undefined ? fail('Kies ja of nee.') : { ok: true, value };
    }
    case 'number': {
      const reading = toNumber(raw);
      const range = describeRange(item);
      if (!reading.ok) return fail(range ? `Vul een getal in ${range}. ${reading.message}` : `Vul een getal in. ${reading.message}`);
      const value = reading.value;
      if ((item.min !== undefined && value < item.min) || (item.max !== undefined && value > item.max)) {
        // Say how the number was read: "1.250" is 1250 in Dutch, which may not be what an English keyboard meant.
        const read = typeof raw === 'string' && raw.trim() !== formatDutchNumberForInput(value) ? ` U vulde ${raw.trim()} in; dat lezen wij als ${formatDutchNumberForInput(value)}.` : '';
        return fail(`Vul een getal in ${range}.${read}${read && /\./.test(String(raw)) ? ' Gebruik een komma voor decimalen, bijvoorbeeld 1,25.' : ''}`);
      }
      return { ok: true, value };
    }
    case 'text':
    case 'longtext': {
      if (typeof raw !== 'string') return fail('Vul tekst in.');
      const value = raw.replace(/\r\n?/g, '\n').trim();
      if (item.kind === 'text' && value.includes('\n')) return fail('Schrijf dit antwoord op één regel.');
      const max = maxTextLength(item);
      if (value.length > max) return fail(`Maximaal ${max} tekens; u heeft er ${value.length}.`);
      return { ok: true, value };
    }
    default:
      return fail('Dit antwoord kan niet worden opgeslagen.');
  }
}

function fail(message: string): ValidateAnswerResult {
  return { ok: false, message };
}

function optionValues(template: TemplateDefinition, item: Item): string[] {
  return findScale(template, item.scale)?.options.map((option) => option.value) ?? [];
}

/** "van 0 tot en met 40", "van minstens 0", "van hoogstens 40" or "" */
function describeRange(item: Item): string {
  const format = formatDutchNumber;
  if (item.min !== undefined && item.max !== undefined) return `van ${format(item.min)} tot en met ${format(item.max)}`;
  if (item.min !== undefined) return `van minstens ${format(item.min)}`;
  if (item.max !== undefined) return `van hoogstens ${format(item.max)}`;
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

/** Accepts numbers and numeric text as Dutch people write it ("27,5", "1.250"; dutch-number.ts). */
function toNumber(raw: unknown): DutchNumberReading {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false, message: DUTCH_NUMBER_HINT };
  if (typeof raw !== 'string') return { ok: false, message: DUTCH_NUMBER_HINT };
  return parseDutchNumber(raw);
}
