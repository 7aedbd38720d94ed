/**
 * Insight (issue 12) in the browser: every view as the SWV admin (axe on every page), the exports downloadable,
 * and a board user who sees only the board's own schools and gets 404 on another board's school.
 * Serial: the first test notes a school of the other board for the last one.
 */
import type { Page } from '@playwright/test';
import { DEMO, expect, logIn, logOut, test } from './support/fixtures.js';

test.use({ axeEveryPage: true });
test.describe.configure({ mode: 'serial' });

let otherBoardSchoolHref: string | null = null;

async function openSwvInsight(page: Page): Promise<void> {
  await logIn(page, DEMO.swvAdmin);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /SWV PO Voorbeeldstad/ }).click();
  await page.getByRole('link', { name: 'Inzicht: normen, dekking en ambities' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Inzicht \d{4}-\d{4}$/);
}

test('the SWV admin reads the home and the basic-support matrix, a school and an item', async ({ page }) => {
  await openSwvInsight(page);
  await expect(page.getByRole('heading', { name: 'De SOP-ronde' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'De drie grootste tekorten' })).toBeVisible();
  // The chart has its table: the same figures for screen readers.
  await expect(page.getByRole('table', { name: 'Norm van het samenwerkingsverband' })).toBeVisible();

  await page.getByRole('link', { name: 'Naar de matrix basisondersteuning' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Basisondersteuning /);
  const matrix = page.getByRole('table', { name: /Matrix: scholen/ });
  await expect(matrix.getByRole('link', { name: 'Sint Jozefschool' })).toBeVisible();
  otherBoardSchoolHref = await matrix.getByRole('link', { name: 'Sint Jozefschool' }).getAttribute('href');
  await page.getByLabel('Bestuur').selectOption({ label: 'Stichting Primair Onderwijs Voorbeeldstad' });
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(matrix.getByRole('link', { name: 'Basisschool De Regenboog' })).toBeVisible();
  await expect(matrix.getByRole('link', { name: 'Sint Jozefschool' })).toHaveCount(0);
  await matrix.getByRole('link', { name: 'Basisschool De Regenboog' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Tekorten van Basisschool De Regenboog');
  await page.getByRole('link', { name: 'Naar de matrix basisondersteuning' }).click();
  await page.getByRole('table', { name: /Aantal scholen per status per vraag/ }).getByRole('link').first().click();
  await expect(page.getByText('Per school de status op deze vraag.')).toBeVisible();
});

test('the SWV admin reads coverage, ambitions and the year comparison, and downloads an export', async ({ page }) => {
  await openSwvInsight(page);
  await page.getByRole('link', { name: 'Naar dekking, extra ondersteuning en ambities' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Dekkend netwerk /);
  await expect(page.getByRole('heading', { name: 'Ambities: wat scholen willen ontwikkelen' })).toBeVisible();
  // The ambitions are counted per item; which schools they are is one item's own page, and back.
  await page.getByRole('table', { name: /Ambities per vraag/ }).getByRole('link', { name: /^Welke scholen: / }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Ambities: .+ \(\d{4}-\d{4}\)$/);
  await expect(page.getByRole('table', { name: /Scholen met een ambitie op deze vraag/ }).getByRole('rowheader').first()).toBeVisible();
  await page.getByRole('link', { name: 'Terug naar dekking en ambities' }).click();
  await page.getByRole('link', { name: 'Per bestuur' }).click();
  await expect(page.getByRole('heading', { name: 'Extra ondersteuning en expertise per bestuur' })).toBeVisible();

  await page.getByRole('link', { name: /^Inzicht \d{4}-\d{4}$/ }).click();
  await page.getByRole('link', { name: 'Vergelijk met een vorig schooljaar' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Vergelijking \d{4}-\d{4} en \d{4}-\d{4}$/);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Als Excel (XLSX)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^jaarvergelijking-.*\.xlsx$/);
  await logOut(page);
});

test("a board user sees only the board's schools and gets 404 on another board's school", async ({ page }) => {
  await logIn(page, DEMO.boardUser);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /Stichting Primair Onderwijs Voorbeeldstad/ }).click();
  await page.getByRole('link', { name: 'Inzicht in de scholen van dit bestuur' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Inzicht \d{4}-\d{4}$/);
  await page.getByRole('link', { name: 'Naar de matrix basisondersteuning' }).click();
  const own = page.getByRole('table', { name: /Matrix: scholen/ });
  await expect(own.getByRole('link', { name: 'Basisschool De Regenboog' })).toBeVisible();
  await expect(own.getByRole('link', { name: 'Sint Jozefschool' })).toHaveCount(0);
  const boardBase = new URL(page.url()).pathname.replace(/\/inzicht\/basisondersteuning$/, '');
  expect(otherBoardSchoolHref, 'the first test noted a school of the other board').not.toBeNull();
  const schoolId = otherBoardSchoolHref!.split('/scholen/')[1]!.split('?')[0]!;
  const response = await page.goto(`${boardBase}/inzicht/basisondersteuning/scholen/${schoolId}`);
  expect(response!.status()).toBe(404);
});
