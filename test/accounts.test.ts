/** Log-in, sessions, CSRF, rate limiting, invitations, password reset and the audit log, on PGlite and PostgreSQL. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { memberships, users as users_ } from '../src/features/accounts/schema.js';
import pino from 'pino';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import type { AppContext } from '../src/ui/context.js';
import { requestClientAddress } from '../src/ui/request.js';
import { safeReturnPath } from '../src/features/accounts/route-input.js';
import { DEMO_PASSWORD } from '../src/features/demo/demo-organisation.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

for (const kind of TEST_DATABASE_KINDS) {
  describe(`accounts (${kind})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(async () => t?.close());

    it('logs in with the right password, sets a safe session cookie, and logs out', async () => {
      const client = await TestClient.anonymous(t.app);
      const response = await client.post('/inloggen', { email: 'IB@Regenboog.example ', password: DEMO_PASSWORD });
      expect(response.status).toBe(303);
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith('sop_session='))!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      const home = await client.get('/');
      expect(await home.text()).toContain('Welkom, Fatima el Idrissi');
      // After log-in the session's CSRF token applies; the anonymous one no longer does.
      const stale = await client.post('/uitloggen', {});
      expect(stale.status).toBe(403);
    });

    it('explains a wrong password without saying whether the account exists', async () => {
      const client = await TestClient.anonymous(t.app);
      const wrong = await client.post('/inloggen', { email: 'swv@voorbeeldstad.example', password: 'niet-goed' });
      const unknown = await client.post('/inloggen', { email: 'niemand@nergens.example', password: 'niet-goed' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const text = await wrong.text();
      expect(text).toContain('Het e-mailadres of het wachtwoord klopt niet');
      expect(await unknown.text()).toContain('Het e-mailadres of het wachtwoord klopt niet');
    });

    it('gives specific messages for empty and malformed fields', async () => {
      const client = await TestClient.anonymous(t.app);
      const response = await client.post('/inloggen', { email: 'geen-adres', password: '' });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('Vul een geldig e-mailadres in');
      expect(html).toContain('Vul uw wachtwoord in');
      expect(html).toContain('href="#field-email"');
    });

    it('slows repeated failures from one client with growing delays, then lets it in again', async () => {
      const client = await TestClient.anonymous(t.app);
      const second = 1 / 86_400;
      for (let i = 0; i < 3; i++) expect((await client.post('/inloggen', { email: 'ib@vlinder.example', password: 'fout' })).status).toBe(401);
      const blocked = await client.post('/inloggen', { email: 'ib@vlinder.example', password: DEMO_PASSWORD });
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('retry-after')).toBe('2');
      expect(await blocked.text()).toContain('Te veel mislukte pogingen voor dit account vanaf deze plek. Wacht 2 seconden');
      t.clock.advanceDays(3 * second);
      expect((await client.post('/inloggen', { email: 'ib@vlinder.example', password: 'fout' })).status).toBe(401);
      const longer = await client.post('/inloggen', { email: 'ib@vlinder.example', password: DEMO_PASSWORD });
      expect(longer.status).toBe(429);
      expect(longer.headers.get('retry-after')).toBe('4');
      t.clock.advanceDays(5 * second);
      expect((await client.post('/inloggen', { email: 'ib@vlinder.example', password: DEMO_PASSWORD })).status).toBe(303);
    });

    it('counts parallel attempts: a burst cannot slip past the limit', async () => {
      const clients = await Promise.all(Array.from({ length: 10 }, () => TestClient.anonymous(t.app)));
      const statuses = await Promise.all(clients.map((client) => client.post('/inloggen', { email: 'directie@regenboog.example', password: 'fout' }).then((r) => r.status)));
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(5);
      expect((await clients[0]!.post('/inloggen', { email: 'directie@regenboog.example', password: DEMO_PASSWORD })).status).toBe(429);
      t.clock.advanceDays(1 / 24 / 3);
    });

    it('behind a trusted proxy, limits by the address the proxy added (the right-most hop)', () => {
      const context = (trust: boolean, forwarded: string) =>
        ({ var: { deps: { config: { TRUST_PROXY: trust } } }, req: { header: (name: string) => (name === 'x-forwarded-for' ? forwarded : undefined) } }) as unknown as AppContext;
      expect(requestClientAddress(context(true, '6.6.6.6, 10.0.0.1, 203.0.113.9'))).toBe('203.0.113.9');
      expect(requestClientAddress(context(true, '203.0.113.9'))).toBe('203.0.113.9');
      expect(requestClientAddress(context(false, '6.6.6.6'))).toBe('unknown');
    });

    it('limits password-reset requests per address, with the same calm answer for unknown addresses', async () => {
      const client = await TestClient.anonymous(t.app);
      for (const email of ['ib@regenboog.example', 'nobody@nergens.example']) {
        for (let i = 0; i < 3; i++) expect((await client.post('/wachtwoord-vergeten', { email })).status).toBe(200);
        const limited = await client.post('/wachtwoord-vergeten', { email });
        expect(limited.status).toBe(429);
        expect(await limited.text()).toContain('Er zijn net al een paar links aangevraagd');
      }
      const audit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.request_password_reset'), eq(auditLog.entityId, t.demo.userIds['ib@regenboog.example']!)));
      expect(audit).toHaveLength(3);
      t.clock.advanceDays(1 / 24 / 3);
      expect((await client.post('/wachtwoord-vergeten', { email: 'ib@regenboog.example' })).status).toBe(200);
    });

    it('refuses a form post without a valid CSRF token and changes nothing', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const response = await admin.post(`/swv/${t.demo.partnershipId}/instellingen`, { name: 'Gekaapt', primaryColor: '#000000' }, { csrf: 'verkeerd' });
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('Het formulier is verlopen');
      const settings = await admin.get(`/swv/${t.demo.partnershipId}/instellingen`);
      expect(await settings.text()).not.toContain('Gekaapt');
    });

    it('sends security headers with a content security policy', async () => {
      const response = await (await TestClient.anonymous(t.app)).get('/inloggen');
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self' 'nonce-[\w-]+'/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('ends a session after 12 hours', async () => {
      const client = await TestClient.signedIn(t, t.demo.userIds['bestuur@spov.example']!);
      expect((await client.get(`/besturen/${t.demo.boardIds['spov']}`)).status).toBe(200);
      t.clock.advanceDays(0.6);
      const later = await client.get(`/besturen/${t.demo.boardIds['spov']}`);
      expect(later.status).toBe(302);
      expect(later.headers.get('location')).toContain('/inloggen?terug=');
    });

    it('invites a new user: e-mail with a one-time link, password chosen, role granted, audited', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const response = await admin.post(`/swv/${t.demo.partnershipId}/gebruikers`, {
        name: 'Noor Nieuw',
        email: 'noor@horizon.example',
        role: 'school_editor',
        placeId: t.demo.schoolIds['horizon']!,
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('De uitnodiging is verstuurd naar noor@horizon.example');
      expect(t.mailer.sent).toHaveLength(0); // mail goes out through the job queue
      await t.runJobs();
      const mail = t.mailer.sent.find((m) => m.to === 'noor@horizon.example')!;
      expect(mail.subject).toContain('Daltonschool Horizon');
      const link = /http:\/\/opensop\.test(\/uitnodiging\/\S+)/.exec(mail.text)![1]!;

      const invitee = await TestClient.anonymous(t.app);
      const form = await invitee.get(link);
      expect(await form.text()).toContain('Welkom bij OpenSOP, Noor Nieuw');
      const tooShort = await invitee.post(link, { password: 'kort', passwordRepeat: 'kort' });
      expect(await tooShort.text()).toContain('Kies een wachtwoord van minstens 10 tekens');
      const different = await invitee.post(link, { password: 'een lange zin hier', passwordRepeat: 'een andere zin hier' });
      expect(await different.text()).toContain('De twee wachtwoorden zijn niet gelijk');
      const accepted = await invitee.post(link, { password: 'een lange zin hier', passwordRepeat: 'een lange zin hier' });
      expect(accepted.status).toBe(303);
      expect(await (await invitee.get(`/scholen/${t.demo.schoolIds['horizon']}`)).text()).toContain('Daltonschool Horizon');

      const again = await (await TestClient.anonymous(t.app)).get(link);
      expect(again.status).toBe(410);

      const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'user.invite'));
      expect(audit.some((entry) => (entry.after as { email: string }).email === 'noor@horizon.example')).toBe(true);
    });

    it('starts a new account in the language of its invitation, and keeps the language the person accepts in', async () => {
      const adminId = t.demo.userIds['swv@voorbeeldstad.example']!;
      const localeOf = async (email: string) => (await t.deps.db.select({ locale: users_.locale }).from(users_).where(eq(users_.email, email)))[0]?.locale;
      await t.deps.db.update(users_).set({ locale: 'en' }).where(eq(users_.id, adminId));
      try {
        const admin = await TestClient.signedIn(t, adminId);
        const response = await admin.post(`/swv/${t.demo.partnershipId}/gebruikers`, { name: 'Lena Lang', email: 'lena@horizon.example', role: 'school_editor', placeId: t.demo.schoolIds['horizon']! });
        expect(await response.text()).toContain('lena@horizon.example');
        expect(await localeOf('lena@horizon.example')).toBe('en');
        await t.runJobs();
        const mail = t.mailer.sent.find((m) => m.to === 'lena@horizon.example')!;
        const link = /http:\/\/opensop\.test(\/uitnodiging\/\S+)/.exec(mail.text)![1]!;
        // She reads the page in Dutch (no language chosen) and accepts there: Dutch becomes her account's language.
        const invitee = await TestClient.anonymous(t.app);
        expect(await (await invitee.get(link)).text()).toContain('Welkom bij OpenSOP, Lena Lang');
        expect((await invitee.post(link, { password: 'een lange zin hier', passwordRepeat: 'een lange zin hier' })).status).toBe(303);
        expect(await localeOf('lena@horizon.example')).toBe('nl');
      } finally {
        await t.deps.db.update(users_).set({ locale: 'nl' }).where(eq(users_.id, adminId));
      }
    });

    it('revokes a role after confirmation, audited; an admin cannot revoke their own last admin role', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const users = `/swv/${t.demo.partnershipId}/gebruikers`;
      await admin.post(users, { name: 'Tijdelijk Lid', email: 'tijdelijk@vlinder.example', role: 'council_member', placeId: t.demo.schoolIds['vlinder']! });
      const [user] = await t.deps.db.select().from(users_).where(eq(users_.email, 'tijdelijk@vlinder.example'));
      const [role] = await t.deps.db.select().from(memberships).where(eq(memberships.userId, user!.id));
      const path = `${users}/${role!.id}/intrekken`;
      expect(await (await admin.get(users)).text()).toContain(`href="${path}"`);
      const question = await (await admin.get(path)).text();
      expect(question).toContain('Wilt u de rol Medezeggenschapsraad bij OBS De Vlinder van Tijdelijk Lid (tijdelijk@vlinder.example) intrekken?');
      expect((await admin.post(path, {})).status).toBe(200); // no confirmation: only the question again
      expect(await t.deps.db.select().from(memberships).where(eq(memberships.id, role!.id))).toHaveLength(1);
      const done = await admin.post(path, { bevestigd: '1' });
      expect(done.status).toBe(303);
      expect(await (await admin.get(done.headers.get('location')!)).text()).toContain('De rol is ingetrokken.');
      expect(await t.deps.db.select().from(memberships).where(eq(memberships.id, role!.id))).toHaveLength(0);
      const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.revoke_role'), eq(auditLog.entityId, user!.id)));
      expect(audit!.before).toMatchObject({ role: 'council_member', schoolId: t.demo.schoolIds['vlinder'] });

      const [own] = await t.deps.db.select().from(memberships).where(and(eq(memberships.userId, t.demo.userIds['swv@voorbeeldstad.example']!), eq(memberships.role, 'partnership_admin')));
      const refused = await admin.post(`${users}/${own!.id}/intrekken`, { bevestigd: '1' });
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain('U kunt uw eigen laatste beheerdersrol niet intrekken');
      expect(await t.deps.db.select().from(memberships).where(eq(memberships.id, own!.id))).toHaveLength(1);
    });

    it('re-sends an expired invitation; the old link stops working', async () => {
      const users = `/swv/${t.demo.partnershipId}/gebruikers`;
      const invite = { name: 'Laat Lezer', email: 'laat@horizon.example', role: 'school_editor', placeId: t.demo.schoolIds['horizon']! };
      await (await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!)).post(users, invite);
      await t.runJobs();
      const firstLink = /http:\/\/opensop\.test(\/uitnodiging\/\S+)/.exec(t.mailer.sent.findLast((m) => m.to === 'laat@horizon.example')!.text)![1]!;
      t.clock.advanceDays(8);
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      expect((await (await TestClient.anonymous(t.app)).get(firstLink)).status).toBe(410);
      expect(await (await admin.post(users, invite)).text()).toContain('Uitnodiging opnieuw versturen');
      const [user] = await t.deps.db.select().from(users_).where(eq(users_.email, 'laat@horizon.example'));
      const resent = await admin.post(`${users}/${user!.id}/uitnodiging-opnieuw`, {});
      expect(resent.status).toBe(303);
      expect(await (await admin.get(resent.headers.get('location')!)).text()).toContain('Er is een nieuwe uitnodiging verstuurd');
      await t.runJobs();
      const mail = t.mailer.sent.findLast((m) => m.to === 'laat@horizon.example')!;
      expect(mail.subject).toBe('Nieuwe uitnodiging voor OpenSOP');
      const link = /http:\/\/opensop\.test(\/uitnodiging\/\S+)/.exec(mail.text)![1]!;
      const invitee = await TestClient.anonymous(t.app);
      expect((await invitee.post(link, { password: 'een lange zin hier', passwordRepeat: 'een lange zin hier' })).status).toBe(303);
      const again = await admin.post(`${users}/${user!.id}/uitnodiging-opnieuw`, {});
      expect(again.status).toBe(409);
      expect(await again.text()).toContain('Laat Lezer heeft al een wachtwoord gekozen');
      const audit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.resend_invitation'), eq(auditLog.entityId, user!.id)));
      expect(audit).toHaveLength(1);
    });

    it('refuses to invite someone to a school of another SWV', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const response = await admin.post(`/swv/${t.demo.partnershipId}/gebruikers`, {
        name: 'Indringer',
        email: 'indringer@example.org',
        role: 'school_editor',
        placeId: t.other.schoolId,
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Kies de school waarvoor u deze persoon uitnodigt');
      const granted = await t.deps.db.select().from(memberships).where(and(eq(memberships.schoolId, t.other.schoolId), eq(memberships.role, 'school_editor')));
      expect(granted).toHaveLength(1); // only the other SWV's own editor
    });

    it('resets a password through an e-mailed link, and says the same for unknown addresses', async () => {
      const client = await TestClient.anonymous(t.app);
      const before = t.mailer.sent.length;
      const unknown = await client.post('/wachtwoord-vergeten', { email: 'onbekend@example.org' });
      const known = await client.post('/wachtwoord-vergeten', { email: 'mr@regenboog.example' });
      expect(await unknown.text()).toContain('Als dit e-mailadres bij een account hoort');
      expect(await known.text()).toContain('Als dit e-mailadres bij een account hoort');
      await t.runJobs();
      const mails = t.mailer.sent.slice(before);
      expect(mails.map((m) => m.to)).toEqual(['mr@regenboog.example']);
      const link = /http:\/\/opensop\.test(\/wachtwoord-herstellen\/\S+)/.exec(mails[0]!.text)![1]!;
      expect((await client.post(link, { password: 'nieuw wachtwoord voor de mr', passwordRepeat: 'nieuw wachtwoord voor de mr' })).status).toBe(303);
      const fresh = await TestClient.anonymous(t.app);
      expect((await fresh.post('/inloggen', { email: 'mr@regenboog.example', password: DEMO_PASSWORD })).status).toBe(401);
      expect((await fresh.post('/inloggen', { email: 'mr@regenboog.example', password: 'nieuw wachtwoord voor de mr' })).status).toBe(303);
    });

    it('never builds e-mailed links from the request\'s Host header', async () => {
      // No PUBLIC_BASE_URL: the local default applies, whatever Host the request claims.
      const app = createApp({ deps: { ...t.deps, config: loadConfig({ NODE_ENV: 'test', PORT: '3000', LOG_LEVEL: 'silent' }) } });
      const attacker = new TestClient({ request: (input: string, init?: RequestInit) => app.request(input.replace('http://opensop.test', 'http://evil.example'), init) });
      await attacker.get('/wachtwoord-vergeten');
      const before = t.mailer.sent.length;
      await attacker.post('/wachtwoord-vergeten', { email: 'directie@regenboog.example' });
      await t.runJobs();
      const mail = t.mailer.sent.slice(before).find((m) => m.to === 'directie@regenboog.example')!;
      expect(mail.text).toContain('http://localhost:3000/wachtwoord-herstellen/');
      expect(mail.text).not.toContain('evil.example');
    });

    it('keeps one-time tokens out of the request log', async () => {
      const lines: string[] = [];
      const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
      const client = new TestClient(createApp({ deps: { ...t.deps, logger } }));
      await client.get('/uitnodiging/geheim-token-123456');
      await client.post('/wachtwoord-herstellen/geheim-token-654321', { password: 'x', passwordRepeat: 'x' });
      const log = lines.join('');
      expect(log).not.toContain('geheim-token');
      expect(log).toContain('"path":"/uitnodiging/[token]"');
      expect(log).toContain('"path":"/wachtwoord-herstellen/[token]"');
    });

    it('returns only to paths on this site after log-in or a language switch', async () => {
      for (const evil of ['/\t/evil.example', '/\n/evil.example', '//evil.example', '/\\evil.example', 'https://evil.example/']) {
        expect(safeReturnPath(evil), JSON.stringify(evil)).toBe('/');
      }
      expect(safeReturnPath('/\t/evil.example')).toBe('/');
      expect(safeReturnPath('/scholen/1?tab=2#x')).toBe('/scholen/1?tab=2#x');
      const client = await TestClient.anonymous(t.app);
      const response = await client.post('/taal', { locale: 'nl', returnTo: '/\t/evil.example' });
      expect(response.headers.get('location')).toBe('/');
    });

    it('refuses a brand colour that makes the header unreadable', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const response = await admin.post(`/swv/${t.demo.partnershipId}/instellingen`, { name: 'SWV PO Voorbeeldstad', primaryColor: '#ffee00' });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Deze kleur is te licht');
      const ok = await admin.post(`/swv/${t.demo.partnershipId}/instellingen`, { name: 'SWV PO Voorbeeldstad', primaryColor: '#123456', supportPointName: 'Steunpunt' });
      expect(await ok.text()).toContain('De instellingen zijn opgeslagen');
      const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'partnership.update_settings'));
      expect(audit.at(-1)!.after).toMatchObject({ primaryColor: '#123456' });
    });

    it('reports database health', async () => {
      const response = await (await TestClient.anonymous(t.app)).get('/health');
      expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
    });
  });
}
