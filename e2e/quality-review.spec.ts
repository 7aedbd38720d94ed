/**
 * Self-assessment with review checklist (IJK-instrument and Kijkwijzer, issue 15) in the browser, on the demo data
 * (the example standards; clock at 12 October 2026): OBS De Vlinder rates itself; the SWV adviser (for SPOV's
 * schools) fills in the checklist on a visit and shares it; the school sees the differences side by side and resolves
 * one; the SWV sees ratings and differences per school and per indicator, filtered by board. Axe runs on every page.
 */
import { DEMO, expect, expectAccessible, logIn, logOut, test } from './support/fixtures.js';

const ADVISER = 'adviseur@voorbeeldstad.example';
const VLINDER = DEMO.otherSchoolEditor;

// Axe runs on every page, and the checklist pages are long: on a busy shared machine a test needs more than the default.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let comparisonPath = '';

test('the school rates itself', async ({ page }) => {
  await logIn(page, VLINDER);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /OBS De Vlinder/ }).click();
  await page.getByRole('link', { name: 'Basiskwaliteit: zelfevaluatie en kijkwijzer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zelfevaluatie en kijkwijzer van OBS De Vlinder');
  comparisonPath = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Zelfevaluatie invullen' }).click();
  const kerndoelen = page.locator('#indicator-aanbod-kerndoelen');
  await kerndoelen.getByLabel(/^Goed/).check();
  await kerndoelen.getByLabel('Toelichting en onderbouwing').fill('Nieuwe rekenmethode sinds 2025; dekt alle kerndoelen.');
  const veiligheid = page.locator('#indicator-klimaat-veiligheid');
  await veiligheid.getByLabel(/^Goed/).check();
  await veiligheid.getByLabel('Toelichting en onderbouwing').fill('Veiligheidsmonitor jaarlijks in groep 5 tot en met 8.');
  await page.getByRole('button', { name: 'Zelfevaluatie opslaan' }).click();
  await expect(page.getByText('De zelfevaluatie is opgeslagen.')).toBeVisible();
  await expect(page.locator('#indicator-aanbod-kerndoelen').getByLabel(/^Goed/)).toBeChecked();
  await logOut(page);
});

test('the adviser fills in the review checklist on a visit and shares it', async ({ page }) => {
  // The adviser reaches the SWV's view from their own page and opens the school from it.
  await logIn(page, ADVISER);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'Basiskwaliteit: zelfevaluatie en kijkwijzer per school' }).click();
  await expect(page.getByText('u ziet alleen die scholen')).toBeVisible();
  await expect(page.getByRole('table').first()).not.toContainText('Sint Jozefschool');
  await page.getByRole('link', { name: 'OBS De Vlinder' }).click();
  await page.getByRole('link', { name: 'Kijkwijzer invullen' }).click();
  await expect(page.locator('#indicator-klimaat-veiligheid')).toContainText('Zelfevaluatie van de school: Goed');
  await page.locator('#indicator-aanbod-kerndoelen').getByLabel(/^Goed/).check();
  await page.locator('#indicator-klimaat-veiligheid').getByLabel(/^Voldoende/).check();
  await page.locator('#indicator-klimaat-veiligheid').getByLabel('Opmerking van de bezoeker').fill('Monitor afgenomen, maar nog geen acties op de uitkomsten.');
  await page.getByRole('button', { name: 'Opslaan en delen met de school' }).click();
  await expect(page.getByRole('link', { name: 'Vul de datum van het schoolbezoek in.' })).toBeVisible();
  await expectAccessible(page, 'review form with an error');
  await page.getByLabel('Datum van het schoolbezoek').fill('2026-10-06');
  await page.getByRole('button', { name: 'Opslaan en delen met de school' }).click();
  await expect(page.getByText('De kijkwijzer is opgeslagen en gedeeld met de school.')).toBeVisible();
  await logOut(page);
});

test('the school sees the differences side by side and resolves one', async ({ page }) => {
  // The school sees both side by side: the difference is named in words.
  await logIn(page, VLINDER);
  await page.goto(comparisonPath);
  await expect(page.locator('#difference-count')).toHaveText('Verschillen: 1; daarvan opgelost: 0, in bespreking: 0.');
  const row = page.locator('#row-klimaat-veiligheid');
  await expect(row).toContainText('Verschil');
  await expect(row).toContainText('nog geen acties op de uitkomsten');
  await expect(page.locator('#row-aanbod-kerndoelen')).toContainText('Gelijk');
  await row.getByText('Verschil bespreken of oplossen').click();
  await row.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(page.getByRole('link', { name: 'Schrijf kort op wat er is besproken of afgesproken.' })).toBeVisible();
  await expectAccessible(page, 'resolution with an error');
  const failed = page.locator('#row-klimaat-veiligheid');
  await failed.getByLabel('Niveau waarover u het eens bent').selectOption({ label: 'Voldoende' });
  await failed.getByLabel('Notitie bij het gesprek').fill('Eens: actieplan op de uitkomsten van de monitor volgt voor de kerstvakantie.');
  await failed.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(page.getByText('Het gesprek over het verschil is vastgelegd.')).toBeVisible();
  await expect(page.locator('#row-klimaat-veiligheid')).toContainText('Verschil, opgelost');
  await expect(page.locator('#row-klimaat-veiligheid')).toContainText('Afgesproken niveau: Voldoende');
  await expect(page.locator('#difference-count')).toHaveText('Verschillen: 1; daarvan opgelost: 1, in bespreking: 0.');
  await logOut(page);
});

test('the SWV sees ratings and differences per school and indicator, filtered by board; it manages its standards', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'Basiskwaliteit: zelfevaluatie en kijkwijzer per school' }).click();
  const perSchool = page.getByRole('table', { name: /per school/ });
  await expect(perSchool).toContainText('OBS De Vlinder');
  await expect(perSchool).toContainText('Sint Jozefschool');
  await expect(page.getByRole('table', { name: 'Schoolklimaat' })).toBeVisible();
  await page.getByLabel('Bestuur').selectOption({ label: 'Stichting Katholiek Onderwijs De Linde' });
  await page.getByRole('button', { name: 'Toon', exact: true }).click();
  await expect(page.getByRole('table', { name: /per school/ })).not.toContainText('OBS De Vlinder');
  await expect(page.getByRole('table', { name: /per school/ })).toContainText('Sint Jozefschool');
  await page.getByRole('link', { name: 'Standaarden en beoordelingsschaal beheren' }).click();
  await expect(page.getByText('Dit is een voorbeeld')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download de standaarden als bestand (YAML)' })).toBeVisible();
  await logOut(page);
});
