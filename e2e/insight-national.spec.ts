/**
 * The platform administrator's national insight (issue 12) in the browser, axe on every page: from the platform
 * page to the table of SWVs, sorting by a column heading, the CSV export, onward to an SWV's insight; and the
 * basic-support matrix in pages (five schools a page for the demo's seven): page 2 shows the other schools.
 */
import { DEMO, expect, logIn, logOut, test } from './support/fixtures.js';

test.use({ axeEveryPage: true });

test('the platform administrator reads the national view, sorts it, exports it and opens an SWV', async ({ page }) => {
  await logIn(page, DEMO.platformAdmin);
  await page.goto('/beheer');
  await page.getByRole('link', { name: 'Landelijk inzicht: alle samenwerkingsverbanden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Landelijk inzicht \d{4}-\d{4}$/);
  const table = page.getByRole('table', { name: /Cijfers per samenwerkingsverband/ });
  await expect(table.getByRole('link', { name: 'SWV PO Voorbeeldstad' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: /^Totaal \(\d+ samenwerkingsverband/ })).toBeVisible();
  // The chart of all answers has its table.
  await expect(page.getByRole('table', { name: 'Alle antwoorden op genormeerde vragen, landelijk' })).toBeAttached();

  await table.getByRole('link', { name: /^Scholen/ }).click();
  await expect(page).toHaveURL(/sorteer=scholen&richting=af/);
  await expect(page.getByRole('columnheader', { name: /^Scholen/ })).toHaveAttribute('aria-sort', 'descending');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Als CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^landelijk-inzicht-\d{4}-\d{4}\.csv$/);

  await page.getByRole('table', { name: /Cijfers per samenwerkingsverband/ }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Inzicht \d{4}-\d{4}$/);
  await logOut(page);
});

test('the basic-support matrix of a big place comes in pages: page 2 shows other schools, the totals stay', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /SWV PO Voorbeeldstad/ }).click();
  await page.getByRole('link', { name: 'Inzicht: normen, dekking en ambities' }).click();
  await page.getByRole('link', { name: 'Naar de matrix basisondersteuning' }).click();
  // Five schools a page (the demo has seven; a real page holds 100).
  await page.goto(`${new URL(page.url()).pathname}?aantal=5`);
  const matrix = page.getByRole('table', { name: /Matrix: scholen/ });
  await expect(matrix).toContainText('Scholen 1 tot en met 5 van 7 (pagina 1 van 2)');
  const firstPage = await matrix.getByRole('rowheader').allTextContents();
  expect(firstPage).toHaveLength(5);
  const totals = await page.getByRole('table', { name: /Aantal scholen per status per vraag/ }).textContent();

  await page.getByRole('navigation', { name: "Pagina's met scholen" }).first().getByRole('link', { name: /Volgende 2 scholen/ }).click();
  await expect(matrix).toContainText('Scholen 6 tot en met 7 van 7 (pagina 2 van 2)');
  const secondPage = await matrix.getByRole('rowheader').allTextContents();
  expect(secondPage).toHaveLength(2);
  for (const name of secondPage) expect(firstPage).not.toContain(name);
  // The totals per item are those of all seven schools on both pages.
  expect(await page.getByRole('table', { name: /Aantal scholen per status per vraag/ }).textContent()).toBe(totals);
  await expect(page.locator('a[rel="prev"]').first()).toBeVisible();
  await logOut(page);
});
