import { isSchoolYear, schoolYearOf } from '../templates/school-year.js';

/** The school year asked for (`?jaar=`), or the current one; and the years around it for the year picker. */
export function chooseSchoolYear(now: Date, asked: string | null | undefined): { schoolYear: string; years: string[] } {
  const current = schoolYearOf(now);
  const schoolYear = asked && isSchoolYear(asked) ? asked : current;
  const start = Number(current.slice(0, 4));
  const years = [...new Set([-2, -1, 0, 1].map((d) => `${start + d}-${start + d + 1}`).concat(schoolYear))].sort();
  return { schoolYear, years };
}
