import { translator, type Locale } from '../../ui/i18n.js';
import { templateMessages } from './messages.js';
/** School years as "2026-2027": the second year follows the first. */
export function isSchoolYear(value: string): boolean {
  const match = /^(\d{4})-(\d{4})$/.exec(value);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}

/** The school year a date falls in (a school year starts on 1 August). */
export function schoolYearOf(date: Date): string {
  const year = date.getUTCFullYear();
  const start = date.getUTCMonth() >= 7 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** The current school year and the next few, for the publish form. */
export function schoolYearChoices(now: Date, count = 4): string[] {
  const start = Number(schoolYearOf(now).slice(0, 4));
  return Array.from({ length: count }, (_, index) => `${start + index}-${start + index + 1}`);
}

/**
 * A version is published "for" a school year, but a cycle may use any published version (e.g. last
 * year's when nothing changed). When the years differ this says so, to show as a warning beside the
 * choice (not a refusal). Null when they match or when either is unknown.
 */
export function versionYearWarning(
  version: { number: number; schoolYear: string | null } | undefined,
  schoolYear: string | undefined,
  locale: Locale = 'nl',
): string | null {
  if (!version?.schoolYear || !schoolYear || !isSchoolYear(schoolYear) || version.schoolYear === schoolYear) return null;
  return translator(templateMessages, locale)('versionYearWarning', { number: version.number, versionYear: version.schoolYear, year: schoolYear });
}
