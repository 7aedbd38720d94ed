import { describe, expect, it } from 'vitest';
import { templateSchema, type TemplateInput } from '../model/template.js';
import { parseTemplateFile } from './parse-template-file.js';
import { serializeTemplate } from './serialize-template.js';

const longText =
  'Deze uitleg is expres lang, zodat hij niet op één regel past: de schrijver moet hem als blok kunnen lezen en bewerken zonder aanhalingstekens.';

const input: TemplateInput = {
  sections: [
    {
      items: [
        {
          posters: { teacher: true, parent: false },
          help: 'Eerste alinea.\n\nTweede alinea met: een dubbele punt en # een hekje.',
          title: 'Aanbod dyslexie',
          kind: 'availability',
          scale: 'niveau',
          key: 'aanbod-dyslexie',
          norm: { accept: ['school'], label: 'Op schoolniveau' },
          hint: longText,
        },
        { key: 'aantal', kind: 'number', title: '2027', min: 0, max: 40, required: false },
        { key: 'ja-nee', kind: 'yesno', title: 'true', norm: { equals: false } },
      ],
      title: 'Belofte 1',
      kind: 'promise',
      key: 'belofte-1',
    },
  ],
  scales: [{ options: [{ label: 'Op school', value: 'school' }, { label: 'Elders', value: 'elders' }], name: 'Niveau', key: 'niveau' }],
  name: 'Test',
  key: 'test',
  format: 'opensop-template/1',
};
const template = templateSchema.parse(input);

describe('serializeTemplate', () => {
  const yaml = serializeTemplate(template);

  it('writes keys in a fixed, readable order', () => {
    expect(yaml.indexOf('format:')).toBeLessThan(yaml.indexOf('key: test'));
    expect(yaml.indexOf('scales:')).toBeLessThan(yaml.indexOf('sections:'));
    const item = yaml.slice(yaml.indexOf('- key: aanbod-dyslexie'));
    const order = ['key:', 'kind:', 'title:', 'hint:', 'help:', 'scale:', 'norm:', 'posters:'].map((key) => item.indexOf(key));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(item.indexOf('label: Op schoolniveau')).toBeLessThan(item.indexOf('accept:'));
  });

  it('leaves out values that equal the default', () => {
    expect(yaml).not.toMatch(/origin:|ambition:|parentTextEditable:|parentTextMaxLength:|asksLimits:|sector:|welcome:/);
    expect(yaml).toContain('required: false');
    expect(yaml).toContain('posters: {teacher: true}');
  });

  it('writes long and multi-line texts as block scalars', () => {
    expect(yaml).toContain('help: |-\n          Eerste alinea.\n\n          Tweede alinea');
    expect(yaml).toContain('hint: >-\n');
  });

  it('quotes texts that YAML would otherwise read as numbers or booleans', () => {
    expect(yaml).toContain('title: "2027"');
    expect(yaml).toContain('title: "true"');
  });

  it('round-trips and is stable', () => {
    const parsed = parseTemplateFile(yaml);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.template).toEqual(template);
    expect(serializeTemplate(parsed.template)).toBe(yaml);
  });
});

describe('the $schema link on export', () => {
  const base = templateSchema.parse({ format: 'opensop-template/1', key: 'k', name: 'N', sections: [{ key: 's', kind: 'promise', title: 'S' }] });

  it('drops a relative path of the importer, which would point nowhere where the export is saved', () => {
    const written = serializeTemplate({ ...base, $schema: '../wt/docs/template.schema.json' });
    expect(written).not.toContain('$schema');
    const reparsed = parseTemplateFile(`$schema: ../../docs/template.schema.json\n${written}`);
    expect(reparsed.ok && reparsed.template.$schema).toBeUndefined();
  });

  it('keeps a URL', () => {
    const url = 'https://example.org/opensop/template.schema.json';
    expect(serializeTemplate({ ...base, $schema: url })).toContain(`$schema: ${url}`);
  });
});
