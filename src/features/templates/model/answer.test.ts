import { describe, expect, it } from 'vitest';
import { deriveNormStatus, evaluateNorm, judgeNorm, judgeStoredNorm, type AnswerValue } from './answer.js';
import { SINGLE_CHOICE_KINDS, type Item } from './template.js';
import { buildTestTemplate, itemOf } from './test-template.js';

/** Every item kind with a norm; the rating scale's option values look like numbers ("1" … "5"). */
const template = buildTestTemplate((input) => {
  input.scales!.push({ key: 'cijfer', name: 'Cijfer', options: ['1', '2', '3', '4', '5'].map((value) => ({ value, label: `${value} van 5` })) });
  const items = input.sections[0]!.items!;
  items.push(
    ...SINGLE_CHOICE_KINDS.map((kind) => ({ key: `keuze-${kind}`, kind, title: `Keuze ${kind}`, scale: 'cijfer', norm: { accept: ['4', '5'] } })),
    { key: 'tekst-met-norm', kind: 'text', title: 'Tekst met (onmogelijke) norm', norm: { label: 'Goed beschreven' } },
    { key: 'lang-met-norm', kind: 'longtext', title: 'Lange tekst met (onmogelijke) norm', norm: { label: 'Goed beschreven' } },
    { key: 'keuze-zonder-regel', kind: 'choice', title: 'Norm zonder regel', scale: 'cijfer', norm: { label: 'Voldoende' } },
  );
  for (const item of items) {
    if (item.key === 'protocol-dyslexie') item.norm = { accept: ['actief-toegepast'] };
    if (item.key === 'partners') item.norm = { includes: ['sbo', 'jgz'] };
    if (item.key === 'ib-uren') item.norm = { min: 8, max: 32 };
    if (item.key === 'onderzoek') item.nationalNorm = { equals: true };
  }
});
const item = (key: string): Item => itemOf(template, key);
const status = (key: string, value: unknown, ambition: object | null = null, which: 'swv' | 'national' = 'swv') =>
  evaluateNorm(item(key), { value: value as AnswerValue, ambition }, which);

/** Values that look like JSON in text, and every JSON type. */
const ODD_VALUES: unknown[] = ['3', 'true', 'null', '0', '[1]', '{}', 3, 0, true, false, [1], ['4'], {}, { value: '4' }, Number.NaN, Number.POSITIVE_INFINITY];

