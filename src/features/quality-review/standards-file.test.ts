import { describe, expect, it } from 'vitest';
import { loadExampleStandards } from './example-standards.js';
import { parseStandardsForm } from './save-standards.js';
import { parseStandardsFile, serializeStandards } from './standards-file.js';

const FILE = `format: opensop-kwaliteit/1
name: Basiskwaliteit SWV Rijnmond
scale:
  - key: zwak
    label: Zwak
  - key: op-orde
    label: Op orde
  - key: sterk
    label: Sterk
domains:
  - key: klimaat
    title: Schoolklimaat
    indicators:
      - key: veilig
        text: De school meet de veiligheid jaarlijks.
      - key: pesten
        text: Er is een pestcoördinator.
`;

describe('the standards file', () => {
  it('reads the shipped example, marked as an example, with the domains of the inspection framework', () => {
    const example = loadExampleStandards();
    expect(example.example).toBe(true);
    expect(example.domains.map((d) => d.title)).toEqual(['Aanbod', 'Zicht op ontwikkeling', 'Didactisch handelen', 'Extra ondersteuning', 'Schoolklimaat', 'Resultaten']);
    for (const domain of example.domains) expect(domain.indicators.length).toBeGreaterThanOrEqual(3);
  });

  it('writes what it reads (export, then import)', () => {
    const parsed = parseStandardsFile(FILE);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const again = parseStandardsFile(serializeStandards(parsed.standards));
    expect(again).toEqual({ ok: true, standards: parsed.standards });
  });

  it('names each mistake with its line: duplicate keys, unknown fields, a scale of one level, a tab', () => {
    const duplicate = parseStandardsFile(FILE.replace('key: pesten', 'key: veilig'));
    expect(duplicate).toMatchObject({ ok: false, errors: [{ line: 16, path: 'domains[0].indicators[1].key' }] });
    const unknown = parseStandardsFile(FILE.replace('    title: Schoolklimaat', '    titel: Schoolklimaat'));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors.map((e) => [e.line, e.message])).toEqual([[11, '"title" ontbreekt; verwacht tekst'], [12, 'onbekend veld "titel"']]);
    const short = parseStandardsFile(FILE.replace(/ {2}- key: op-orde\n.*\n {2}- key: sterk\n.*\n/, ''));
    expect(short).toMatchObject({ ok: false, errors: [{ line: 3, message: 'een schaal heeft minstens twee niveaus' }] });
    const tab = parseStandardsFile(FILE.replace('    label: Zwak', '\tlabel: Zwak'));
    expect(tab.ok).toBe(false);
    if (!tab.ok) expect(tab.errors[0]!.line).toBe(5);
    expect(parseStandardsFile('')).toMatchObject({ ok: false, errors: [{ line: 1 }] });
  });
});

describe('the standards form', () => {
  const base = { name: 'Basiskwaliteit', level_0_key: 'zwak', level_0_label: 'Zwak', level_1_key: '', level_1_label: 'Sterk', domain_0_key: '', domain_0_title: 'Zicht op ontwikkeling', ind_0_0_key: '', ind_0_0_text: 'De school volgt de ontwikkeling met een samenhangend systeem.' };

  it('keeps existing keys and makes new keys from the text', () => {
    const parsed = parseStandardsForm(base, 'nl');
    expect(parsed).toMatchObject({ ok: true, standards: { scale: [{ key: 'zwak' }, { key: 'sterk' }], domains: [{ key: 'zicht-op-ontwikkeling', indicators: [{ key: 'de-school-volgt-de-ontwikkeling' }] }] } });
  });

  it('refuses keys posted twice (a tampered form) and a domain without indicators', () => {
    expect(parseStandardsForm({ ...base, level_1_key: 'zwak' }, 'nl').ok).toBe(false);
    const empty = parseStandardsForm({ ...base, ind_0_0_text: '' }, 'nl');
    expect(empty).toMatchObject({ ok: false, errors: { domain_0_title: expect.stringContaining('heeft geen indicatoren') } });
  });
});
