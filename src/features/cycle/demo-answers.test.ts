import { describe, expect, it } from 'vitest';
import { loadExampleTemplate } from '../templates/example-templates.js';
import { describeAnswer } from '../templates/model/answer.js';
import { listItems } from '../templates/model/template.js';
import { generateAnswers } from './demo-answers.js';

describe('demo answers read like a real school profile', () => {
  const template = loadExampleTemplate('zoetermeer-po');
  const items = new Map(listItems(template).map(({ item }) => [item.key, item]));
  for (const seed of ['regenboog', 'vlinder', 'klimop-previous', 'documenten-test']) {
    it(`fits each question (${seed})`, () => {
      const answers = new Map(generateAnswers(template, seed).map((row) => [row.itemKey, row.value]));
      const pupils = answers.get('aantal-leerlingen') as number;
      const groups = answers.get('aantal-groepen') as number;
      expect(pupils).toBeGreaterThanOrEqual(140);
      expect(groups).toBeGreaterThanOrEqual(5);
      expect(pupils / groups).toBeGreaterThan(18);
      expect(pupils / groups).toBeLessThan(32);
      expect(describeAnswer(template, items.get('aantal-leerlingen')!, pupils)).toMatch(/^\d+ leerlingen$/);
      expect(answers.get('onderwijsconcept')).toMatch(/basisschool/);
      for (const key of ['onderwijsconcept', 'visie', 'organisatie-onderwijs', 'bijzonderheden-leerlingen', 'hoge-verwachtingen-toelichting', 'grenzen', 'extra-beschrijving']) {
        expect(answers.get(key), key).not.toMatch(/CJG|wijkteam|jeugdverpleegkundige/);
      }
    });
  }
});
