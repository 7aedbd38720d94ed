import { describe, expect, it } from 'vitest';
import { buildTestTemplate, itemOf } from './test-template.js';
import { validateAnswerValue } from './validate-answer.js';

const template = buildTestTemplate();
const check = (key: string, raw: unknown) => validateAnswerValue(template, itemOf(template, key), raw);

describe('validateAnswerValue', () => {
  it('clears the answer on null, undefined and empty text', () => {
    for (const key of ['protocol-dyslexie', 'partners', 'ib-uren', 'onderzoek', 'contact', 'visie']) {
      expect(check(key, null)).toEqual({ ok: true, value: null });
      expect(check(key, undefined)).toEqual({ ok: true, value: null });
      expect(check(key, '  ')).toEqual({ ok: true, value: null });
    }
  });

  describe('single choice', () => {
    it('accepts an option of the scale', () => {
      expect(check('protocol-dyslexie', 'beschikbaar')).toEqual({ ok: true, value: 'beschikbaar' });
    });
    it('refuses an option that is not in the scale, or the wrong type', () => {
      expect(check('protocol-dyslexie', 'misschien')).toEqual({ ok: false, message: 'Kies een van de opties.' });
      expect(check('protocol-dyslexie', 3)).toEqual({ ok: false, message: 'Kies een van de opties.' });
      expect(check('protocol-dyslexie', ['beschikbaar'])).toMatchObject({ ok: false });
    });
  });

  describe('partners', () => {
    it('accepts options of the scale, without duplicates, in the order of the scale', () => {
      expect(check('partners', ['leerplicht', 'sbo', 'sbo'])).toEqual({ ok: true, value: ['sbo', 'leerplicht'] });
    });
    it('keeps an empty selection: "none of these"', () => {
      expect(check('partners', [])).toEqual({ ok: true, value: [] });
    });
    it('refuses unknown options and the wrong type', () => {
      expect(check('partners', ['sbo', 'bakker'])).toEqual({ ok: false, message: 'Kies alleen uit de opties in de lijst.' });
      expect(check('partners', 'sbo')).toEqual({ ok: false, message: 'Kies een of meer opties uit de lijst.' });
      expect(check('partners', [1])).toMatchObject({ ok: false });
    });
  });

  describe('number', () => {
    it('accepts numbers in range, also as text with a decimal comma', () => {
      expect(check('ib-uren', 0)).toEqual({ ok: true, value: 0 });
      expect(check('ib-uren', 40)).toEqual({ ok: true, value: 40 });
      expect(check('ib-uren', ' 12,5 ')).toEqual({ ok: true, value: 12.5 });
    });
    it('says which range is allowed', () => {
      expect(check('ib-uren', 41)).toEqual({ ok: false, message: 'Vul een getal in van 0 tot en met 40.' });
      expect(check('ib-uren', -1)).toEqual({ ok: false, message: 'Vul een getal in van 0 tot en met 40.' });
      expect(check('ib-uren', 'veel')).toEqual({ ok: false, message: 'Vul een getal in van 0 tot en met 40. Schrijf een getal met een komma voor decimalen, bijvoorbeeld 27,5 of 1250.' });
      expect(check('ib-uren', Number.NaN)).toMatchObject({ ok: false });
      expect(check('ib-uren', true)).toMatchObject({ ok: false });
    });
    it('reads Dutch numbers: "1.250" is 1250 (and says so when out of range), "27,5" is 27.5; the English order is refused', () => {
      const open = buildTestTemplate((input) => {
        const item = input.sections[0]?.items?.find((candidate) => candidate.key === 'ib-uren');
        if (item) delete item.max;
      });
      const wide = (raw: unknown) => validateAnswerValue(open, itemOf(open, 'ib-uren'), raw);
      expect(wide('1.250')).toEqual({ ok: true, value: 1250 });
      expect(wide('12.500,5')).toEqual({ ok: true, value: 12500.5 });
      expect(wide('27,5')).toEqual({ ok: true, value: 27.5 });
      expect(wide('0.8')).toEqual({ ok: true, value: 0.8 });
      expect(wide('1,250.5')).toMatchObject({ ok: false, message: expect.stringContaining('komma voor decimalen') });
      expect(check('ib-uren', '1.250')).toEqual({
        ok: false,
        message: 'Vul een getal in van 0 tot en met 40. U vulde 1.250 in; dat lezen wij als 1250. Gebruik een komma voor decimalen, bijvoorbeeld 1,25.',
      });
    });
    it('words a one-sided range', () => {
      const open = buildTestTemplate((input) => {
        const item = input.sections[0]?.items?.find((candidate) => candidate.key === 'ib-uren');
        if (item) delete item.max;
      });
      expect(validateAnswerValue(open, itemOf(open, 'ib-uren'), -2)).toEqual({
        ok: false,
        message: 'Vul een getal in van minstens 0.',
      });
    });
  });

  describe('yes/no', () => {
    it('accepts booleans and the words ja/nee from a form', () => {
      expect(check('onderzoek', true)).toEqual({ ok: true, value: true });
      expect(check('onderzoek', 'nee')).toEqual({ ok: true, value: false });
      expect(check('onderzoek', 'false')).toEqual({ ok: true, value: false });
    });
    it('refuses anything else', () => {
      expect(check('onderzoek', 'misschien')).toEqual({ ok: false, message: 'Kies ja of nee.' });
      expect(check('onderzoek', 1)).toEqual({ ok: false, message: 'Kies ja of nee.' });
    });
  });

  describe('text', () => {
    it('trims text and normalises line breaks', () => {
      expect(check('contact', '  Mevrouw De Vries ')).toEqual({ ok: true, value: 'Mevrouw De Vries' });
      expect(check('visie', 'Regel 1\r\nRegel 2')).toEqual({ ok: true, value: 'Regel 1\nRegel 2' });
    });
    it('says how long the text may be and how long it is', () => {
      expect(check('contact', 'x'.repeat(300))).toMatchObject({ ok: true });
      expect(check('contact', 'x'.repeat(345))).toEqual({ ok: false, message: 'Maximaal 300 tekens; u heeft er 345.' });
      expect(check('visie', 'x'.repeat(1001))).toEqual({ ok: false, message: 'Maximaal 1000 tekens; u heeft er 1001.' });
    });
    it('keeps short text on one line and refuses the wrong type', () => {
      expect(check('contact', 'a\nb')).toEqual({ ok: false, message: 'Schrijf dit antwoord op één regel.' });
      expect(check('contact', 42)).toEqual({ ok: false, message: 'Vul tekst in.' });
      expect(check('visie', { text: 'x' })).toEqual({ ok: false, message: 'Vul tekst in.' });
    });
  });

  it('answers in the language of whoever typed it', () => {
    const en = (key: string, raw: unknown) => validateAnswerValue(template, itemOf(template, key), raw, 'en');
    expect(en('protocol-dyslexie', 'misschien')).toEqual({ ok: false, message: 'Choose one of the options.' });
    expect(en('ib-uren', 41)).toEqual({ ok: false, message: 'Enter a number from 0 to 40.' });
    expect(en('ib-uren', 'veel')).toEqual({ ok: false, message: 'Enter a number from 0 to 40. Write a number without a thousands separator, for example 27.5 or 1250.' });
    expect(en('ib-uren', '1.250')).toMatchObject({ ok: false, message: expect.stringContaining('You entered 1.250; we read that as 1250.') });
    expect(en('ib-uren', '27,5')).toEqual({ ok: true, value: 27.5 });
    for (const key of ['protocol-dyslexie', 'partners', 'ib-uren', 'onderzoek', 'visie']) {
      const result = en(key, { not: 'an answer' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).not.toMatch(/\b(Kies|Vul|Schrijf|Maximaal|getal|tekens)\b/);
    }
  });
});
