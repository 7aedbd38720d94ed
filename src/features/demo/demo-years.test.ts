import { describe, expect, it } from 'vitest';
import { demoCycleDates } from './demo-years.js';

describe('demo years', () => {
  it('uses the usual dates mid-year (the e2e clock)', () => {
    expect(demoCycleDates(new Date('2026-10-12T10:00:00+02:00'))).toMatchObject({
      previous: { schoolYear: '2025-2026', opensOn: '2025-02-01', submitDeadline: '2025-11-01', closesOn: '2025-12-24' },
      current: { schoolYear: '2026-2027', opensOn: '2026-02-01', submitDeadline: '2026-11-01', closesOn: '2026-12-24' },
    });
  });

  it('always has a running cycle with the deadline ahead, and a previous year closed before it opens', () => {
    for (let day = 0; day < 800; day += 3) {
      const now = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);
      const { previous, current, today } = demoCycleDates(now);
      expect(current.opensOn <= today && today < current.submitDeadline && current.submitDeadline <= current.closesOn, today).toBe(true);
      expect(previous.opensOn < previous.submitDeadline && previous.submitDeadline <= previous.closesOn && previous.closesOn < current.opensOn, today).toBe(true);
      expect(Number(current.schoolYear.slice(0, 4))).toBe(Number(previous.schoolYear.slice(0, 4)) + 1);
    }
  });
});
