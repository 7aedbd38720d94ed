import { describe, expect, it } from 'vitest';
import { buildTestTemplate } from '../templates/model/test-template.js';
import { compareAnswers, describeAmbitionPlain } from './profile-changes.js';

describe('the changes and check pages show labels, never option keys', () => {
  const template = buildTestTemplate((input) => {
    for (const item of input.sections[0]!.items!) if (item.kind === 'protocol' || item.kind === 'partners') item.ambition = true;
  });
  const item = (key: string) => template.sections[0]!.items.find((candidate) => candidate.key === key)!;
  const keys = ['actief-toegepast', 'beschikbaar', 'niet-aanwezig', 'sbo', 'jgz', 'leerplicht'];

  it('an ambition reads as its target option, school year and note', () => {
    expect(describeAmbitionPlain(template, item('protocol-dyslexie'), { target: 'actief-toegepast', schoolYear: '2027-2028' })).toBe('Actief toegepast, 2027-2028');
    expect(describeAmbitionPlain(template, item('partners'), { target: 'jgz' })).toBe('Jeugdgezondheidszorg');
  });

  it('compares last year with this year in words', () => {
    const previous = { template, answers: { 'protocol-dyslexie': { value: 'beschikbaar', ambition: { target: 'actief-toegepast', schoolYear: '2026-2027' }, parentText: null }, partners: { value: ['sbo'], ambition: null, parentText: null }, 'ib-uren': { value: 12.5, ambition: null, parentText: null } } };
    const current = { template, answers: { 'protocol-dyslexie': { value: 'actief-toegepast', ambition: null, parentText: null }, partners: { value: ['sbo', 'leerplicht'], ambition: { target: 'jgz' }, parentText: null }, 'ib-uren': { value: 1250, ambition: null, parentText: null } } };
    const rows = compareAnswers(previous as never, current as never);
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));
    expect(byKey['protocol-dyslexie']).toMatchObject({ previous: 'Beschikbaar — ambitie: Actief toegepast, 2026-2027', current: 'Actief toegepast', changed: true });
    expect(byKey['partners']).toMatchObject({ previous: 'Speciaal basisonderwijs', current: 'Speciaal basisonderwijs, Leerplichtambtenaar — ambitie: Jeugdgezondheidszorg' });
    expect(byKey['ib-uren']).toMatchObject({ previous: '12,5', current: '1.250' });
    for (const row of rows) for (const key of keys) expect(`${row.previous} ${row.current}`).not.toMatch(new RegExp(`\\b${key}\\b`));
  });
});
