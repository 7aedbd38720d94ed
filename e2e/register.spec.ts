/**
 * The SWV's register from DUO's files (issue 11), in a new SWV so the demo SWV the other specs use stays as it is:
 * import with a preview, re-import with only the changes, a Latin-1 and a broken file, edit and archive a school,
 * districts from a postcode table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO, expect, expectAccessible, logIn, test } from './support/fixtures.js';

test.use({ axeEveryPage: true });

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'test', 'fixtures', 'register', name);

test('a new SWV imports its schools from DUO, re-imports next year, edits, archives and assigns districts', async ({ page }) => {
  await logIn(page, DEMO.platformAdmin);
  await page.goto('/beheer');
  const slug = `register-${Date.now()}`;
  await page.getByLabel('Naam van het samenwerkingsverband').fill('SWV PO Registerstad');
  await page.getByLabel('Korte naam').fill(slug);
  await page.getByRole('button', { name: 'Samenwerkingsverband aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SWV PO Registerstad');
  await page.getByRole('link', { name: 'Scholen en besturen' }).click();
  await page.getByRole('link', { name: 'Scholen importeren uit DUO' }).click();

  // A broken file: the line and column, and nothing changed.
  await page.getByLabel('Bestand met vestigingen (CSV)').setInputFiles(fixture('vestigingen-kapot.csv'));
  await page.getByLabel('Alle vestigingen in het bestand').check();
  await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
  await expect(page.locator('#error-summary')).toContainText('Regel 4 heeft 16 kolommen, de kopregel 15');
  await expectAccessible(page, 'with a broken file');

  // The SWV's locations from DUO's membership file: preview, then confirm.
  await page.getByLabel('Bestand met vestigingen (CSV)').setInputFiles(fixture('vestigingen-po.csv'));
  await page.getByLabel('Volgens het DUO-bestand “scholen per samenwerkingsverband”').check();
  await page.getByLabel('Bestand scholen per samenwerkingsverband (CSV)').setInputFiles(fixture('swv-deelnemers-po.csv'));
  await page.getByLabel('Code van uw samenwerkingsverband bij DUO').fill('PO 27-01');
  await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Voorbeeld van de import');
  await expect(page.getByRole('status')).toContainText('11 nieuw, 0 gewijzigd, 0 ongewijzigd');
  await expect(page.getByLabel('Elders Basisschool (20ST00) toevoegen')).not.toBeChecked();
  await expect(page.getByLabel('KBS De Fontein (16JK00) toevoegen')).toBeChecked();
  await page.getByRole('button', { name: 'Import bevestigen' }).click();
  await expect(page.getByRole('status')).toContainText('10 toegevoegd, 0 bijgewerkt, 0 gearchiveerd');

  // The schools and their boards (matched or created by bevoegd gezag number).
  await page.goto('/beheer');
  await page.getByRole('link', { name: 'SWV PO Registerstad' }).click();
  await page.getByRole('link', { name: 'Scholen en besturen' }).click();
  await expect(page.getByRole('link', { name: 'SBO De Brug; locatie West' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '42001', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '41234', exact: true })).toBeVisible();

  // Next year's file: only the changes.
  await page.getByRole('link', { name: 'Scholen importeren uit DUO' }).click();
  await page.getByLabel('Bestand met vestigingen (CSV)').setInputFiles(fixture('vestigingen-po-volgend-jaar.csv'));
  await page.getByLabel('Ik kies ze zelf aan in het voorbeeld').check();
  await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
  await expect(page.getByRole('status')).toContainText('2 nieuw, 1 gewijzigd, 8 ongewijzigd, 1 niet meer in het bestand');
  const changed = page.getByRole('table', { name: 'OBS De Vlinder (13CD00)' });
  await expect(changed).toContainText('OBS De Vlinder (vernieuwd)');
  await expect(changed).toContainText('Kastanjestraat 5');
  await page.getByLabel('Daltonschool Horizon (14EF00) archiveren').check();
  await page.getByRole('button', { name: 'Import bevestigen' }).click();
  await expect(page.getByRole('status')).toContainText('0 toegevoegd, 1 bijgewerkt, 1 gearchiveerd');

  // A Latin-1 file with the older column names.
  await page.getByLabel('Bestand met vestigingen (CSV)').setInputFiles(fixture('vestigingen-latin1.csv'));
  await page.getByLabel('Deze BRIN-nummers of vestigingscodes').check();
  await page.getByRole('textbox', { name: 'BRIN-nummers of vestigingscodes' }).fill('22WX');
  await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
  await expect(page.getByText('Windows-1252')).toBeVisible();
  await expect(page.getByLabel("Ichthusschool 'De Ark', Coëvorden-Zuid (22WX00) toevoegen")).toBeChecked();
  await page.getByRole('button', { name: 'Import bevestigen' }).click();
  await expect(page.getByRole('status')).toContainText('1 toegevoegd');

  // Edit a school, then archive it.
  await page.goto('/beheer');
  await page.getByRole('link', { name: 'SWV PO Registerstad' }).click();
  await page.getByRole('link', { name: 'Scholen en besturen' }).click();
  await page.getByRole('link', { name: "Basisschool 't Kompas" }).click();
  await page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
  await page.getByLabel('Naam van de school').fill("Basisschool 't Kompas (Oost)");
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('De gegevens van de school zijn opgeslagen');
  await page.getByRole('link', { name: 'School archiveren' }).click();
  await page.getByRole('button', { name: 'Archiveren' }).click();
  await expect(page.getByText('Deze school is gearchiveerd op')).toBeVisible();

  // Districts from a postcode table; schools without a match are listed.
  await page.goto('/beheer');
  await page.getByRole('link', { name: 'SWV PO Registerstad' }).click();
  await page.getByRole('link', { name: 'Scholen en besturen' }).click();
  await page.getByRole('link', { name: 'Wijken indelen' }).click();
  await page.getByLabel('Postcodelijst (CSV)').setInputFiles(fixture('postcodes-wijken.csv'));
  await page.getByRole('button', { name: 'Bekijk wat er verandert' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Voorbeeld: wijken');
  await expect(page.getByRole('heading', { name: 'Scholen zonder wijk in het bestand' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'KBS De Fontein (16JK00)' })).toBeVisible();
  await page.getByRole('button', { name: 'Wijken toepassen' }).click();
  await expect(page.getByRole('status')).toContainText('De wijken zijn ingedeeld');
  await expect(page.getByLabel('Wijk van Basisschool De Regenboog (12AB00)')).toHaveValue('Centrum');
});

test('the inspection\'s verdict reaches a school\'s questionnaire with its source and date', async ({ page }, testInfo) => {
  test.setTimeout(120_000); // two sign-ins and axe on every page
  // Only De Vlinder's row, whose carried answer ("Goed") is the verdict: the demo's answers stay as they are.
  const file = testInfo.outputPath('oordeel-vlinder.csv');
  const lines = readFileSync(fixture('oordelen.csv'), 'utf8').split('\n');
  writeFileSync(file, [lines[0], ...lines.filter((line) => line.includes(';13CD00;'))].join('\n'));
  await logIn(page, DEMO.swvAdmin);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /SWV PO Voorbeeldstad/ }).click();
  await page.getByRole('link', { name: 'Scholen en besturen' }).first().click();
  await page.getByRole('link', { name: 'Oordelen van de inspectie importeren' }).click();
  await page.getByLabel('Bestand met oordelen (CSV)').setInputFiles(file);
  await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Voorbeeld');
  await page.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByRole('status')).toContainText('Verwerkt: gegevens van 1 school opgeslagen.');

  await page.context().clearCookies();
  await logIn(page, DEMO.otherSchoolEditor);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /Vlinder/ }).click();
  await page.getByRole('link', { name: 'SOP 2026-2027 openen' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Algemeen', exact: true }).click();
  const item = page.locator('#item-inspectie-oordeel');
  await expect(item.locator('[data-public-source="inspectionVerdict"]')).toHaveText(
    'Ingevuld uit openbare gegevens Inspectie van het Onderwijs, oordeel: Goed (vastgesteld op 7 november 2023). Klopt dit niet, pas het antwoord dan aan; uw antwoord blijft staan.',
  );
  // Editable: the option is chosen; read-only (an earlier spec may have submitted the profile): the answer reads "Goed".
  const radio = item.getByRole('radio', { name: 'Goed' });
  if ((await radio.count()) > 0) await expect(radio).toBeChecked();
  else await expect(item.locator('.q-item__answer')).toHaveText('Goed');
});
