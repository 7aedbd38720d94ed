/**
 * Calendars of the yearly SOP round, as data: each date of a round for school year "Y-(Y+1)" as a day and
 * month in year Y (plus an offset for a calendar that starts the year before). The new-round form proposes
 * dates from one of them; an SWV may pick another or type its own dates.
 *
 * The law puts the support offer into the school guide (schoolgids), which is set before the school year it
 * describes (Kamerstuk 36443; in force from 1 August 2025, phased). The default calendar therefore finishes
 * before 1 August of year Y: open in winter, submit in spring, the council's say (advice on the SOP, consent
 * of the parents' section on the school guide) and the board's adoption before the summer. De Eem's rhythm
 * (submit 1 November, close 24 December, i.e. within the school year described) is kept as an example.
 */
import type { cycleMessages } from './messages.js';

type MessageKey = keyof typeof cycleMessages.nl;

export interface CalendarDate {
  /** 0: in the school year's first calendar year; -1: the year before. */
  yearOffset: number;
  month: number;
  day: number;
}

export interface CycleCalendar {
  key: string;
  /** Catalogue keys of its name and one line about it. */
  name: MessageKey;
  description: MessageKey;
  opensOn: CalendarDate;
  submitDeadline: CalendarDate;
  closesOn: CalendarDate;
}

export const CYCLE_CALENDARS = [
  {
    key: 'schoolgids',
    name: 'calendarSchoolGuide',
    description: 'calendarSchoolGuideDescription',
    opensOn: { yearOffset: 0, month: 1, day: 15 },
    submitDeadline: { yearOffset: 0, month: 4, day: 1 },
    closesOn: { yearOffset: 0, month: 7, day: 1 },
  },
  {
    key: 'de-eem',
    name: 'calendarDeEem',
    description: 'calendarDeEemDescription',
    opensOn: { yearOffset: 0, month: 2, day: 1 },
    submitDeadline: { yearOffset: 0, month: 11, day: 1 },
    closesOn: { yearOffset: 0, month: 12, day: 24 },
  },
] as const satisfies readonly CycleCalendar[];

/** The calendar a new round starts from unless the SWV picks another: the one that follows the law. */
export const DEFAULT_CALENDAR: CycleCalendar = CYCLE_CALENDARS[0];

export function findCalendar(key: string | null | undefined): CycleCalendar {
  return CYCLE_CALENDARS.find((calendar) => calendar.key === key) ?? DEFAULT_CALENDAR;
}

export interface RoundDates {
  opensOn: string;
  submitDeadline: string;
  closesOn: string;
}

function dateIn(schoolYear: string, date: CalendarDate): string {
  const year = Number(schoolYear.slice(0, 4)) + date.yearOffset;
  return `${year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** The calendar's dates of a round for a school year ("2027-2028"). */
export function calendarDates(calendar: CycleCalendar, schoolYear: string): RoundDates {
  return { opensOn: dateIn(schoolYear, calendar.opensOn), submitDeadline: dateIn(schoolYear, calendar.submitDeadline), closesOn: dateIn(schoolYear, calendar.closesOn) };
}

/** The day a school year starts (1 August of its first year): the school guide must be set before it. */
export function schoolYearStart(schoolYear: string): string {
  return `${schoolYear.slice(0, 4)}-08-01`;
}

/** True when the round closes (adoption and publication) on or after the start of the school year it describes. */
export function closesAfterYearStart(round: { schoolYear: string; closesOn: string }): boolean {
  return round.closesOn > schoolYearStart(round.schoolYear);
}
