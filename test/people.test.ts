/**
 * The people around the profile (issue 14) on a real database, through the app's HTTP routes: the SWV adviser
 * (limited to some boards and schools) reads submitted profiles, writes remarks and records a verdict that the
 * school, its board and the SWV see.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/password.js';
import { insertMembership, insertMembershipScopes, insertUser, loadPrincipal } from '../src/features/accounts/repository.js';
import { membershipScopes, users } from '../src/features/accounts/schema.js';
import { getVerdict } from '../src/features/plausibility/repository.js';
import { findProfile } from '../src/features/questionnaire/profiles-repository.js';
import { auditLog } from '../src/audit/schema.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const YEAR = '2026-2027';

for (const kind of TEST_DATABASE_KINDS) {
  describe(`people around the profile (${kind})`, () => {
    let app: TestApp;
    let adviserId: string;
    let horizonEditorId: string;
    const profileIds = {} as Record<'horizon' | 'sintJozef' | 'regenboog', string>;

    beforeAll(async () => {
      app = await createTestApp(kind);
      const { deps, demo, clock } = app;
      adviserId = crypto.randomUUID();
      await insertUser(deps.db, { id: adviserId, email: 'orthopedagoog@voorbeeldstad.example', name: 'Olga Orthopedagoog', passwordHash: await hashPassword('Adviseur-wachtwoord-1'), createdAt: clock.now() });
      const membershipId = await insertMembership(deps.db, { userId: adviserId, role: 'partnership_adviser', partnershipId: demo.partnershipId }, clock.now());
      await insertMembershipScopes(deps.db, membershipId!, { boardIds: [demo.boardIds['spov']!], schoolIds: [] });
      horizonEditorId = crypto.randomUUID();
      await insertUser(deps.db, { id: horizonEditorId, email: 'ib@horizon.example', name: 'Yusuf Demir', createdAt: clock.now() });
      await insertMembership(deps.db, { userId: horizonEditorId, role: 'school_editor', schoolId: demo.schoolIds['horizon']! }, clock.now());
      for (const [key, school] of [['horizon', 'horizon'], ['sintJozef', 'sint-jozef'], ['regenboog', 'regenboog']] as const) {
        profileIds[key] = (await findProfile(deps.db, demo.schoolIds[school]!, YEAR))!.id;
      }
    });
    afterAll(async () => app?.close());

    it('loads the adviser with the boards and schools their role is limited to', async () => {
      const principal = (await loadPrincipal(app.deps.db, adviserId))!;
      expect(principal.memberships).toEqual([expect.objectContaining({ role: 'partnership_adviser', limitedTo: { boardIds: [app.demo.boardIds['spov']], schoolIds: [] } })]);
      const admin = (await loadPrincipal(app.deps.db, app.demo.userIds['swv@voorbeeldstad.example']!))!;
      expect(admin.memberships[0]!.limitedTo).toBeNull();
    });

    it('lists only the schools of the adviser’s boards, and every school for the SWV admin', async () => {
      const adviser = await TestClient.signedIn(app, adviserId);
      const page = await adviser.get(`/swv/${app.demo.partnershipId}/plausibiliteit`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Daltonschool Horizon');
      expect(html).toContain(`/profielen/${profileIds.horizon}/plausibiliteit`);
      expect(html).not.toContain('Sint Jozefschool');
      const admin = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      expect(await (await admin.get(`/swv/${app.demo.partnershipId}/plausibiliteit`)).text()).toContain('Sint Jozefschool');
    });

    it('refuses a profile outside the adviser’s boards (404) and a draft (403)', async () => {
      const adviser = await TestClient.signedIn(app, adviserId);
      expect((await adviser.get(`/profielen/${profileIds.sintJozef}/plausibiliteit`)).status).toBe(404);
      expect((await adviser.get(`/profielen/${profileIds.sintJozef}/cyclus`)).status).toBe(404);
      expect((await adviser.get(`/profielen/${profileIds.regenboog}/plausibiliteit`)).status).toBe(403);
      expect((await adviser.get(`/profielen/${profileIds.regenboog}`)).status).toBe(403);
    });

    it('records a verdict with the yearly conversation and agreements; the school, board and SWV see it', async () => {
      const adviser = await TestClient.signedIn(app, adviserId);
      const path = `/profielen/${profileIds.horizon}/plausibiliteit`;
      const missingDate = await adviser.post(path, { verdict: 'not_plausible', agreements: '' });
      expect(missingDate.status).toBe(400);
      expect(await missingDate.text()).toContain('vul de datum van het jaargesprek in');
      const badVerdict = await adviser.post(path, { verdict: 'misschien' });
      expect(badVerdict.status).toBe(400);
      expect(await badVerdict.text()).toContain('Kies een oordeel');

      const agreements = 'Dyscalculie-aanbod beschrijven zoals het in de praktijk gaat; evaluatie in het voorjaar.';
      const saved = await adviser.post(path, { verdict: 'not_plausible', conversationOn: '2027-03-15', agreements });
      expect(saved.status).toBe(303);
      expect(await getVerdict(app.deps.db, profileIds.horizon)).toMatchObject({ verdict: 'not_plausible', conversationOn: '2027-03-15', agreements, recordedBy: adviserId });
      const audits = await app.deps.db.select().from(auditLog).where(eq(auditLog.action, 'profile.assess'));
      expect(audits).toHaveLength(1);

      // A remark per item, as the SWV admin writes them.
      const remark = await adviser.post(`/profielen/${profileIds.horizon}/opmerkingen`, { body: 'Het aanbod voor dyscalculie lijkt ruimer dan het team kan waarmaken.' });
      expect(remark.status).toBe(303);

      for (const userId of [horizonEditorId, app.demo.userIds['bestuur@spov.example']!, app.demo.userIds['swv@voorbeeldstad.example']!]) {
        const client = await TestClient.signedIn(app, userId);
        const page = await client.get(`/profielen/${profileIds.horizon}/cyclus`);
        expect(page.status).toBe(200);
        const html = await page.text();
        expect(html).toContain('Oordeel van het samenwerkingsverband');
        expect(html).toContain('Niet plausibel — gesprek nodig');
        expect(html).toContain('15 maart 2027');
        expect(html).toContain('Dyscalculie-aanbod beschrijven');
        expect(html).not.toContain(`href="/profielen/${profileIds.horizon}/plausibiliteit"`);
      }
      const overview = await (await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!)).get(`/swv/${app.demo.partnershipId}/plausibiliteit`);
      expect(await overview.text()).toContain('Niet plausibel — gesprek nodig');

      // Recording again replaces the verdict.
      expect((await adviser.post(path, { verdict: 'plausible_with_remarks', conversationOn: '', agreements: '' })).status).toBe(303);
      expect(await getVerdict(app.deps.db, profileIds.horizon)).toMatchObject({ verdict: 'plausible_with_remarks', conversationOn: null, agreements: null });
    });

    it('does not let the school or board record a verdict (403)', async () => {
      for (const userId of [horizonEditorId, app.demo.userIds['bestuur@spov.example']!, app.demo.userIds['swv@voorbeeldstad.example']!]) {
        const client = await TestClient.signedIn(app, userId);
        expect((await client.post(`/profielen/${profileIds.horizon}/plausibiliteit`, { verdict: 'plausible' })).status).toBe(403);
      }
    });

    it('invites an adviser for a board, then adds a school to the same role', async () => {
      const admin = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      const path = `/swv/${app.demo.partnershipId}/gebruikers`;
      const first = await admin.post(path, { name: 'Cor Consulent', email: 'consulent@voorbeeldstad.example', role: 'partnership_adviser', placeId: app.demo.boardIds['linde']! });
      expect(first.status).toBe(200);
      const second = await admin.post(path, { name: 'Cor Consulent', email: 'consulent@voorbeeldstad.example', role: 'partnership_adviser', placeId: app.demo.schoolIds['regenboog']! });
      expect(second.status).toBe(200);
      const again = await admin.post(path, { name: 'Cor Consulent', email: 'consulent@voorbeeldstad.example', role: 'partnership_adviser', placeId: app.demo.schoolIds['regenboog']! });
      expect(again.status).toBe(400);
      const [user] = await app.deps.db.select().from(users).where(eq(users.email, 'consulent@voorbeeldstad.example'));
      const principal = (await loadPrincipal(app.deps.db, user!.id))!;
      expect(principal.memberships).toHaveLength(1);
      expect(principal.memberships[0]!.limitedTo).toEqual({ boardIds: [app.demo.boardIds['linde']], schoolIds: [app.demo.schoolIds['regenboog']] });
      expect(await app.deps.db.select().from(membershipScopes)).toHaveLength(3);
      // A board of another SWV is refused with a message, not a 500.
      const foreign = await admin.post(path, { name: 'Cor Consulent', email: 'consulent2@voorbeeldstad.example', role: 'partnership_adviser', placeId: app.other.schoolId });
      expect(foreign.status).toBe(400);
      expect(await foreign.text()).toContain('Kies een bestuur of school van dit samenwerkingsverband');
    });
  });
}
