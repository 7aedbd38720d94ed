import { describe, expect, it } from 'vitest';
import { proposeNextRound } from './load-cycle-form.js';
import { calendarDates, closesAfterYearStart, findCalendar } from './calendars.js';
import { defaultCycleDates } from './save-cycle.js';

const deEem = (year: string) => calendarDates(findCalendar('de-eem'), year);

describe('the school year a new round proposes', () => {
  it('is the year after the newest round, when its dates have not passed', () => {
    expect(proposeNextRound({ schoolYear: '2026-2027', closesOn: '2026-12-24' }, '2026-10-12', deEem)).toEqual({
      schoolYear: '2027-2028',
      dates: deEem('2027-2028'),
    });
  });

  it('skips school years whose open date has passed, also without any round yet', () => {
    // 12 October 2026: a round for 2026-2027 would have opened on 1 February 2026.
    expect(proposeNextRound(null, '2026-10-12', deEem).schoolYear).toBe('2027-2028');
    expect(proposeNextRound(null, '2027-01-10', deEem).schoolYear).toBe('2027-2028');
    // The newest round is years old: propose the first year that can still run, not the year after it.
    expect(proposeNextRound({ schoolYear: '2019-2020', closesOn: '2019-12-24' }, '2026-10-12', deEem).schoolYear).toBe('2027-2028');
  });

  it('opens only once the newest round has closed', () => {
    const late = { schoolYear: '2026-2027', closesOn: '2027-03-01' };
    expect(proposeNextRound(late, '2026-10-12', deEem).schoolYear).toBe('2028-2029');
  });
});

describe('the calendars', () => {
  it('by default finish the round before the school year it describes starts (the school guide, set before 1 August)', () => {
    const dates = defaultCycleDates('2027-2028');
    expect(dates.opensOn < dates.submitDeadline && dates.submitDeadline < dates.closesOn).toBe(true);
    expect(dates.opensOn.startsWith('2027-01')).toBe(true);
    expect(closesAfterYearStart({ schoolYear: '2027-2028', ...dates })).toBe(false);
    // With the default calendar the next round runs in the winter and spring before its school year.
    expect(proposeNextRound({ schoolYear: '2026-2027', closesOn: '2026-12-24' }, '2026-10-12', defaultCycleDates)).toEqual({ schoolYear: '2027-2028', dates });
  });

  it('keep de Eem’s rhythm as an example, which closes after its school year started', () => {
    expect(deEem('2027-2028')).toEqual({ opensOn: '2027-02-01', submitDeadline: '2027-11-01', closesOn: '2027-12-24' });
    expect(closesAfterYearStart({ schoolYear: '2027-2028', ...deEem('2027-2028') })).toBe(true);
    expect(findCalendar('onbekend').key).toBe(findCalendar(null).key);
  });
});
