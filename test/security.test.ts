/** Hostile input and bad days (issue 16): each finding of the probe, with a test that failed before its fix. */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/config/logger.js';
import { createApp } from '../src/app.js';
import { users } from '../src/features/accounts/schema.js';
import { answers } from '../src/features/questionnaire/schema.js';
import { findProfile } from '../src/features/questionnaire/profiles-repository.js';
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
  });
}
