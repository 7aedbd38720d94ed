import { describe, expect, it } from 'vitest';
import { defineMessages, formatMessage, translator } from './i18n.js';

describe('messages with parameters', () => {
  const catalogue = defineMessages(
    { found: '{count, plural, one {# school gevonden} other {# scholen gevonden}} in {city}', none: '{count, plural, =0 {geen scholen} one {één school} other {# scholen}}' },
    { found: '{count, plural, one {# school found} other {# schools found}} in {city}', none: '{count, plural, =0 {no schools} one {one school} other {# schools}}' },
  );

  it('chooses the plural form by the language’s rules', () => {
    const nl = translator(catalogue, 'nl');
    const en = translator(catalogue, 'en');
    expect(nl('found', { count: 1, city: 'Utrecht' })).toBe('1 school gevonden in Utrecht');
    expect(nl('found', { count: 3, city: 'Utrecht' })).toBe('3 scholen gevonden in Utrecht');
    expect(en('found', { count: 0, city: 'Utrecht' })).toBe('0 schools found in Utrecht');
    expect(en('found', { count: 1, city: 'Utrecht' })).toBe('1 school found in Utrecht');
  });

  it('takes an exact number first, and a count given as text', () => {
    const en = translator(catalogue, 'en');
    expect(en('none', { count: 0 })).toBe('no schools');
    expect(en('none', { count: '1' })).toBe('one school');
    expect(en('none', { count: 12 })).toBe('12 schools');
  });

  it('keeps plain parameters and leaves an unknown one as written', () => {
    expect(formatMessage('Nog {left} van {max} tekens', { left: 3 }, 'nl')).toBe('Nog 3 van {max} tekens');
    expect(formatMessage('{n, plural, one {# vraag} other {# vragen}}', {}, 'nl')).toBe('# vragen');
  });
});
