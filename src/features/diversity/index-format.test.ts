import { describe, expect, it } from 'vitest';
import { exampleIndex, parseIndexFile, serializeIndex } from './index-format.js';

describe('the diversity index file', () => {
  it('ships the example 1; 1,5; 2; 4, marked as example, and reads back what it writes', () => {
    const example = exampleIndex();
    expect(example.example).toBe(true);
    expect(example.categories.map((c) => c.factorHundredths)).toEqual([100, 150, 200, 400]);
    const again = parseIndexFile(serializeIndex(example));
    expect(again.ok && again.value).toEqual(example);
  });

  it('takes Dutch factors as text and the other arithmetic', () => {
    const parsed = parseIndexFile('format: opensop-diversity-index/1\nname: Index\narithmetic: weighted-group-size\ncategories:\n  - name: Eigen leerlijn\n    factor: "1,25"\n');
    expect(parsed.ok && parsed.value).toMatchObject({ arithmetic: 'weighted-group-size', categories: [{ name: 'Eigen leerlijn', factorHundredths: 125 }] });
  });

  it('names every mistake with its line', () => {
    const parsed = parseIndexFile(
      ['format: opensop-diversity-index/1', 'name: Index', 'arithmetic: gemiddelde', 'categories:', '  - name: Licht', '    factor: 1.555', '  - name: licht', '    factor: 2', '  - name: Zwaar', '    factr: 4'].join('\n'),
    );
    expect(parsed.ok).toBe(false);
    const lines = !parsed.ok ? parsed.errors.map((e) => `${e.line}: ${e.path} — ${e.message}`) : [];
    expect(lines).toEqual([
      '3: arithmetic — verwacht een van: points-per-pupil, weighted-group-size',
      '6: categories[0].factor — verwacht een factor tussen 0 en 100 met hooguit twee decimalen, bijv. 1.5 of "1,5"',
      '9: categories[2].factor — "factor" ontbreekt',
      '10: categories[2].factr — onbekend veld "factr"',
    ]);
    const duplicate = parseIndexFile('format: opensop-diversity-index/1\nname: Index\ncategories:\n  - name: Licht\n    factor: 1\n  - name: licht\n    factor: 2\n');
    expect(!duplicate.ok && duplicate.errors.map((e) => e.line)).toEqual([6]);
    expect(parseIndexFile('').ok).toBe(false);
    expect(parseIndexFile('format: x\n  name: [').ok).toBe(false);
  });
});
