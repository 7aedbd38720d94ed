/**
 * The yearly cycle in the browser (demo data, clock at 12 October 2026): the SWV creates a cycle and
 * opens one; De Vlinder sees its new and changed items, submits (check your answers → confirmation →
 * read-only), its council lands on the SOP and records advice with an outcome, the board (told only then) adopts,
 * the board is warned before adopting an SOP without the council's say, the SWV leaves a review remark that the school
 * answers, the school publishes; the SWV reopens another school with a reason; the progress overview (filter, sort,
 * the board reminding one of its schools) and "what changed since last year".
 */
import type { Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expect, expectAccessible, logIn, logOut, readOutbox, test } from './support/fixtures.js';

const VLINDER_EDITOR = 'ib@vlinder.example';
const VLINDER_COUNCIL = 'mr@vlinder.example';

/** The SWV admin's progress overview; returns the address of a school's cycle page. */
async function cyclePageOf(page: Page, school: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'SOP-rondes' }).click();
  await expectAccessible(page, 'cycles');
  await page.getByRole('link', { name: 'Voortgang 2026-2027' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Voortgang SOP-ronde 2026-2027');
  await expectAccessible(page, 'progress');
  return (await page.getByRole('link', { name: school }).getAttribute('href'))!;
}

test.describe.configure({ mode: 'serial' });

test('the SWV sees every school’s status and can filter by status', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  await cyclePageOf(page, 'OBS De Vlinder');
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: /Daltonschool Horizon/ })).toContainText('Ingediend');
  await expect(table.getByRole('row', { name: /KBS De Fontein/ })).toContainText('Vastgesteld door het bestuur');
  await page.getByLabel('Toon scholen met status').selectOption('published');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expectAccessible(page, 'filtered');
});

test('the SWV sorts the overview by progress and last activity, without script; the board reminds one of its own schools', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  await cyclePageOf(page, 'OBS De Vlinder');
  await expect(page.getByText(/Nog \d+ dagen tot de deadline\./)).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Laatste activiteit' })).toBeVisible();
  await page.getByLabel('Sorteer op').selectOption('voortgang');
  await page.getByLabel('Volgorde').selectOption('af');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page).toHaveURL(/sorteer=voortgang/);
  await expect(page.getByLabel('Sorteer op')).toHaveValue('voortgang');
  // Most answered first: the first school's count is at least the last one's.
  const counts = (await page.getByRole('table').getByRole('row').allInnerTexts()).slice(1).map((text) => Number(/(\d+) van (\d+) vragen/.exec(text)?.[1] ?? -1)).filter((n) => n >= 0);
  expect(counts.length).toBeGreaterThan(1);
  expect(counts[0]).toBeGreaterThanOrEqual(counts.at(-1)!);
  await expectAccessible(page, 'progress sorted');
  await logOut(page);

  await logIn(page, DEMO.boardUser);
  await page.locator('.card-list a').first().click();
  await page.goto(`${page.url()}/voortgang`);
  await expect(page.getByRole('heading', { name: 'Scholen herinneren' })).toBeVisible();
  const choices = page.getByRole('checkbox', { name: /^Herinnering sturen aan / });
  const total = await choices.count();
  expect(total).toBeGreaterThan(0);
  const school = ((await choices.first().locator('xpath=..').textContent()) ?? '').replace(/^\s*Herinnering sturen aan /, '').trim();
  for (let index = 1; index < total; index += 1) await choices.nth(index).uncheck();
  await page.getByRole('button', { name: 'Herinnering sturen aan de aangevinkte scholen' }).click();
  await expect(page.getByRole('status').first()).toContainText('Herinnering verstuurd aan 1 school');
  await expect(page.getByRole('row', { name: new RegExp(school) })).toContainText('Vandaag herinnerd');
  await expect.poll(() => readOutbox().filter((mail) => mail.subject.includes(school) && mail.subject.toLowerCase().includes('herinnering')).length).toBeGreaterThan(0);
  await expectAccessible(page, 'board reminded');
  await logOut(page);
});

