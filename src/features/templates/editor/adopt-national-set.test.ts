import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadExampleTemplate } from '../example-templates.js';
import { parseNationalSetFile, type NationalSet } from '../format/national-set.js';
import { listItems } from '../model/template.js';
import { adoptNationalSet } from './adopt-national-set.js';
import { checkDefinition } from './check-definition.js';
import { EditRefused } from './edits.js';

const setSource = readFileSync(new URL('../../../../templates/national/landelijke-norm-voorbeeld.yaml', import.meta.url), 'utf8');

function exampleSet(): NationalSet {
  const parsed = parseNationalSetFile(setSource);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.set;
}

describe('the shipped example national set', () => {
  it('parses, is marked as an example and carries only national norms', () => {
    const set = exampleSet();
    expect(set.name).toMatch(/voorbeeld/i);
    expect(setSource).toContain('GEEN OFFICIËLE TEKST');
    const items = set.sections.flatMap((section) => section.items);
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.every((item) => item.nationalNorm !== undefined)).toBe(true);
  });

  it('refuses an SWV norm and a norm option the set does not have, with paths', () => {
    const withNorm = parseNationalSetFile(setSource.replace('nationalNorm: { equals: true }\n      - key: landelijk-toegankelijk', 'norm: { equals: true }\n      - key: landelijk-toegankelijk'));
    expect(withNorm.ok).toBe(false);
    if (!withNorm.ok) expect(withNorm.errors[0]!.message).toContain('alleen "nationalNorm"');
    const badOption = parseNationalSetFile(setSource.replace('accept: [in-de-school, met-hulp-van-buiten], label: In de school }\n        ambition: true\n        posters: { parent: true, teacher: true }', 'accept: [overal] }'));
    expect(badOption.ok).toBe(false);
    const line = setSource.split('\n').findIndex((text) => text.includes('key: landelijk-lezen-rekenen')) + 1;
    if (!badOption.ok) expect(badOption.errors).toEqual([expect.objectContaining({ path: 'sections[0].items[0].nationalNorm.accept[0]', line: line + 10 })]);
    if (!withNorm.ok) expect(withNorm.errors[0]).toMatchObject({ path: 'sections[0].items[2]', line: expect.any(Number) });
  });
});

describe('adoptNationalSet', () => {
  it('adds the set as a section before Extra and Tot slot, as national items with their norms', () => {
    const draft = loadExampleTemplate('de-eem-po');
    const before = listItems(draft).length;
    adoptNationalSet(exampleSet()).apply(draft);
    const checked = checkDefinition(draft);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const template = checked.template;
    expect(template.nationalSet).toEqual({ key: 'landelijke-norm-voorbeeld', name: exampleSet().name, version: '2025-voorbeeld' });
    const section = template.sections.find((s) => s.key === 'landelijke-norm')!;
    expect(template.sections.indexOf(section)).toBe(template.sections.findIndex((s) => s.kind === 'extra') - 1);
    expect(section.items.every((item) => item.origin === 'national' && item.nationalNorm && !item.norm)).toBe(true);
    expect(listItems(template).length).toBe(before + section.items.length);
    expect(template.scales.some((scale) => scale.key === 'landelijk-beschikbaar')).toBe(true);
  });

  it('puts every item into a named section when asked', () => {
    const draft = loadExampleTemplate('de-eem-po');
    const count = draft.sections.find((s) => s.key === 'belofte-1')!.items.length;
    adoptNationalSet(exampleSet(), { intoSection: 'belofte-1' }).apply(draft);
    expect(draft.sections.some((s) => s.key === 'landelijke-norm')).toBe(false);
    expect(draft.sections.find((s) => s.key === 'belofte-1')!.items.length).toBe(count + 5);
    expect(checkDefinition(draft).ok).toBe(true);
  });

  it('refuses key clashes, naming every clash, and changes nothing', () => {
    const draft = loadExampleTemplate('de-eem-po');
    const set = exampleSet();
    set.sections[0]!.items[0]!.key = draft.sections[1]!.items[0]!.key;
    set.scales.push({ key: draft.scales[0]!.key, name: 'Anders', options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] });
    const copy = structuredClone(draft);
    let refused: unknown;
    try {
      adoptNationalSet(set).apply(copy);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(EditRefused);
    const message = (refused as Error).message;
    expect(message).toContain(`Vraag "${draft.sections[1]!.items[0]!.key}" uit de landelijke set bestaat al in onderdeel "${draft.sections[1]!.title}"`);
    expect(message).toContain(`Schaal "${draft.scales[0]!.key}" bestaat al`);
    expect(copy).toEqual(draft);
  });

  it('refuses a second, different national set and an unknown target section', () => {
    const draft = loadExampleTemplate('de-eem-po');
    draft.nationalSet = { key: 'andere-set', name: 'Andere set', version: '1' };
    expect(() => adoptNationalSet(exampleSet(), { intoSection: 'bestaat-niet' }).apply(draft)).toThrow(/al de landelijke set "Andere set".*Onderdeel "bestaat-niet" bestaat niet/);
  });
});
