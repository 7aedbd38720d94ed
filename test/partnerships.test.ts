/** Setting up an SWV: a platform admin creates it, its admin adds boards and schools. */
import { and, eq, inArray } from 'drizzle-orm';
import { auditLog } from '../src/audit/schema.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boards, districts, partnerships, schools } from '../src/features/partnerships/schema.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

for (const kind of TEST_DATABASE_KINDS) {
  describe(`setting up an SWV (${kind})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(async () => t?.close());

    it('a platform admin creates an SWV; a duplicate short name is refused', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['beheer@opensop.example']!);
      const bad = await admin.post('/beheer/swv', { name: 'SW', slug: 'Met Spaties', sector: 'po' });
      const html = await bad.text();
      expect(html).toContain('minstens 3 tekens');
      expect(html).toContain('kleine letters, cijfers en streepjes');
      const created = await admin.post('/beheer/swv', { name: 'SWV De Eem', slug: 'swv-de-eem', sector: 'po' });
      expect(created.status).toBe(303);
      expect(created.headers.get('location')).toMatch(/^\/swv\/[0-9a-f-]{36}$/);
      const duplicate = await admin.post('/beheer/swv', { name: 'Nog een', slug: 'swv-de-eem', sector: 'po' });
      expect(await duplicate.text()).toContain('De korte naam &quot;swv-de-eem&quot; is al in gebruik');
      // The SWV's public page is /<slug>: the app's own first path segments are refused.
      const reserved = await admin.post('/beheer/swv', { name: 'SWV Beheer', slug: 'beheer', sector: 'po' });
      expect(reserved.status).toBe(400);
      expect(await reserved.text()).toContain('gebruikt de app zelf in adressen');
    });

    it('an SWV admin adds a school with a new board and district, with specific errors first', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const path = `/swv/${t.demo.partnershipId}/scholen`;
      const bad = await admin.post(path, { name: 'X', brin: '1AB', vestiging: 'a', postalCode: '12345' });
      const html = await bad.text();
      expect(bad.status).toBe(400);
      expect(html).toContain('Een BRIN-nummer is twee cijfers en twee letters');
      expect(html).toContain('Het vestigingsnummer is één of twee cijfers');
      expect(html).toContain('Vul een postcode in als 1234 AB');

      const noBoard = await admin.post(path, { name: 'Het Kompas', brin: '18NP', vestiging: '0' });
      expect(await noBoard.text()).toContain('Kies het schoolbestuur, of vul het bevoegd-gezagnummer van een ander bestuur in');

      const ok = await admin.post(path, { name: 'Het Kompas', brin: '18np', vestiging: '0', newBoardNumber: '045678', newBoardName: 'Stichting Kompas', districtName: 'Oost', postalCode: '2719ab', city: 'Voorbeeldstad' });
      expect(ok.status).toBe(303);
      const [school] = await t.deps.db.select().from(schools).where(eq(schools.locationCode, '18NP00'));
      expect(school).toMatchObject({ name: 'Het Kompas', brin: '18NP', postalCode: '2719 AB' });
      const [board] = await t.deps.db.select().from(boards).where(eq(boards.id, school!.boardId));
      expect(board).toMatchObject({ name: 'Stichting Kompas', boardNumber: '45678' });
      expect(school).toMatchObject({ sector: 'po', schoolTypes: [] });
      const [district] = await t.deps.db.select().from(districts).where(eq(districts.id, school!.districtId!));
      expect(district!.name).toBe('Oost');
      const audit = await t.deps.db.select().from(auditLog).where(inArray(auditLog.entityId, [board!.id, district!.id]));
      expect(audit.map((entry) => entry.action).sort()).toEqual(['board.add', 'district.add']);

      const duplicate = await admin.post(path, { name: 'Kompas bis', brin: '18NP', vestiging: '00', boardId: school!.boardId });
      expect(await duplicate.text()).toContain('Vestiging 18NP00 staat al in dit samenwerkingsverband (Het Kompas)');
    });

    it('gives form errors in the user\'s language', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      await admin.post('/taal', { locale: 'en', returnTo: '/' });
      try {
        const html = await (await admin.post(`/swv/${t.demo.partnershipId}/scholen`, { name: 'X', brin: '1AB', vestiging: 'a' })).text();
        expect(html).toContain('A BRIN number is two digits and two letters');
        expect(html).toContain('Enter the name of the school');
        const settings = await (await admin.post(`/swv/${t.demo.partnershipId}/instellingen`, { name: 'SW', primaryColor: '#ffee00' })).text();
        expect(settings).toContain('Enter the name of the partnership (at least 3 characters)');
        expect(settings).toContain('This colour is too light');
      } finally {
        await admin.post('/taal', { locale: 'nl', returnTo: '/' });
      }
    });

    it('refuses a board of another SWV', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const response = await admin.post(`/swv/${t.demo.partnershipId}/scholen`, { name: 'Grensgeval', brin: '19QR', vestiging: '00', boardId: t.other.boardId });
      expect(await response.text()).toContain('Kies een schoolbestuur van dit samenwerkingsverband');
    });

    it('shows on the SWV overview only the links the user may use, and roles per place in the header', async () => {
      const id = t.demo.partnershipId;
      const platform = await (await (await TestClient.signedIn(t, t.demo.userIds['beheer@opensop.example']!)).get(`/swv/${id}`)).text();
      for (const hidden of ['vragenlijsten', 'cyclus', 'documenten']) expect(platform).not.toContain(`href="/swv/${id}/${hidden}"`);
      expect(platform).toContain(`href="/swv/${id}/instellingen"`);
      const swvAdmin = await (await (await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!)).get(`/swv/${id}`)).text();
      for (const shown of ['vragenlijsten', 'cyclus', 'documenten', 'gebruikers']) expect(swvAdmin).toContain(`href="/swv/${id}/${shown}"`);
      expect(swvAdmin).toContain('SWV PO Voorbeeldstad<span class="site-nav__role"> (Beheerder samenwerkingsverband)</span>');
      const editor = await (await (await TestClient.signedIn(t, t.demo.userIds['ib@regenboog.example']!)).get('/')).text();
      expect(editor).toMatch(/De Regenboog<span class="site-nav__role"> \(Schoolteam \(directie\/IB\)\)<\/span>/);
    });

    it('renders the current logo without inline styles (the CSP forbids them)', async () => {
      await t.deps.db.update(partnerships).set({ logoDataUrl: 'data:image/png;base64,iVBORw0KGgo=' }).where(eq(partnerships.id, t.demo.partnershipId));
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const html = await (await admin.get(`/swv/${t.demo.partnershipId}/instellingen`)).text();
      expect(html).toContain('class="logo-preview"');
      expect(html).not.toMatch(/\sstyle="/);
      await t.deps.db.update(partnerships).set({ logoDataUrl: null }).where(eq(partnerships.id, t.demo.partnershipId));
    });

    it('switches the interface to English and back', async () => {
      const client = await TestClient.anonymous(t.app);
      await client.post('/taal', { locale: 'en', returnTo: '/inloggen' });
      const page = await (await client.get('/inloggen')).text();
      expect(page).toContain('<html lang="en"');
      expect(page).toContain('E-mail address');
      await client.post('/taal', { locale: 'nl', returnTo: '/inloggen' });
      expect(await (await client.get('/inloggen')).text()).toContain('E-mailadres');
      const unknown = await client.post('/taal', { locale: 'fr' });
      expect(unknown.status).toBe(400);

      const userId = t.demo.userIds['bestuur@spov.example']!;
      const signedIn = await TestClient.signedIn(t, userId);
      await signedIn.post('/taal', { locale: 'en', returnTo: '/' });
      await signedIn.post('/taal', { locale: 'nl', returnTo: '/' });
      const audit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.change_language'), eq(auditLog.entityId, userId)));
      expect(audit.map((entry) => entry.after)).toEqual([{ locale: 'en' }, { locale: 'nl' }]);
    });
  });
}
