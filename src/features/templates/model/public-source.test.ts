import { describe, expect, it } from 'vitest';
import { computeNormStatuses } from '../../questionnaire/answer-change.js';
import { parseTemplateFile } from '../format/parse-template-file.js';
import { publicSourceAnswer, type PublicFacts } from './public-source.js';
import { templateSchema, type Item, type TemplateDefinition } from './template.js';

/** A vo-like template whose verdict scale uses values that look like numbers: nothing may assume the fixtures' keys. */
const template: TemplateDefinition = templateSchema.parse({
  format: 'opensop-template/1',
  key: 'vo-test',
  name: 'Voortgezet onderwijs',
  sector: 'vo',
  scales: [{ key: 'oordeel', name: 'Oordeel', options: [{ value: '1', label: 'Zeer zwak' }, { value: '2', label: 'Onvoldoende' }, { value: '3', label: 'Voldoende' }, { value: '4', label: 'Goed' }] }],
  sections: [
    {
      key: 'school',
      kind: 'introduction',
      title: 'De school',
      items: [
        { key: 'oordeel-tekst', kind: 'text', title: 'Oordeel van de inspectie', publicSource: 'inspectionVerdict', maxLength: 200 },
        { key: 'oordeel-keuze', kind: 'choice', title: 'Oordeel', scale: 'oordeel', publicSource: 'inspectionVerdict', norm: { accept: ['3', '4'] } },
        { key: 'leerlingen', kind: 'number', title: 'Leerlingen op 1 oktober', min: 0, max: 3000, publicSource: 'pupilCount' },
        { key: 'leerlingen-tekst', kind: 'text', title: 'Leerlingen', publicSource: 'pupilCount' },
        { key: 'zonder-bron', kind: 'text', title: 'Iets anders' },
      ],
    },
  ],
});
const item = (key: string) => template.sections[0]!.items.find((i) => i.key === key) as Item;
const facts = (partial: Partial<PublicFacts>): PublicFacts => ({ verdicts: [], pupilCount: null, ...partial });

describe('answers from public data', () => {
  it('writes a verdict with its date for a text item, and the departments of a vo location each with their own', () => {
    const one = facts({ verdicts: [{ verdict: 'Voldoende', department: null, decidedOn: '2024-03-12' }] });
    expect(publicSourceAnswer(template, item('oordeel-tekst'), one)).toEqual({ source: 'inspectionVerdict', value: 'Voldoende (vastgesteld op 12 maart 2024)', words: 'Voldoende (vastgesteld op 12 maart 2024)' });
    const departments = facts({
      verdicts: [
        { verdict: 'Onvoldoende', department: 'vwo', decidedOn: '2025-05-20' },
        { verdict: 'Voldoende', department: 'havo', decidedOn: '2025-05-20' },
      ],
    });
    expect(publicSourceAnswer(template, item('oordeel-tekst'), departments)?.value).toBe('havo: Voldoende (vastgesteld op 20 mei 2025); vwo: Onvoldoende (vastgesteld op 20 mei 2025)');
  });

  it('picks the option whose label is the verdict (values that look like numbers included), and judges it against the norm', () => {
    const answer = publicSourceAnswer(template, item('oordeel-keuze'), facts({ verdicts: [{ verdict: 'VOLDOENDE', department: null, decidedOn: null }] }));
    expect(answer?.value).toBe('3');
    expect(computeNormStatuses(item('oordeel-keuze'), answer!.value).normStatus).toBe('meets');
    const below = publicSourceAnswer(template, item('oordeel-keuze'), facts({ verdicts: [{ verdict: 'Onvoldoende', department: null, decidedOn: null }] }));
    expect(computeNormStatuses(item('oordeel-keuze'), below!.value).normStatus).toBe('below');
  });

  it('leaves a choice open when departments differ or no option fits, but still says what the inspection found', () => {
    const differing = facts({
      verdicts: [
        { verdict: 'Goed', department: 'havo', decidedOn: null },
        { verdict: 'Onvoldoende', department: 'vwo', decidedOn: null },
      ],
    });
    expect(publicSourceAnswer(template, item('oordeel-keuze'), differing)).toMatchObject({ value: null, words: 'havo: Goed; vwo: Onvoldoende' });
    expect(publicSourceAnswer(template, item('oordeel-keuze'), facts({ verdicts: [{ verdict: 'Basistoezicht', department: null, decidedOn: null }] }))?.value).toBeNull();
  });

  it('takes an exact pupil count as a number, but never turns DUO\'s "<5" or a count outside the bounds into one', () => {
    expect(publicSourceAnswer(template, item('leerlingen'), facts({ pupilCount: { low: 312, high: 312, countedOn: '2025-10-01' } }))).toEqual({ source: 'pupilCount', value: 312, words: '312 leerlingen op 1 oktober 2025' });
    expect(publicSourceAnswer(template, item('leerlingen'), facts({ pupilCount: { low: 1, high: 4, countedOn: '2025-10-01' } }))).toMatchObject({ value: null, words: 'minder dan 5 leerlingen op 1 oktober 2025' });
    expect(publicSourceAnswer(template, item('leerlingen'), facts({ pupilCount: { low: 4200, high: 4200, countedOn: '2025-10-01' } }))?.value).toBeNull();
    expect(publicSourceAnswer(template, item('leerlingen-tekst'), facts({ pupilCount: { low: 1, high: 4, countedOn: '2025-10-01' } }))?.value).toBe('minder dan 5 leerlingen op 1 oktober 2025');
  });

  it('gives nothing without facts, and nothing for an item without a public source', () => {
    expect(publicSourceAnswer(template, item('oordeel-tekst'), undefined)).toBeNull();
    expect(publicSourceAnswer(template, item('oordeel-tekst'), facts({}))).toBeNull();
    expect(publicSourceAnswer(template, item('leerlingen'), facts({}))).toBeNull();
    expect(publicSourceAnswer(template, item('zonder-bron'), facts({ pupilCount: { low: 10, high: 10, countedOn: '2025-10-01' } }))).toBeNull();
  });

  it('refuses a public source on a kind that cannot hold it, naming the line and the kinds that can', () => {
    const file = [
      'format: opensop-template/1',
      'key: vo-test',
      'name: Voortgezet onderwijs',
      'sections:',
      '  - key: school',
      '    kind: introduction',
      '    title: De school',
      '    items:',
      '      - key: heeft-oordeel',
      '        kind: yesno',
      '        title: Heeft de school een oordeel?',
      '        publicSource: inspectionVerdict',
      '',
    ].join('\n');
    const result = parseTemplateFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.objectContaining({ line: 12, message: expect.stringContaining('past niet bij een vraag van soort "yesno"') })]);
  });
});
