/**
 * Numbers as Dutch people write and read them: a decimal comma ("27,5") and a dot between thousands ("1.250").
 * One helper for every page and document (the questionnaire, the check and changes pages, the SOP and posters),
 * so a number never reads "27.5" in one place and "27,5" in another.
 *
 * Reading (docs/decisions, "Dutch numbers"):
 * - "27,5" → 27.5; "1.250" and "12.500,5" → 1250 and 12500.5 (a dot before groups of exactly three digits is a
 *   thousands separator, as in Dutch);
 * - a single dot before one, two or four or more digits ("0.8", "27.5") is read as a decimal point, as typed on
 *   an English keyboard or pasted from a spreadsheet: it cannot be a thousands separator;
 * - both a comma and a dot in the English order ("1,250.5"), several commas, or anything else is refused with a
 *   message that says how to write it.
 */

export type DutchNumberReading = { ok: true; value: number } | { ok: false; message: string };

const PLAIN = /^-?\d+$/;
const DECIMAL_COMMA = /^-?\d+,\d+$/;
const THOUSANDS = /^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/;
const DECIMAL_POINT = /^-?\d+\.\d+$/;

export const DUTCH_NUMBER_HINT = 'Schrijf een getal met een komma voor decimalen, bijvoorbeeld 27,5 of 1250.';

/** Reads a number as typed in a Dutch form; see the module comment for what is understood. */
export function parseDutchNumber(raw: string): DutchNumberReading {
  const text = raw.trim().replace(/\s+/g, '').replace(/^\u2212/, '-');
  if (PLAIN.test(text)) return { ok: true, value: Number(text) };
  if (DECIMAL_COMMA.test(text)) return { ok: true, value: Number(text.replace(',', '.')) };
  if (THOUSANDS.test(text)) return { ok: true, value: Number(text.replace(/\./g, '').replace(',', '.')) };
  if (DECIMAL_POINT.test(text)) return { ok: true, value: Number(text) };
  return { ok: false, message: DUTCH_NUMBER_HINT };
}

const display = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 10, useGrouping: true });
const plain = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 10, useGrouping: false });

/** A number to read: "27,5", "1.250", "12.500,5". */
export function formatDutchNumber(value: number): string {
  return display.format(value);
}

/** A number to put back into a form field: "27,5", "1250" (no thousands dot, so nothing to misread). */
export function formatDutchNumberForInput(value: number): string {
  return plain.format(value);
}
