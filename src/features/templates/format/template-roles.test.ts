/**
 * The template additions the documents rely on: `parentTitle` (a parent headline), `role` (which
 * free-text item holds the limits, the extra support, …), `wording` (the SWV's own words), and the
 * warnings for what will not reach the documents. Old files without them still import.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itemsWithRole, listItems, parentTitleOf } from '../model/template.js';
import { parseTemplateFile } from './parse-template-file.js';
import { serializeTemplate } from './serialize-template.js';

const examplesDir = new URL('../../../../templates/examples/', import.meta.url);
const readExample = (name: string) => readFileSync(new URL(name, examplesDir), 'utf8');

/** A vo template that asks for its limits in one free-text item of its closing section. */
const VO_WITH_CLOSING_LIMITS = `
format: opensop-template/1
key: vo-grenzen
name: SOP vo met grenzen in Tot slot
sector: vo
wording:
  promise: standaard
  promises: standaarden
  firstContact: mentor
sections:
  - key: standaard-1
    kind: promise
    title: Standaard 1
    promise: Elke leerling heeft een mentor die hem kent.
    items:
      - key: mentorgesprek
        kind: yesno
        title: Elke leerling heeft drie keer per jaar een mentorgesprek.
        parentTitle: Drie keer per jaar een gesprek met de mentor
        norm: { equals: true }
        posters: { parent: true }
  - key: tot-slot
    kind: closing
    title: Tot slot
    items:
      - key: wat-kunnen-wij-niet
        kind: longtext
        role: limits
        title: Welke ondersteuning kan de school niet bieden?
        parentTitle: Wat kunnen wij niet bieden?
        parentTextEditable: true
        posters: { parent: true }
`;

