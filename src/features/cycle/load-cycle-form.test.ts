import { describe, expect, it } from 'vitest';
import { proposeNextRound } from './load-cycle-form.js';
import { defaultCycleDates } from './save-cycle.js';

describe('the school year a new round proposes', () => {
  it('is the year after the newest round, when its dates have not passed', () => {
    expect(proposeNextRound({ schoolYear: '2026-2027', closesOn: '2026-12-24' }, '2026-10-12', defaultCycleDates)).toEqual({
      schoolYear: '2027-2028',
      dates: defaultCycleDates('2027-2028'),
    });
  });

  it('skips school years whose open date has passed, also without any round yet', () => {
    // 12 October 2026: a round for 2026-2027 would have opened on 1 February 2026.
    expect(proposeNextRound(null, '2026-10-12', defaultCycleDates).schoolYear).toBe('2027-2028');
    expect(proposeNextRound(null, '2027-01-10', defaultCycleDates).schoolYear).toBe('2027-2028');
    // The newest round is years old: propose the first year that can still run, not the year after it.
    expect(proposeNextRound({ schoolYear: '2019-2020', closesOn: '2019-12-24' }, '2026-10-12', defaultCycleDates).schoolYear).toBe('2027-2028');
  });

  it('opens only once the newest round has closed', () => {
    const late = { schoolYear: '2026-2027', closesOn: '2027-03-01' };
    expect(proposeNextRound(late, '2026-10-12', defaultCycleDates).schoolYear).toBe('2028-2029');
  });
});
