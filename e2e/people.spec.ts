/**
 * The people around the profile (issue 14) in the browser, on the demo data (clock at 12 October 2026):
 * the SWV adviser (for SPOV's schools) records a verdict on Daltonschool Horizon's submitted profile that the school,
 * its board and the SWV see; the school records how its pupils were heard and the board reads it before adopting;
 * the support point's signal with personal data is refused with a clear message, and a clean one is counted.
 */
import { DEMO, expect, expectAccessible, logIn, logOut, test } from './support/fixtures.js';

const ADVISER = 'adviseur@voorbeeldstad.example';
const SUPPORT_POINT = 'steunpunt@voorbeeldstad.example';
const HORIZON_EDITOR = 'ib@horizon.example';

test.describe.configure({ mode: 'serial' });

let cyclePath = '';

test('the adviser records a verdict; the school, the board and the SWV see it', async ({ page }) => {
  // Earlier specs in the same run reopen Horizon's submitted profile (e2e/cycle.spec.ts): the school submits it
  // again (it is complete), so the adviser finds a submitted profile whatever ran before.
  await logIn(page, HORIZON_EDITOR);
  await page.locator('.card-list a').first().click();
  await page.getByRole('link', { name: 'Indienen, advies en vaststelling' }).first().click();
  const submit = page.getByRole('link', { name: 'Controleren en indienen' });
  if ((await submit.count()) > 0) {
    await submit.click();
    await page.getByRole('button', { name: 'SOP definitief indienen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('is ingediend');
  }
  await logOut(page);

  await logIn(page, ADVISER);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plausibiliteit van de profielen');
  await expect(page.getByText('U bent adviseur voor een deel van de scholen')).toBeVisible();
  // Only SPOV's schools: the Sint Jozefschool (board Linde) is not listed.
  await expect(page.getByRole('table')).not.toContainText('Sint Jozefschool');
  await expectAccessible(page, 'verdicts overview');
  await page.getByRole('link', { name: 'Daltonschool Horizon' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oordeel over het profiel');
  await page.getByLabel('Niet plausibel — gesprek nodig').check();
  await page.getByRole('button', { name: 'Oordeel opslaan' }).click();
  await expect(page.getByRole('link', { name: /vul de datum van het jaargesprek in/ })).toBeVisible();
  await expectAccessible(page, 'verdict form with error');
  await page.getByLabel('Datum jaargesprek').fill('2027-03-15');
  await page.getByLabel('Afspraken').fill('Aanbod dyscalculie beschrijven zoals het in de praktijk gaat; evaluatie in maart.');
  await page.getByRole('button', { name: 'Oordeel opslaan' }).click();
  await expect(page.getByText('Het oordeel is opgeslagen')).toBeVisible();
  await page.getByRole('link', { name: 'Naar de cycluspagina met opmerkingen per onderdeel' }).click();
  cyclePath = new URL(page.url()).pathname;
  await expect(page.locator('#verdict-heading')).toBeVisible();
  await logOut(page);

  for (const email of [HORIZON_EDITOR, DEMO.boardUser, DEMO.swvAdmin]) {
    await logIn(page, email);
    await page.goto(cyclePath);
    const section = page.locator('section.verdict-section');
    await expect(section).toContainText('Niet plausibel — gesprek nodig');
    await expect(section).toContainText('15 maart 2027');
    await expect(section).toContainText('Aanbod dyscalculie beschrijven');
    await expect(section.getByRole('link', { name: /Oordeel/ })).toHaveCount(0);
    if (email === DEMO.swvAdmin) {
      await page.goto('/');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
      await page.getByRole('link', { name: 'Plausibiliteit van de profielen' }).click();
      await expect(page.getByRole('row', { name: /Daltonschool Horizon/ })).toContainText('Niet plausibel — gesprek nodig');
      await expectAccessible(page, 'verdicts for the SWV');
    }
    await logOut(page);
  }
});

test('the school records how its pupils were heard; the board sees it before adopting', async ({ page }) => {
  await logIn(page, HORIZON_EDITOR);
  await page.goto(cyclePath);
  await page.getByRole('link', { name: 'Vastleggen hoe leerlingen zijn gehoord' }).click();
  await expectAccessible(page, 'pupil voice form');
  await page.getByLabel('Leerlingenraad').check();
  await page.getByLabel('Gesprekken in de klas').check();
  await page.getByLabel('Wanneer?').fill('2026-10-05');
  await page.getByLabel('Wat zeiden de leerlingen?').fill('De leerlingenraad vindt de hulp bij rekenen goed, maar wil meer rust in de klas.');
  await page.getByLabel('Wat heeft de school ermee gedaan?').fill('Een stiltehoek in elke bovenbouwgroep; opgenomen bij gedrag in het profiel.');
  await page.getByRole('button', { name: 'Verslag opslaan' }).click();
  await expect(page.getByText('Het verslag is opgeslagen')).toBeVisible();
  await logOut(page);

  await logIn(page, DEMO.boardUser);
  await page.goto(cyclePath);
  const section = page.locator('section.pupil-voice-section');
  await expect(section).toContainText('Leerlingenraad, Gesprekken in de klas');
  await expect(section).toContainText('5 oktober 2026');
  await expect(section).toContainText('meer rust in de klas');
  await expect(page.locator('#adopt-heading')).toBeVisible();
  await expectAccessible(page, 'cycle page for the board');
});

test('the support point’s signal with personal data is refused; a clean one is counted, masked for the SWV', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'Signalen van het ouder- en jeugdsteunpunt' }).click();
  await page.getByLabel('Nieuw thema').fill('Aanmelding geweigerd');
  await page.getByRole('button', { name: 'Thema toevoegen' }).click();
  await expect(page.getByText('Het thema is toegevoegd')).toBeVisible();
  await logOut(page);

  await logIn(page, SUPPORT_POINT);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  // Wait for the page before axe runs (injecting it while the click still navigates fails).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Signalen van het ouder- en jeugdsteunpunt');
  await expectAccessible(page, 'signals');
  await page.getByLabel('Thema', { exact: true }).selectOption({ label: 'Aanmelding geweigerd' });
  await page.getByLabel('School (niet verplicht)').selectOption({ label: 'Daltonschool Horizon' });
  await page.getByLabel('Datum', { exact: true }).fill('2026-10-01');
  await page.getByLabel('Korte beschrijving').fill('Moeder, bereikbaar op 06-12345678, meldt dat de aanmelding werd geweigerd.');
  await page.getByRole('button', { name: 'Signaal opslaan' }).click();
  await expect(page.getByRole('link', { name: /Haal het telefoonnummer weg/ })).toBeVisible();
  await expectAccessible(page, 'signal refused');
  await page.getByLabel('Korte beschrijving').fill('Ouders melden dat de aanmelding werd geweigerd zonder onderzoek naar de ondersteuningsbehoefte.');
  await page.getByRole('button', { name: 'Signaal opslaan' }).click();
  await expect(page.getByText('Het signaal is opgeslagen')).toBeVisible();
  await expect(page.getByRole('row', { name: /Daltonschool Horizon/ }).first()).toContainText('1');
  await logOut(page);

  await logIn(page, DEMO.swvAdmin);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'Signalen van het ouder- en jeugdsteunpunt' }).click();
  await expect(page.getByRole('row', { name: /Daltonschool Horizon/ })).toContainText('minder dan 5');
  await expect(page.getByText('zonder onderzoek naar de ondersteuningsbehoefte')).toHaveCount(0);
});
