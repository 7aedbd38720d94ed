/**
 * Whether a school may still change its profile: only before submission and before the cycle closes.
 * One rule, used by the questionnaire (saving) and the cycle (transitions).
 */
import { formatDate } from '../../ui/dates.js';
import { translator, type Locale } from '../../ui/i18n.js';
import type { ProfileStatus } from '../questionnaire/api.js';
import { cycleMessages } from './messages.js';

export type Editability = { editable: true } | { editable: false; reason: 'submitted' | 'closed' | 'not_open'; message: string };

/** Dates are "YYYY-MM-DD" in the Netherlands; a cycle closes at the start of its close date. */
export function profileEditability(options: { status: ProfileStatus; opensOn: string | null; closesOn: string | null; now: Date; locale: Locale }): Editability {
  const today = amsterdamDate(options.now);
  const t = translator(cycleMessages, options.locale);
  if (options.closesOn && today >= options.closesOn) {
    return { editable: false, reason: 'closed', message: t('editClosed', { date: formatDate(options.closesOn, options.locale) }) };
  }
  if (options.opensOn && today < options.opensOn) {
    return { editable: false, reason: 'not_open', message: t('editNotOpen', { date: formatDate(options.opensOn, options.locale) }) };
  }
  if (options.status !== 'not_started' && options.status !== 'in_progress') {
    return { editable: false, reason: 'submitted', message: t('editSubmitted') };
  }
  return { editable: true };
}

/** The calendar date in the Netherlands, as "YYYY-MM-DD". */
// Building a formatter is costly and this runs on every autosave: make it once.
const amsterdamDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

export function amsterdamDate(date: Date): string {
  return amsterdamDateFormat.format(date);
}

/** A date in Dutch words ("24 december 2026"), for generated documents and Dutch readers. */
export function formatDutchDate(isoDate: string): string {
  return formatDate(isoDate, 'nl');
}

/** A date ("2026-12-24") as a reader of `locale` writes it: "24 december 2026" or "24 December 2026". */
export function formatDateIn(isoDate: string, locale: Locale): string {
  return formatDate(isoDate, locale);
}
