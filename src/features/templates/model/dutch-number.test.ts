import { describe, expect, it } from 'vitest';
import { formatDutchNumber, formatDutchNumberForInput, parseDutchNumber } from './dutch-number.js';

describe('Dutch numbers', () => {
  it('reads a decimal comma and a thousands dot', () => {
    expect(parseDutchNumber('27,5')).toEqual({ ok: true, value: 27.5 });
    expect(parseDutchNumber('1.250')).toEqual({ ok: true, value: 1250 });
    expect(parseDutchNumber('1.250.000')).toEqual({ ok: true, value: 1250000 });
    expect(parseDutchNumber('12.500,75')).toEqual({ ok: true, value: 12500.75 });
    expect(parseDutchNumber(' -3 ')).toEqual({ ok: true, value: -3 });
    expect(parseDutchNumber('1 250')).toEqual({ ok: true, value: 1250 });
  });
  it('reads a single dot that cannot separate thousands as a decimal point', () => {
    expect(parseDutchNumber('0.8')).toEqual({ ok: true, value: 0.8 });
    expect(parseDutchNumber('27.5')).toEqual({ ok: true, value: 27.5 });
    expect(parseDutchNumber('0.125')).toEqual({ ok: true, value: 0.125 });
    expect(parseDutchNumber('1.2500')).toEqual({ ok: true, value: 1.25 });
  });
  it('refuses what it cannot read for sure, saying how to write it', () => {
    for (const text of ['1,250.5', '1,2,3', '1.25.0', 'veel', '', '12,', ',5', '1.2.3']) {
      expect(parseDutchNumber(text), text).toEqual({ ok: false, message: 'Schrijf een getal met een komma voor decimalen, bijvoorbeeld 27,5 of 1250.' });
    }
  });
  it('shows a decimal comma and a thousands dot; a form field gets no thousands dot', () => {
    expect(formatDutchNumber(27.5)).toBe('27,5');
    expect(formatDutchNumber(1250)).toBe('1.250');
    expect(formatDutchNumber(0.8)).toBe('0,8');
    expect(formatDutchNumberForInput(1250.5)).toBe('1250,5');
    for (const value of [0, 0.8, 27.5, 1250, 12500.75, -3]) expect(parseDutchNumber(formatDutchNumber(value))).toEqual({ ok: true, value });
  });
});
