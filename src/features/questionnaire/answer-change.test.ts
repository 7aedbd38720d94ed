import { describe, expect, it } from 'vitest';
import { buildTestTemplate } from '../templates/model/test-template.js';
import { applyChange, computeNormStatuses, resolveTarget, sameAnswer, saveAnswerRequestSchema } from './answer-change.js';

const template = buildTestTemplate((input) => {
  const items = input.sections[0]!.items!;
  items[0]!.norm = { accept: ['actief-toegepast'] };
  items[0]!.ambition = true;
  items[0]!.parentTextEditable = true;
  items[0]!.parentTextMaxLength = 20;
  input.sections[0]!.asksLimits = true;
});
const target = (key: string, field: 'value' | 'ambition' | 'parentText' | 'limits' = 'value') => resolveTarget(template, key, field)!;

describe('applyChange', () => {
  it('sets one field, keeps the others, and recomputes the stored norm status from the value', () => {
    const current = { value: 'beschikbaar', ambition: null, parentText: 'Wij helpen.' };
    const result = applyChange(template, target('protocol-dyslexie'), current, 'value', 'actief-toegepast');
    expect(result).toEqual({ ok: true, answer: { value: 'actief-toegepast', ambition: null, parentText: 'Wij helpen.', normStatus: 'meets', nationalNormStatus: null } });
    const below = applyChange(template, target('protocol-dyslexie'), null, 'value', 'niet-aanwezig');
    expect(below.ok && below.answer.normStatus).toBe('below');
    const cleared = applyChange(template, target('protocol-dyslexie'), current, 'value', '');
    expect(cleared.ok && cleared.answer).toMatchObject({ value: null, normStatus: null });
  });

  it('gives a message that says what to do for out-of-range numbers, unknown options and long texts', () => {
    expect(applyChange(template, target('ib-uren'), null, 'value', 41)).toEqual({ ok: false, message: 'Vul een getal in van 0 tot en met 40.' });
    expect(applyChange(template, target('protocol-dyslexie'), null, 'value', 'misschien')).toEqual({ ok: false, message: 'Kies een van de opties.' });
    expect(applyChange(template, target('protocol-dyslexie'), null, 'parentText', 'x'.repeat(21))).toEqual({ ok: false, message: 'Maximaal 20 tekens; u heeft er 21.' });
  });

  it('checks an ambition: allowed on the item, a target from the scale, a school year', () => {
    expect(applyChange(template, target('protocol-dyslexie'), null, 'ambition', { target: 'actief-toegepast', schoolYear: '2027-2028' })).toMatchObject({
      ok: true,
      answer: { ambition: { target: 'actief-toegepast', schoolYear: '2027-2028' } },
    });
    expect(applyChange(template, target('protocol-dyslexie'), null, 'ambition', { target: 'onbekend' }).ok).toBe(false);
    expect(applyChange(template, target('protocol-dyslexie'), null, 'ambition', { schoolYear: 'volgend jaar' }).ok).toBe(false);
    expect(applyChange(template, target('ib-uren'), null, 'ambition', {}).ok).toBe(false);
    expect(applyChange(template, target('protocol-dyslexie'), { value: null, ambition: { target: 'beschikbaar' }, parentText: null }, 'ambition', null)).toMatchObject({ ok: true, answer: { ambition: null } });
  });

  it('stores limits per section, only where the section asks for them', () => {
    expect(resolveTarget(template, 'limits:belofte-1', 'limits')).toMatchObject({ kind: 'limits' });
    expect(resolveTarget(buildTestTemplate(), 'belofte-1', 'limits')).toBeNull();
    expect(applyChange(template, target('belofte-1', 'limits'), null, 'limits', ' Geen zorg. ')).toMatchObject({ ok: true, answer: { value: 'Geen zorg.' } });
    expect(applyChange(template, target('belofte-1', 'limits'), null, 'limits', 'x'.repeat(4001)).ok).toBe(false);
  });

  it('unknown items resolve to nothing', () => {
    expect(resolveTarget(template, 'bestaat-niet', 'value')).toBeNull();
  });
});

describe('sameAnswer and the request schema', () => {
  it('compares value, ambition and parent text', () => {
    expect(sameAnswer(null, { value: null, ambition: null, parentText: null })).toBe(true);
    expect(sameAnswer({ value: ['a'], ambition: null, parentText: null }, { value: ['a'], ambition: null, parentText: null })).toBe(true);
    expect(sameAnswer({ value: 1, ambition: null, parentText: null }, { value: 2, ambition: null, parentText: null })).toBe(false);
  });
  it('accepts only the known fields and a whole revision', () => {
    expect(saveAnswerRequestSchema.safeParse({ itemKey: 'a', field: 'value', value: 1, baseRevision: 0 }).success).toBe(true);
    expect(saveAnswerRequestSchema.safeParse({ itemKey: 'a', field: 'meetsNorm', value: true, baseRevision: 0 }).success).toBe(false);
    expect(saveAnswerRequestSchema.safeParse({ itemKey: 'a', field: 'value', value: 1, baseRevision: -1 }).success).toBe(false);
  });
});

describe('computeNormStatuses', () => {
  const item = { key: 'x', kind: 'yesno', title: 'X', required: true, origin: 'national', ambition: false, parentTextEditable: false, parentTextMaxLength: 250, posters: { parent: false, teacher: false }, nationalNorm: { equals: true } } as const;

  it('is computed against the national norm, beside the SWV norm', () => {
    expect(computeNormStatuses(item, true)).toEqual({ normStatus: null, nationalNormStatus: 'meets' });
    expect(computeNormStatuses(item, false)).toEqual({ normStatus: null, nationalNormStatus: 'below' });
    expect(computeNormStatuses(item, null)).toEqual({ normStatus: null, nationalNormStatus: null });
  });

  it('stores cannot-judge for a value of the wrong type and reports why, without the answer', () => {
    const reports: Array<[string, string]> = [];
    const statuses = computeNormStatuses({ ...item, norm: { equals: true } }, 'ja, natuurlijk', (which, reason) => reports.push([which, reason]));
    expect(statuses).toEqual({ normStatus: 'cannot-judge', nationalNormStatus: 'cannot-judge' });
    expect(reports).toEqual([
      ['swv', 'answer of type string for a yesno item'],
      ['national', 'answer of type string for a yesno item'],
    ]);
    expect(JSON.stringify(reports)).not.toContain('natuurlijk');
  });
});

describe('normStatusOf', () => {
  it('gives the live status against either norm, the same words as the section page', async () => {
    const { normStatusOf } = await import('./answer-change.js');
    const item = {
      key: 'x',
      kind: 'yesno',
      title: 'X',
      required: true,
      origin: 'national',
      ambition: true,
      parentTextEditable: false,
      parentTextMaxLength: 250,
      posters: { parent: false, teacher: false },
      nationalNorm: { equals: true },
    } as const;
    const target = { kind: 'item', section: { key: 's', title: 'S', items: [item] }, item } as unknown as Parameters<typeof normStatusOf>[0];
    expect(normStatusOf(target, { value: false, ambition: null }, 'national')).toBe('below');
    expect(normStatusOf(target, { value: true, ambition: null }, 'national')).toBe('meets');
    expect(normStatusOf(target, { value: false, ambition: { schoolYear: '2027-2028' } }, 'national')).toBe('ambition');
    expect(normStatusOf(target, { value: null, ambition: null }, 'national')).toBe('unanswered');
    // No SWV norm on this item: nothing to show beside the national status.
    expect(normStatusOf(target, { value: true, ambition: null })).toBe('no-norm');
  });
});
