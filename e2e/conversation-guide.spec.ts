/**
 * The conversation guide (issue 15) in the browser, on the demo data (clock at 12 October 2026): the SWV adds a
 * question to its guide, the school opens the printable guide beside its profile and records a conclusion, and
 * the board and the SWV read it. axe runs on every page (fixtures).
 */
import { DEMO, expect, expectAccessible, logIn, logOut, test } from './support/fixtures.js';

test.describe.configure({ mode: 'serial' });

const QUESTION = 'Welke afspraak over de pauzes maken wij dit jaar met het hele team?';
const CONCLUSION = 'Het team spreekt vaste pleinwachten af en evalueert die na de kerstvakantie met de leerlingenraad.';
let guidePath = '';

test('the SWV adds a question to the guide of its questionnaire', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'Gespreksleidraad voor het teamgesprek' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gespreksleidraad');
  await page.getByRole('link', { name: /^Leidraad bewerken voor/ }).first().click();
  await expect(page.getByText('Deze leidraad is (nog) het voorbeeld van OpenSOP.')).toBeVisible();
  const questions = page.getByLabel('Vragen voor het teamgesprek (Belofte 1)');
  await questions.fill(`${await questions.inputValue()}\n${QUESTION}`);
  await page.locator('section', { has: questions }).getByRole('button', { name: 'Onderdeel opslaan' }).click();
  await expect(page.getByText('Het onderdeel "Belofte 1" is opgeslagen.')).toBeVisible();
  await expect(page.getByLabel('Vragen voor het teamgesprek (Belofte 1)')).toContainText(QUESTION);
  await expectAccessible(page, 'guide editor after saving');
  await logOut(page);
});

test('the school opens the printable guide beside its profile and records a conclusion', async ({ page }) => {
  await logIn(page, DEMO.schoolEditor);
  await page.locator('.card-list a').first().click();
  await page.getByRole('link', { name: 'Indienen, advies en vaststelling' }).first().click();
  await page.getByRole('link', { name: 'Gespreksleidraad en conclusies van het teamgesprek' }).click();
  guidePath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Gespreksleidraad voor het teamgesprek');
  await expect(page.getByText(QUESTION)).toBeVisible();

  await page.getByRole('link', { name: 'Afdrukken voor de teamvergadering' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Gespreksleidraad SOP Basisschool De Regenboog');
  await expect(page.getByRole('button', { name: 'Conclusie opslaan' })).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByText(QUESTION)).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expectAccessible(page, 'printable guide');

  await page.goto(guidePath);
  await page.getByLabel('Conclusie van het team bij Belofte 1').fill(CONCLUSION);
  await page.locator('section', { has: page.getByLabel('Conclusie van het team bij Belofte 1') }).getByRole('button', { name: 'Conclusie opslaan' }).click();
  await expect(page.getByText('De conclusie is opgeslagen.')).toBeVisible();
  await expect(page.locator('#guide-belofte-1').locator('..')).toContainText(CONCLUSION);
  await logOut(page);
});

test('the board and the SWV read the conclusion, without a form', async ({ page }) => {
  for (const email of [DEMO.boardUser, DEMO.swvAdmin]) {
    await logIn(page, email);
    await page.goto(guidePath);
    await expect(page.locator('#guide-belofte-1').locator('..')).toContainText(CONCLUSION);
    await expect(page.getByRole('button', { name: 'Conclusie opslaan' })).toHaveCount(0);
    await expectAccessible(page, `guide as ${email}`);
    await logOut(page);
  }
});
