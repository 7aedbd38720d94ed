/**
 * Carry-over between template versions, as the yearly prefill does it (cycle/prefill.ts uses the
 * templates model's diff and canCarryOverAnswer): what the docs and the compare page promise.
 */
import { describe, expect, it } from 'vitest';
import { carryOverAnswers, type PreviousAnswer } from '../src/features/cycle/prefill.js';
import { diffTemplateVersions } from '../src/features/templates/model/diff-versions.js';
import { buildTestTemplate } from '../src/features/templates/model/test-template.js';
import { carryOverCounts } from '../src/features/templates/views/pages.js';

const previous = buildTestTemplate();
const answers: Record<string, PreviousAnswer> = {
  'protocol-dyslexie': { value: 'beschikbaar', ambition: null, parentText: null },
  partners: { value: ['sbo', 'jgz'], ambition: null, parentText: null },
  'ib-uren': { value: 12, ambition: null, parentText: null },
  onderzoek: { value: true, ambition: null, parentText: null },
  contact: { value: 'Mevrouw De Vries', ambition: null, parentText: null },
};
const carried = (next: ReturnType<typeof buildTestTemplate>) => carryOverAnswers(previous, next, answers, {}).map((row) => row.itemKey).sort();

describe('carrying answers over into a new template version', () => {
  it('keeps answers when only the norm or parent texts change', () => {
    const next = buildTestTemplate((input) => {
      const items = input.sections[0]!.items!;
      items.find((item) => item.key === 'protocol-dyslexie')!.norm = { accept: ['beschikbaar'] };
      items.find((item) => item.key === 'contact')!.parentText = 'Vraag het de contactpersoon.';
    });
    expect(carried(next)).toEqual(['contact', 'ib-uren', 'onderzoek', 'partners', 'protocol-dyslexie']);
    expect(carryOverCounts(diffTemplateVersions(previous, next))).toMatchObject({ count: 6, check: 0, open: 0, none: 0 });
  });

  it('keeps the answer of a reworded question, help text or hint, for the school to confirm (issue 10: a typo reopens nothing)', () => {
    const next = buildTestTemplate((input) => {
      const items = input.sections[0]!.items!;
      items.find((item) => item.key === 'onderzoek')!.title = 'De school onderzoekt altijd eerst wat een leerling nodig heeft.';
      items.find((item) => item.key === 'onderzoek')!.help = 'Vraag bij twijfel het samenwerkingsverband om advies.';
      items.find((item) => item.key === 'contact')!.hint = 'Naam en functie.';
    });
    expect(carried(next)).toEqual(['contact', 'ib-uren', 'onderzoek', 'partners', 'protocol-dyslexie']);
    expect(carryOverCounts(diffTemplateVersions(previous, next))).toMatchObject({ count: 6, check: 2, open: 0, none: 0 });
  });

  it('leaves relabelled or added options and a changed range open for the school', () => {
    const next = buildTestTemplate((input) => {
      const items = input.sections[0]!.items!;
      input.scales![0]!.options[1]!.label = 'Aanwezig, nog niet toegepast';
      input.scales![1]!.options.push({ value: 'smw', label: 'Schoolmaatschappelijk werk' });
      items.find((item) => item.key === 'ib-uren')!.max = 80;
    });
    expect(carried(next)).toEqual(['contact', 'onderzoek']);
    expect(carryOverCounts(diffTemplateVersions(previous, next))).toMatchObject({ count: 3, check: 0, open: 3, ifValid: 0, none: 0 });
  });

  it('counts answers that may no longer fit, and drops any answer after a kind change', () => {
    const next = buildTestTemplate((input) => {
      const items = input.sections[0]!.items!;
      input.scales![0]!.options = input.scales![0]!.options.filter((option) => option.value !== 'beschikbaar');
      input.scales![1]!.options = input.scales![1]!.options.filter((option) => option.value !== 'leerplicht'); // not chosen
      items.find((item) => item.key === 'ib-uren')!.max = 10;
      Object.assign(items.find((item) => item.key === 'onderzoek')!, { kind: 'text' });
    });
    expect(carried(next)).toEqual(['contact']);
    expect(carryOverCounts(diffTemplateVersions(previous, next))).toMatchObject({ ifValid: 3, none: 1 });
  });
});