test('the SWV creates a cycle for next year (overlap refused); a running round is not opened again', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'SOP-rondes' }).click();
  await page.getByRole('link', { name: 'Nieuwe SOP-ronde' }).click();
  await expect(page.getByLabel('Schooljaar')).toHaveValue('2027-2028');
  await expect(page.getByLabel('Indienen na de uiterste datum toestaan')).toHaveValue('nee');
  await expectAccessible(page, 'new cycle');
  // Opening before this year's round closes would prefill from older answers: refused, with what to do.
  await page.getByLabel('Opent op').fill('2026-12-01');
  await page.getByRole('button', { name: 'Ronde opslaan' }).click();
  await expect(page.locator('#error-summary')).toContainText('De SOP-ronde 2026-2027 sluit pas op 24 december 2026');
  await expectAccessible(page, 'new cycle with errors');
  await page.getByLabel('Opent op').fill('2027-02-01');
  await page.getByRole('button', { name: 'Ronde opslaan' }).click();
  // Saved, then redirected to the list (a refresh does not post again).
  await expect(page).toHaveURL(/\/cyclus\?gedaan=aangemaakt&jaar=2027-2028$/);
  await expect(page.getByRole('status')).toContainText('De SOP-ronde 2027-2028 is aangemaakt.');
  await expect(page.getByRole('row', { name: /2027-2028/ })).toContainText('Nog niet geopend');
  await expectAccessible(page, 'created');
  // The running round has opened: it is not offered "Ronde nu openen" again.
  await expect(page.getByRole('row', { name: /2026-2027/ })).toContainText('Loopt');
  await expect(page.getByRole('button', { name: /Ronde nu openen/ })).toHaveCount(0);
  await logOut(page);
});

