/**
 * Two-step verification (issue 16; docs/decisions/0023-two-factor-login.md) on PGlite and PostgreSQL: setting it up
 * with a first code, logging in with a code or a recovery code (each once), wrong codes throttled, the pending
 * log-in's expiry, administrators held until it is set up (REQUIRE_ADMIN_2FA), turning it off with a code, and
 * the platform administrator's removal.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { recoveryCodes, secondFactors, sessions } from '../src/features/accounts/schema.js';
import { totpCodeAt } from '../src/features/accounts/second-factor.js';
import { insertUserToken } from '../src/features/accounts/repository.js';
import { sha256 } from '../src/auth/tokens.js';
import { DEMO_PASSWORD } from '../src/features/demo/demo-organisation.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

/** The key as the account page shows it (groups of four). */
function shownSecret(html: string): string {
  const match = /<code class="totp-secret" data-secret="?[^>]*>([A-Z2-7 ]+)<\/code>/.exec(html);
  if (!match) throw new Error('no secret on the page');
  return match[1]!.replace(/\s/g, '');
}

function shownRecoveryCodes(html: string): string[] {
  return [...html.matchAll(/<li><code>([a-z0-9]{5}-[a-z0-9]{5})<\/code><\/li>/g)].map((m) => m[1]!);
}

function hasSessionCookie(response: Response): boolean {
  return response.headers.getSetCookie().some((cookie) => cookie.startsWith('sop_session=') && !cookie.includes('Max-Age=0'));
}

/** Signs in with a session, sets up the second factor through the pages; returns the secret and the recovery codes. */
async function setUp(t: TestApp, userId: string): Promise<{ secret: string; codes: string[]; client: TestClient }> {
  const client = await TestClient.signedIn(t, userId);
  expect((await client.post('/mijn-account/tweestapsverificatie')).status).toBe(303);
  const secret = shownSecret(await (await client.get('/mijn-account')).text());
  const confirmed = await client.post('/mijn-account/tweestapsverificatie/bevestigen', { code: totpCodeAt(secret, t.clock.now()) });
  expect(confirmed.status).toBe(200);
  const codes = shownRecoveryCodes(await confirmed.text());
  expect(codes).toHaveLength(10);
  return { secret, codes, client };
}

/** The next 30-second step, so a code is not the one used a moment ago (codes work once). */
function nextStep(t: TestApp): void {
  t.clock.set(new Date(t.clock.now().getTime() + 30_000));
}

async function passwordStep(t: TestApp, email: string): Promise<{ client: TestClient; response: Response }> {
  const client = await TestClient.anonymous(t.app);
  const response = await client.post('/inloggen', { email, password: DEMO_PASSWORD });
  return { client, response };
}

/** After logging in through the form, the session's CSRF token (from the page's meta tag) signs the forms. */
async function useSessionCsrf(client: TestClient, html: string): Promise<void> {
  client.csrfToken = /<meta name="csrf-token" content="([^"]+)"/.exec(html)![1]!;
}

