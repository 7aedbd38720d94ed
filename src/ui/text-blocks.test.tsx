import { describe, expect, it } from 'vitest';
import { TextBlocks, textBlocks } from './text-blocks.js';

describe('textBlocks', () => {
  it('keeps paragraphs, single line breaks and "- " lists', () => {
    const text = "Beschrijf in een paar alinea's:\n\n- wat \"passend\" betekent op uw school;\n- hoe u ouders betrekt.\n\nAdres:\nSchoolstraat 1\n3000 AA Voorbeeldstad";
    expect(textBlocks(text)).toEqual([
      { kind: 'lines', lines: ["Beschrijf in een paar alinea's:"] },
      { kind: 'list', items: ['wat "passend" betekent op uw school;', 'hoe u ouders betrekt.'] },
      { kind: 'lines', lines: ['Adres:', 'Schoolstraat 1', '3000 AA Voorbeeldstad'] },
    ]);
  });

  it('starts a list right under a line, and a new paragraph after a list without a blank line', () => {
    expect(textBlocks('Wij bieden:\n- dyslexiebegeleiding\n* rekenhulp\nEn verder overleg.')).toEqual([
      { kind: 'lines', lines: ['Wij bieden:'] },
      { kind: 'list', items: ['dyslexiebegeleiding', 'rekenhulp'] },
      { kind: 'lines', lines: ['En verder overleg.'] },
    ]);
  });

  it('renders line breaks and lists as HTML, text escaped', () => {
    const html = String(<TextBlocks text={'Regel 1\nRegel <2>\n\n- a\n- b'} />);
    expect(html).toBe('<p class="utrecht-paragraph">Regel 1<br/>Regel &lt;2&gt;</p><ul class="utrecht-unordered-list"><li class="utrecht-unordered-list__item">a</li><li class="utrecht-unordered-list__item">b</li></ul>');
  });

  it('reflows a text wrapped in its file: single line breaks become spaces, paragraphs and lists stay', () => {
    const html = String(<TextBlocks reflow text={'Welkom bij de vragenlijst. Vul de\nonderdelen in elke volgorde in.\n\n- a\n- b'} />);
    expect(html).toBe('<p class="utrecht-paragraph">Welkom bij de vragenlijst. Vul de onderdelen in elke volgorde in.</p><ul class="utrecht-unordered-list"><li class="utrecht-unordered-list__item">a</li><li class="utrecht-unordered-list__item">b</li></ul>');
  });
});
