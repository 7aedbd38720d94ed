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
