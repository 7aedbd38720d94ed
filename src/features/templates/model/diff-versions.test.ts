import { describe, expect, it } from 'vitest';
import { canCarryOverAnswer, diffTemplateVersions, itemsToCheck } from './diff-versions.js';
import { buildTestTemplate, itemOf } from './test-template.js';

const previous = buildTestTemplate();

describe('diffTemplateVersions', () => {
  it('marks every item unchanged between equal versions', () => {
    const diff = diffTemplateVersions(previous, buildTestTemplate());
    expect(diff.counts).toEqual({ new: 0, changed: 0, removed: 0, unchanged: 6 });
  });

  it('finds new, removed and changed items and says what changed', () => {
    const next = buildTestTemplate((input) => {
      const items = input.sections[0]!.items!;
      items.splice(items.findIndex((item) => item.key === 'contact'), 1); // removed
      items.push({ key: 'nieuw', kind: 'yesno', title: 'Nieuwe vraag' }); // new
      const dyslexie = items.find((item) => item.key === 'protocol-dyslexie')!;
      dyslexie.title = 'Protocol leesproblemen en dyslexie';
      dyslexie.norm = { accept: ['actief-toegepast'] };
      items.find((item) => item.key === 'ib-uren')!.max = 30;
      items.find((item) => item.key === 'visie')!.help = 'Nieuwe uitleg';
      input.scales![1]!.options.push({ value: 'smw', label: 'Schoolmaatschappelijk werk' });
    });
    const diff = diffTemplateVersions(previous, next);
    const byKey = Object.fromEntries(diff.items.map((item) => [item.key, item]));
    expect(byKey['protocol-dyslexie']).toMatchObject({ status: 'changed', changes: ['title', 'norm'] });
    expect(byKey['partners']).toMatchObject({ status: 'changed', changes: ['options-added'] });
    expect(byKey['ib-uren']).toMatchObject({ status: 'changed', changes: ['limits-narrowed'] });
    expect(byKey['visie']).toMatchObject({ status: 'changed', changes: ['help'] });
    expect(byKey['onderzoek']).toMatchObject({ status: 'unchanged', changes: [] });
    expect(byKey['nieuw']).toMatchObject({ status: 'new', sectionKey: 'belofte-1' });
    expect(byKey['contact']).toMatchObject({ status: 'removed', title: 'Contactpersoon' });
    expect(diff.items.at(-1)?.key).toBe('contact'); // removed items come last
    expect(diff.counts).toEqual({ new: 1, changed: 4, removed: 1, unchanged: 1 });
  });

  it('notices a change of kind or scale, and a move to another section', () => {
    const next = buildTestTemplate((input) => {
      const items = input.sections[0]!.items!;
      const onderzoek = items.splice(items.findIndex((item) => item.key === 'onderzoek'), 1)[0]!;
      input.sections.push({ key: 'belofte-2', kind: 'promise', title: 'Belofte 2', items: [onderzoek] });
      Object.assign(items.find((item) => item.key === 'protocol-dyslexie')!, { kind: 'expertise' });
      input.scales!.push({ key: 'status-2', name: 'Status', options: input.scales![0]!.options });
      items.find((item) => item.key === 'protocol-dyslexie')!.scale = 'status-2';
    });
    const byKey = Object.fromEntries(diffTemplateVersions(previous, next).items.map((item) => [item.key, item]));
    expect(byKey['protocol-dyslexie']?.changes).toEqual(['kind', 'scale']);
    expect(byKey['protocol-dyslexie']?.carryOver).toBe('none');
    expect(byKey['onderzoek']).toMatchObject({ status: 'changed', changes: ['section'], sectionKey: 'belofte-2' });
  });
});

