import { describe, expect, it } from 'vitest';
import { exampleWordList, formatWordList, parseWordList, plainLanguageHints } from './plain-language.js';

const words = [
  { word: 'OPP', instead: 'plan voor de ontwikkeling van uw kind' },
  { word: 'SO', instead: 'speciale school' },
  { word: 'handelingsgericht werken', instead: 'wij kijken wat uw kind nodig heeft' },
  { word: 'arrangement', instead: null },
];

describe('plain-language hints for texts parents read', () => {
  it('finds the SWV\'s jargon as whole words, whatever the case, also across a line break', () => {
    const hints = plainLanguageHints('Wij maken samen met u een opp. Wij werken\nhandelingsgericht  werken.', words);
    expect(hints).toEqual([
      { kind: 'jargon', word: 'OPP', instead: 'plan voor de ontwikkeling van uw kind' },
      { kind: 'jargon', word: 'handelingsgericht werken', instead: 'wij kijken wat uw kind nodig heeft' },
    ]);
    // "so" inside "sociaal" and "SOP" is not the jargon "SO".
    expect(plainLanguageHints('Wij letten op sociaal gedrag; lees ons SOP.', words)).toEqual([]);
  });

  it('flags a sentence of more than 20 words once, and long words that are not on the list', () => {
    const long = 'Als uw kind meer nodig heeft dan wat wij in de klas kunnen bieden dan overleggen wij eerst met u en daarna met de intern begeleider van de school.';
    const hints = plainLanguageHints(`${long} Dat doen wij snel. ${long}`, words);
    expect(hints).toEqual([{ kind: 'longSentence', words: 29, start: 'Als uw kind meer nodig heeft' }]);
    expect(plainLanguageHints('De ondersteuningsbehoefte van uw kind staat centraal.', words)).toEqual([{ kind: 'longWord', word: 'ondersteuningsbehoefte' }]);
    // A web address is not a word to shorten.
    expect(plainLanguageHints('Kijk op https://www.samenwerkingsverband-voorbeeldstad.nl.', [])).toEqual([]);
  });

  it('gives no hints for an empty text and at most six for a long one', () => {
    expect(plainLanguageHints('', words)).toEqual([]);
    expect(plainLanguageHints(null, words)).toEqual([]);
    const many = Array.from({ length: 10 }, (_, i) => `woordenboekredactie${'x'.repeat(i)}`).join(' ');
    expect(plainLanguageHints(many, words)).toHaveLength(6);
  });

  it('reads the word list as the SWV writes it, naming the line of a mistake', () => {
    expect(parseWordList('# uitleg\nOPP = plan voor uw kind\n\narrangement\r\nTLV=toestemming')).toEqual({
      ok: true,
      words: [
        { word: 'OPP', instead: 'plan voor uw kind' },
        { word: 'arrangement', instead: null },
        { word: 'TLV', instead: 'toestemming' },
      ],
    });
    expect(parseWordList('OPP = plan\n = zonder woord')).toEqual({ ok: false, line: 2, problem: 'emptyWord' });
    expect(parseWordList(`${'x'.repeat(61)} = te lang`)).toEqual({ ok: false, line: 1, problem: 'wordTooLong' });
    expect(parseWordList(Array.from({ length: 301 }, (_, i) => `woord${i}`).join('\n'))).toMatchObject({ ok: false, line: 301, problem: 'tooMany' });
  });

  it('ships an example list that reads back as itself', () => {
    const example = exampleWordList();
    expect(example.length).toBeGreaterThan(10);
    expect(parseWordList(formatWordList(example))).toEqual({ ok: true, words: example });
  });
});
