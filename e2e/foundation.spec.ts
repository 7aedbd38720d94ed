import { DEMO, expect, expectAccessible, logIn, logOut, readOutbox, test } from './support/fixtures.js';

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