describe('what happens to answers (carryOver)', () => {
  const diffOf = (change: (input: Parameters<Parameters<typeof buildTestTemplate>[0] & object>[0]) => void) =>
    Object.fromEntries(diffTemplateVersions(previous, buildTestTemplate(change)).items.map((item) => [item.key, item]));

  it('keeps answers when only the norm, the section or the texts around the item change', () => {
    const byKey = diffOf((input) => {
      const items = input.sections[0]!.items!;
      items.find((item) => item.key === 'protocol-dyslexie')!.norm = { accept: ['beschikbaar'] };
      items.find((item) => item.key === 'visie')!.parentText = 'Zo werken wij samen met ouders.';
    });
    expect(byKey['protocol-dyslexie']).toMatchObject({ changes: ['norm'], carryOver: 'keep' });
    expect(byKey['visie']).toMatchObject({ changes: ['details'], carryOver: 'keep' });
    expect(byKey['onderzoek']).toMatchObject({ status: 'unchanged', carryOver: 'keep' });
  });

  it('carries answers over to be confirmed when only the wording changed: title, help text or hint (fixing a typo reopens nothing)', () => {
    const byKey = diffOf((input) => {
      const items = input.sections[0]!.items!;
      items.find((item) => item.key === 'onderzoek')!.title = 'Nieuwe woorden, zelfde vraag';
      items.find((item) => item.key === 'visie')!.help = 'Nieuwe uitleg';
      items.find((item) => item.key === 'contact')!.hint = 'Naam en functie.';
    });
    expect(byKey['onderzoek']).toMatchObject({ changes: ['title'], carryOver: 'check' });
    expect(byKey['visie']).toMatchObject({ changes: ['help'], carryOver: 'check' });
    expect(byKey['contact']).toMatchObject({ changes: ['help'], carryOver: 'check' });
  });

  it('keeps answers when an option only gets "not offered" (notOffered): the posters change, not the answer', () => {
    const byKey = diffOf((input) => {
      input.scales![0]!.options[2]!.notOffered = true;
    });
    expect(byKey['protocol-dyslexie']).toMatchObject({ status: 'changed', changes: ['details'], carryOver: 'keep' });
  });

  it('leaves an item open (last year’s answer beside it) when what can be answered changed, even if every old answer is still valid: option labels, added options, wider range', () => {
    const byKey = diffOf((input) => {
      const items = input.sections[0]!.items!;
      input.scales![0]!.options[1]!.label = 'Beschikbaar, nog niet toegepast';
      input.scales![1]!.options.push({ value: 'smw', label: 'Schoolmaatschappelijk werk' });
      items.find((item) => item.key === 'ib-uren')!.max = 60;
      items.find((item) => item.key === 'contact')!.maxLength = 500;
      items.find((item) => item.key === 'onderzoek')!.title = 'Nieuwe woorden, zelfde vraag';
    });
    expect(byKey['protocol-dyslexie']).toMatchObject({ changes: ['option-texts'], carryOver: 'open' });
    expect(byKey['partners']).toMatchObject({ changes: ['options-added'], carryOver: 'open' });
    expect(byKey['ib-uren']).toMatchObject({ changes: ['limits-widened'], carryOver: 'open' });
    expect(byKey['contact']).toMatchObject({ changes: ['limits-widened'], carryOver: 'open' });
    expect(byKey['onderzoek']).toMatchObject({ changes: ['title'], carryOver: 'check' });

    const next = buildTestTemplate((input) => {
      input.sections[0]!.items!.find((item) => item.key === 'onderzoek')!.title = 'Nieuwe woorden';
      input.sections[0]!.items!.find((item) => item.key === 'visie')!.help = 'Andere uitleg';
    });
    expect([...itemsToCheck(diffTemplateVersions(previous, next))]).toEqual(['onderzoek', 'visie']);
  });

  it('carries over only still-valid answers after a removed option or a narrower range; never after a kind change', () => {
    const byKey = diffOf((input) => {
      const items = input.sections[0]!.items!;
      input.scales![0]!.options = input.scales![0]!.options.filter((option) => option.value !== 'beschikbaar');
      items.find((item) => item.key === 'ib-uren')!.min = 5;
      Object.assign(items.find((item) => item.key === 'contact')!, { kind: 'longtext' });
    });
    expect(byKey['protocol-dyslexie']).toMatchObject({ changes: ['options-removed'], carryOver: 'if-valid' });
    expect(byKey['ib-uren']).toMatchObject({ changes: ['limits-narrowed'], carryOver: 'if-valid' });
    expect(byKey['contact']).toMatchObject({ carryOver: 'none' });
    expect(byKey['contact']!.changes).toContain('kind');
  });
});

