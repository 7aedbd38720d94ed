import { describe, expect, it } from 'vitest';
import { listItems } from '../templates/model/template.js';
import { checkParentTextFitsData } from './check-poster-fit.js';
import { checkParentPosterFits, parentPosterFits } from './render/index.js';
import { buildDocumentFixture, loadExampleTemplates, padTemplate } from './render/test-fixtures.js';

// De Eem's example fits its parent poster on one page.
const example = loadExampleTemplates().find((t) => t.name.includes('de-eem'));

describe('checkParentTextFitsData', () => {
  const data = buildDocumentFixture(example!.template);
  const editable = listItems(data.template).find(({ item }) => item.parentTextEditable && item.posters.parent)?.item;

  it('accepts a parent text that fits, and says at which font size', async () => {
    expect(editable).toBeDefined();
    const result = await checkParentTextFitsData(data, editable!.key, 'Wij helpen uw kind met lezen, elke dag een kwartier.');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.fontSize).toBeGreaterThanOrEqual(8);
  });

  it('refuses a text longer than the item allows, saying how much shorter', async () => {
    const tooLong = 'Wij helpen. '.repeat(Math.ceil((editable!.parentTextMaxLength + 10) / 11));
    const result = await checkParentTextFitsData(data, editable!.key, tooLong);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toMatch(/tekens korter/);
  });

  it('refuses a text when the poster as a whole no longer fits on one page', async () => {
    // Every padded copy on the poster too: far more than one page holds even at 8 pt.
    const crowded = buildDocumentFixture(padTemplate(example!.template, 150, { posters: 'copy' }));
    const item = listItems(crowded.template).find(({ item }) => item.parentTextEditable && item.posters.parent)!.item;
    crowded.answers[item.key] = { ...(crowded.answers[item.key] ?? { value: null, ambition: null }), parentText: 'Wij helpen uw kind.' };
    const result = await checkParentTextFitsData(crowded, item.key, 'Wij helpen uw kind met lezen en rekenen, elke dag een half uur in een klein groepje.');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('past de ouderposter niet meer op één pagina');
  });

  it('on a poster that is already too full, accepts a change that makes it no fuller and refuses one that does', async () => {
    const crowded = buildDocumentFixture(padTemplate(example!.template, 150, { posters: 'copy' }));
    const item = listItems(crowded.template).find(({ item }) => item.parentTextEditable && item.posters.parent)!.item;
    crowded.answers[item.key] = { ...(crowded.answers[item.key] ?? { value: null, ambition: null }), parentText: 'Wij helpen uw kind met lezen en rekenen.' };
    const shorter = await checkParentTextFitsData(crowded, item.key, 'Wij helpen uw kind.');
    expect(shorter.ok).toBe(true);
    const longer = await checkParentTextFitsData(crowded, item.key, 'Wij helpen uw kind met lezen en rekenen, elke dag een half uur in een klein groepje.');
    expect(longer.ok).toBe(false);
  });

  it('answers "fits" exactly like the renderer, which also searches the best font size (the save path needs one layout pass)', async () => {
    const cases = [
      data,
      buildDocumentFixture(example!.template, { longestTexts: true }),
      buildDocumentFixture(padTemplate(example!.template, 150, { posters: 'copy' })),
    ];
    const answers: boolean[] = [];
    for (const fixture of cases) {
      answers.push(await parentPosterFits(fixture));
      expect(answers.at(-1)).toBe((await checkParentPosterFits(structuredClone(fixture))).fits);
    }
    expect(answers).toEqual([true, true, false]);
  });
});
