import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTemplateFile } from '../../templates/format/parse-template-file.js';
import { listItems } from '../../templates/model/template.js';
import { ItemField } from './item-field.js';

const source = readFileSync(new URL('../../../../test/templates-fixtures/third-vo-rijnmond.yaml', import.meta.url), 'utf8');
const parsed = parseTemplateFile(source);
if (!parsed.ok) throw new Error('fixture does not parse');
const template = parsed.template;
const item = (key: string) => listItems(template).find(({ item }) => item.key === key)!.item;
const render = (key: string, value: unknown) => String(<ItemField template={template} item={item(key)} answer={{ value: value as never }} />);

describe('the national norm in the questionnaire item field', () => {
  it('shows a national-only item with its national norm and status', () => {
    const html = render('ln-ondersteuningsplan', false);
    expect(html).toContain('Landelijke norm: Ja');
    expect(html).toContain('Onder de landelijke norm');
    expect(html).not.toContain('Norm basisondersteuning');
  });

  it('shows both norms and both statuses when they differ', () => {
    const html = render('ln-veiligheid', 'deels');
    expect(html).toContain('Norm basisondersteuning: Ja of deels (SWV)');
    expect(html).toContain('Voldoet aan de basisondersteuning');
    expect(html).toContain('Landelijke norm: Ja');
    expect(html).toContain('Onder de landelijke norm');
  });

  it('marks the national status for live updates, with the words for every status', () => {
    const html = render('ln-veiligheid', null);
    expect(html).toMatch(/<p class="q-norm__status" data-national-norm-status="" data-label-meets="Voldoet aan de landelijke norm" data-label-below="Onder de landelijke norm" data-label-ambition="Ambitie vastgelegd" data-label-unanswered="Nog niet ingevuld" data-label-cannot-judge="Kan niet beoordelen tegen de landelijke norm" aria-live="polite">/);
    // The SWV status keeps its own holder: autosave updates each from its own field of the answer.
    expect(html.match(/data-norm-status=""/g)).toHaveLength(1);
    expect(html.match(/data-national-norm-status=""/g)).toHaveLength(1);
  });

  it('shows nothing national for an item without a national norm', () => {
    expect(render('time-out', 'ondersteuningsteam')).not.toContain('Landelijke norm');
  });
});

describe('help texts in the item field', () => {
  it('show line breaks and "- " lists as the SWV wrote them', () => {
    const html = render('visie-tekst', null);
    expect(html).toContain('<li class="utrecht-unordered-list__item">wat &quot;passend&quot; betekent op uw school;</li>');
    expect(html).toContain('<li class="utrecht-unordered-list__item">hoe u ouders betrekt.</li>');
  });
});