for (const kind of TEST_DATABASE_KINDS) {
  describe(`two-step verification (${kind})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
      // Seeding the demo and a second SWV outgrows the default hook time on a busy machine.
    }, 120_000);
    afterAll(async () => t?.close());

    it('is set up from the account page with a first code; recovery codes are shown once and stored hashed', async () => {
      const userId = t.demo.userIds['ib@regenboog.example']!;
      const client = await TestClient.signedIn(t, userId);
      const before = await (await client.get('/mijn-account')).text();
      expect(before).toContain('Tweestapsverificatie staat uit.');
      expect(before).toContain('Tweestapsverificatie instellen');
      await client.post('/mijn-account/tweestapsverificatie');
      const page = await (await client.get('/mijn-account')).text();
      const secret = shownSecret(page);
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(page).toContain('src="data:image/svg+xml;base64,');
      expect(page).toContain('alt="QR-code om OpenSOP toe te voegen aan uw app"');
      // Not on until a right code confirms it.
      const wrong = await client.post('/mijn-account/tweestapsverificatie/bevestigen', { code: '000000' === totpCodeAt(secret, t.clock.now()) ? '111111' : '000000' });
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).toContain('Deze code klopt niet');
      const empty = await client.post('/mijn-account/tweestapsverificatie/bevestigen', { code: '' });
      expect(empty.status).toBe(400);
      expect(await empty.text()).toContain('Vul de code van zes cijfers uit de app in');
      const [pending] = await t.deps.db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
      expect(pending!.enabledAt).toBeNull();

      const confirmed = await client.post('/mijn-account/tweestapsverificatie/bevestigen', { code: totpCodeAt(secret, t.clock.now()) });
      expect(confirmed.status).toBe(200);
      const codes = shownRecoveryCodes(await confirmed.text());
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      const [row] = await t.deps.db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
      expect(row!.enabledAt).not.toBeNull();
      // Without TOTP_ENCRYPTION_KEY the secret is stored as it is (the decision record says so).
      expect(row!.secret).toBe(`plain:${secret}`);
      const stored = await t.deps.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      expect(stored).toHaveLength(10);
      expect(stored.some((r) => codes.includes(r.codeHash) || r.codeHash.includes(codes[0]!))).toBe(false);
      // The codes are not shown again.
      const after = await (await client.get('/mijn-account')).text();
      expect(after).toContain('Tweestapsverificatie staat aan sinds');
      expect(after).toContain('nog 10 van de 10 herstelcodes');
      expect(after).not.toContain(codes[0]!);
      expect(after).not.toContain(`${secret.slice(0, 4)} ${secret.slice(4, 8)}`);
      const audit = await t.deps.db.select({ action: auditLog.action, after: auditLog.after }).from(auditLog).where(eq(auditLog.entityId, userId));
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.start_second_factor', 'user.enable_second_factor']));
      expect(JSON.stringify(audit)).not.toContain(secret);
    });

    it('logs in with the password and then a code; no session before the code, and a code works once', async () => {
      const userId = t.demo.userIds['mr@regenboog.example']!;
      const { secret } = await setUp(t, userId);
      const setUpCode = totpCodeAt(secret, t.clock.now());
      const { client, response } = await passwordStep(t, 'mr@regenboog.example');
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/inloggen/code');
      expect(hasSessionCookie(response)).toBe(false);
      expect(await (await client.get('/')).text()).not.toContain('Welkom');
      const step = await client.get('/inloggen/code');
      expect(step.status).toBe(200);
      expect(await step.text()).toContain('Vul de code van zes cijfers in');
      // The code that confirmed the set-up, seconds ago, does not work again.
      const replay = await client.post('/inloggen/code', { code: setUpCode });
      expect(replay.status).toBe(401);
      expect(await replay.text()).toContain('Deze code klopt niet of is al gebruikt');
      nextStep(t);
      const ok = await client.post('/inloggen/code', { code: totpCodeAt(secret, t.clock.now()) });
      expect(ok.status).toBe(303);
      expect(hasSessionCookie(ok)).toBe(true);
      expect(await (await client.get('/')).text()).toContain('Welkom');
      // The pending log-in is gone: the code page sends a fresh visitor back to the password.
      const again = await TestClient.anonymous(t.app);
      expect((await again.get('/inloggen/code')).headers.get('location')).toBe('/inloggen');
    });

    it('accepts each recovery code once, and says how many are left', async () => {
      const email = 'directie@regenboog.example';
      const userId = t.demo.userIds[email]!;
      const { codes } = await setUp(t, userId);
      const first = await passwordStep(t, email);
      const used = await first.client.post('/inloggen/code', { code: codes[3]!.toUpperCase().replace('-', ' ') });
      expect(used.status).toBe(303);
      expect(used.headers.get('location')).toBe('/mijn-account?herstelcode=9');
      expect(await (await first.client.get('/mijn-account?herstelcode=9')).text()).toContain('nog 9 herstelcodes over');
      const audit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, userId), eq(auditLog.action, 'user.use_recovery_code')));
      expect(audit).toHaveLength(1);
      const second = await passwordStep(t, email);
      const reused = await second.client.post('/inloggen/code', { code: codes[3]! });
      expect(reused.status).toBe(401);
      expect(hasSessionCookie(reused)).toBe(false);
    });

    it('throttles wrong codes like passwords, and after five wrong codes asks for the password again', async () => {
      const userId = t.demo.userIds['swv@voorbeeldstad.example']!;
      const { secret } = await setUp(t, userId);
      nextStep(t);
      const { client } = await passwordStep(t, 'swv@voorbeeldstad.example');
      const wrongCode = totpCodeAt(secret, t.clock.now()) === '123456' ? '654321' : '123456';
      for (let i = 0; i < 3; i++) expect((await client.post('/inloggen/code', { code: wrongCode })).status).toBe(401);
      // The fourth try comes too soon: refused without being checked, even with the right code.
      const throttled = await client.post('/inloggen/code', { code: totpCodeAt(secret, t.clock.now()) });
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await throttled.text()).toContain('Te veel onjuiste codes');
      expect(hasSessionCookie(throttled)).toBe(false);
      t.clock.set(new Date(t.clock.now().getTime() + 3_000));
      expect((await client.post('/inloggen/code', { code: wrongCode })).status).toBe(401);
      t.clock.set(new Date(t.clock.now().getTime() + 5_000));
      const fifth = await client.post('/inloggen/code', { code: wrongCode });
      expect(fifth.status).toBe(303);
      expect(fifth.headers.get('location')).toBe('/inloggen?opnieuw=codes');
      expect(await (await client.get('/inloggen?opnieuw=codes')).text()).toContain('Log opnieuw in met uw e-mailadres en wachtwoord');
    });

    it('lets a pending log-in expire after five minutes', async () => {
      nextStep(t);
      const { client } = await passwordStep(t, 'mr@regenboog.example');
      t.clock.set(new Date(t.clock.now().getTime() + 6 * 60_000));
      const late = await client.post('/inloggen/code', { code: '123456' });
      expect(late.status).toBe(303);
      expect(late.headers.get('location')).toBe('/inloggen?opnieuw=verlopen');
    });

    it('is turned off only with a valid code', async () => {
      const userId = t.demo.userIds['ib@regenboog.example']!;
      const [row] = await t.deps.db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
      const secret = row!.secret.replace('plain:', '');
      nextStep(t);
      const client = await TestClient.signedIn(t, userId);
      const wrong = await client.post('/mijn-account/tweestapsverificatie/uitzetten', { code: totpCodeAt(secret, t.clock.now()) === '111111' ? '222222' : '111111' });
      expect(wrong.status).toBe(400);
      expect(await t.deps.db.select().from(secondFactors).where(eq(secondFactors.userId, userId))).toHaveLength(1);
      const off = await client.post('/mijn-account/tweestapsverificatie/uitzetten', { code: totpCodeAt(secret, t.clock.now()) });
      expect(off.status).toBe(303);
      expect(await (await client.get('/mijn-account?uitgezet=1')).text()).toContain('Tweestapsverificatie staat nu uit.');
      expect(await t.deps.db.select().from(secondFactors).where(eq(secondFactors.userId, userId))).toHaveLength(0);
      expect(await t.deps.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId))).toHaveLength(0);
      const audit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, userId), eq(auditLog.action, 'user.disable_second_factor')));
      expect(audit).toHaveLength(1);
      // Logging in needs the password only again.
      const { response } = await passwordStep(t, 'ib@regenboog.example');
      expect(hasSessionCookie(response)).toBe(true);
    });

    it('shows the SWV whether a person uses it (yes or no); only the platform administrator removes it', async () => {
      const swvAdmin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const list = await (await swvAdmin.get(`/swv/${t.demo.partnershipId}/gebruikers`)).text();
      expect(list).toContain('<th scope="col">Tweestapsverificatie</th>');
      expect(list).not.toContain('tweestapsverificatie-verwijderen');
      const userId = t.demo.userIds['mr@regenboog.example']!;
      const path = `/swv/${t.demo.partnershipId}/gebruikers/${userId}/tweestapsverificatie-verwijderen`;
      expect((await swvAdmin.post(path)).status).toBe(403);
      const otherSwv = await TestClient.signedIn(t, t.other.userIds.partnership_admin);
      expect((await otherSwv.post(path)).status).toBe(404);
      // The platform administrator, under another SWV's address: not found (the person has no role there).
      const platform = await TestClient.signedIn(t, t.demo.userIds['beheer@opensop.example']!);
      expect((await platform.post(`/swv/${t.other.partnershipId}/gebruikers/${userId}/tweestapsverificatie-verwijderen`)).status).toBe(404);
      expect(await t.deps.db.select().from(secondFactors).where(eq(secondFactors.userId, userId))).toHaveLength(1);
      const platformList = await (await platform.get(`/swv/${t.demo.partnershipId}/gebruikers`)).text();
      expect(platformList).toContain(path);
      const victimSession = await TestClient.signedIn(t, userId);
      const removed = await platform.post(path);
      expect(removed.status).toBe(303);
      expect(await t.deps.db.select().from(secondFactors).where(eq(secondFactors.userId, userId))).toHaveLength(0);
      expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, userId))).toHaveLength(0);
      expect((await victimSession.get('/mijn-account')).headers.get('location')).toMatch(/^\/inloggen/);
      const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, userId), eq(auditLog.action, 'user.remove_second_factor')));
      expect(audit!.partnershipId).toBe(t.demo.partnershipId);
    });

    it('does not let a password-reset link stand in for the code', async () => {
      const userId = t.demo.userIds['swv@voorbeeldstad.example']!;
      // A reset link as the mail carries it (made here: the mail job queue is not what this test is about).
      const token = `reset-${crypto.randomUUID()}`;
      await insertUserToken(t.deps.db, { tokenHash: sha256(token), userId, purpose: 'password_reset', createdAt: t.clock.now(), expiresAt: new Date(t.clock.now().getTime() + 3_600_000) });
      const link = `/wachtwoord-herstellen/${token}`;
      const anon = await TestClient.anonymous(t.app);
      const reset = await anon.post(link, { password: 'Een-nieuw-wachtwoord-2026', passwordRepeat: 'Een-nieuw-wachtwoord-2026' });
      expect(reset.status).toBe(303);
      expect(reset.headers.get('location')).toBe('/inloggen?wachtwoord-gewijzigd=1');
      expect(hasSessionCookie(reset)).toBe(false);
      expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, userId))).toHaveLength(0);
    });
  });

  describe(`two-step verification required for administrators (${kind})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind, { env: { REQUIRE_ADMIN_2FA: 'true', TOTP_ENCRYPTION_KEY: 'een-lange-geheime-sleutel-voor-de-test-2026' } });
    }, 120_000);
    afterAll(async () => t?.close());

    it('sends an SWV administrator without it to the set-up and allows nothing else until it is on', async () => {
      const { client, response } = await passwordStep(t, 'swv@voorbeeldstad.example');
      expect(response.status).toBe(303);
      const swvPage = await client.get(`/swv/${t.demo.partnershipId}`);
      expect(swvPage.status).toBe(303);
      expect(swvPage.headers.get('location')).toBe('/mijn-account?verplicht=1');
      expect((await client.get('/')).headers.get('location')).toBe('/mijn-account?verplicht=1');
      await useSessionCsrf(client, await (await client.get('/mijn-account')).text());
      const refused = await client.post(`/swv/${t.demo.partnershipId}/gebruikers`, { name: 'Nieuwe Collega', email: 'collega@voorbeeldstad.example', role: 'partnership_admin' });
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('Stel eerst tweestapsverificatie in');
      const account = await client.get('/mijn-account?verplicht=1');
      expect(account.status).toBe(200);
      expect(await account.text()).toContain('Als beheerder moet u tweestapsverificatie gebruiken');
      expect((await client.post('/mijn-account/tweestapsverificatie')).status).toBe(303);
      const secret = shownSecret(await (await client.get('/mijn-account')).text());
      expect((await client.post('/mijn-account/tweestapsverificatie/bevestigen', { code: totpCodeAt(secret, t.clock.now()) })).status).toBe(200);
      expect((await client.get(`/swv/${t.demo.partnershipId}`)).status).toBe(200);
      // Encrypted at rest with TOTP_ENCRYPTION_KEY: the stored text does not contain the secret.
      const [row] = await t.deps.db.select().from(secondFactors).where(eq(secondFactors.userId, t.demo.userIds['swv@voorbeeldstad.example']!));
      expect(row!.secret.startsWith('aes-256-gcm:')).toBe(true);
      expect(row!.secret).not.toContain(secret);
      // And the next log-in asks for the code, which opens the encrypted secret.
      nextStep(t);
      const next = await passwordStep(t, 'swv@voorbeeldstad.example');
      expect(next.response.headers.get('location')).toBe('/inloggen/code');
      const ok = await next.client.post('/inloggen/code', { code: totpCodeAt(secret, t.clock.now()) });
      expect(ok.status).toBe(303);
      expect((await next.client.get(`/swv/${t.demo.partnershipId}`)).status).toBe(200);
    });

    it('when the server’s key no longer opens the secret, a code gets a calm 409 page and a recovery code still works', async () => {
      const userId = t.demo.userIds['ib@horizon.example']!;
      const { secret, codes } = await setUp(t, userId);
      const config = t.deps.config as { TOTP_ENCRYPTION_KEY?: string };
      const key = config.TOTP_ENCRYPTION_KEY;
      config.TOTP_ENCRYPTION_KEY = 'een-andere-sleutel-na-een-verhuizing-2026';
      try {
        nextStep(t);
        const { client } = await passwordStep(t, 'ib@horizon.example');
        const refused = await client.post('/inloggen/code', { code: totpCodeAt(secret, t.clock.now()) });
        expect(refused.status).toBe(409);
        expect(await refused.text()).toContain('Log in met een van uw herstelcodes');
        const recovered = await client.post('/inloggen/code', { code: codes[0]! });
        expect(recovered.status).toBe(303);
        expect(hasSessionCookie(recovered)).toBe(true);
      } finally {
        config.TOTP_ENCRYPTION_KEY = key;
      }
    });

    it('leaves other roles free to choose', async () => {
      const { client } = await passwordStep(t, 'ib@regenboog.example');
      const school = await client.get(`/scholen/${t.demo.schoolIds['regenboog']}`);
      expect(school.status).toBe(200);
    });
  });
}
