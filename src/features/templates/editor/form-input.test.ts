import { describe, expect, it } from 'vitest';
import { deriveItemKey, itemValues, readItem } from './form-input.js';

describe('item form', () => {
  it('makes a key from the title, unique in the questionnaire', () => {
    expect(deriveItemKey('Aanbod voor leerlingen met dyslexie?', new Set())).toBe('aanbod-voor-leerlingen-met-dyslexie');
    expect(deriveItemKey('Zorgcoördinator één keer per week', new Set())).toBe('zorgcoordinator-een-keer-per-week');
    expect(deriveItemKey('Aanbod', new Set(['aanbod', 'aanbod-2']))).toBe('aanbod-3');
    expect(deriveItemKey('???', new Set())).toBe('vraag');
    expect(deriveItemKey('x'.repeat(100), new Set())).toHaveLength(60);
  });

  it('keeps the parent title and the role of a text item when saved (they were dropped before)', () => {
    const values = itemValues(
      { key: 'grenzen', kind: 'longtext', title: 'Grenzen van de ondersteuning', parentTitle: 'Wat kan de school niet bieden?', role: 'limits', required: true, origin: 'swv', ambition: false, parentTextEditable: false, parentTextMaxLength: 250, posters: { parent: true, teacher: false } },
      'afsluiting',
    );
    const { item } = readItem(values);
    expect(item).toMatchObject({ parentTitle: 'Wat kan de school niet bieden?', role: 'limits' });
    // A role only for text items: switching the kind leaves none behind.
    expect(readItem({ ...values, kind: 'yesno' }).item['role']).toBeUndefined();
  });
});