describe('judgeNorm fails closed', () => {
  it('judges a numeric-looking option of every single-choice kind as the option it is', () => {
    for (const kind of SINGLE_CHOICE_KINDS) {
      expect(status(`keuze-${kind}`, '3'), kind).toBe('below');
      expect(status(`keuze-${kind}`, '4'), kind).toBe('meets');
      expect(status(`keuze-${kind}`, '5'), kind).toBe('meets');
      // The re-parsed value of issue 10: the number 3, not the option "3".
      expect(status(`keuze-${kind}`, 3), kind).toBe('cannot-judge');
      expect(status(`keuze-${kind}`, 4), kind).toBe('cannot-judge');
    }
  });

  it('never says meets for a value whose type the item kind does not have', () => {
    const cases: Array<{ key: string; which: 'swv' | 'national'; fits: (value: unknown) => boolean }> = [
      { key: 'protocol-dyslexie', which: 'swv', fits: (value) => typeof value === 'string' },
      { key: 'keuze-choice', which: 'swv', fits: (value) => typeof value === 'string' },
      { key: 'partners', which: 'swv', fits: (value) => Array.isArray(value) && value.every((entry) => typeof entry === 'string') },
      { key: 'ib-uren', which: 'swv', fits: (value) => typeof value === 'number' && Number.isFinite(value) },
      { key: 'onderzoek', which: 'national', fits: (value) => typeof value === 'boolean' },
    ];
    for (const { key, which, fits } of cases) {
      for (const value of ODD_VALUES.filter((candidate) => !fits(candidate))) {
        expect(status(key, value, null, which), `${key} ← ${String(value)}`).toBe('cannot-judge');
      }
    }
  });

  it('judges the right types of every kind against their rule', () => {
    expect(status('protocol-dyslexie', 'actief-toegepast')).toBe('meets');
    expect(status('protocol-dyslexie', 'beschikbaar')).toBe('below');
    expect(status('partners', ['sbo', 'jgz', 'leerplicht'])).toBe('meets');
    expect(status('partners', ['sbo'])).toBe('below');
    expect(status('partners', [])).toBe('below'); // "Geen van deze" is an answer, and it lacks the required partners
    expect(status('ib-uren', 8)).toBe('meets');
    expect(status('ib-uren', 32)).toBe('meets');
    expect(status('ib-uren', 7.5)).toBe('below');
    expect(status('ib-uren', 33)).toBe('below');
    expect(status('onderzoek', true, null, 'national')).toBe('meets');
    expect(status('onderzoek', false, null, 'national')).toBe('below');
  });

  it('cannot judge text answers against a norm, nor a norm without the rule for its kind', () => {
    for (const value of ['3', 'true', 'null', '0', '[1]', '{}', 'Wij werken met een dyslexieprotocol.']) {
      expect(status('tekst-met-norm', value)).toBe('cannot-judge');
      expect(status('lang-met-norm', value)).toBe('cannot-judge');
    }
    expect(status('keuze-zonder-regel', '5')).toBe('cannot-judge');
    expect(judgeNorm({ kind: 'yesno' }, {}, true)).toEqual({ status: 'cannot-judge', reason: 'norm without equals for a yesno item' });
    expect(judgeNorm({ kind: 'number' }, {}, 3)).toEqual({ status: 'cannot-judge', reason: 'norm without min or max for a number item' });
    expect(judgeNorm({ kind: 'partners' }, {}, [])).toEqual({ status: 'cannot-judge', reason: 'norm without includes for a partners item' });
  });

  it('names kinds and types in its reason, never the answer', () => {
    const judgement = judgeNorm(item('keuze-choice'), item('keuze-choice').norm!, { geheim: 'Jan de Vries' });
    expect(judgement).toEqual({ status: 'cannot-judge', reason: 'answer of type object for a choice item' });
    expect(judgeNorm(item('tekst-met-norm'), item('tekst-met-norm').norm!, 'Jan de Vries')).toEqual({ status: 'cannot-judge', reason: 'a norm on a text item' });
  });

  it('treats empty and whitespace answers as not answered, and an ambition as an ambition', () => {
    for (const value of [null, undefined, '', '  ', '\n']) {
      expect(status('keuze-choice', value)).toBe('unanswered');
      expect(status('tekst-met-norm', value)).toBe('unanswered');
      expect(judgeStoredNorm(item('keuze-choice'), value as AnswerValue)).toBeNull();
    }
    expect(status('keuze-choice', null, { target: '4' })).toBe('ambition');
    expect(status('keuze-choice', '3', { target: '4', schoolYear: '2027-2028' })).toBe('ambition');
    expect(status('keuze-choice', '5', { target: '5' })).toBe('meets');
    // An answer that cannot be judged stays so, ambition or not: it is an error to look into.
    expect(status('keuze-choice', 3, { target: '4' })).toBe('cannot-judge');
  });

  it('has no status without a norm', () => {
    expect(status('contact', 'Fatima el Idrissi')).toBe('no-norm');
    expect(status('onderzoek', true)).toBe('no-norm');
    expect(judgeStoredNorm(item('contact'), 'Fatima el Idrissi')).toBeNull();
  });
});

describe('deriveNormStatus', () => {
  it('reads a stored row the same way as evaluateNorm', () => {
    expect(deriveNormStatus('meets', { hasNorm: true, hasAmbition: false })).toBe('meets');
    expect(deriveNormStatus('below', { hasNorm: true, hasAmbition: true })).toBe('ambition');
    expect(deriveNormStatus('cannot-judge', { hasNorm: true, hasAmbition: true })).toBe('cannot-judge');
    expect(deriveNormStatus(null, { hasNorm: true, hasAmbition: true })).toBe('ambition');
    expect(deriveNormStatus(null, { hasNorm: true, hasAmbition: false })).toBe('unanswered');
    expect(deriveNormStatus(null, { hasNorm: false, hasAmbition: false })).toBe('no-norm');
  });
});