describe('canCarryOverAnswer', () => {
  const same = buildTestTemplate();
  const carry = (key: string, value: Parameters<typeof canCarryOverAnswer>[2], next = same) =>
    canCarryOverAnswer(itemOf(previous, key), itemOf(next, key), value, next);

  it('carries over valid answers of unchanged items', () => {
    expect(carry('protocol-dyslexie', 'beschikbaar')).toBe(true);
    expect(carry('partners', ['sbo'])).toBe(true);
    expect(carry('partners', [])).toBe(true);
    expect(carry('ib-uren', 12)).toBe(true);
    expect(carry('onderzoek', false)).toBe(true);
    expect(carry('contact', 'Mevrouw De Vries')).toBe(true);
  });

  it('does not carry over an empty answer', () => {
    expect(carry('contact', null)).toBe(false);
    expect(carry('contact', '')).toBe(false);
  });

  it('does not carry over when the key or kind differs', () => {
    expect(canCarryOverAnswer(itemOf(previous, 'contact'), itemOf(same, 'visie'), 'tekst', same)).toBe(false);
    const next = buildTestTemplate((input) => {
      Object.assign(input.sections[0]!.items!.find((item) => item.key === 'contact')!, { kind: 'longtext' });
    });
    expect(carry('contact', 'Mevrouw De Vries', next)).toBe(false);
  });

  it('carries over only values that are still valid', () => {
    const next = buildTestTemplate((input) => {
      input.scales![0]!.options = input.scales![0]!.options.filter((option) => option.value !== 'beschikbaar');
      input.scales![1]!.options = input.scales![1]!.options.filter((option) => option.value !== 'jgz');
      input.sections[0]!.items!.find((item) => item.key === 'ib-uren')!.max = 20;
      input.sections[0]!.items!.find((item) => item.key === 'contact')!.maxLength = 10;
    });
    expect(carry('protocol-dyslexie', 'beschikbaar', next)).toBe(false);
    expect(carry('protocol-dyslexie', 'actief-toegepast', next)).toBe(true);
    expect(carry('partners', ['sbo', 'jgz'], next)).toBe(false);
    expect(carry('partners', ['sbo'], next)).toBe(true);
    expect(carry('ib-uren', 25, next)).toBe(false);
    expect(carry('ib-uren', 20, next)).toBe(true);
    expect(carry('contact', 'Mevrouw De Vries', next)).toBe(false);
    expect(carry('contact', 'De Vries', next)).toBe(true);
  });

  it('carries over after a new title, relabelled or added options and a wider range', () => {
    const next = buildTestTemplate((input) => {
      const items = input.sections[0]!.items!;
      items.find((item) => item.key === 'protocol-dyslexie')!.title = 'Protocol leesproblemen';
      input.scales![0]!.options[1]!.label = 'Aanwezig';
      input.scales![1]!.options.push({ value: 'smw', label: 'Schoolmaatschappelijk werk' });
      items.find((item) => item.key === 'ib-uren')!.max = 60;
    });
    expect(carry('protocol-dyslexie', 'beschikbaar', next)).toBe(true);
    expect(carry('partners', ['sbo', 'jgz'], next)).toBe(true);
    expect(carry('ib-uren', 40, next)).toBe(true);
  });
});
