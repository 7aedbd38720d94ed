import { describe, expect, it } from 'vitest';
import { rowsForChange, valueForYear } from './year-values.js';

describe('values from a school year on (factors, arithmetic)', () => {
  const rows = [
    { schoolYear: '2025-2026', value: 150 },
    { schoolYear: '2027-2028', value: 200 },
  ];

  it('takes the latest row at or before the year, the first row before any, the fallback without rows', () => {
    expect(valueForYear(rows, '2026-2027', 100)).toBe(150);
    expect(valueForYear(rows, '2027-2028', 100)).toBe(200);
    expect(valueForYear(rows, '2030-2031', 100)).toBe(200);
    expect(valueForYear(rows, '2020-2021', 100)).toBe(150);
    expect(valueForYear([], '2026-2027', 100)).toBe(100);
  });

  it('writes the change for the year only when earlier years already have their own row', () => {
    expect(rowsForChange(rows, '2026-2027', 175, 100, '2024-2025')).toEqual([{ schoolYear: '2026-2027', value: 175 }]);
  });

  it('freezes the earlier years with data before a change when the first row is the one that changes', () => {
    const only = [{ schoolYear: '2026-2027', value: 150 }];
    expect(rowsForChange(only, '2026-2027', 200, 100, '2025-2026')).toEqual([
      { schoolYear: '2025-2026', value: 150 },
      { schoolYear: '2026-2027', value: 200 },
    ]);
    // A category without rows (saved before factors per year existed): its factor until now is the fallback.
    expect(rowsForChange([], '2026-2027', 200, 150, '2025-2026')).toEqual([
      { schoolYear: '2025-2026', value: 150 },
      { schoolYear: '2026-2027', value: 200 },
    ]);
    // No data before the year: nothing to freeze.
    expect(rowsForChange([], '2026-2027', 200, 150, null)).toEqual([{ schoolYear: '2026-2027', value: 200 }]);
    expect(rowsForChange([], '2026-2027', 200, 150, '2026-2027')).toEqual([{ schoolYear: '2026-2027', value: 200 }]);
  });

  it('writes nothing when the value does not change', () => {
    expect(rowsForChange(rows, '2026-2027', 150, 100, '2024-2025')).toEqual([]);
  });
});
