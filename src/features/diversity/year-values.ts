/**
 * Values that hold "from a school year on" (issue 15): a category's factor, the SWV's arithmetic. Pure.
 * The value of year Y is the row with the latest year ≤ Y; a year before the first row takes the first row (the
 * SWV set its factors once, then schools filled in earlier years too); without rows, the fallback.
 */
export interface YearRow<T> {
  schoolYear: string;
  value: T;
}

export function valueForYear<T>(rows: readonly YearRow<T>[], year: string, fallback: T): T {
  if (rows.length === 0) return fallback;
  const sorted = [...rows].sort((a, b) => a.schoolYear.localeCompare(b.schoolYear));
  const atOrBefore = sorted.filter((row) => row.schoolYear <= year);
  return (atOrBefore.at(-1) ?? sorted[0]!).value;
}

/**
 * The rows to write when the value changes from `year` on, so that no earlier year with data changes with it:
 * when no row lies before `year` and data exists before it, the value those years have today is first written
 * down at the earliest year with data. Nothing when the value for `year` is already this one.
 */
export function rowsForChange<T>(rows: readonly YearRow<T>[], year: string, value: T, fallback: T, earliestDataYear: string | null): YearRow<T>[] {
  const current = valueForYear(rows, year, fallback);
  if (current === value) return [];
  const writes: YearRow<T>[] = [];
  const earlier = rows.some((row) => row.schoolYear < year);
  if (!earlier && earliestDataYear !== null && earliestDataYear < year) writes.push({ schoolYear: earliestDataYear, value: valueForYear(rows, earliestDataYear, fallback) });
  // Later rows keep their own value; years between `year` and the next row take the new one.
  writes.push({ schoolYear: year, value });
  return writes;
}
