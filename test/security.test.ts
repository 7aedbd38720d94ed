/** Hostile input and bad days (issue 16): each finding of the probe, with a test that failed before its fix. */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/config/logger.js';
import { createApp } from '../src/app.js';
import { invitations, memberships, users } from '../src/features/accounts/schema.js';
import { answers } from '../src/features/questionnaire/schema.js';
import { findProfile } from '../src/features/questionnaire/profiles-repository.js';
import { DEMO_PASSWORD } from '../src/features/demo/demo-organisation.js';
import { MAX_DELAY_SECONDS } from '../src/features/accounts/log-in.js';
import { publicAccess, RouteTable } from '../src/ui/route.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const RESET_LINK = /http:\/\/opensop\.test(\/wachtwoord-herstellen\/\S+)/;
const INVITE_LINK = /http:\/\/opensop\.test(\/uitnodiging\/\S+)/;
const NEW_PASSWORD = { password: 'een heel nieuw wachtwoord', passwordRepeat: 'een heel nieuw wachtwoord' };

for (const kind of TEST_DATABASE_KINDS) {
  describe(`security (${kind})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      // Mid-cycle (the cycle is open), so De Regenboog's profile takes autosaves.
      t = await createTestApp(kind, { now: '2026-10-12T10:00:00+02:00' });
    });
    afterAll(async () => t?.close());

    async function lastLink(to: string, pattern: RegExp): Promise<string> {
      await t.runJobs();
      return pattern.exec(t.mailer.sent.findLast((m) => m.to === to)!.text)![1]!;
    }

    it('a newer reset link voids the older one', async () => {
      const client = await TestClient.anonymous(t.app);
      await client.post('/wachtwoord-vergeten', { email: 'directie@regenboog.example' });
      const older = await lastLink('directie@regenboog.example', RESET_LINK);
      await client.post('/wachtwoord-vergeten', { email: 'directie@regenboog.example' });
      const newer = await lastLink('directie@regenboog.example', RESET_LINK);
      expect(newer).not.toBe(older);
      const attacker = await TestClient.anonymous(t.app);
      expect((await attacker.get(older)).status).toBe(410);
      expect((await attacker.post(older, NEW_PASSWORD)).status).toBe(410);
      expect((await client.post(newer, NEW_PASSWORD)).status).toBe(303);
    });

    it('using a link to set a password voids every other open reset link of that user', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      await admin.post(`/swv/${t.demo.partnershipId}/gebruikers`, { name: 'Sam Snel', email: 'sam@horizon.example', role: 'school_editor', placeId: t.demo.schoolIds['horizon']! });
      const invitation = await lastLink('sam@horizon.example', INVITE_LINK);
      const client = await TestClient.anonymous(t.app);
      await client.post('/wachtwoord-vergeten', { email: 'sam@horizon.example' });
      const reset = await lastLink('sam@horizon.example', RESET_LINK);
      expect((await client.post(invitation, NEW_PASSWORD)).status).toBe(303);
      const attacker = await TestClient.anonymous(t.app);
      expect((await attacker.post(reset, { password: 'overgenomen wachtwoord', passwordRepeat: 'overgenomen wachtwoord' })).status).toBe(410);
    });

    const UNSTORABLE = 'een teken dat niet kan worden opgeslagen';

    async function raw(path: string, init: RequestInit & { headers?: Record<string, string> }, client?: TestClient): Promise<Response> {
      const base = client ?? (await TestClient.anonymous(t.app));
      return t.app.request(`http://opensop.test${path}`, { redirect: 'manual', ...init, headers: { ...(await cookieOf(base)), ...init.headers } });
    }
    async function cookieOf(client: TestClient): Promise<Record<string, string>> {
      return { cookie: (client as unknown as { headers(): Record<string, string> }).headers()['cookie'] ?? '', 'x-csrf-token': client.csrfToken };
    }

    it('refuses a NUL or a lone surrogate in an autosave with a Dutch 400, and stores nothing', async () => {
      const profile = await findProfile(t.deps.db, t.demo.schoolIds['regenboog']!, '2026-2027');
      const ib = await TestClient.signedIn(t, t.demo.userIds['ib@regenboog.example']!);
      const before = await t.deps.db.select().from(answers).where(and(eq(answers.profileId, profile!.id), eq(answers.itemKey, 'onderwijsconcept')));
      for (const value of ['Dalton\u0000onderwijs', 'Dalton\ud800onderwijs', 'Dalton\udc00']) {
        const response = await ib.postJson(`/profielen/${profile!.id}/antwoorden`, { itemKey: 'onderwijsconcept', field: 'value', value, baseRevision: before[0]?.revision ?? 0 });
        expect(response.status, JSON.stringify(value)).toBe(400);
        expect(((await response.json()) as { message: string }).message).toContain(UNSTORABLE);
      }
      const after = await t.deps.db.select().from(answers).where(and(eq(answers.profileId, profile!.id), eq(answers.itemKey, 'onderwijsconcept')));
      expect(after).toEqual(before);
    });

    it('refuses a NUL in a form field (an invitation name) with a Dutch 400, and invites nobody', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const response = await admin.post(`/swv/${t.demo.partnershipId}/gebruikers`, { name: 'Nul\u0000Persoon', email: 'nul@horizon.example', role: 'school_editor', placeId: t.demo.schoolIds['horizon']! });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(UNSTORABLE);
      expect(await t.deps.db.select().from(users).where(eq(users.email, 'nul@horizon.example'))).toHaveLength(0);
    });

    it('answers 400, not 500, for a NUL, a lone surrogate or broken percent-encoding in a path parameter', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      for (const part of ['%00', '%ED%A0%80', '%FF', '2026-2027%00']) {
        const response = await admin.get(`/swv/${t.demo.partnershipId}/cyclus/${part}/bewerken`);
        expect(response.status, part).toBe(400);
        expect(await response.text()).toContain('Dit adres bevat tekens die niet kloppen');
      }
      expect((await admin.get(`/swv/${t.demo.partnershipId}/cyclus?x=%00`)).status).toBe(400);
    });

    it('answers 400 to a malformed multipart body, anonymous or signed in', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const broken = { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=abc' }, body: '--abc\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nx\r\n--ab' };
      for (const path of ['/inloggen', '/wachtwoord-vergeten', `/swv/${t.demo.partnershipId}/instellingen`]) {
        const response = await raw(path, broken, path.startsWith('/swv') ? admin : undefined);
        expect(response.status, path).toBe(400);
        expect(await response.text()).toContain('Het formulier kon niet worden gelezen');
      }
      const noBoundary = await raw('/inloggen', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'x' });
      expect(noBoundary.status).toBe(400);
    });

    it('limits the body size per route before parsing: small by default, larger for uploads of a signed-in user', async () => {
      const big = 'a'.repeat(2 * 1024 * 1024);
      const anonymous = await TestClient.anonymous(t.app);
      const login = await anonymous.post('/inloggen', { email: 'ib@regenboog.example', password: big });
      expect(login.status).toBe(413);
      expect(await login.text()).toContain('hoogstens 1 MB');
      // Also when the client sends no length and streams the body.
      const streamed = await raw('/inloggen', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new ReadableStream({ start: (controller) => { for (let i = 0; i < 3; i++) controller.enqueue(new TextEncoder().encode(big.slice(0, 1024 * 1024))); controller.close(); } }),
        duplex: 'half',
      } as RequestInit & { headers: Record<string, string> });
      expect(streamed.status).toBe(413);
      // The register import takes large files from an SWV administrator; an anonymous post there is refused unread.
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const importPath = `/swv/${t.demo.partnershipId}/scholen/importeren`;
      const upload = new FormData();
      upload.append('_csrf', admin.csrfToken);
      upload.append('file', new File([`VESTIGINGSNUMMER;NAAM\n${'x'.repeat(3 * 1024 * 1024)}`], 'vestigingen.csv', { type: 'text/csv' }));
      const accepted = await raw(importPath, { method: 'POST', body: upload }, admin);
      expect(accepted.status).not.toBe(413);
      expect(accepted.status).toBeLessThan(500);
      const refused = await raw(importPath, { method: 'POST', body: upload });
      expect([401, 403]).toContain(refused.status);
    });

    it('never writes user text or e-mail addresses into the error log', async () => {
      const lines: string[] = [];
      const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
      const routes = new RouteTable();
      // A query that fails on user input, as the NUL did before the edge guard: the failure must not log the input.
      routes.post('/stuk', publicAccess, async (c) => {
        await c.var.deps.db.execute(sql`select ${'geheim.persoon@school.example schreef dit'}::uuid`);
        return c.text('ok');
      });
      const app = createApp({ deps: { ...t.deps, logger }, routes });
      const client = await TestClient.anonymous(app as TestApp['app']);
      const response = await client.post('/stuk', {});
      expect(response.status).toBe(500);
      const log = lines.join('');
      expect(log).toContain('unexpected error');
      expect(log).toContain('Failed query');
      expect(log).not.toContain('geheim');
      expect(log).not.toContain('school.example');
      expect(log).not.toContain('schreef dit');
    });

    const CONSENT_LINK = /http:\/\/opensop\.test(\/uitnodiging(?:-rol)?\/\S+)/;
    const rolesOf = (userId: string) => t.deps.db.select().from(memberships).where(eq(memberships.userId, userId));

    it('inviting an address that already has an account adds nothing until the person accepts, and tells the SWV nothing about the account', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const outsider = t.other.userIds.school_editor; // an account of SWV Rivierenland
      const before = await rolesOf(outsider);
      const response = await admin.post(`/swv/${t.demo.partnershipId}/gebruikers`, { name: 'Onbekende Collega', email: 'school_editor@rivierenland.example', role: 'council_member', placeId: t.demo.schoolIds['horizon']! });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('De uitnodiging is verstuurd naar school_editor@rivierenland.example'); // the same words as for a new address
      expect(html).not.toContain('Rivier school_editor'); // the account's real name
      expect(html).toContain('Onbekende Collega');
      expect(await rolesOf(outsider)).toEqual(before);

      const link = await lastLink('school_editor@rivierenland.example', CONSENT_LINK);
      const person = await TestClient.anonymous(t.app);
      const question = await person.get(link);
      expect(question.status).toBe(200);
      expect(await question.text()).toContain('nodigt u uit voor de rol Medezeggenschapsraad bij Daltonschool Horizon');
      const accepted = await person.post(link, { antwoord: 'aannemen' });
      expect(accepted.status).toBe(200);
      expect(await accepted.text()).toContain('U heeft de rol Medezeggenschapsraad bij Daltonschool Horizon aangenomen');
      expect((await rolesOf(outsider)).filter((role) => role.schoolId === t.demo.schoolIds['horizon'])).toHaveLength(1);
      expect((await person.get(link)).status).toBe(410);
    });

    it('a declined invitation adds nothing; the SWV sees only that its invitation was declined', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const outsider = t.other.userIds.council_member;
      const before = await rolesOf(outsider);
      await admin.post(`/swv/${t.demo.partnershipId}/gebruikers`, { name: 'Mogelijke Raadslid', email: 'council_member@rivierenland.example', role: 'council_member', placeId: t.demo.schoolIds['vlinder']! });
      const link = await lastLink('council_member@rivierenland.example', CONSENT_LINK);
      const person = await TestClient.anonymous(t.app);
      const declined = await person.post(link, { antwoord: 'afwijzen' });
      expect(await declined.text()).toContain('U heeft de uitnodiging afgewezen');
      expect(await rolesOf(outsider)).toEqual(before);
      const list = await (await admin.get(`/swv/${t.demo.partnershipId}/gebruikers`)).text();
      expect(list).toContain('Mogelijke Raadslid');
      expect(list).toContain('Afgewezen');
      expect(list).not.toContain('Rivier council_member');
    });

    it('nobody withdraws or replaces another SWV\'s invitation', async () => {
      const adminA = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const adminB = await TestClient.signedIn(t, t.other.userIds.partnership_admin);
      // SWV A invites a new address (a new account with A's link); then SWV B invites the same address.
      await adminA.post(`/swv/${t.demo.partnershipId}/gebruikers`, { name: 'Gedeelde Persoon', email: 'gedeeld@example.org', role: 'school_editor', placeId: t.demo.schoolIds['horizon']! });
      await adminB.post(`/swv/${t.other.partnershipId}/gebruikers`, { name: 'Gedeelde Persoon', email: 'gedeeld@example.org', role: 'school_editor', placeId: t.other.schoolId });
      const linkB = await lastLink('gedeeld@example.org', CONSENT_LINK);
      const [shared] = await t.deps.db.select().from(users).where(eq(users.email, 'gedeeld@example.org'));
      expect((await rolesOf(shared!.id)).some((role) => role.schoolId === t.other.schoolId)).toBe(false);
      // A re-sends its own invitation: B's link keeps working.
      expect((await adminA.post(`/swv/${t.demo.partnershipId}/gebruikers/${shared!.id}/uitnodiging-opnieuw`, {})).status).toBe(303);
      expect((await (await TestClient.anonymous(t.app)).get(linkB)).status).toBe(200);
      // B cannot re-send A's invitation (the account is not B's), nor can A withdraw B's invitation.
      expect((await adminB.post(`/swv/${t.other.partnershipId}/gebruikers/${shared!.id}/uitnodiging-opnieuw`, {})).status).toBe(404);
      const [invitationB] = await t.deps.db.select().from(invitations).where(eq(invitations.partnershipId, t.other.partnershipId));
      expect((await adminA.post(`/swv/${t.demo.partnershipId}/uitnodigingen/${invitationB!.id}/intrekken`, {})).status).toBe(404);
      expect((await adminA.post(`/swv/${t.other.partnershipId}/uitnodigingen/${invitationB!.id}/intrekken`, {})).status).toBe(404);
      expect((await (await TestClient.anonymous(t.app)).get(linkB)).status).toBe(200);
      // B withdraws its own: the link stops working.
      expect((await adminB.post(`/swv/${t.other.partnershipId}/uitnodigingen/${invitationB!.id}/intrekken`, {})).status).toBe(303);
      expect((await (await TestClient.anonymous(t.app)).get(linkB)).status).toBe(410);
    });

    /** A client at a given address: the app trusts X-Forwarded-For as behind a reverse proxy. */
    async function from(address: string): Promise<TestClient> {
      const app = createApp({ deps: { ...t.deps, config: { ...t.deps.config, TRUST_PROXY: true } } });
      const client = new TestClient({ request: (input: string, init?: RequestInit) => app.request(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'x-forwarded-for': address } }) });
      await client.get('/inloggen');
      return client;
    }
    const second = 1 / 86_400;

    it('an attacker guessing an account does not lock out its owner, who logs in from a client without failures', async () => {
      const attacker = await from('203.0.113.66');
      for (let i = 0; i < 25; i++) {
        const guess = await attacker.post('/inloggen', { email: 'bestuur@spov.example', password: `raden-${i}` });
        expect([401, 429]).toContain(guess.status);
        t.clock.advanceDays(second);
      }
      const owner = await from('198.51.100.7');
      expect((await owner.post('/inloggen', { email: 'bestuur@spov.example', password: DEMO_PASSWORD })).status).toBe(303);
    });

    it('failures of many accounts behind a school\'s shared address do not lock out a colleague', async () => {
      const school = '192.0.2.10';
      const guesser = await from(school);
      for (let account = 0; account < 6; account++) {
        for (let i = 0; i < 4; i++) await guesser.post('/inloggen', { email: `collega${account}@regenboog.example`, password: 'vergeten' });
      }
      const colleague = await from(school);
      expect((await colleague.post('/inloggen', { email: 'ib@regenboog.example', password: DEMO_PASSWORD })).status).toBe(303);
    });

    it('keeps guessing slow: the wait doubles per failure up to 15 minutes, and a new address gets one guess once the account is under attack', async () => {
      const email = 'mr@regenboog.example';
      const attacker = await from('203.0.113.77');
      const waits: number[] = [];
      for (let i = 0; i < 26; i++) {
        const response = await attacker.post('/inloggen', { email, password: `gok-${i}` });
        if (response.status === 429) {
          const wait = Number(response.headers.get('retry-after'));
          waits.push(wait);
          t.clock.advanceDays(wait * second); // a patient attacker waits exactly as long as told
        } else {
          expect(response.status).toBe(401);
        }
      }
      expect(waits.slice(0, 4)).toEqual([2, 4, 8, 16]);
      expect(Math.max(...waits)).toBeLessThanOrEqual(MAX_DELAY_SECONDS);
      for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThanOrEqual(waits[i - 1]!);
      expect(waits.at(-1)).toBe(MAX_DELAY_SECONDS);
      t.clock.advanceDays(MAX_DELAY_SECONDS * second);
      expect((await attacker.post('/inloggen', { email, password: 'gok na het wachten' })).status).toBe(401);
      // Another address: one wrong guess is allowed, then the account's delay applies to it as well.
      const other = await from('203.0.113.78');
      expect((await other.post('/inloggen', { email, password: 'nog een gok' })).status).toBe(401);
      expect((await other.post('/inloggen', { email, password: 'en nog een' })).status).toBe(429);
      // The owner, from a client without failures, still gets in.
      expect((await (await from('198.51.100.8')).post('/inloggen', { email, password: DEMO_PASSWORD })).status).toBe(303);
    });
  });
}
