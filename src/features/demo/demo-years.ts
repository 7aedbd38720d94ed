/**
 * Which school years and dates the demo shows, derived from "now" (the injectable clock), so the demo
 * always has a running cycle mid-way and a previous, archived year — whatever the date.
 *
 * Rule: the demo's current cycle is for the school year starting in this calendar year (from 1 February;
 * in January still last year's). It uses the usual dates (open 1 February, deadline 1 November, close
 * 24 December) when "now" lies at least 30 days after opening and 14 days before the deadline; otherwise
 * the dates are moved around now (opened 120 days ago, deadline in 30 days, close in 60). The previous
 * year uses the usual dates, moved earlier when needed so it closes before the current cycle opens.
 */
export interface DemoCycleDates {
  schoolYear: string;
  opensOn: string;
  submitDeadline: string;
  closesOn: string;
}

const amsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function usualDates(first: number): DemoCycleDates {
  return { schoolYear: `${first}-${first + 1}`, opensOn: `${first}-02-01`, submitDeadline: `${first}-11-01`, closesOn: `${first}-12-24` };
}

export function demoCycleDates(now: Date): { previous: DemoCycleDates; current: DemoCycleDates; today: string } {
  const today = amsterdam.format(now);
  const year = Number(today.slice(0, 4));
  const first = today.slice(5) >= '02-01' ? year : year - 1;
  const usual = usualDates(first);
  const current =
    usual.opensOn <= addDays(today, -30) && addDays(today, 14) <= usual.submitDeadline
      ? usual
      : { schoolYear: usual.schoolYear, opensOn: addDays(today, -120), submitDeadline: addDays(today, 30), closesOn: addDays(today, 60) };
  const before = usualDates(first - 1);
  const closesOn = [before.closesOn, addDays(current.opensOn, -1)].sort()[0]!;
  const submitDeadline = [before.submitDeadline, closesOn].sort()[0]!;
  const opensOn = [before.opensOn, addDays(submitDeadline, -60)].sort()[0]!;
  return { previous: { schoolYear: before.schoolYear, opensOn, submitDeadline, closesOn }, current, today };
}
