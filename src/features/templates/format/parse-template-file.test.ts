import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listItems } from '../model/template.js';
import { parseTemplateFile, type TemplateFileError } from './parse-template-file.js';
import { serializeTemplate } from './serialize-template.js';

const examplesDir = new URL('../../../../templates/examples/', import.meta.url);
const readExample = (name: string) => readFileSync(new URL(name, examplesDir), 'utf8');

/** 1-based line of the first line containing `needle`, so tests do not hard-code line numbers twice. */
function lineOf(source: string, needle: string): number {
  const index = source.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`niet gevonden in de test-YAML: ${needle}`);
  return index + 1;
}

function expectErrors(source: string) {
  const result = parseTemplateFile(source);
  if (result.ok) throw new Error('verwacht fouten, maar het bestand werd goedgekeurd');
  return result.errors;
}

function errorAt(errors: TemplateFileError[], path: string): TemplateFileError {
  const error = errors.find((candidate) => candidate.path === path);
  if (!error) throw new Error(`geen fout op ${path}; wel: ${errors.map((e) => e.path).join(', ')}`);
  return error;
}

describe.each(['zoetermeer-po.yaml', 'de-eem-po.yaml'])('example %s', (name) => {
  const source = readExample(name);

  it('parses without errors', () => {
    const result = parseTemplateFile(source, name);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('round-trips through serializeTemplate', () => {
    const first = parseTemplateFile(source, name);
    if (!first.ok) throw new Error('example does not parse');
    const written = serializeTemplate(first.template);
    const second = parseTemplateFile(written);
    if (!second.ok) throw new Error(JSON.stringify(second.errors));
    expect(second.template).toEqual(first.template);
    expect(serializeTemplate(second.template)).toBe(written);
  });
});

describe('zoetermeer-po.yaml content', () => {
  const result = parseTemplateFile(readExample('zoetermeer-po.yaml'));
  if (!result.ok) throw new Error('example does not parse');
  const template = result.template;
  const items = new Map(listItems(template).map(({ item }) => [item.key, item]));

  it('has the seven promises between Algemeen, Extra and Tot slot', () => {
    expect(template.sections.map((section) => section.kind)).toEqual([
      'introduction', 'promise', 'promise', 'promise', 'promise', 'promise', 'promise', 'promise', 'extra', 'closing',
    ]);
    expect(template.welcome.panels.map((panel) => panel.title)).toEqual([
      'Opbouw van het SOP', 'Werkwijze in het kort en tips', 'Overige informatie',
    ]);
    expect(items.size).toBeGreaterThanOrEqual(80);
    expect(items.size).toBeLessThanOrEqual(110);
  });

  it('keeps the norms of the seed', () => {
    expect(items.get('aanbod-dyslexie')?.norm?.accept).toEqual(['op-school']);
    expect(items.get('hgw-smart-doelen')?.norm?.accept).toEqual(['ontwikkeld', 'ver-ontwikkeld']);
    expect(items.get('protocol-dyscalculie')).toMatchObject({ ambition: true, norm: { label: 'Beschikbaar' } });
    expect(items.get('meldcode')?.norm?.accept).toEqual(['actief-toegepast']);
    expect(items.get('onderzoek-voor-inschrijving')?.norm?.equals).toBe(true);
    expect(items.get('samenwerkingspartners')?.norm?.includes).toHaveLength(11);
    expect(items.get('aanbod-executieve-functies')?.ambition).toBe(true);
  });
});

describe('a different template (vo)', () => {
  const source = `
format: opensop-template/1
key: vo-voorbeeld
name: SOP voortgezet onderwijs
sector: vo
scales:
  - key: leerroute
    name: Leerroute
    options:
      - { value: vmbo-basis, label: vmbo basis }
      - { value: vmbo-kader, label: vmbo kader }
      - { value: havo, label: havo }
      - { value: vwo, label: vwo }
  - key: mate
    name: In welke mate
    options:
      - { value: niet, label: Niet }
      - { value: deels, label: Deels }
      - { value: volledig, label: Volledig }
sections:
  - key: algemeen
    kind: introduction
    title: Algemeen
    items:
      - key: leerroutes
        kind: partners
        title: Welke leerroutes biedt de school aan?
        scale: leerroute
      - key: hoofdroute
        kind: choice
        title: Wat is de grootste leerroute?
        scale: leerroute
  - key: mentoraat
    kind: promise
    title: Belofte 1
    promise: Elke leerling heeft een mentor die hem kent.
    items:
      - key: mentor-uren
        kind: number
        title: Mentoruren per week per klas
        min: 0
        max: 10
        norm: { min: 1 }
      - key: loopbaanbegeleiding
        kind: choice
        title: Loopbaanoriëntatie en -begeleiding
        scale: mate
        norm: { accept: [volledig] }
`;

  it('parses with its own scales and a choice item, without code changes', () => {
    const result = parseTemplateFile(source, 'vo.yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.template.sector).toBe('vo');
    expect(result.template.sections[1]?.items[1]).toMatchObject({ kind: 'choice', scale: 'mate', required: true });
    const again = parseTemplateFile(serializeTemplate(result.template));
    expect(again.ok && again.template).toEqual(result.template);
  });
});

describe('a broken file', () => {
  const source = `format: opensop-template/1
key: kapot
name: Kapotte vragenlijst
scales:
  - key: availability-level
    name: Beschikbaarheid
    options:
      - value: op-school
        label: Op schoolniveau
      - value: wijk
        label: Op wijkniveau
sections:
  - key: belofte-1
    kind: promise
    title: Belofte 1
    items:
      - key: Aanbod Dyslexie
        kind: availability
        title: Aanbod dyslexie
        hlep: Uitleg bij dyslexie
        scale: availability-level
      - key: protocol-pesten
        kind: protocol
        title: Protocol anti-pesten
        scale: protocol-status
      - key: aanbod-dyscalculie
        kind: availability
        title: Aanbod dyscalculie
        scale: availability-level
        norm:
          accept: [op-school, bovenschools]
      - key: ouders-betrekken
        kind: yesno
        norm: { equals: true }
`;
  const errors = expectErrors(source);

  it('reports every mistake at once', () => {
    expect(errors.map((error) => error.path).sort()).toEqual(
      [
        'sections[0].items[0].key',
        'sections[0].items[0].hlep',
        'sections[0].items[1].scale',
        'sections[0].items[2].norm.accept[1]',
        'sections[0].items[3].title',
      ].sort(),
    );
  });

  it('gives each mistake its line and a message that says what is expected', () => {
    expect(errorAt(errors, 'sections[0].items[0].key')).toMatchObject({
      line: lineOf(source, 'key: Aanbod Dyslexie'),
      message: expect.stringContaining('"Aanbod Dyslexie" is niet toegestaan; een sleutel bestaat uit kleine letters'),
    });
    expect(errorAt(errors, 'sections[0].items[0].hlep')).toMatchObject({
      line: lineOf(source, 'hlep:'),
      column: 9,
      message: 'onbekend veld "hlep"; bedoelt u "help"?',
    });
    expect(errorAt(errors, 'sections[0].items[1].scale')).toMatchObject({
      line: lineOf(source, 'scale: protocol-status'),
      message: 'schaal "protocol-status" bestaat niet; bekende schalen: availability-level',
    });
    expect(errorAt(errors, 'sections[0].items[2].norm.accept[1]')).toMatchObject({
      line: lineOf(source, 'bovenschools'),
      column: source.split('\n')[lineOf(source, 'bovenschools') - 1]!.indexOf('bovenschools') + 1,
      message: 'antwoordoptie "bovenschools" bestaat niet in schaal "availability-level"; kies uit: op-school, wijk',
    });
    // A missing field points at the item it is missing from.
    expect(errorAt(errors, 'sections[0].items[3].title')).toMatchObject({
      line: lineOf(source, 'key: ouders-betrekken'),
      message: '"title" ontbreekt; verwacht tekst',
    });
  });

  it('lists the errors in file order', () => {
    const lines = errors.map((error) => error.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe('cross-reference mistakes', () => {
  const base = (items: string, scales = '') => `format: opensop-template/1
key: test
name: Test
scales:
  - key: ja-nee-misschien
    name: Keuze
    options:
      - { value: ja, label: Ja }
      - { value: nee, label: Nee }
${scales}
sections:
  - key: een
    kind: promise
    title: Een
    items:
${items}
`;

  it('finds duplicate item keys across sections and duplicate section keys', () => {
    const source = `format: opensop-template/1
key: test
name: Test
sections:
  - key: een
    kind: promise
    title: Een
    items:
      - { key: dubbel, kind: yesno, title: Vraag A }
  - key: een
    kind: promise
    title: Twee
    items:
      - { key: dubbel, kind: yesno, title: Vraag B }
`;
    const errors = expectErrors(source);
    expect(errors).toEqual([
      { path: 'sections[1].key', line: 10, column: 5, message: 'onderdeel "een" bestaat al; geef elk onderdeel een eigen sleutel' },
      {
        path: 'sections[1].items[0].key',
        line: 14,
        column: 11,
        message: 'item "dubbel" bestaat al (in onderdeel "een"); een itemsleutel moet in de hele vragenlijst uniek zijn',
      },
    ]);
  });

  it('requires a scale for choice kinds and partners', () => {
    const errors = expectErrors(base('      - { key: a, kind: expertise, title: A }\n      - { key: b, kind: partners, title: B }'));
    expect(errors.map((error) => error.path)).toEqual(['sections[0].items[0]', 'sections[0].items[1]']);
    expect(errors[0]?.message).toContain('heeft een schaal nodig; vul "scale" in met een van: ja-nee-misschien');
  });

  it('checks that the norm fits the kind', () => {
    const errors = expectErrors(
      base(
        [
          '      - { key: a, kind: choice, title: A, scale: ja-nee-misschien, norm: { equals: true } }',
          '      - { key: b, kind: yesno, title: B, norm: { accept: [ja] } }',
          '      - { key: c, kind: text, title: C, norm: { equals: true } }',
          '      - { key: d, kind: number, title: D, min: 10, max: 5, norm: { includes: [ja] } }',
          '      - { key: e, kind: partners, title: E, scale: ja-nee-misschien, norm: { includes: [ja, misschien] } }',
        ].join('\n'),
      ),
    );
    expect(errors.map((error) => [error.path, error.line])).toEqual([
      ['sections[0].items[0].norm.equals', 16],
      ['sections[0].items[1].norm.accept', 17],
      ['sections[0].items[2].norm', 18],
      ['sections[0].items[3].max', 19],
      ['sections[0].items[3].norm.includes', 19],
      ['sections[0].items[4].norm.includes[1]', 20],
    ]);
    expect(errors[1]?.message).toBe('past niet bij soort "yesno": "accept" (de goede antwoordopties) hoort bij een keuzevraag');
    expect(errors[3]?.message).toContain('"max" (5) is kleiner dan "min" (10)');
  });

  it('finds duplicate option values in a scale', () => {
    const errors = expectErrors(
      base(
        '      - { key: a, kind: choice, title: A, scale: dubbel }',
        '  - key: dubbel\n    name: Dubbel\n    options:\n      - { value: x, label: X }\n      - { value: x, label: Y }',
      ),
    );
    expect(errors).toEqual([
      {
        path: 'scales[1].options[1].value',
        line: 14,
        column: 11,
        message: 'antwoordoptie "x" komt twee keer voor in schaal "dubbel"; geef elke optie een eigen waarde',
      },
    ]);
  });
});

describe('options that mean "the school does not offer this" (notOffered)', () => {
  const source = (norm: string, nationalNorm = '') => `format: opensop-template/1
key: test
name: Test
nationalSet: { key: landelijk, name: Landelijk, version: '1' }
scales:
  - key: protocol-status
    name: Status
    options:
      - { value: actief, label: Actief toegepast }
      - { value: niet-aanwezig, label: Niet aanwezig, notOffered: true }
sections:
  - key: een
    kind: promise
    title: Een
    items:
      - key: meldcode
        kind: protocol
        title: Meldcode
        scale: protocol-status
        norm: { accept: [${norm}] }
${nationalNorm}
`;

  it('accepts the flag on an option, and a norm that leaves that option out', () => {
    const result = parseTemplateFile(source('actief'));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) expect(result.template.scales[0]!.options[1]).toEqual({ value: 'niet-aanwezig', label: 'Niet aanwezig', notOffered: true });
  });

  it('refuses a norm (or national norm) that accepts a notOffered option, with its place and what to do', () => {
    const text = source('actief, niet-aanwezig', '        nationalNorm: { accept: [niet-aanwezig] }');
    const errors = expectErrors(text);
    const error = errorAt(errors, 'sections[0].items[0].norm.accept[1]');
    expect(error.line).toBe(lineOf(text, 'norm: { accept'));
    expect(error.message).toBe(
      'de norm van item "meldcode" accepteert antwoordoptie "niet-aanwezig" (Niet aanwezig), maar in schaal "protocol-status" betekent die optie: de school biedt dit niet (notOffered); haal de optie uit de norm of haal "notOffered" weg bij de optie',
    );
    expect(errorAt(errors, 'sections[0].items[0].nationalNorm.accept[0]').message).toContain('de landelijke norm van item "meldcode" accepteert');
    expect(errors).toHaveLength(2);
  });

  it('refuses a flag that is not true or false', () => {
    const errors = expectErrors(source('actief').replace('notOffered: true', 'notOffered: ja'));
    expect(errorAt(errors, 'scales[0].options[1].notOffered').message).toContain('verwacht true of false');
  });

  it('round-trips the flag through serializeTemplate', () => {
    const first = parseTemplateFile(source('actief'));
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const written = serializeTemplate(first.template);
    expect(written).toContain('notOffered: true');
    expect(written.indexOf('label: Niet aanwezig')).toBeLessThan(written.indexOf('notOffered: true'));
    const second = parseTemplateFile(written);
    expect(second.ok && second.template).toEqual(first.template);
  });
});

describe('the examples mark their "not available" options', () => {
  it.each(['zoetermeer-po.yaml', 'de-eem-po.yaml'])('%s has notOffered options, and no norm accepts one', (name) => {
    const parsed = parseTemplateFile(readExample(name), name);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const notOffered = parsed.template.scales.flatMap((scale) => scale.options.filter((o) => o.notOffered).map((o) => `${scale.key}/${o.value}`));
    expect(notOffered.length).toBeGreaterThanOrEqual(2);
  });
});

describe('YAML syntax errors', () => {
  it('reports a wrong indentation with its line', () => {
    const source = `format: opensop-template/1
key: kapot
name: Test
sections:
  - key: algemeen
    kind: introduction
     title: Algemeen
`;
    const errors = expectErrors(source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: '', line: 7, column: 6, message: expect.stringContaining('springt') });
  });

  it('reports a block that is indented too little', () => {
    const errors = expectErrors('format: opensop-template/1\nsections:\n  - key: a\n    kind: promise\n  items: []\n');
    expect(errors[0]).toMatchObject({ line: 5, message: expect.stringContaining('inspringing') });
  });

  it('reports tabs, duplicate keys and unclosed quotes in Dutch', () => {
    expect(expectErrors('a:\n\t- b')[0]).toMatchObject({ line: 2, message: 'gebruik spaties om in te springen, geen tabs' });
    expect(expectErrors('key: a\nkey: b\n').find((error) => error.path === 'key')).toMatchObject({ line: 2, message: 'veld "key" staat twee keer in hetzelfde blok; houd er één over' });
    expect(expectErrors('name: "Test\nkey: a\n')[0]?.message).toContain('aanhalingsteken');
  });
});

describe('never throws', () => {
  const inputs = [
    '', '   ', '# alleen commentaar', 'null', '42', '"tekst"', '[1, 2]', '{{{', '\u0000\u0001\u0002', '- - - -',
    'a: &x [*x]', 'a: *onbekend', 'format: 5', 'sections: 7', 'sections: [null, 1, "x", []]',
    'format: opensop-template/1\nkey: k\nname: n\nsections:\n  - key: s\n    kind: promise\n    title: t\n    items: [null, 3, {kind: 9}]',
    'format: opensop-template/1\nkey: k\nname: n\nscales: {a: 1}\nsections:\n  - {key: s, kind: promise, title: t, items: [{key: i, kind: choice, title: t, scale: 7, norm: {accept: 3}}]}',
    '---\na: 1\n---\nb: 2\n',
    `a: ${'['.repeat(2000)}`,
  ];

  it.each(inputs.map((input) => [input.slice(0, 40), input]))('%j', (_label, input) => {
    const result = parseTemplateFile(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.length).toBeGreaterThan(0);
      for (const error of result.errors) expect(error.message).toMatch(/\S/);
    }
  });
});

describe('docs/template-format.md', () => {
  it('has a short example that parses', () => {
    const doc = readFileSync(new URL('../../../../docs/template-format.md', import.meta.url), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const result = parseTemplateFile(example ?? '');
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('national items', () => {
  const fixture = (name: string) => readFileSync(new URL(`../../../../test/templates-fixtures/${name}`, import.meta.url), 'utf8');

  it('the auditor\'s third template (vo, with a national set) parses', () => {
    const result = parseTemplateFile(fixture('third-vo-rijnmond.yaml'));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('refuses origin: national without a declared nationalSet, at each item', () => {
    const source = fixture('broken/11-no-nationalset.yaml');
    const errors = expectErrors(source);
    expect(errors.map((e) => e.path)).toEqual(['sections[4].items[0].origin', 'sections[4].items[1].origin', 'sections[4].items[2].origin']);
    expect(errors[0]!.message).toContain('vul bovenaan "nationalSet" in');
    expect(errors[0]!.line).toBe(lineOf(source, 'key: ln-ondersteuningsplan') + 2);
  });
});

describe('syntax errors without hiding or multiplying the rest', () => {
  const fixture = (name: string) => readFileSync(new URL(`../../../../test/templates-fixtures/broken/${name}`, import.meta.url), 'utf8');

  it('reports a duplicate field with its path and name, and still runs every other check', () => {
    const source = fixture('10-dup-plus-content.yaml');
    const errors = expectErrors(source);
    expect(errors).toEqual([
      expect.objectContaining({ path: 'sections[2].items[2].scale', line: lineOf(source, 'scale: vier-niveaus'), message: expect.stringContaining('schaal "vier-niveaus" bestaat niet') }),
      expect.objectContaining({ path: 'sections[3].items[0].title', line: lineOf(source, 'title: Nogmaals'), column: 9, message: 'veld "title" staat twee keer in hetzelfde blok; houd er één over' }),
    ]);
  });

  it('names every duplicate field, at the second one', () => {
    const source = fixture('4-dupkey.yaml');
    expect(expectErrors(source).map((error) => [error.path, error.line])).toEqual([
      ['sections[0].title', lineOf(source, 'title: Dubbel')],
      ['sections[3].items[0].title', lineOf(source, 'title: Nogmaals')],
    ]);
  });

  it('gives one error for one tab, not a dozen follow-on errors', () => {
    const source = fixture('2-tab.yaml');
    expect(expectErrors(source)).toEqual([{ path: '', line: lineOf(source, '\tunit: fte'), column: 1, message: 'gebruik spaties om in te springen, geen tabs' }]);
  });

  it('still finds a real second mistake after a tab', () => {
    const source = fixture('2-tab.yaml').replace('        kind: longtext', '         kind: longtext');
    const errors = expectErrors(source);
    expect(errors.map((error) => error.line)).toEqual([lineOf(source, '\tunit: fte'), lineOf(source, '         kind: longtext')]);
  });

  it('reports two syntax mistakes in different blocks, each once', () => {
    const source = fixture('1-syntax.yaml');
    expect(expectErrors(source).map((error) => error.line)).toEqual([lineOf(source, 'title: "Aantal leerlingen'), lineOf(source, '         unit: fte')]);
  });
});

describe('number norms', () => {
  const source = (norm: string) => `format: opensop-template/1
key: t
name: T
sections:
  - key: s
    kind: promise
    title: S
    items:
      - key: uren
        kind: number
        title: Uren ondersteuning per week
        min: 0
        max: 40
        norm: ${norm}
`;

  it('refuses a norm bound outside the min and max of the item', () => {
    const errors = expectErrors(source('{ min: 50 }'));
    expect(errors).toEqual([expect.objectContaining({ path: 'sections[0].items[0].norm.min', line: 14, message: expect.stringContaining('ligt buiten wat de school kan invullen (van 0 tot en met 40)') })]);
    expect(expectErrors(source('{ min: 4, max: 41 }')).map((error) => error.path)).toEqual(['sections[0].items[0].norm.max']);
  });

  it('accepts a norm inside the bounds', () => {
    expect(parseTemplateFile(source('{ min: 4, max: 40 }')).ok).toBe(true);
  });
});
