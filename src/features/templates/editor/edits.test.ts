import { describe, expect, it } from 'vitest';
import { buildTestTemplate } from '../model/test-template.js';
import type { TemplateDefinition } from '../model/template.js';
import { checkDefinition, locateErrors } from './check-definition.js';
import * as edits from './edits.js';
import { generalField, generalValues, itemField, itemValues, readGeneral, readItem, readScale, scaleField, scaleValues } from './form-input.js';

function apply(edit: edits.TemplateEdit, template: TemplateDefinition): { draft: TemplateDefinition; at: ReturnType<edits.TemplateEdit['apply']> } {
  const draft = structuredClone(template);
  const at = edit.apply(draft);
  return { draft, at };
}

const base = () =>
  buildTestTemplate((input) => {
    input.sections.push({ key: 'belofte-2', kind: 'promise', title: 'Belofte 2', items: [] });
  });

describe('template edits', () => {
  it('moves items and sections by key, and ignores a move past the end', () => {
    const { draft } = apply(edits.moveItem('partners', 'up'), base());
    expect(draft.sections[0]!.items.slice(0, 2).map((i) => i.key)).toEqual(['partners', 'protocol-dyslexie']);
    const first = apply(edits.moveItem('partners', 'up'), draft).draft;
    expect(apply(edits.moveItem('partners', 'up'), first).draft).toEqual(first);
    expect(apply(edits.moveSection('belofte-2', 'up'), base()).draft.sections.map((s) => s.key)).toEqual(['belofte-2', 'belofte-1']);
  });

  it('moves an item to the end of another section when its section changes', () => {
    const template = base();
    const item = template.sections[0]!.items[0]!;
    const { draft, at } = apply(edits.updateItem(item.key, { ...item, title: 'Nieuw' }, 'belofte-2'), template);
    expect(at).toEqual(['sections', 1, 'items', 0]);
    expect(draft.sections[1]!.items[0]).toMatchObject({ key: item.key, title: 'Nieuw' });
    expect(draft.sections[0]!.items.some((i) => i.key === item.key)).toBe(false);
  });

  it('refuses to remove a scale in use, naming the items', () => {
    expect(() => apply(edits.removeScale('protocol-status'), base())).toThrow(/wordt nog gebruikt door de vraag "Protocol dyslexie"/);
    const unused = buildTestTemplate((input) => {
      input.scales!.push({ key: 'ongebruikt', name: 'Ongebruikt', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] });
    });
    expect(apply(edits.removeScale('ongebruikt'), unused).draft.scales.map((s) => s.key)).not.toContain('ongebruikt');
  });

  it('names an unknown target clearly', () => {
    expect(() => apply(edits.removeItem('bestaat-niet'), base())).toThrow(edits.EditRefused);
  });

  it('checks the edited definition like a file import and places errors on the edited fields', () => {
    const template = base();
    const { draft, at } = apply(edits.addItem('belofte-2', readItem({ key: 'nieuw', kind: 'protocol', title: '', scale: 'protocol-status', normAccept: ['bestaat-niet'] }).item), template);
    const checked = checkDefinition(draft);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const located = locateErrors(checked.errors, at);
    expect(located.others).toEqual([]);
    expect(Object.fromEntries(located.fields.map((f) => [itemField(f.field), f.message]))).toMatchObject({
      title: 'mag niet leeg zijn',
      norm: expect.stringContaining('antwoordoptie "bestaat-niet" bestaat niet in schaal "protocol-status"'),
    });
  });

  it('reports errors a scale change causes elsewhere as "others"', () => {
    const template = buildTestTemplate((input) => {
      input.sections[0]!.items![0]!.norm = { accept: ['actief-toegepast'] };
    });
    const scale = readScale({ 'options.0.value': 'actief', 'options.0.label': 'Actief', 'options.1.value': 'niet', 'options.1.label': 'Niet', name: 'Status' });
    const { draft, at } = apply(edits.updateScale('protocol-status', scale), template);
    const checked = checkDefinition(draft);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const located = locateErrors(checked.errors, at);
    expect(located.fields).toEqual([]);
    expect(located.others[0]!.path).toBe('sections[0].items[0].norm.accept[0]');
    expect(scaleField('options.1.value')).toBe('options.1.value');
  });

  it('sets and clears "not offered" on a scale option through the scale form', () => {
    const template = buildTestTemplate();
    const values = { ...scaleValues(template.scales[0]!), 'options.2.notOffered': 'ja' };
    const set = apply(edits.updateScale('protocol-status', readScale(values)), template).draft;
    const checked = checkDefinition(set);
    expect(checked.ok && checked.template.scales[0]!.options[2]).toEqual({ value: 'niet-aanwezig', label: 'Niet aanwezig', notOffered: true });
    expect(checked.ok && checked.template.scales[0]!.options[0]!.notOffered).toBeUndefined();
    // The form shows it ticked, and saving it unchanged keeps it; unticking clears it.
    expect(scaleValues(set.scales[0]!)['options.2.notOffered']).toBe('ja');
    expect(apply(edits.updateScale('protocol-status', readScale(scaleValues(set.scales[0]!))), set).draft).toEqual(set);
    const cleared = apply(edits.updateScale('protocol-status', readScale({ ...scaleValues(set.scales[0]!), 'options.2.notOffered': '' })), set).draft;
    expect(cleared.scales[0]!.options[2]!.notOffered).toBeUndefined();
    // A row whose texts are emptied is removed, even with its box still ticked.
    const removed = readScale({ ...values, 'options.2.value': '', 'options.2.label': '' });
    expect(removed.options.map((o) => o['value'])).toEqual(['actief-toegepast', 'beschikbaar']);
  });

  it('refuses a "not offered" option that an item\'s norm accepts, and names the item', () => {
    const template = buildTestTemplate((input) => {
      input.sections[0]!.items![0]!.norm = { accept: ['actief-toegepast', 'niet-aanwezig'] };
    });
    const { draft, at } = apply(edits.updateScale('protocol-status', readScale({ ...scaleValues(template.scales[0]!), 'options.2.notOffered': 'ja' })), template);
    const checked = checkDefinition(draft);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const located = locateErrors(checked.errors, at);
    expect(located.others).toEqual([
      expect.objectContaining({ path: 'sections[0].items[0].norm.accept[1]', message: expect.stringContaining('de norm van item "protocol-dyslexie" accepteert antwoordoptie "niet-aanwezig"') }),
    ]);
    // The same rule from the item form: the norm field carries the message.
    const item = readItem({ ...itemValues(template.sections[0]!.items[0]!, 'belofte-1') }).item;
    const marked = structuredClone(draft);
    const second = checkDefinition(apply(edits.updateItem('protocol-dyslexie', item, 'belofte-1'), marked).draft);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(locateErrors(second.errors, ['sections', 0, 'items', 0]).fields.map((f) => itemField(f.field))).toEqual(['norm']);
  });

  it('round-trips an item through its form values', () => {
    const template = buildTestTemplate((input) => {
      Object.assign(input.sections[0]!.items![2]!, { norm: { min: 2, label: 'Minstens 2 uur' }, unit: 'uur', posters: { parent: true, teacher: false }, ambition: true });
    });
    for (const item of template.sections[0]!.items) {
      const { item: raw, numberErrors } = readItem(itemValues(item, 'belofte-1'));
      expect(numberErrors).toEqual([]);
      const { draft } = apply(edits.updateItem(item.key, raw, 'belofte-1'), template);
      const checked = checkDefinition(draft);
      expect(checked.ok && checked.template).toEqual(template);
    }
  });

  it('reads a number field that is not a number as an error', () => {
    expect(readItem({ key: 'x', kind: 'number', title: 'X', min: 'twee' }).numberErrors).toEqual(['min']);
  });

  it('sets, keeps and clears the national set from the general form', () => {
    const template = base();
    const values = { ...generalValues(template), nationalSetKey: 'landelijk', nationalSetName: 'Landelijke norm', nationalSetVersion: '2025' };
    const set = apply(edits.updateGeneral(readGeneral(values)), template).draft;
    expect(checkDefinition(set).ok && set.nationalSet).toEqual({ key: 'landelijk', name: 'Landelijke norm', version: '2025' });
    expect(generalValues(set)).toMatchObject({ nationalSetKey: 'landelijk', nationalSetVersion: '2025' });
    // Kept when the form is saved unchanged; cleared when emptied.
    expect(apply(edits.updateGeneral(readGeneral(generalValues(set))), set).draft.nationalSet).toEqual(set.nationalSet);
    const cleared = apply(edits.updateGeneral(readGeneral({ ...generalValues(set), nationalSetKey: '', nationalSetName: '', nationalSetVersion: '' })), set).draft;
    expect(cleared.nationalSet).toBeUndefined();
    // Half filled in: the missing field is named, next to its own form field.
    const half = checkDefinition(apply(edits.updateGeneral(readGeneral({ ...values, nationalSetVersion: '' })), template).draft);
    expect(half.ok).toBe(false);
    if (!half.ok) expect(locateErrors(half.errors, []).fields.map((f) => generalField(f.field))).toContain('nationalSetVersion');
  });

  it('refuses to clear the national set while items come from it', () => {
    const template = buildTestTemplate((input) => {
      input.nationalSet = { key: 'landelijk', name: 'Landelijke norm', version: '2025' };
      input.sections[0]!.items![0]!.origin = 'national';
    });
    const cleared = apply(edits.updateGeneral(readGeneral({ ...generalValues(template), nationalSetKey: '', nationalSetName: '', nationalSetVersion: '' })), template).draft;
    const checked = checkDefinition(cleared);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors[0]!.message).toContain('komt uit een landelijke set (origin: national)');
  });
});
