import { describe, expect, it } from 'vitest';
import { buildTestTemplate } from '../templates/model/test-template.js';
import { computeCompleteness, isComplete } from './completeness.js';

const template = buildTestTemplate((input) => {
  const items = input.sections[0]!.items!;
  items[0]!.norm = { accept: ['actief-toegepast'] };
  items[0]!.ambition = true;
  items[5]!.required = false; // visie
  input.sections.push({ key: 'tot-slot', kind: 'closing', title: 'Tot slot', asksLimits: true, items: [{ key: 'slot', kind: 'text', title: 'Slot', required: false }] });
});

describe('computeCompleteness', () => {
  it('counts required items per section and lists what is missing, in template order', () => {
    const result = computeCompleteness(template, { 'protocol-dyslexie': { value: 'beschikbaar', ambition: null }, partners: { value: [], ambition: null } });
    const [first, last] = result.sections;
    expect(first).toMatchObject({ sectionKey: 'belofte-1', answered: 2, required: 5, missingItemKeys: ['ib-uren', 'onderzoek', 'contact'], status: 'in_progress' });
    expect(first!.belowNormItemKeys).toEqual(['protocol-dyslexie']);
    expect(last).toMatchObject({ required: 0, status: 'not_started' });
    expect(result).toMatchObject({ answered: 2, required: 5, percent: 40, missingCount: 3, belowNormCount: 1 });
    expect(isComplete(result)).toBe(false);
  });

  it('an ambition lifts an answer below the norm out of the below-norm list, but does not answer the item', () => {
    const below = computeCompleteness(template, { 'protocol-dyslexie': { value: 'beschikbaar', ambition: { target: 'actief-toegepast' } } });
    expect(below.sections[0]!.belowNormItemKeys).toEqual([]);
    const onlyAmbition = computeCompleteness(template, { 'protocol-dyslexie': { value: null, ambition: { schoolYear: '2027-2028' } } });
    expect(onlyAmbition.sections[0]).toMatchObject({ answered: 0, status: 'in_progress' });
  });

  it('is complete when every required item has an answer; limits text starts a section', () => {
    const all = computeCompleteness(
      template,
      {
        'protocol-dyslexie': { value: 'actief-toegepast', ambition: null },
        partners: { value: ['sbo'], ambition: null },
        'ib-uren': { value: 8, ambition: null },
        onderzoek: { value: false, ambition: null },
        contact: { value: 'Mevrouw Jansen', ambition: null },
      },
      { 'tot-slot': 'Geen verpleegkundige zorg.' },
    );
    expect(isComplete(all)).toBe(true);
    expect(all.percent).toBe(100);
    expect(all.sections.map((s) => s.status)).toEqual(['complete', 'complete']);
  });

  it('empty text is not an answer', () => {
    const result = computeCompleteness(template, { contact: { value: '  ', ambition: null } });
    expect(result.sections[0]!.missingItemKeys).toContain('contact');
  });
});
