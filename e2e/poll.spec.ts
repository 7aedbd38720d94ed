/**
 * The anonymous pupil poll (issue 14) in the browser, on the demo data: the SWV takes over the example questions,
 * De Regenboog opens a poll for groep 7, five pupils answer by code on a phone (five browser contexts, no account,
 * only the poll's cookie, a page not to be indexed), and the school sees the results and releases one free text
 * (rejecting one with a name). Axe on every page.
 */
import type { Browser } from '@playwright/test';
import { DEMO, expect, expectAccessible, logIn, logOut, test } from './support/fixtures.js';

test.describe.configure({ mode: 'serial' });

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-NL', bypassCSP: true } as const;
const HELP_QUESTION = 'Krijg je hulp als je iets moeilijk vindt?';
const CLEAN_TEXT = 'Ik wil vaker uitleg in een klein groepje bij rekenen.';
const NAMED_TEXT = 'Meester Jan helpt Sanne nooit, zij zit altijd alleen.';

let code = '';
let pollPath = '';

test('the SWV takes over the example questions; the school opens a poll for groep 7', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'Vragen voor de leerlingpeiling' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vragen voor de leerlingpeiling');
  const adopt = page.getByRole('button', { name: 'Voorbeeldvragen overnemen' });
  if ((await adopt.count()) > 0) {
    await adopt.click();
    await expect(page.getByText('De voorbeeldvragen zijn overgenomen')).toBeVisible();
  }
  await expect(page.getByRole('table')).toContainText(HELP_QUESTION);
  await logOut(page);

  await logIn(page, DEMO.schoolEditor);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /De Regenboog/ }).first().click();
  await page.getByRole('link', { name: 'Peilingen onder leerlingen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Peilingen onder leerlingen');
  await page.getByRole('button', { name: 'Peiling openen' }).click();
  await expect(page.getByRole('link', { name: /Vul de groep of klas in/ })).toBeVisible();
  await page.getByLabel('Groep of klas').fill('groep 7');
  await page.getByLabel('Hoe lang staat de peiling open?').selectOption({ label: '1 week' });
  await page.getByRole('button', { name: 'Peiling openen' }).click();
  await expect(page.getByText('De peiling is geopend')).toBeVisible();
  code = ((await page.locator('.poll-code--large').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  pollPath = new URL(page.url()).pathname;
  await expect(page.getByText('Nog te weinig antwoorden')).toBeVisible();
});

async function answerOnPhone(browser: Browser, baseURL: string, index: number, text?: string) {
  const context = await browser.newContext({ ...PHONE, baseURL });
  const phone = await context.newPage();
  await phone.goto('/peiling');
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Peiling');
  // The first pupil types the code in small letters with a space, as pupils do.
  await phone.getByLabel('Code').fill(index === 0 ? `${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}` : code);
  await phone.getByRole('button', { name: 'Verder' }).click();
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Peiling voor groep 7');
  await expect(phone.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
  if (index === 0) {
    await expectAccessible(phone, 'poll form on a phone');
    await phone.getByRole('button', { name: 'Versturen' }).click();
    await expect(phone.getByRole('link', { name: 'Kies een antwoord bij deze vraag.' }).first()).toBeVisible();
    await expectAccessible(phone, 'poll form with errors');
  }
  for (const group of await phone.getByRole('group').all()) {
    const options = group.getByRole('radio');
    await options.nth(index % (await options.count())).check();
  }
  if (text) await phone.getByLabel(/Wat zou de school beter kunnen doen/).fill(text);
  await phone.getByRole('button', { name: 'Versturen' }).click();
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Dank je wel!');
  // The only cookie: the poll's own, on the poll's path, not readable by scripts.
  const cookies = await context.cookies();
  expect(cookies.map((cookie) => cookie.name)).toEqual(['sop_peiling']);
  expect(cookies[0]).toMatchObject({ path: `/peiling/${code}`, httpOnly: true, sameSite: 'Strict' });
  if (index === 0) {
    await expectAccessible(phone, 'thank-you page');
    await phone.goto(`/peiling/${code}`);
    await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Je hebt al geantwoord');
  }
  // No result is ever shown to a pupil.
  await expect(phone.locator('body')).not.toContainText('%');
  await context.close();
}

test('a class answers by code on their phones; the school sees the results and releases one free text', async ({ page, browser, baseURL }) => {
  for (let index = 0; index < 5; index += 1) await answerOnPhone(browser, baseURL!, index, index === 0 ? NAMED_TEXT : index === 1 ? CLEAN_TEXT : undefined);

  await logIn(page, DEMO.schoolEditor);
  await page.goto(pollPath);
  await expect(page.getByText('5 leerlingen hebben geantwoord.')).toBeVisible();
  await expect(page.getByRole('table', { name: HELP_QUESTION })).toContainText('%');
  const pending = page.locator('.poll-texts li');
  await expect(pending).toHaveCount(2);
  await pending.filter({ hasText: CLEAN_TEXT }).getByRole('button', { name: 'Vrijgeven' }).click();
  await expect(page.getByText('De tekst is beoordeeld.')).toBeVisible();
  await page.locator('.poll-texts li').filter({ hasText: NAMED_TEXT }).getByRole('button', { name: 'Afwijzen' }).click();
  await expect(page.locator('.poll-texts-released')).toContainText(CLEAN_TEXT);
  await expect(page.locator('main')).not.toContainText('Meester Jan');
  await expect(page.getByText('1 teksten afgewezen')).toBeVisible();
  await expectAccessible(page, 'poll results');

  // The results go into the pupils' voice record only when the school takes them there and saves.
  const toRecord = page.getByRole('link', { name: /Uitkomst opnemen in de stem van leerlingen/ }).first();
  if ((await toRecord.count()) > 0) {
    await toRecord.click();
    await expect(page.getByLabel('Wat zeiden de leerlingen?')).toContainText('Peiling in groep 7: 5 leerlingen antwoordden anoniem.');
    await expect(page.getByLabel('Wat zeiden de leerlingen?')).toContainText(CLEAN_TEXT);
    await expect(page.getByLabel('Wat zeiden de leerlingen?')).not.toContainText('Meester Jan');
    await expect(page.getByLabel('Peiling of vragenlijst')).toBeChecked();
  }
});
