/** A small template shared by the model's unit tests. */
import { templateSchema, type Item, type TemplateDefinition, type TemplateInput } from './template.js';

export const testTemplateInput = {
  format: 'opensop-template/1',
  key: 'test',
  name: 'Testvragenlijst',
  scales: [
    {
      key: 'protocol-status',
      name: 'Status',
      options: [
        { value: 'actief-toegepast', label: 'Actief toegepast' },
        { value: 'beschikbaar', label: 'Beschikbaar' },
        { value: 'niet-aanwezig', label: 'Niet aanwezig' },
      ],
    },
    {
      key: 'partner-sectors',
      name: 'Partners',
      options: [
        { value: 'sbo', label: 'Speciaal basisonderwijs' },
        { value: 'jgz', label: 'Jeugdgezondheidszorg' },
        { value: 'leerplicht', label: 'Leerplichtambtenaar' },
      ],
    },
  ],
  sections: [
    {
      key: 'belofte-1',
      kind: 'promise',
      title: 'Belofte 1',
      items: [
        { key: 'protocol-dyslexie', kind: 'protocol', title: 'Protocol dyslexie', scale: 'protocol-status' },
        { key: 'partners', kind: 'partners', title: 'Partners', scale: 'partner-sectors' },
        { key: 'ib-uren', kind: 'number', title: 'Uren intern begeleider', min: 0, max: 40 },
        { key: 'onderzoek', kind: 'yesno', title: 'Onderzoek voor inschrijving' },
        { key: 'contact', kind: 'text', title: 'Contactpersoon' },
        { key: 'visie', kind: 'longtext', title: 'Visie', maxLength: 1000 },
      ],
    },
  ],
} satisfies TemplateInput;

export function buildTestTemplate(change?: (input: TemplateInput) => void): TemplateDefinition {
  const input = structuredClone(testTemplateInput) as TemplateInput;
  change?.(input);
  return templateSchema.parse(input);
}

export function itemOf(template: TemplateDefinition, key: string): Item {
  const item = template.sections.flatMap((section) => section.items).find((candidate) => candidate.key === key);
  if (!item) throw new Error(`test template has no item ${key}`);
  return item;
}
