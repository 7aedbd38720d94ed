import { describe, expect, it } from 'vitest';
import { formatDate } from './dates.js';

describe('formatDate', () => {
  it('writes a calendar date in the reader’s language', () => {
    expect(formatDate('2026-12-03', 'nl')).toBe('3 december 2026');
    expect(formatDate('2026-12-03', 'en')).toBe('3 December 2026');
  });

  it('shows a date that does not exist as it was written, instead of failing the page', () => {
    expect(formatDate('9999-99-99', 'nl')).toBe('9999-99-99');
    expect(formatDate('2026-13-01', 'en')).toBe('2026-13-01');
  });
});
