/**
 * Dates and moments as the reader's language writes them: "3 december 2026" for Dutch, "3 December 2026" for English.
 * Every page formats by the request's locale through these; generated documents stay Dutch and pass 'nl'.
 * Moments are shown as the calendar date (and time) in the Netherlands, wherever the server runs.
 */
import type { Locale } from './i18n.js';

// Building a formatter is costly and some of these run on every autosave: make each once.
const longDate: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const amsterdamLongDate: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }),
};
// Both languages write the time as 14:05 (24-hour clock), so one formatter serves.
const amsterdamTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Amsterdam' });

/** A calendar date ("2026-12-03") in words: "3 december 2026" / "3 December 2026". */
export function formatDate(isoDate: string, locale: Locale): string {
  // Noon UTC is the same calendar date everywhere, so the formatter cannot shift it a day.
  const noon = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  // A date that does not exist (a form echoing "2026-13-45" back with its error) is shown as it was written.
  if (Number.isNaN(noon.getTime())) return isoDate;
  return longDate[locale].format(noon);
}

/** The date a moment falls on in the Netherlands, in words. */
export function formatMomentDate(moment: Date, locale: Locale): string {
  return amsterdamLongDate[locale].format(moment);
}

/** A moment with its time in the Netherlands: "3 december 2026, 14:05" / "3 December 2026, 14:05". */
export function formatMomentDateTime(moment: Date, locale: Locale): string {
  return `${formatMomentDate(moment, locale)}, ${amsterdamTime.format(moment)}`;
}

/** A number as the reader writes it: "1.234,5" / "1,234.5". */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormat[locale].format(value);
}

const numberFormat: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 10 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 10 }),
};
