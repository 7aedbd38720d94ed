import type { Page } from '@playwright/test';
import { DEMO, expect, expectAccessible, logIn, test } from './support/fixtures.js';

/** Moves focus with Tab until the element with this id (or this button text) has it; fails after `limit` presses. */
async function tabTo(page: Page, target: { id: string } | { button: string }, limit = 150): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ id: document.activeElement?.id ?? '', tag: document.activeElement?.tagName ?? '', text: document.activeElement?.textContent?.trim() ?? '' }));
    if ('id' in target ? focused.id === target.id : focused.tag === 'BUTTON' && focused.text === target.button) return;
  }
  throw new Error(`could not reach ${JSON.stringify(target)} with Tab`);
}

test('an SWV admin edits a new draft of the Zoetermeer questionnaire, previews it, publishes it and compares it', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'Vragenlijst', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vragenlijsten' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Schoolondersteuningsprofiel SWV PO Voorbeeldstad' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '2026-2027' })).toBeVisible();
  await expectAccessible(page, 'template list');

  // Open the published version: read-only.
  await page.getByRole('row', { name: /2026-2027/ }).getByRole('link', { name: /^Versie \d+$/ }).click();
  await expect(page.getByText('verandert niet meer')).toBeVisible();
  await expectAccessible(page, 'published version');

  // Start a new draft.
  await page.getByRole('button', { name: 'Nieuwe conceptversie' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Schoolondersteuningsprofiel SWV PO Voorbeeldstad — versie');
  await expect(page.getByText('Dit is een conceptversie')).toBeVisible();
  const draftUrl = page.url().replace(/\?.*$/, '');
  await expectAccessible(page, 'draft version');

  // Add an item with a norm to Belofte 1.
  await page.getByRole('link', { name: 'Belofte 1', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Onderdeel: Belofte 1' })).toBeVisible();
  await expectAccessible(page, 'section editor');
  await page.getByRole('link', { name: 'Vraag toevoegen' }).click();
  await expectAccessible(page, 'new item form');
  // Rarely used fields are folded (issue 10): the form is much shorter than with every field open, as it was.
  const pageHeight = () => page.evaluate(() => document.documentElement.scrollHeight);
  const folded = await pageHeight();
  await page.evaluate(() => {
    for (const details of document.querySelectorAll<HTMLDetailsElement>('details.editor-more')) details.open = true;
  });
  const unfolded = await pageHeight();
  console.log(`new item form: ${folded} px folded, ${unfolded} px with every field open`);
  expect(folded).toBeLessThan(unfolded * 0.8);
  await expectAccessible(page, 'new item form, every field open');
  await page.getByLabel('Sleutel').fill('aanbod-e2e-rekenen');
  await page.getByLabel('Vraag (titel)').fill('Aanbod voor leerlingen met rekenproblemen');
  await page.getByLabel('Soort vraag').selectOption({ label: 'Aanbod: op welk niveau beschikbaar' });
  await page.getByLabel('Antwoordschaal').selectOption({ label: 'Niveau van beschikbaarheid' });
  const norm = page.getByRole('group', { name: 'Norm van het samenwerkingsverband' });
  await norm.getByLabel('Op schoolniveau').check();
  await norm.getByLabel('Op wijkniveau').check();
  await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
  await expect(page.getByRole('status')).toContainText('De wijziging is opgeslagen.');
  const rows = page.getByRole('table', { name: 'Vragen in dit onderdeel' }).getByRole('row');
  await expect(rows.last()).toContainText('Aanbod voor leerlingen met rekenproblemen');
  await expect(rows.last()).toContainText('Op schoolniveau of Op wijkniveau');

  // Reorder it: one place up.
  await page.getByRole('button', { name: 'Omhoog: Aanbod voor leerlingen met rekenproblemen' }).click();
  await expect(page.getByRole('status')).toContainText('De volgorde is aangepast.');
  await expect(rows.nth(-2)).toContainText('Aanbod voor leerlingen met rekenproblemen');
  // Keyboard: the page comes back at the moved row, with focus on it; Tab goes on from there.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('item-aanbod-e2e-rekenen');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aanbod voor leerlingen met rekenproblemen', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Omhoog: Aanbod voor leerlingen met rekenproblemen' })).toBeFocused();
  await expectAccessible(page, 'after reorder');

  // A validation error: an empty title is refused, with the message at the field and in the summary.
  await page.getByRole('link', { name: 'Aanbod voor leerlingen met rekenproblemen', exact: true }).click();
  await page.getByLabel('Vraag (titel)').fill('');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.locator('#error-summary')).toContainText('Vraag (titel): mag niet leeg zijn');
  await expect(page.locator('#field-title-error')).toContainText('mag niet leeg zijn');
  await expectAccessible(page, 'item form with errors');
  await page.locator('#error-summary').getByRole('link', { name: /Vraag \(titel\)/ }).click();
  await page.getByLabel('Vraag (titel)').fill('Aanbod voor leerlingen met ernstige rekenproblemen');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('De wijziging is opgeslagen.');

  // Keyboard only: edit the section's title and tick a checkbox with Tab, typing, Space and Enter.
  await tabTo(page, { id: 'field-title' });
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Belofte 1: veiligheid');
  await tabTo(page, { id: 'field-asksLimits' });
  const wasChecked = await page.locator('#field-asksLimits').isChecked();
  await page.keyboard.press('Space');
  await expect(page.locator('#field-asksLimits')).toBeChecked({ checked: !wasChecked });
  await tabTo(page, { button: 'Opslaan' });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Onderdeel: Belofte 1: veiligheid' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('De wijziging is opgeslagen.');

  // Preview the section as a school sees it.
  await page.getByRole('link', { name: 'Bekijk als school: Belofte 1: veiligheid' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Belofte 1: veiligheid' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Aanbod voor leerlingen met ernstige rekenproblemen' })).toBeVisible();
  await expectAccessible(page, 'preview');

  // Edit a scale.
  await page.goto(draftUrl);
  await page.getByRole('link', { name: 'Status van het protocol', exact: true }).click();
  await expectAccessible(page, 'scale form');
  await page.getByLabel('Tekst voor de school').first().fill('Wordt actief toegepast');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('De wijziging is opgeslagen.');
  await expect(page.getByRole('row', { name: /Status van het protocol/ })).toContainText('Wordt actief toegepast');

  // A scale in use cannot be removed.
  await page.getByRole('link', { name: 'Verwijderen: Status van het protocol' }).click();
  await expect(page.getByRole('alert')).toContainText('wordt nog gebruikt door');
  await expectAccessible(page, 'scale removal refused');

  // Publish for 2027-2028; 2026-2027 is taken.
  await page.goto(draftUrl);
  await page.getByRole('link', { name: 'Publiceren voor schooljaar' }).click();
  await expectAccessible(page, 'publish form');
  await page.getByLabel('Schooljaar').selectOption('2026-2027');
  await page.getByRole('button', { name: 'Publiceren' }).click();
  await expect(page.locator('#error-summary')).toContainText('Voor schooljaar 2026-2027 is al versie');
  await expectAccessible(page, 'publish refused');
  await page.getByLabel('Schooljaar').selectOption('2027-2028');
  await page.getByRole('button', { name: 'Publiceren' }).click();
  await expect(page.getByText('Deze versie is gepubliceerd voor schooljaar 2027-2028')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Publiceren voor schooljaar' })).toHaveCount(0);

  // The comparison with the previous version.
  await page.getByRole('link', { name: 'Vergelijken met vorige versie' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('vergeleken met versie');
  await expect(page.locator('[data-count="new"]')).toHaveText('1');
  await expect(page.getByRole('table', { name: 'Gewijzigde, nieuwe en verwijderde vragen' })).toContainText('Aanbod voor leerlingen met ernstige rekenproblemen');
  await expect(page.getByText(/Antwoorden op \d+ vragen gaan mee naar deze versie/)).toBeVisible();
  await expectAccessible(page, 'comparison');
});

test('a broken template file is refused with every error and its line; nothing changes', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'Vragenlijst', exact: true }).click();
  const versionsBefore = await page.getByRole('table').getByRole('row').count();
  await page.getByLabel('Vragenlijstbestand').setInputFiles({
    name: 'kapot.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from('format: opensop-template/1\nkey: kapot\nname: Kapot\nsections:\n  - key: een\n    kind: belofte\n    title: Een\n    items:\n      - key: vraag\n        kind: availability\n        title: Vraag\n        scale: bestaat-niet\n'),
  });
  await page.getByRole('button', { name: 'Importeren' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toContainText('2 fouten gevonden');
  await expect(summary).toContainText('regel 6, kolom 5 (sections[0].kind)');
  await expect(summary).toContainText('schaal "bestaat-niet" bestaat niet');
  await expectAccessible(page, 'upload errors');
  await expect(page.getByRole('heading', { name: 'Kapot' })).toHaveCount(0);
  expect(await page.getByRole('table').getByRole('row').count()).toBe(versionsBefore);
});

test('every editor page of a draft passes axe: general texts, a new section, a new scale, removals', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'Vragenlijst', exact: true }).click();
  const newDraft = page.getByRole('button', { name: 'Nieuwe conceptversie' });
  if (await newDraft.count()) await newDraft.click();
  else await page.getByRole('link', { name: /^Bewerken: concept versie/ }).click();
  await expect(page.getByText('Dit is een conceptversie')).toBeVisible();
  const draftUrl = page.url().replace(/\?.*$/, '');

  // General texts and the welcome page: add a folding text.
  await page.getByRole('link', { name: 'Naam, beschrijving en welkomstteksten bewerken' }).click();
  await expectAccessible(page, 'general form');
  const panels = page.getByRole('group', { name: 'Uitklapteksten op de welkomstpagina' });
  const blankRow = await panels.getByRole('textbox', { name: /^Titel van uitklaptekst/ }).count();
  await panels.getByLabel(`Titel van uitklaptekst ${blankRow}`, { exact: true }).fill('Contact');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.locator('#error-summary')).toContainText(`Tekst van uitklaptekst ${blankRow}: mag niet leeg zijn`);
  await expectAccessible(page, 'general form with errors');
  await panels.getByLabel(`Tekst van uitklaptekst ${blankRow}`, { exact: true }).fill('Bel het samenwerkingsverband.');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('De wijziging is opgeslagen.');

  // A new section: a wrong key first.
  await page.getByRole('link', { name: 'Onderdeel toevoegen' }).click();
  await expectAccessible(page, 'new section form');
  await page.getByLabel('Sleutel').fill('Belofte 8');
  await page.getByLabel('Titel', { exact: true }).fill('Belofte 8');
  await page.getByRole('button', { name: 'Onderdeel toevoegen' }).click();
  await expect(page.locator('#error-summary')).toContainText('Sleutel: "Belofte 8" is niet toegestaan');
  await expectAccessible(page, 'new section form with errors');
  await page.getByLabel('Sleutel').fill('belofte-8');
  await page.getByRole('button', { name: 'Onderdeel toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Onderdeel: Belofte 8' })).toBeVisible();

  // A new scale.
  await page.goto(draftUrl);
  await page.getByRole('link', { name: 'Schaal toevoegen' }).click();
  await expectAccessible(page, 'new scale form');
  await page.getByLabel('Sleutel', { exact: true }).fill('frequentie');
  await page.getByLabel('Naam van de schaal').fill('Hoe vaak');
  await page.getByRole('group', { name: 'Optie 1' }).getByLabel('Waarde (sleutel)').fill('vaak');
  await page.getByRole('group', { name: 'Optie 1' }).getByLabel('Tekst voor de school').fill('Vaak');
  await page.getByRole('button', { name: 'Schaal toevoegen' }).click();
  await expect(page.locator('#error-summary')).toContainText('een schaal heeft minstens twee antwoordopties');
  await page.getByRole('group', { name: 'Optie 2' }).getByLabel('Waarde (sleutel)').fill('nooit');
  await page.getByRole('group', { name: 'Optie 2' }).getByLabel('Tekst voor de school').fill('Nooit');
  // "Nooit" means the school does not offer it: the SWV says so with the option's flag (the posters then say "Nog niet op onze school").
  await page.getByRole('group', { name: 'Optie 2' }).getByLabel('Betekent: de school biedt dit niet').check();
  await page.getByRole('button', { name: 'Schaal toevoegen' }).click();
  await expect(page.getByRole('row', { name: /Hoe vaak/ })).toContainText('Vaak, Nooit (school biedt dit niet)');
  await page.getByRole('link', { name: 'Hoe vaak', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Optie 2' }).getByLabel('Betekent: de school biedt dit niet')).toBeChecked();
  await expect(page.getByRole('group', { name: 'Optie 1' }).getByLabel('Betekent: de school biedt dit niet')).not.toBeChecked();
  await page.goto(draftUrl);

  // Remove the unused scale and the new section, each after a confirmation page.
  await page.getByRole('link', { name: 'Verwijderen: Hoe vaak' }).click();
  await expectAccessible(page, 'confirm scale removal');
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByRole('status')).toContainText('De schaal is verwijderd.');
  await page.getByRole('link', { name: 'Verwijderen: Belofte 8' }).click();
  await expectAccessible(page, 'confirm section removal');
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByRole('status')).toContainText('Het onderdeel is verwijderd.');
  await expect(page.getByRole('link', { name: 'Belofte 8', exact: true })).toHaveCount(0);

  // Copy a scale from an example template (keyboard: choose, type, Enter).
  await page.getByRole('link', { name: 'Schaal toevoegen' }).click();
  await page.getByLabel('Schaal', { exact: true }).selectOption({ value: 'voorbeeld:de-eem-po|frequency' });
  await page.getByLabel('Sleutel in deze vragenlijst (optioneel)').fill('frequentie-eem');
  await page.getByLabel('Sleutel in deze vragenlijst (optioneel)').press('Enter');
  await expect(page.getByRole('status')).toContainText('De schaal is overgenomen.');
  await expect(page.getByRole('row', { name: /Hoe vaak gebeurt dit\?/ })).toBeVisible();

  // The welcome page as a school sees it.
  await page.getByRole('link', { name: 'Welkomstpagina bekijken als school' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('Contact', { exact: true })).toBeVisible();
  await expectAccessible(page, 'welcome preview');

  // Adopt the example national set; its section previews with the national norm.
  await page.goto(draftUrl);
  await page.getByLabel('Bestand met een landelijke set').setInputFiles('templates/national/landelijke-norm-voorbeeld.yaml');
  await page.getByRole('button', { name: 'Landelijke set overnemen' }).click();
  await expect(page.getByRole('status')).toContainText('De landelijke set is overgenomen in deze conceptversie.');
  await page.getByRole('link', { name: 'Bekijk als school: Landelijke norm' }).click();
  await expect(page.getByText('Landelijke norm: In de school').first()).toBeVisible();
  await expectAccessible(page, 'national section preview');

  // Removing an item asks first, too.
  await page.goto(draftUrl);
  await page.getByRole('link', { name: 'Belofte 2', exact: true }).click();
  await page.getByRole('link', { name: /^Verwijderen: / }).first().click();
  await expectAccessible(page, 'confirm item removal');
  await page.getByRole('link', { name: 'Nee, terug' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Onderdeel: Belofte 2' })).toBeVisible();
});
