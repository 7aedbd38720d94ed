/**
 * Whether a school may still change its profile: only before submission and before the cycle closes.
 * One rule, used by the questionnaire (saving) and the cycle (transitions).
 */
import type { ProfileStatus } from '../questionnaire/api.js';

export type Editability = { editable: true } | { editable: false; reason: 'submitted' | 'closed' | 'not_open'; message: string };

/** Dates are "YYYY-MM-DD" in the Netherlands; a cycle closes at the start of its close date. */
export function profileEditability(options: { status: ProfileStatus; opensOn: string | null; closesOn: string | null; now: Date }): Editability {
  const today = amsterdamDate(options.now);
  if (options.closesOn && today >= options.closesOn) {
    return { editable: false, reason: 'closed', message: `De SOP-ronde is gesloten sinds ${formatDutchDate(options.closesOn)}. Alleen de documenten zijn nog in te zien.` };
  }
  if (options.opensOn && today < options.opensOn) {
    return { editable: false, reason: 'not_open', message: `De SOP-ronde opent op ${formatDutchDate(options.opensOn)}.` };
  }
  if (options.status !== 'not_started' && options.status !== 'in_progress') {
    return {
      editable: false,
      reason: 'submitted',
      message: 'Dit SOP is ingediend en daarmee definitief. Moet er toch iets veranderen? Vraag het samenwerkingsverband om het te heropenen.',
    };
  }
  return { editable: true };
}

/** The calendar date in the Netherlands, as "YYYY-MM-DD". */
// Building a formatter is costly and this runs on every autosave: make it once.
const amsterdamDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

export function amsterdamDate(date: Date): string {
  return amsterdamDateFormat.format(date);
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

export function formatDutchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date ("2026-12-24") as a reader of `locale` writes it: "24 december 2026" or "24 December 2026". */
export function formatDateIn(isoDate: string, locale: 'nl' | 'en'): string {
  if (locale === 'nl') return formatDutchDate(isoDate);
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return `${day} ${ENGLISH_MONTHS[month - 1]} ${year}`;
}
