import { DEMO, expect, expectAccessible, logIn, logOut, readOutbox, test } from './support/fixtures.js';

// Every page these tests load is checked with axe (once per kind of page per test), besides the explicit checks
// of states a page reaches without a new load (errors, opened menus).
test.use({ axeEveryPage: true });

test('the landing and login pages are accessible, and a wrong password is explained', async ({ page }) => {
  await page.goto('/');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Inloggen' }).first().click();
  await expectAccessible(page);
  await page.getByLabel('E-mailadres').fill(DEMO.schoolEditor);
  await page.getByLabel('Wachtwoord', { exact: true }).fill('fout-wachtwoord');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText('Het e-mailadres of het wachtwoord klopt niet');
  await expectAccessible(page, 'after a failed login');
});

for (const [role, email] of Object.entries(DEMO)) {
  test(`demo account ${role} can log in and out`, async ({ page }) => {
    await logIn(page, email);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');
    await expectAccessible(page);
    const firstPlace = page.locator('.card-list a').first();
    await firstPlace.click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page, `first place of ${role}`);
    await logOut(page);
  });
}

test('an SWV admin invites a school editor who sets a password and logs in', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'Gebruikers' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.locator('#error-summary')).toContainText('Vul de naam in');
  await expectAccessible(page, 'with errors');
  const email = `nieuw-${Date.now()}@horizon.example`;
  await page.getByLabel('Naam').fill('Noor Nieuw');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Rol').selectOption({ label: 'Schoolteam (directie/IB)' });
  await page.getByLabel('School of bestuur').selectOption({ label: 'School: Daltonschool Horizon (14EF00)' });
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByRole('status')).toContainText(`De uitnodiging is verstuurd naar ${email}`);
  await logOut(page);

  let mail: { text: string } | undefined;
  await expect.poll(() => (mail = readOutbox().find((m) => m.to === email)), { timeout: 10_000 }).toBeTruthy();
  const link = /http:\/\/localhost:\d+(\/uitnodiging\/\S+)/.exec(mail!.text)![1]!;
  await page.goto(link);
  await expectAccessible(page);
  await page.getByLabel('Nieuw wachtwoord').fill('een lange zin als wachtwoord');
  await page.getByLabel('Herhaal het wachtwoord').fill('een lange zin als wachtwoord');
  await page.getByRole('button', { name: 'Account activeren' }).click();
  await expect(page.getByRole('link', { name: 'Daltonschool Horizon' }).first()).toBeVisible();
  await logOut(page);
  await logIn(page, email, 'een lange zin als wachtwoord');
});

test('forgot and reset password pages, and the English interface, are accessible', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Log in', level: 1 })).toBeVisible();
  await expectAccessible(page, 'in English');
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await page.getByLabel('E-mailadres').fill(DEMO.otherSchoolEditor);
  await page.getByRole('button', { name: 'Stuur mij een link' }).click();
  await expect(page.getByRole('status')).toContainText('Als dit e-mailadres bij een account hoort');
  await expectAccessible(page, 'after requesting a link');

  let mail: { text: string } | undefined;
  await expect.poll(() => (mail = readOutbox().findLast((m) => m.to === DEMO.otherSchoolEditor && m.text.includes('/wachtwoord-herstellen/'))), { timeout: 10_000 }).toBeTruthy();
  const link = /http:\/\/localhost:\d+(\/wachtwoord-herstellen\/\S+)/.exec(mail!.text)![1]!;
  await page.goto(link);
  await page.getByLabel('Nieuw wachtwoord').fill('kort');
  await page.getByLabel('Herhaal het wachtwoord').fill('anders');
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.locator('#error-summary')).toContainText('Kies een wachtwoord van minstens 10 tekens');
  await expectAccessible(page, 'reset form with errors');
});

test('an SWV admin sees settings and add-school pages, and revokes a role after confirming', async ({ page }) => {
  await logIn(page, DEMO.swvAdmin);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await expect(page.getByRole('link', { name: 'SOP-rondes' })).toBeVisible();
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instellingen van het samenwerkingsverband');
  await expectAccessible(page, 'settings'); // explicit: going back at once could cut the automatic check short
  await page.goBack();
  await page.getByRole('link', { name: 'School toevoegen' }).click();
  await page.getByRole('button', { name: 'School toevoegen' }).click();
  await expect(page.locator('#error-summary')).toContainText('Vul de naam van de school in');
  await expectAccessible(page, 'add school with errors');

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'Gebruikers' }).click();
  const email = `tijdelijk-${Date.now()}@vlinder.example`;
  await page.getByLabel('Naam').fill('Tara Tijdelijk');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Rol').selectOption({ label: 'Medezeggenschapsraad' });
  await page.getByLabel('School of bestuur').selectOption({ label: 'School: OBS De Vlinder (13CD00)' });
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByRole('status')).toContainText(`De uitnodiging is verstuurd naar ${email}`);

  await page.getByRole('link', { name: /^Intrekken\s*: rol Medezeggenschapsraad bij OBS De Vlinder van Tara Tijdelijk$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rol intrekken');
  await expect(page.getByText('Wilt u de rol Medezeggenschapsraad bij OBS De Vlinder van Tara Tijdelijk')).toBeVisible();
  await page.getByRole('button', { name: 'Rol intrekken' }).click();
  await expect(page.getByRole('status')).toContainText('De rol is ingetrokken.');
  await expect(page.getByRole('row', { name: /Tara Tijdelijk/ })).toHaveCount(0);
});
