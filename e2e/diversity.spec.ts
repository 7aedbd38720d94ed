/**
 * The diversity index (issue 15) in the browser, on the demo data (clock at 12 October 2026): the SWV sets its
 * categories and factors, the school enters a group and sees its care load, and the SWV sees the school's care
 * load in its overview (and over the years), never the counts per category. axe runs on every page (fixtures).
 */
import { DEMO, expect, expectAccessible, logIn, logOut, test } from './support/fixtures.js';

test.describe.configure({ mode: 'serial' });

const CATEGORY = 'Nieuwkomer (eerste jaar in Nederland)';

test('the SWV adds a category of support need with its factor', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'Verscheidenheidsindex: categorieën en factoren' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verscheidenheidsindex: categorieën en factoren');
  const fresh = page.locator('fieldset', { hasText: 'Nieuwe categorie' });
  await fresh.getByLabel('Naam van de categorie').fill(CATEGORY);
  await fresh.getByLabel('Factor').fill('anderhalf');
  await page.getByRole('button', { name: 'Categorieën opslaan' }).click();
  await expect(page.getByRole('link', { name: /Schrijf de factor als getal met een komma/ })).toBeVisible();
  await expectAccessible(page, 'categories with an error');
  await page.locator('fieldset', { hasText: 'Nieuwe categorie' }).getByLabel('Factor').fill('1,25');
  await page.getByRole('button', { name: 'Categorieën opslaan' }).click();
  await expect(page.getByText('De categorieën zijn opgeslagen.')).toBeVisible();
  await expect(page.locator(`input[value="${CATEGORY}"]`)).toHaveCount(1);
  await logOut(page);
});

test('the school enters a group and sees its care load', async ({ page }) => {
  await logIn(page, DEMO.schoolEditor);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Basisschool De Regenboog' }).click();
  await page.getByRole('link', { name: 'Verscheidenheidsindex (zorgzwaarte per groep)' }).click();
  await expect(page.getByText('Er zijn voor dit schooljaar nog geen groepen ingevuld.')).toBeVisible();
  await page.getByLabel('Naam van de groep').fill('Groep 6b');
  await page.getByLabel('Aantal leerlingen in de groep').fill('25');
  await page.getByLabel(/^Leerlingen in Matige ondersteuningsbehoefte/).fill('4');
  await page.getByLabel(new RegExp(`^Leerlingen in ${CATEGORY.replace(/[()]/g, '\\$&')}`)).fill('2');
  await page.getByRole('button', { name: 'Groep opslaan' }).click();
  await expect(page.getByText('De groep is opgeslagen.')).toBeVisible();
  // 19 × 1 + 4 × 1,5 + 2 × 1,25 = 27,5 points over 25 pupils = 1,1
  const row = page.getByRole('row', { name: /Groep 6b/ });
  await expect(row).toContainText('27,5');
  await expect(row).toContainText('1,1');
  await logOut(page);
});

test('the SWV sees the school’s care load, not the counts', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'Verscheidenheidsindex: zorgzwaarte per school' }).click();
  const row = page.getByRole('table', { name: /Zorgzwaarte per school, 2026-2027/ }).getByRole('row', { name: /Basisschool De Regenboog/ });
  await expect(row).toContainText('1,1');
  await expect(page.getByRole('heading', { name: 'Over de jaren' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Zorgzwaarte per school over de jaren' })).toContainText('Daltonschool Horizon');
  await expect(page.locator('main')).not.toContainText('Groep 6b');
  await expect(page.locator('main')).not.toContainText(CATEGORY);
  await logOut(page);
});