test('a school sees which questions are new or changed since last year', async ({ page }) => {
  // De Regenboog has not yet looked at every new or changed question (a mark ends once the school saves it).
  await logIn(page, DEMO.schoolEditor);
  await page.locator('.card-list a').first().click();
  await page.getByRole('link', { name: 'Indienen, advies en vaststelling' }).click();
  await page.getByRole('link', { name: 'Naar de vragenlijst' }).click();
  const marked = page.locator('.task-list__item', { hasText: 'nieuw of gewijzigd' });
  await expect(marked.first()).toBeVisible();
  await marked.first().getByRole('link').click();
  await expect(page.locator('.q-item__mark .status-tag').first()).toHaveText(/^(Nieuw|Gewijzigd – controleer uw antwoord)$/);
  await expectAccessible(page, 'marked items');
  // A reworded question kept last year's answer: one click confirms it, and its mark is gone.
  const home = page.url().replace(/\/onderdelen\/.*$/, '');
  await page.goto(home);
  const sections = await marked.count();
  let confirmed = false;
  for (let index = 0; index < sections && !confirmed; index++) {
    if (index > 0) await page.goto(home);
    await marked.nth(index).getByRole('link').click();
    const confirm = page.getByRole('button', { name: 'Antwoord klopt nog' });
    if ((await confirm.count()) === 0) continue;
    const item = page.locator('.q-item', { has: confirm.first() });
    await expect(item.locator('.q-item__mark')).toContainText('Gewijzigd – controleer uw antwoord');
    const itemId = await item.getAttribute('id');
    await confirm.first().click();
    await expect(page).toHaveURL(/\?opgeslagen=1#item-/);
    await expect(page.locator(`#${itemId} .q-item__mark`)).toHaveCount(0);
    await expectAccessible(page, 'confirmed');
    confirmed = true;
  }
  expect(confirmed, 'a reworded question with a confirm button').toBe(true);
  await logOut(page);
});

test('a school checks its answers, submits, sees what happens next, and can no longer change it', async ({ page }) => {
  await logIn(page, VLINDER_EDITOR);
  await page.locator('.card-list a').first().click();
  await page.getByRole('link', { name: 'Indienen, advies en vaststelling' }).click();
  await expectAccessible(page, 'cycle page');
  await page.getByRole('link', { name: 'Controleren en indienen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Controleer uw antwoorden');
  await expect(page.getByRole('link', { name: /^wijzigen/ }).first()).toHaveAttribute('href', /\/onderdelen\/.+#item-/);
  await expectAccessible(page, 'check your answers');
  await page.getByRole('button', { name: 'SOP definitief indienen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('is ingediend');
  await expect(page.getByText('De MR krijgt een e-mail')).toBeVisible();
  await expectAccessible(page, 'confirmation');
  await page.getByRole('link', { name: 'Indienen, advies en vaststelling' }).click();
  await expect(page.getByText('Huidige status:')).toContainText('Ingediend');
  await expect(page.getByRole('link', { name: 'Controleren en indienen' })).toHaveCount(0);
  // The check page now says why it cannot be changed.
  await page.goto(page.url().replace('/cyclus', '/controleren'));
  await expect(page.getByText('Dit SOP is ingediend en daarmee definitief')).toBeVisible();
  await expect(page.getByRole('button', { name: 'SOP definitief indienen' })).toHaveCount(0);
  await expectAccessible(page, 'read-only check page');
  await logOut(page);
});

test('the council lands on the submitted SOP, gives its advice with an outcome; then the board hears it can adopt and adopts', async ({ page }) => {
  // One place, a submitted SOP: straight to the cycle page with "Advies geven", not a list of one place.
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(VLINDER_COUNCIL);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/profielen\/[^/]+\/cyclus$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indienen, advies en vaststelling');
  await expectAccessible(page, 'council landing');
  await page.getByRole('link', { name: 'Advies geven' }).click();
  await page.getByRole('button', { name: 'Advies vastleggen' }).click();
  await expect(page.locator('#error-summary')).toContainText('Kies of de MR advies gaf of instemde');
  await expectAccessible(page, 'advice with errors');
  // Remarks need the council's words.
  await page.getByLabel('Positief advies, met opmerkingen').check();
  await page.getByRole('button', { name: 'Advies vastleggen' }).click();
  await expect(page.locator('#error-summary')).toContainText('Vul de toelichting van de MR in');
  await page.getByLabel('Positief advies, met opmerkingen').check();
  await page.getByRole('textbox', { name: 'Toelichting van de MR' }).fill('De MR adviseert positief, en vraagt ouders actief te informeren over de ambities.');
  await page.getByRole('button', { name: 'Advies vastleggen' }).click();
  // Recorded, then redirected: a refresh shows the page again without posting.
  await expect(page).toHaveURL(/\/cyclus\?gedaan=advies$/);
  await expect(page.getByRole('status')).toContainText('Het oordeel van de MR is vastgelegd');
  await expect(page.getByText('Huidige status:')).toContainText('Advies MR vastgelegd');
  await expect(page.locator('.facts')).toContainText('Positief advies, met opmerkingen');
  await page.reload();
  await expect(page.getByRole('status')).toContainText('Het oordeel van de MR is vastgelegd');
  await expectAccessible(page, 'advised');
  await logOut(page);

  // The board heard it can adopt only now, after the council (not at submission, together with the council's mail).
  await expect
    .poll(() => readOutbox().filter((mail) => mail.to === DEMO.boardUser && mail.subject.includes('OBS De Vlinder')).map((mail) => mail.subject))
    .toEqual(['De MR heeft zich uitgesproken over het SOP 2026-2027 van OBS De Vlinder']);

  await logIn(page, DEMO.boardUser);
  await page.locator('.card-list a').first().click();
  const boardUrl = page.url();
  await page.goto(`${boardUrl}/voortgang`);
  await expectAccessible(page, 'board progress');
  await page.getByRole('link', { name: 'OBS De Vlinder' }).click();
  await expect(page.locator('#adopt-heading ~ p').first()).toContainText('Oordeel van de MR: Positief advies, met opmerkingen');
  await expect(page.getByText('Let op voordat u vaststelt')).toHaveCount(0);
  await page.getByLabel('Vastgesteld door').fill('B. Bakker, bestuurder');
  await page.getByRole('button', { name: 'SOP vaststellen' }).click();
  await expect(page).toHaveURL(/\/cyclus\?gedaan=vastgesteld$/);
  await expect(page.getByRole('status')).toContainText('Het SOP is vastgesteld');
  await expect(page.getByText('Huidige status:')).toContainText('Vastgesteld door het bestuur');
  await expectAccessible(page, 'adopted');
  await logOut(page);
});

test('the board is warned before adopting an SOP the council has not advised on', async ({ page }) => {
  await logIn(page, DEMO.boardUser);
  await page.locator('.card-list a').first().click();
  await page.goto(`${page.url()}/voortgang`);
  await page.getByRole('link', { name: 'Daltonschool Horizon' }).click();
  await expect(page.getByText('De MR heeft nog geen advies gegeven of instemming vastgelegd.')).toBeVisible();
  await expect(page.getByText('Let op voordat u vaststelt')).toBeVisible();
  await page.getByLabel('Vastgesteld door').fill('B. Bakker, bestuurder');
  await page.getByRole('button', { name: 'SOP vaststellen' }).click();
  await expect(page.locator('#error-summary')).toContainText('Vink aan dat u de punten hierboven hebt gezien');
  await expect(page.getByText('Huidige status:')).toContainText('Ingediend');
  await expectAccessible(page, 'adopt warning');
  await page.getByLabel('Ik heb deze punten gezien en stel het SOP toch vast').check();
  await page.getByRole('button', { name: 'SOP vaststellen' }).click();
  await expect(page.getByRole('status')).toContainText('Het SOP is vastgesteld');
  await logOut(page);
});

test('the SWV leaves a review remark, the school answers it and publishes', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  await page.goto(await cyclePageOf(page, 'OBS De Vlinder'));
  await page.getByLabel('Opmerking', { exact: true }).fill('Past "ver ontwikkeld" bij de leerlingbespreking bij wat wij van de school weten?');
  await page.getByRole('button', { name: 'Opmerking plaatsen' }).click();
  await expect(page.getByRole('status')).toContainText('De opmerking is geplaatst');
  await expectAccessible(page, 'remark placed');
  await logOut(page);

  await logIn(page, VLINDER_EDITOR);
  await page.locator('.card-list a').first().click();
  await page.getByRole('link', { name: 'Indienen, advies en vaststelling' }).click();
  await page.getByRole('link', { name: 'Naar de vragenlijst' }).click();
  await expect(page.getByText('heeft 1 opmerking(en) bij dit SOP')).toBeVisible();
  await page.getByRole('link', { name: 'Bekijk en beantwoord de opmerkingen' }).click();
  await page.getByLabel('Uw antwoord').fill('Ja, de inspectie noemde de leerlingbespreking een sterk punt.');
  await page.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByRole('status')).toContainText('Uw antwoord is opgeslagen');
  await expectAccessible(page, 'remark answered');
  await page.getByRole('button', { name: 'SOP publiceren' }).click();
  await expect(page.getByRole('status')).toContainText('Het SOP is gepubliceerd');
  await expect(page.getByText('Huidige status:')).toContainText('Gepubliceerd');
  await expectAccessible(page, 'published');
  await logOut(page);
});

test('the SWV reopens a submitted profile with a reason', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  const href = await cyclePageOf(page, 'Daltonschool Horizon');
  await page.goto(href);
  await page.getByRole('button', { name: 'SOP heropenen' }).click();
  await expect(page.locator('#error-summary')).toContainText('Vul de reden in');
  await expectAccessible(page, 'reopen with errors');
  await page.getByLabel('Reden voor heropenen').fill('Belofte 3: het antwoord over dyscalculie past niet bij het inspectierapport. Graag aanpassen.');
  await page.getByRole('button', { name: 'SOP heropenen' }).click();
  await expect(page.getByRole('status')).toContainText('Het SOP is heropend');
  await expect(page.getByText('Huidige status:')).toContainText('Bezig');
  await expect(page.getByText('Reden: Belofte 3')).toBeVisible();
  await expectAccessible(page, 'reopened');
});

test('what changed since last year, for the school', async ({ page }) => {
  await logIn(page, VLINDER_EDITOR);
  await page.locator('.card-list a').first().click();
  await page.getByRole('link', { name: 'Wat is er veranderd sinds vorig jaar' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat is er veranderd sinds vorig jaar');
  await expect(page.getByRole('columnheader', { name: 'Antwoord 2025-2026' })).toBeVisible();
  await expect(page.getByText('Nieuwe vraag').first()).toBeVisible();
  await expect(page.getByText('Vraag vervallen').first()).toBeVisible();
  await expectAccessible(page, 'changes');
  const changedRows = await page.getByRole('row').count();
  await page.getByRole('link', { name: 'Toon alle vragen' }).click();
  expect(await page.getByRole('row').count()).toBeGreaterThan(changedRows);
  await expectAccessible(page, 'all changes');
});