function parseOk(source: string) {
  const result = parseTemplateFile(source);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

function parseErrors(source: string) {
  const result = parseTemplateFile(source);
  if (result.ok) throw new Error('verwacht fouten, maar het bestand werd goedgekeurd');
  return result.errors;
}

describe('role, parentTitle and wording in a template file', () => {
  it('reads them, keeps them through export and import, and gives no warning', () => {
    const { template, warnings } = parseOk(VO_WITH_CLOSING_LIMITS);
    expect(warnings).toEqual([]);
    expect(template.wording).toEqual({ promise: 'standaard', promises: 'standaarden', firstContact: 'mentor' });
    expect(itemsWithRole(template, 'limits').map(({ section, item }) => [section.key, item.key])).toEqual([['tot-slot', 'wat-kunnen-wij-niet']]);
    const written = serializeTemplate(template);
    expect(written).toContain('role: limits');
    expect(written).toContain('parentTitle: Drie keer per jaar een gesprek met de mentor');
    expect(written).toMatch(/wording:\n {2}promise: standaard\n {2}promises: standaarden\n {2}firstContact: mentor\n/);
    expect(parseOk(written).template).toEqual(template);
  });

  it('falls back to the title where no parent title is written', () => {
    expect(parentTitleOf({ title: 'Aanbod dyslexie' })).toBe('Aanbod dyslexie');
    expect(parentTitleOf({ title: 'Aanbod dyslexie', parentTitle: 'Hulp bij lezen' })).toBe('Hulp bij lezen');
  });

  it('refuses a role on an item that is not a text question, naming the item', () => {
    const errors = parseErrors(VO_WITH_CLOSING_LIMITS.replace('        norm: { equals: true }\n', '        role: limits\n        norm: { equals: true }\n'));
    expect(errors).toEqual([
      expect.objectContaining({ path: 'sections[0].items[0].role', message: expect.stringContaining('hoort alleen bij een tekstvraag') }),
    ]);
  });

  it('refuses an unknown role and an unknown word, with what is allowed', () => {
    const errors = parseErrors(VO_WITH_CLOSING_LIMITS.replace('role: limits', 'role: grenzen').replace('  firstContact: mentor', '  firstContct: mentor'));
    expect(errors.find((e) => e.path === 'sections[1].items[0].role')?.message).toContain('limits, extraSupport, parentInvolvement');
    expect(errors.find((e) => e.path === 'wording.firstContct')?.message).toContain('bedoelt u "firstContact"?');
  });

  it('refuses a parent title that is too long for a headline', () => {
    const errors = parseErrors(VO_WITH_CLOSING_LIMITS.replace('parentTitle: Wat kunnen wij niet bieden?', `parentTitle: ${'Heel lang '.repeat(20)}`));
    expect(errors.map((e) => [e.path, e.message])).toEqual([['sections[1].items[0].parentTitle', 'mag hoogstens 160 tekens lang zijn']]);
  });
});

describe('warnings: allowed, but it will not reach the documents', () => {
  it('warns when nothing asks for the limits, and still imports', () => {
    const source = VO_WITH_CLOSING_LIMITS.replace('        role: limits\n', '');
    const { warnings } = parseOk(source);
    expect(warnings).toEqual([
      expect.objectContaining({ path: 'sections', message: expect.stringContaining('er komen geen grenzen in het SOP') }),
    ]);
    expect(warnings[0]?.line).toBeGreaterThan(1);
  });

  it('does not warn when a section asks "wat kan de school niet?"', () => {
    const source = VO_WITH_CLOSING_LIMITS.replace('        role: limits\n', '').replace('    title: Standaard 1\n', '    title: Standaard 1\n    asksLimits: true\n');
    expect(parseOk(source).warnings).toEqual([]);
  });

  it('warns that a template sentence on a free-text item is not shown in place of the school\'s text', () => {
    const source = VO_WITH_CLOSING_LIMITS.replace('        parentTextEditable: true\n', '        parentText: Dit kunnen wij (nog) niet bieden.\n        parentTextEditable: true\n');
    const { warnings } = parseOk(source);
    expect(warnings.map((w) => w.path)).toEqual(['sections[1].items[0].parentText']);
    expect(warnings[0]?.message).toContain('parentTitle');
  });
});

describe('backwards compatible', () => {
  it('a file written before these fields still imports (with the limits warning only where it applies)', () => {
    const old = `
format: opensop-template/1
key: oud
name: Oude vragenlijst
sections:
  - key: belofte-1
    kind: promise
    title: Belofte 1
    asksLimits: true
    items:
      - key: meldcode
        kind: yesno
        title: De school past de meldcode toe.
        norm: { equals: true }
        parentText: Wij weten wat wij moeten doen bij zorgen over thuis.
        posters: { parent: true }
`;
    const { template, warnings } = parseOk(old);
    expect(template.wording).toBeUndefined();
    expect(listItems(template)[0]?.item).not.toHaveProperty('role');
    expect(warnings).toEqual([]);
  });
});

describe.each(['zoetermeer-po.yaml', 'de-eem-po.yaml'])('example %s', (name) => {
  const { template, warnings } = parseOk(readExample(name));

  it('has no warnings', () => {
    expect(warnings).toEqual([]);
  });

  it('says which free-text items hold the limits, the extra support and the ambitions', () => {
    expect(itemsWithRole(template, 'limits').map(({ section, item }) => [section.kind, item.key])).toEqual([['closing', 'grenzen']]);
    expect(itemsWithRole(template, 'extraSupport').map(({ item }) => item.key)).toEqual(['extra-beschrijving']);
    expect(itemsWithRole(template, 'ambitions').map(({ item }) => item.key)).toEqual(['ambities']);
  });

  it('gives every parent-poster item a parent headline, and no placeholder sentence to a free-text item', () => {
    const onPoster = listItems(template).filter(({ item }) => item.posters.parent);
    expect(onPoster.filter(({ item }) => !item.parentTitle).map(({ item }) => item.key)).toEqual([]);
    const freeText = listItems(template).filter(({ item }) => item.kind === 'text' || item.kind === 'longtext');
    expect(freeText.filter(({ item }) => item.parentText !== undefined).map(({ item }) => item.key)).toEqual([]);
  });

  it('uses the SWV\'s own word for a promise', () => {
    expect(template.wording?.promise).toBe('belofte');
  });
});
