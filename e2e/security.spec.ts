/**
 * Two-step verification and the audit log (issue 16) in the browser, on the demo data (fixed clock at 12 October
 * 2026): the SWV administrator sets up a second factor with a code computed here from the key the page shows,
 * logs out, logs in with password and code, reads and filters the SWV's audit log, and turns the second factor off
 * again with a recovery code (so later specs log in with the password alone). Every page is checked with axe.
 */
import { Secret, TOTP } from 'otpauth';
import { DEMO, DEMO_PASSWORD, expect, expectAccessible, logIn, logOut, test } from './support/fixtures.js';

/** The server's fixed "now" (playwright.config.ts): codes are computed for that moment. */
const SERVER_NOW = Date.parse(process.env['E2E_CLOCK_NOW'] ?? '2026-10-12T10:00:00+02:00');

function codeAt(secret: string, timestamp: number): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({ timestamp });
}

test('an SWV administrator sets up two-step verification, logs in with a code, and reads the audit log', async ({ page }) => {
  // One long walk through a dozen pages, each checked with axe.
  test.slow();
  await logIn(page, DEMO.swvAdmin);
  await page.getByRole('link', { name: 'Mijn account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn account');
  await expect(page.getByText('Tweestapsverificatie staat uit.')).toBeVisible();
  await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
  await expect(page.getByRole('img', { name: 'QR-code om OpenSOP toe te voegen aan uw app' })).toBeVisible();
  const secret = ((await page.locator('code.totp-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectAccessible(page, 'setting up');

  // A wrong code first: a clear message, nothing switched on.
  const setUpCode = codeAt(secret, SERVER_NOW);
  await page.getByLabel('Code uit de app').fill(setUpCode === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Bevestigen en aanzetten' }).click();
  await expect(page.getByRole('alert')).toContainText('Deze code klopt niet');
  await expectAccessible(page, 'wrong set-up code');
  await page.getByLabel('Code uit de app').fill(setUpCode);
  await page.getByRole('button', { name: 'Bevestigen en aanzetten' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tweestapsverificatie staat aan');
  const recoveryCodes = await page.locator('[data-recovery-codes] code').allInnerTexts();
  expect(recoveryCodes).toHaveLength(10);

  await logOut(page);
  await page.getByLabel('E-mailadres').fill(DEMO.swvAdmin);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Code invullen');
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toHaveCount(0);
  // The set-up's code was used; the app accepts the next 30-second step (its window is one step either side).
  await page.getByLabel('Code uit de app').fill(codeAt(secret, SERVER_NOW + 30_000));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();

  // The audit log, from the SWV's overview.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'Logboek', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logboek');
  await expect(page.getByRole('table')).toBeVisible();
  await expectAccessible(page, 'audit log');
  await page.getByLabel('Soort wijziging').selectOption({ label: 'Vragenlijst ingelezen' });
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  await expect(page).toHaveURL(/actie=template\.import/);
  const whats = await page.locator('table tbody tr td:nth-child(3)').allInnerTexts();
  expect(whats.length).toBeGreaterThan(0);
  expect(new Set(whats)).toEqual(new Set(['Vragenlijst ingelezen']));
  // A period without changes says so.
  await page.getByLabel('Vanaf datum').fill('2020-01-01');
  await page.getByLabel('Tot en met datum').fill('2020-01-31');
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  await expect(page.getByText('Er zijn geen wijzigingen die bij deze filters passen.')).toBeVisible();
  await expectAccessible(page, 'audit log, filtered');

  // Off again with a recovery code, so later specs log in with the password alone.
  await page.getByRole('link', { name: 'Mijn account' }).click();
  await expect(page.getByText(/Tweestapsverificatie staat aan sinds/)).toBeVisible();
  await page.getByLabel('Code uit de app of herstelcode').fill(recoveryCodes[0]!);
  await page.getByRole('button', { name: 'Uitzetten' }).click();
  await expect(page.getByText('Tweestapsverificatie staat nu uit.')).toBeVisible();
  await logOut(page);
  await logIn(page, DEMO.swvAdmin);
});
