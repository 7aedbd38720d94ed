/**
 * The people around the profile (issue 14) on a real database, through the app's HTTP routes: the SWV adviser
 * (limited to some boards and schools) reads submitted profiles, writes remarks and records a verdict that the
 * school, its board and the SWV see.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/password.js';
import { insertMembership, insertMembershipScopes, insertUser, loadPrincipal } from '../src/features/accounts/repository.js';
import { membershipScopes, users } from '../src/features/accounts/schema.js';
import { getVerdict } from '../src/features/plausibility/repository.js';
import { findProfile, getProfile } from '../src/features/questionnaire/profiles-repository.js';
import { cycles } from '../src/features/cycle/schema.js';
import { amsterdamDate, formatDutchDate } from '../src/features/cycle/editability.js';
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
      horizonEditorId = demo.userIds['ib@horizon.example']!;
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
      // The SWV's progress page, its insight matrix and the board's progress page show the verdict per school, linked to it.
      const admin = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      const verdictLink = `href="/profielen/${profileIds.horizon}/cyclus#verdict-heading"`;
      for (const [client, page] of [
        [admin, `/swv/${app.demo.partnershipId}/cyclus/${YEAR}`],
        [admin, `/swv/${app.demo.partnershipId}/inzicht/basisondersteuning?jaar=${YEAR}`],
        [await TestClient.signedIn(app, app.demo.userIds['bestuur@spov.example']!), `/besturen/${app.demo.boardIds['spov']}/voortgang?jaar=${YEAR}`],
      ] as const) {
        const html = await (await client.get(page)).text();
        expect(html, page).toContain(verdictLink);
        expect(html.slice(html.indexOf(verdictLink), html.indexOf(verdictLink) + 300), page).toContain('Niet plausibel — gesprek nodig');
      }

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

    it('records the pupils’ voice, refuses personal data, and holds adoption until it is there when the SWV requires it', async () => {
      const { demo } = app;
      await app.deps.db.update(cycles).set({ pupilVoiceRequired: 'before_adoption' }).where(and(eq(cycles.partnershipId, demo.partnershipId), eq(cycles.schoolYear, YEAR)));
      const board = await TestClient.signedIn(app, demo.userIds['bestuur@spov.example']!);
      const adopt = { adoptedOn: amsterdamDate(app.clock.now()), adoptedByName: 'Bart Bakker', confirmWarnings: 'ja' };
      const refused = await board.post(`/profielen/${profileIds.horizon}/vaststellen`, adopt);
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain('nog niet vastgelegd hoe leerlingen zijn gehoord');
      expect((await getProfile(app.deps.db, profileIds.horizon))!.status).toBe('submitted');

      const editor = await TestClient.signedIn(app, horizonEditorId);
      const consulted = amsterdamDate(new Date(app.clock.now().getTime() - 10 * 86_400_000));
      const path = `/profielen/${profileIds.horizon}/stem-van-leerlingen`;
      expect((await editor.get(path)).status).toBe(200);
      const none = await editor.post(path, { consultedOn: consulted, summary: 'Leerlingen willen meer rust in de klas.', followUp: 'Stiltehoek ingericht.' });
      expect(none.status).toBe(400);
      expect(await none.text()).toContain('Kies ten minste één manier');
      const phone = await editor.post(path, { methods: ['pupil_council'], consultedOn: consulted, summary: 'De leerlingenraad wil meer rust; bel moeder op 06-12345678.', followUp: 'Stiltehoek ingericht.' });
      expect(phone.status).toBe(400);
      expect(await phone.text()).toContain('Haal het telefoonnummer weg');
      const summary = 'De leerlingenraad en groep 7 en 8 vinden de hulp bij rekenen goed, maar willen meer rust in de klas.';
      const saved = await editor.post(path, { methods: ['pupil_council', 'class_discussions'], consultedOn: consulted, summary, followUp: 'Stiltehoek in elke bovenbouwgroep; opgenomen in het profiel bij gedrag.' });
      expect(saved.status).toBe(303);

      const page = await (await board.get(`/profielen/${profileIds.horizon}/cyclus`)).text();
      expect(page).toContain('Stem van leerlingen');
      expect(page).toContain('Leerlingenraad, Gesprekken in de klas');
      expect(page).toContain(formatDutchDate(consulted));
      expect(page).toContain('willen meer rust in de klas');
      expect(page).not.toContain(`href="${path}"`);
      // The board cannot record it for the school.
      expect((await board.post(path, { methods: ['poll'], consultedOn: consulted, summary, followUp: 'x'.repeat(10) })).status).toBe(403);

      const adopted = await board.post(`/profielen/${profileIds.horizon}/vaststellen`, adopt);
      expect(adopted.status).toBe(303);
      expect((await getProfile(app.deps.db, profileIds.horizon))!.status).toBe('adopted');
      // After adoption the record is final.
      const locked = await editor.post(path, { methods: ['poll'], consultedOn: consulted, summary, followUp: 'Nog iets aangepast.' });
      expect(locked.status).toBe(409);
    });

    it('records support point signals without personal data; counts below 5 are masked outside its own view', async () => {
      const { demo } = app;
      const base = `/swv/${demo.partnershipId}/signalen`;
      const admin = await TestClient.signedIn(app, demo.userIds['swv@voorbeeldstad.example']!);
      const supportPoint = await TestClient.signedIn(app, demo.userIds['steunpunt@voorbeeldstad.example']!);
      expect((await supportPoint.post(`${base}/themas`, { name: 'Dyslexie' })).status).toBe(403);
      expect((await admin.post(`${base}/themas`, { name: 'Aanmelding geweigerd' })).status).toBe(303);
      const duplicate = await admin.post(`${base}/themas`, { name: 'aanmelding geweigerd' });
      expect(duplicate.status).toBe(400);
      expect(await duplicate.text()).toContain('Dit thema staat al in de lijst');
      const page = await (await supportPoint.get(base)).text();
      const themeId = /<option value="([0-9a-f-]{36})"[^>]*>Aanmelding geweigerd</.exec(page)![1]!;
      const today = amsterdamDate(app.clock.now());
      const signal = { themeId, schoolId: demo.schoolIds['horizon']!, occurredOn: today };
      for (const [description, message] of [
        ['Moeder (bereikbaar via moeder.jansen@example.nl) meldt dat de aanmelding werd geweigerd.', 'Haal het e-mailadres weg'],
        ['Vader meldt weigering van aanmelding; BSN 111222333 staat in zijn brief.', 'Haal het burgerservicenummer (BSN) weg'],
        ['Kind geboren 12-03-2017 werd niet aangenomen wegens gedrag.', 'Haal de geboortedatum weg'],
      ]) {
        const refused = await supportPoint.post(base, { ...signal, description: description! });
        expect(refused.status, description).toBe(400);
        expect(await refused.text()).toContain(message);
      }
      const description = 'Ouders melden dat de school de aanmelding weigerde zonder onderzoek naar de ondersteuningsbehoefte.';
      expect((await supportPoint.post(base, { ...signal, description })).status).toBe(303);
      expect((await supportPoint.post(base, { ...signal, schoolId: app.other.schoolId, description })).status).toBe(400);
      expect((await admin.post(base, { ...signal, description })).status).toBe(403);

      const own = await (await supportPoint.get(base)).text();
      expect(own).toContain(description);
      expect(own).not.toContain('minder dan 5');
      const swv = await (await admin.get(base)).text();
      expect(swv).toContain('Daltonschool Horizon');
      expect(swv).toContain('minder dan 5');
      expect(swv).not.toContain(description);
      const school = await (await TestClient.signedIn(app, horizonEditorId)).get(`/scholen/${demo.schoolIds['horizon']}/signalen`);
      expect(school.status).toBe(200);
      const schoolHtml = await school.text();
      expect(schoolHtml).toContain('Aanmelding geweigerd');
      expect(schoolHtml).toContain('minder dan 5');
      expect(schoolHtml).not.toContain(description);
      // Another school's editor gets 404 for Horizon's signals.
      expect((await (await TestClient.signedIn(app, demo.userIds['ib@vlinder.example']!)).get(`/scholen/${demo.schoolIds['horizon']}/signalen`)).status).toBe(404);

      // Beside the profile: a signal naming an item of Horizon's profile shows what the profile says there.
      const itemMatch = /<select[^>]*name="itemKey"[\s\S]*?<option value="([^"]+)">([^<]+)<\/option>/.exec(own)!;
      const itemKey = itemMatch[1]!;
      const withoutSchool = await supportPoint.post(base, { ...signal, schoolId: '', itemKey, description });
      expect(withoutSchool.status).toBe(400);
      expect(await withoutSchool.text()).toContain('Kies ook de school');
      expect((await supportPoint.post(base, { ...signal, itemKey: 'bestaat-niet', description })).status).toBe(400);
      expect((await supportPoint.post(base, { ...signal, itemKey, description })).status).toBe(303);
      const beside = await (await admin.get(base)).text();
      const table = beside.slice(beside.indexOf('class="utrecht-table signals-beside"'), beside.indexOf('</table>', beside.indexOf('signals-beside')));
      expect(table).toContain('Daltonschool Horizon');
      expect(table).toContain('minder dan 5');
      expect(table).toMatch(/Voldoet|Voldoet niet|Kan niet beoordelen|Geen norm/);
      expect(table).toContain(`href="/profielen/`);
      expect(beside).not.toContain(description);
      const ownBeside = await (await supportPoint.get(base)).text();
      expect(ownBeside.slice(ownBeside.indexOf('signals-beside'))).toMatch(/<td class="utrecht-table__cell">1<\/td>/);

      // Sharing a description with the school: only the support point, audited; the school then reads it.
      const signalId = /action="\/swv\/[^"]+\/signalen\/([0-9a-f-]{36})\/delen"/.exec(ownBeside)![1]!;
      expect((await admin.post(`${base}/${signalId}/delen`, { shared: 'ja' })).status).toBe(403);
      expect((await supportPoint.post(`${base}/${signalId}/delen`, { shared: 'ja' })).status).toBe(303);
      const sharedHtml = await (await (await TestClient.signedIn(app, horizonEditorId)).get(`/scholen/${demo.schoolIds['horizon']}/signalen`)).text();
      expect(sharedHtml).toContain('Beschrijvingen die het samenwerkingsverband met u deelde');
      expect(sharedHtml).toContain(description);
      expect(await app.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'signal.share'), eq(auditLog.entityId, signalId)))).toHaveLength(1);
      expect((await supportPoint.post(`${base}/${signalId}/delen`, { shared: 'nee' })).status).toBe(303);
      expect(await (await (await TestClient.signedIn(app, horizonEditorId)).get(`/scholen/${demo.schoolIds['horizon']}/signalen`)).text()).not.toContain(description);
      // Another SWV's signal id is not found.
      expect((await supportPoint.post(`${base}/${crypto.randomUUID()}/delen`, { shared: 'ja' })).status).toBe(404);
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
      expect(await app.deps.db.select().from(membershipScopes)).toHaveLength(4); // with the demo adviser's
      // A board of another SWV is refused with a message, not a 500.
      const foreign = await admin.post(path, { name: 'Cor Consulent', email: 'consulent2@voorbeeldstad.example', role: 'partnership_adviser', placeId: app.other.schoolId });
      expect(foreign.status).toBe(400);
      expect(await foreign.text()).toContain('Kies een bestuur of school van dit samenwerkingsverband');
    });

    it('invites an adviser for several boards and schools at once, and the user list shows them', async () => {
      const admin = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      const path = `/swv/${app.demo.partnershipId}/gebruikers`;
      const form = await (await admin.get(path)).text();
      expect(form).toContain('Alleen voor een adviseur: voor welke besturen en scholen?');
      const places = [app.demo.boardIds['linde']!, app.demo.schoolIds['horizon']!, app.demo.schoolIds['vlinder']!];
      const invited = await admin.post(path, { name: 'Anna Ambulant', email: 'ambulant@voorbeeldstad.example', role: 'partnership_adviser', placeId: '', adviserPlaceIds: places });
      expect(invited.status).toBe(200);
      const [user] = await app.deps.db.select().from(users).where(eq(users.email, 'ambulant@voorbeeldstad.example'));
      const principal = (await loadPrincipal(app.deps.db, user!.id))!;
      expect(principal.memberships).toHaveLength(1);
      expect(principal.memberships[0]!.limitedTo?.boardIds).toEqual([app.demo.boardIds['linde']]);
      expect([...principal.memberships[0]!.limitedTo!.schoolIds].sort()).toEqual([app.demo.schoolIds['horizon'], app.demo.schoolIds['vlinder']].sort());
      // The same places again: nothing new, said so; one more school: added to the same role.
      expect((await admin.post(path, { name: 'Anna Ambulant', email: 'ambulant@voorbeeldstad.example', role: 'partnership_adviser', adviserPlaceIds: places })).status).toBe(400);
      expect((await admin.post(path, { name: 'Anna Ambulant', email: 'ambulant@voorbeeldstad.example', role: 'partnership_adviser', adviserPlaceIds: [...places, app.demo.schoolIds['regenboog']!] })).status).toBe(200);
      expect((await loadPrincipal(app.deps.db, user!.id))!.memberships[0]!.limitedTo!.schoolIds).toHaveLength(3);
      const list = await (await admin.get(path)).text();
      const row = list.slice(list.indexOf('Anna Ambulant'), list.indexOf('</tr>', list.indexOf('Anna Ambulant')));
      expect(row).toMatch(/alleen: [^<]*Daltonschool Horizon/);
      expect(row).toContain('De Regenboog');
      // A place of another SWV among them is refused, and nothing is granted.
      const foreign = await admin.post(path, { name: 'Bo Buiten', email: 'buiten@voorbeeldstad.example', role: 'partnership_adviser', adviserPlaceIds: [app.demo.schoolIds['horizon']!, app.other.schoolId] });
      expect(foreign.status).toBe(400);
      expect(await app.deps.db.select().from(users).where(eq(users.email, 'buiten@voorbeeldstad.example'))).toHaveLength(0);
    });
  });
}
