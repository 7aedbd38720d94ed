import { describe, expect, it } from 'vitest';
import { describeNorm } from './answer.js';
import { staleNormLabels, withoutGeneratedLabel } from './norm-wording.js';
import { buildTestTemplate, itemOf } from './test-template.js';

const withNorm = (norm: Record<string, unknown>) =>
  buildTestTemplate((input) => {
    const item = input.sections[0]!.items!.find((candidate) => candidate.key === 'protocol-dyslexie')!;
    item.norm = norm as never;
  });

describe('"Norm in woorden" follows the norm', () => {
  it('drops a label that only repeats the generated words, so a change of the accepted options changes the words', () => {
    const before = withNorm({ accept: ['actief-toegepast'], label: 'Actief toegepast' });
    const old = itemOf(before, 'protocol-dyslexie');
    const changed = { ...old, norm: { accept: ['actief-toegepast', 'beschikbaar'], label: 'Actief toegepast' } };
    const saved = withoutGeneratedLabel(before, old, changed);
    expect(saved.norm).toEqual({ accept: ['actief-toegepast', 'beschikbaar'] });
    expect(describeNorm(before, saved)).toBe('Actief toegepast of Beschikbaar');
  });

  it('keeps hand-written words', () => {
    const before = withNorm({ accept: ['actief-toegepast'], label: 'Het protocol wordt in alle groepen gebruikt' });
    const old = itemOf(before, 'protocol-dyslexie');
    expect(withoutGeneratedLabel(before, old, old).norm).toEqual({ accept: ['actief-toegepast'], label: 'Het protocol wordt in alle groepen gebruikt' });
  });

  it('flags hand-written words that stayed while the norm changed since the published version', () => {
    const published = withNorm({ accept: ['actief-toegepast'], label: 'Het protocol wordt in alle groepen gebruikt' });
    const draft = withNorm({ accept: ['actief-toegepast', 'beschikbaar'], label: 'Het protocol wordt in alle groepen gebruikt' });
    expect(staleNormLabels(draft, published)).toEqual([
      { itemKey: 'protocol-dyslexie', title: 'Protocol dyslexie', which: 'norm', label: 'Het protocol wordt in alle groepen gebruikt', generated: 'Actief toegepast of Beschikbaar' },
    ]);
    // Not when the words changed too, the norm did not change, or nothing was published before.
    expect(staleNormLabels(withNorm({ accept: ['actief-toegepast', 'beschikbaar'], label: 'Beschikbaar of beter' }), published)).toEqual([]);
    expect(staleNormLabels(published, published)).toEqual([]);
    expect(staleNormLabels(draft, null)).toEqual([]);
  });
});
