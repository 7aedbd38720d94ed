/**
 * The audit-log page (issue 16) on PGlite and PostgreSQL: an SWV administrator reads only its own SWV's rows (never
 * the second tenant's), with names, Dutch times and readable actions; filters by period, person, kind and school;
 * 50 rows a page; a CSV download that a spreadsheet cannot run; the platform administrator reads every SWV's rows.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/audit/record-audit.js';
import { insertUser } from '../src/features/accounts/repository.js';
import { dutchMidnight } from '../src/features/audit-log/load-audit-log-page.js';
import { profiles } from '../src/features/questionnaire/schema.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

function bodyRows(html: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
}

for (const kind of TEST_DATABASE_KINDS) {
  describe(`audit-log page (${kind})`, () => {
    let t: TestApp;
    let swvA: TestClient;
    let log: string;
    let profileId: string;
    const at = (iso: string) => new Date(iso);

    beforeAll(async () => {
      t = await createTestApp(kind);
      log = `/swv/${t.demo.partnershipId}/logboek`;
      swvA = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const [profile] = await t.deps.db.select({ id: profiles.id }).from(profiles).where(eq(profiles.schoolId, t.demo.schoolIds['regenboog']!));
      profileId = profile!.id;
      const db = t.deps.db;
      const sanne = t.demo.userIds['swv@voorbeeldstad.example']!;
      const fatima = t.demo.userIds['ib@regenboog.example']!;
      // SWV A: a change through the app (an invitation), and rows on known days.
      expect((await swvA.post(`/swv/${t.demo.partnershipId}/gebruikers`, { name: 'Joris Bakker', email: 'joris@vlinder.example', role: 'school_editor', placeId: t.demo.schoolIds['vlinder']! })).status).toBe(200);
      await recordAudit(db, { at: at('2026-01-15T10:30:00+01:00'), actorUserId: fatima, partnershipId: t.demo.partnershipId, action: 'profile.submit', entityType: 'profile', entityId: profileId });
      await recordAudit(db, { at: at('2026-01-31T23:30:00+01:00'), actorUserId: sanne, partnershipId: t.demo.partnershipId, action: 'school.edit', entityType: 'school', entityId: t.demo.schoolIds['vlinder']! });
      await recordAudit(db, { at: at('2026-02-01T00:30:00+01:00'), actorUserId: sanne, partnershipId: t.demo.partnershipId, action: 'some.future_action', entityType: 'thing', entityId: 'x' });
      // SWV B: its admin's rows must never show under SWV A.
      await recordAudit(db, { at: at('2026-01-20T09:00:00+01:00'), actorUserId: t.other.userIds.partnership_admin, partnershipId: t.other.partnershipId, action: 'school.edit', entityType: 'school', entityId: t.other.schoolId });
      await recordAudit(db, { at: at('2026-01-20T09:05:00+01:00'), actorUserId: t.other.userIds.partnership_admin, partnershipId: t.other.partnershipId, action: 'user.invite', entityType: 'user', entityId: t.other.userIds.board_user });
      // Seeding the demo and a second SWV outgrows the default hook time on a busy machine.
    }, 120_000);
    afterAll(async () => t?.close());

    it('shows the SWV its own rows with who, when (Dutch time), what and on what; never another SWV\'s', async () => {
      const response = await swvA.get(log);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<h1 class="utrecht-heading-1">Logboek</h1>');
      expect(html).toContain('Gebruiker uitgenodigd');
      expect(html).toContain('Gebruiker: Joris Bakker');
      expect(html).toContain('Sanne de Vries');
      expect(html).toContain('Profiel ingediend');
      expect(html).toContain('Profiel (Basisschool De Regenboog)');
      expect(html).toContain('<time datetime="2026-01-15T09:30:00.000Z">15 jan 2026, 10:30:00</time>');
      // An action without a sentence in the catalogue is shown by its key, not hidden.
      expect(html).toContain('some.future_action');
      expect(html).not.toContain('Rivier partnership_admin');
      expect(html).not.toContain('De Waterlelie');
      // SWV B's administrator does not find SWV A's log; SWV A's other roles may not read it.
      expect((await (await TestClient.signedIn(t, t.other.userIds.partnership_admin)).get(log)).status).toBe(404);
      expect((await (await TestClient.signedIn(t, t.demo.userIds['ib@regenboog.example']!)).get(log)).status).toBe(404);
      // And SWV B's own log holds only its rows.
      const other = await (await (await TestClient.signedIn(t, t.other.userIds.partnership_admin)).get(`/swv/${t.other.partnershipId}/logboek`)).text();
      expect(other).toContain('Rivier partnership_admin');
      expect(other).not.toContain('Joris Bakker');
      expect(other).not.toContain('Sanne de Vries');
    });

    it('filters by period in Dutch days, by person, by kind of action and by school', async () => {
      const january = bodyRows(await (await swvA.get(`${log}?van=2026-01-01&tot=2026-01-31`)).text());
      expect(january).toHaveLength(2);
      expect(january[0]).toContain('Gegevens van een school gewijzigd'); // 31 January 23:30 Dutch time is still January
      expect(january[1]).toContain('Profiel ingediend');
      const person = bodyRows(await (await swvA.get(`${log}?persoon=${t.demo.userIds['ib@regenboog.example']}`)).text());
      expect(person.length).toBeGreaterThan(0);
      expect(person.every((row) => row.includes('Fatima el Idrissi'))).toBe(true);
      const kind = bodyRows(await (await swvA.get(`${log}?actie=user.invite`)).text());
      expect(kind).toHaveLength(1);
      expect(kind[0]).toContain('Joris Bakker');
      // A profile's row is found under its school, though it was recorded without naming the school.
      const school = bodyRows(await (await swvA.get(`${log}?school=${t.demo.schoolIds['regenboog']}&van=2026-01-01&tot=2026-01-31`)).text());
      expect(school).toHaveLength(1);
      expect(school[0]).toContain('Profiel ingediend');
      const page = await (await swvA.get(log)).text();
      expect(page).toContain('<option value="user.invite">Gebruiker uitgenodigd</option>');
      expect(page).toContain('>Fatima el Idrissi</option>');
      expect(page).not.toContain('>De Waterlelie</option>');
    });

    it('answers mistakes in the filters with a Dutch message and 400, and another SWV\'s school too', async () => {
      const badDate = await swvA.get(`${log}?van=31-13-2026`);
      expect(badDate.status).toBe(400);
      const html = await badDate.text();
      expect(html).toContain('Vul een datum in als 31-12-2026');
      expect(bodyRows(html)).toHaveLength(0);
      const order = await swvA.get(`${log}?van=2026-02-01&tot=2026-01-01`);
      expect(order.status).toBe(400);
      expect(await order.text()).toContain('ligt vóór de datum');
      const foreign = await swvA.get(`${log}?school=${t.other.schoolId}`);
      expect(foreign.status).toBe(400);
      const foreignHtml = await foreign.text();
      expect(foreignHtml).toContain('Kies een school van dit samenwerkingsverband');
      expect(foreignHtml).not.toContain('Rivier partnership_admin');
      expect((await swvA.get(`${log}?voor=abc`)).status).toBe(400);
      expect((await swvA.get(`${log}/export?van=gisteren`)).status).toBe(400);
    });

    it('shows 50 rows a page, newest first, with a link to older rows', async () => {
      const db = t.deps.db;
      for (let i = 0; i < 120; i++) {
        await recordAudit(db, { at: new Date(Date.parse('2025-06-01T08:00:00Z') + i * 60_000), actorUserId: t.demo.userIds['swv@voorbeeldstad.example']!, partnershipId: t.demo.partnershipId, action: 'cycle.update', entityType: 'cycle', entityId: `ronde-${i}` });
      }
      const seen: string[] = [];
      let path: string | null = `${log}?actie=cycle.update`;
      while (path) {
        const html: string = await (await swvA.get(path)).text();
        seen.push(...bodyRows(html));
        const next: string | undefined = /<a class="utrecht-link" rel="next" href="([^"]+)"/.exec(html)?.[1];
        path = next ? next.replace(/&amp;/g, '&') : null;
        expect(bodyRows(html).length).toBeLessThanOrEqual(50);
      }
      expect(seen).toHaveLength(120);
      const times = seen.map((row) => /datetime="([^"]+)"/.exec(row)![1]!);
      expect([...times].sort().reverse()).toEqual(times);
    });

    it('downloads the filtered rows as CSV that a spreadsheet cannot run as formulas', async () => {
      // A name that a spreadsheet would run as a formula.
      const formulaUser = crypto.randomUUID();
      await insertUser(t.deps.db, { id: formulaUser, email: 'formule@voorbeeldstad.example', name: '=HYPERLINK("http://evil.example")', createdAt: t.clock.now() });
      await recordAudit(t.deps.db, { at: at('2026-01-10T12:00:00+01:00'), actorUserId: formulaUser, partnershipId: t.demo.partnershipId, action: 'school.edit', entityType: 'school', entityId: t.demo.schoolIds['regenboog']! });
      const response = await swvA.get(`${log}/export?van=2026-01-01&tot=2026-01-31`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('content-disposition')).toContain('attachment; filename="logboek-');
      const csv = await response.text();
      const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toBe('Wanneer;ISO 8601;Wie;Wat;Waaraan;School;action');
      expect(lines.some((line) => line.includes('Profiel ingediend') && line.includes('Basisschool De Regenboog'))).toBe(true);
      expect(csv).not.toContain('De Waterlelie');
      expect(csv).toContain(`;"'=HYPERLINK(""http://evil.example"")";`);
      expect(csv).not.toMatch(/;=HYPERLINK/);
    });

    it('lets the platform administrator read every SWV\'s rows, and nobody else', async () => {
      const platform = await TestClient.signedIn(t, t.demo.userIds['beheer@opensop.example']!);
      const html = await (await platform.get('/beheer/logboek?van=2026-01-01&tot=2026-01-31')).text();
      expect(html).toContain('Logboek van het platform');
      expect(html).toContain('SWV Passend Onderwijs Rivierenland');
      expect(html).toContain('De Waterlelie');
      expect(html).toContain('Profiel (Basisschool De Regenboog)');
      expect((await platform.get(log)).status).toBe(200);
      expect((await swvA.get('/beheer/logboek')).status).toBe(404);
    });
  });

  describe('dutchMidnight', () => {
    it('is midnight in the Netherlands in winter and summer time', () => {
      expect(dutchMidnight('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
      expect(dutchMidnight('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
      expect(dutchMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    });
  });
}
