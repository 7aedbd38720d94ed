/**
 * Public pages for parents (issue 13), on the demo data (profiles in every state, last year's published) plus a
 * second SWV with a published profile of its own. Everything not published is marked with a secret word in
 * every field it has (answers, parent texts, limits, council advice, review remarks, non-public contacts); every
 * public route is crawled and must show none of them.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewRemarks } from '../src/features/cycle/schema.js';
import { schoolContacts, schools } from '../src/features/partnerships/schema.js';
import { answers, profiles } from '../src/features/questionnaire/schema.js';
import { buildRouteTable } from '../src/app.js';
import { publicContentChanged } from '../src/features/public/api.js';
import { loadPublicSwv } from '../src/features/public/public-data.js';
import { isReservedSlug, RESERVED_FIRST_SEGMENTS } from '../src/ui/reserved-paths.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const SECRET = 'GEHEIM';
const OTHER_SWV_SECRET = 'RIVIERWOORD';

async function text(response: Response): Promise<string> {
  return response.text();
}

for (const kind of TEST_DATABASE_KINDS) {
  describe(`public pages (${kind})`, () => {
    let t: TestApp;
    let states: Array<{ schoolId: string; schoolYear: string; status: string; locationCode: string; name: string }>;

    beforeAll(async () => {
      t = await createTestApp(kind);
      const db = t.deps.db;
      states = await db
        .select({ schoolId: profiles.schoolId, schoolYear: profiles.schoolYear, status: profiles.status, locationCode: schools.locationCode, name: schools.name })
        .from(profiles)
        .innerJoin(schools, eq(schools.id, profiles.schoolId))
        .where(eq(profiles.partnershipId, t.demo.partnershipId));
      // Every field of every unpublished profile carries the secret word (answers of any kind, parent texts, limits).
      const unpublished = (await db.select({ id: profiles.id, status: profiles.status }).from(profiles).where(ne(profiles.status, 'published')));
      for (const profile of unpublished) {
        await db.update(answers).set({ value: `${SECRET}-${profile.status}`, parentText: `${SECRET}-ouder-${profile.status}` }).where(eq(answers.profileId, profile.id));
      }
      // Council advice and review remarks are never public, not even of a published profile.
      await db.update(profiles).set({ adviceText: `${SECRET}-advies` });
      const published = await db.select({ id: profiles.id }).from(profiles).where(eq(profiles.status, 'published'));
      for (const profile of published) {
        await db.insert(reviewRemarks).values({ id: crypto.randomUUID(), profileId: profile.id, itemKey: null, body: `${SECRET}-opmerking`, createdAt: t.clock.now() });
      }
      // Contacts not marked public.
      await db.update(schoolContacts).set({ topic: `${SECRET}-contact` }).where(eq(schoolContacts.showToParents, false));
      // The second SWV publishes a profile of its own (on the demo template: the content does not matter here).
      const [template] = await db.select({ versionId: profiles.templateVersionId }).from(profiles).where(eq(profiles.status, 'published')).limit(1);
      const otherProfileId = crypto.randomUUID();
      await db.insert(profiles).values({
        id: otherProfileId,
        partnershipId: t.other.partnershipId,
        schoolId: t.other.schoolId,
        schoolYear: '2025-2026',
        templateVersionId: template!.versionId,
        status: 'published',
        publishedAt: t.clock.now(),
        createdAt: t.clock.now(),
        updatedAt: t.clock.now(),
      });
      await db.insert(answers).values({ profileId: otherProfileId, itemKey: 'limits:__overall', partnershipId: t.other.partnershipId, schoolYear: '2025-2026', value: `${OTHER_SWV_SECRET} grenzen`, updatedAt: t.clock.now() });
    }, 180_000);

    afterAll(async () => {
      await t?.close();
    });

    const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });

    it('has a profile in every state in the demo data, and last year published', () => {
      const statuses = new Set(states.map((s) => s.status));
      for (const status of ['in_progress', 'submitted', 'advised', 'adopted', 'published']) expect(statuses).toContain(status);
    });

    it('shows the SWV page without a cookie, cacheable, with the support point, the SWV texts and the norm', async () => {
      const response = await get('/voorbeeldstad');
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(response.headers.get('cache-control')).toContain('public');
      const body = await text(response);
      expect(body).toContain('Ouder- en Jeugdsteunpunt Voorbeeldstad');
      expect(body).toContain('href="tel:0101234567"');
      expect(body).toContain('Zorgplicht: wat de school moet doen');
      expect(body).toContain('Dit biedt elke school in de regio');
      expect(body).not.toContain('name="_csrf"');
      const again = await get('/voorbeeldstad', { 'if-none-match': response.headers.get('etag')! });
      expect(again.status).toBe(304);
    });

    it('takes the language from the URL, not a cookie', async () => {
      const body = await text(await get('/voorbeeldstad?lang=en'));
      expect(body).toContain('<html lang="en"');
      expect(body).toContain('Find a school');
      expect(body).toContain('href="/voorbeeldstad/scholen/12AB00?lang=en"');
    });

    it('lists a school by its newest published year; a school whose newest profile is not published shows last year', async () => {
      const bySchool = new Map<string, typeof states>();
      for (const s of states) bySchool.set(s.schoolId, [...(bySchool.get(s.schoolId) ?? []), s]);
      for (const rows of bySchool.values()) {
        const published = rows.filter((r) => r.status === 'published').sort((a, b) => b.schoolYear.localeCompare(a.schoolYear));
        const response = await get(`/voorbeeldstad/scholen/${rows[0]!.locationCode}`);
        if (published.length === 0) {
          expect(response.status).toBe(404);
          continue;
        }
        expect(response.status).toBe(200);
        expect(await text(response)).toContain(`Schooljaar ${published[0]!.schoolYear}`);
      }
    });

    it('searches by support offered and says why a school matches', async () => {
      const body = await text(await get('/voorbeeldstad/zoeken?ondersteuning=dyslexie'));
      expect(body).toContain('Waarom deze school:');
      expect(body).toMatch(/dyslexie\)?: [^<]+</i);
      const none = await text(await get('/voorbeeldstad/zoeken?ondersteuning=paardrijden+onder+water'));
      expect(none).toContain('Geen school gevonden');
    });

    it('filters by postcode (four digits are enough) and refuses a wrong one with a Dutch message', async () => {
      const body = await text(await get('/voorbeeldstad/zoeken?postcode=2712'));
      const listed = [...body.matchAll(/href="\/voorbeeldstad\/scholen\/([0-9A-Z]+)"/g)].map((m) => m[1]);
      expect(listed.length).toBeGreaterThan(0);
      expect(body).toContain('postcode 2712');
      const rows = await t.deps.db.select({ code: schools.locationCode, postalCode: schools.postalCode }).from(schools).where(inArray(schools.locationCode, listed as string[]));
      for (const row of rows) expect(row.postalCode?.replace(/\s/g, '').startsWith('2712')).toBe(true);
      const wrong = await get('/voorbeeldstad/zoeken?postcode=abc');
      expect(wrong.status).toBe(400);
      expect(await text(wrong)).toContain('Vul de vier cijfers van een postcode in');
    });

    it('shows only contacts the school marked public', async () => {
      const body = await text(await get('/voorbeeldstad/scholen/12AB00'));
      expect(body).toContain('Fatima el Idrissi');
      expect(body).not.toContain('Annelies Bakker');
      expect(body).not.toContain('veiligheid@regenboog.example');
    });

    it('compares two to four schools and refuses one or five', async () => {
      const ok = await get('/voorbeeldstad/vergelijk?school=12AB00&school=14EF00&school=17LM00');
      expect(ok.status).toBe(200);
      const body = await text(ok);
      expect(body).toContain('Vergelijking van 3 scholen');
      expect((await get('/voorbeeldstad/vergelijk?school=12AB00')).status).toBe(400);
    });

    it('gives a clear 404 page for an unknown SWV, school or year', async () => {
      for (const path of ['/bestaat-niet', '/voorbeeldstad/scholen/00XX00', '/voorbeeldstad/scholen/12AB00/1999-2000', '/voorbeeldstad/scholen/99ZZ00', '/rivierenland/scholen/12AB00']) {
        const response = await get(path);
        expect(response.status, path).toBe(404);
        expect(response.headers.get('set-cookie'), path).toBeNull();
        expect(await text(response), path).toContain('Pagina niet gevonden');
      }
    });

    it('never shows unpublished data, council advice, remarks, non-public contacts or another SWV on any public route', async () => {
      const codes = [...new Set(states.map((s) => s.locationCode))];
      const years = [...new Set(states.map((s) => `${s.locationCode}/${s.schoolYear}`))];
      const paths = [
        '/voorbeeldstad',
        '/voorbeeldstad?lang=en',
        '/voorbeeldstad/zoeken?ondersteuning=geheim',
        '/voorbeeldstad/zoeken?ondersteuning=op',
        '/voorbeeldstad/zoeken?naam=de&postcode=27',
        ...codes.map((code) => `/voorbeeldstad/scholen/${code}`),
        ...years.map((path) => `/voorbeeldstad/scholen/${path}`),
        `/voorbeeldstad/vergelijk?${codes.slice(0, 4).map((c) => `school=${c}`).join('&')}`,
        ...codes.map((code) => `/voorbeeldstad/scholen/${code}/documenten/schoolgids`),
        '/toegankelijkheid',
        '/privacy',
        '/api/voorbeeldstad',
        ...codes.map((code) => `/api/voorbeeldstad/scholen/${code}`),
        '/api/voorbeeldstad/aanbod.csv',
        ...codes.map((code) => `/embed/voorbeeldstad/scholen/${code}`),
      ];
      let served = 0;
      for (const path of paths) {
        const response = await get(path);
        const body = await text(response);
        if (response.status === 200) served += 1;
        expect(body, path).not.toContain(SECRET);
        expect(body, path).not.toContain(OTHER_SWV_SECRET);
        expect(body, path).not.toContain('De Waterlelie');
        expect(body, path).not.toContain('Rivierenland');
      }
      expect(served).toBeGreaterThan(10);
      // The test can fail: the other SWV's published text is on its own page.
      const other = await text(await get('/rivierenland/scholen/99ZZ00'));
      expect(other).toContain(OTHER_SWV_SECRET);
      expect(await text(await get('/api/rivierenland/scholen/99ZZ00'))).toContain(OTHER_SWV_SECRET);
    }, 180_000);

    it('lets only the embed be framed, on any site', async () => {
      const embed = await get('/embed/voorbeeldstad/scholen/12AB00');
      expect(embed.status).toBe(200);
      expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
      expect(embed.headers.get('x-frame-options')).toBeNull();
      expect(await text(embed)).toContain('Lees meer over de ondersteuning op deze school');
      for (const path of ['/voorbeeldstad', '/voorbeeldstad/scholen/12AB00', '/api/voorbeeldstad']) {
        const response = await get(path);
        expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
        expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      }
    });

    it('shows the texts the SWV admin writes in the settings, in its own words', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const form = await (await admin.get(`/swv/${t.demo.partnershipId}/instellingen`)).text();
      expect(form).toContain('name="publicDutyOfCare"');
      const saved = await admin.post(`/swv/${t.demo.partnershipId}/instellingen`, {
        name: 'SWV PO Voorbeeldstad',
        primaryColor: '#0b5563',
        supportPointName: 'Ouder- en Jeugdsteunpunt Voorbeeldstad',
        publicRegistration: 'Meld uw kind aan via het formulier van de school.',
        publicDutyOfCare: 'De school zoekt een passende plek.\r\n\r\nDat kan ook een andere school zijn.',
        publicWhereToTurn: '',
      });
      expect(saved.status).toBeLessThan(400);
      const body = await text(await get('/voorbeeldstad'));
      expect(body).toContain('Meld uw kind aan via het formulier van de school.');
      expect(body).toContain('<p class="utrecht-paragraph">Dat kan ook een andere school zijn.</p>');
      expect(body).not.toContain('Waar kunt u terecht als het niet goed gaat?');
      const tooLong = await admin.post(`/swv/${t.demo.partnershipId}/instellingen`, { name: 'SWV PO Voorbeeldstad', primaryColor: '#0b5563', publicRegistration: 'x'.repeat(3001) });
      expect(tooLong.status).toBe(400);
      expect(await tooLong.text()).toContain('Hoogstens 3000 tekens');
    });

    it('serves the public downloads of a published profile only', async () => {
      const pdf = await get('/voorbeeldstad/scholen/12AB00/documenten/ouderposter');
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect((await get('/voorbeeldstad/scholen/12AB00/documenten/sop-docx')).status).toBe(404);
      // The accessible web pages beside the PDFs, linked on the school page.
      for (const name of ['sop-webpagina', 'ouderposter-webpagina']) {
        const page = await get(`/voorbeeldstad/scholen/12AB00/documenten/${name}`);
        expect(page.status, name).toBe(200);
        expect(page.headers.get('content-type'), name).toBe('text/html; charset=utf-8');
        expect((await page.text()).match(/<h1[\s>]/g), name).toHaveLength(1);
      }
      const school = await (await get('/voorbeeldstad/scholen/12AB00')).text();
      expect(school).toContain('/voorbeeldstad/scholen/12AB00/documenten/sop-webpagina');
      expect(school).toContain('/voorbeeldstad/scholen/12AB00/documenten/ouderposter-webpagina');
    }, 120_000);

    it('shows a published profile as it is now after a status change or a new publication (its cached content is keyed on them)', async () => {
      const [row] = await t.deps.db
        .select({ id: profiles.id })
        .from(profiles)
        .innerJoin(schools, eq(schools.id, profiles.schoolId))
        .where(and(eq(schools.locationCode, '12AB00'), eq(profiles.status, 'published')));
      expect(await (await get('/voorbeeldstad/scholen/12AB00')).text()).not.toContain('Nieuwe grenzen van de school');
      await t.deps.db
        .insert(answers)
        .values({ profileId: row!.id, itemKey: 'limits:__overall', partnershipId: t.demo.partnershipId, schoolYear: '2025-2026', value: 'Nieuwe grenzen van de school', updatedAt: t.clock.now() })
        .onConflictDoUpdate({ target: [answers.profileId, answers.itemKey], set: { value: 'Nieuwe grenzen van de school' } });
      // Published again (as the cycle does after a review): updatedAt and publishedAt move on.
      const later = new Date(t.clock.now().getTime() + 60_000);
      await t.deps.db.update(profiles).set({ updatedAt: later, publishedAt: later }).where(eq(profiles.id, row!.id));
      // Written here by hand, so told here what the publishing use case tells the page cache (publishProfile).
      publicContentChanged();
      expect(await (await get('/voorbeeldstad/scholen/12AB00')).text()).toContain('Nieuwe grenzen van de school');
      // Taken off the public pages: gone at once, whatever was cached.
      await t.deps.db.update(profiles).set({ status: 'adopted' }).where(eq(profiles.id, row!.id));
      publicContentChanged();
      expect((await get('/api/voorbeeldstad/scholen/12AB00')).status).toBe(404);
    });

    it('keeps the SWV snapshot exactly as long as the cached pages: until publicContentChanged(), never with the cache off, never a 404', async () => {
      const kept = await loadPublicSwv(t.deps.db, 'voorbeeldstad', 10);
      expect(await loadPublicSwv(t.deps.db, 'Voorbeeldstad', 10)).toBe(kept);
      expect(await loadPublicSwv(t.deps.db, 'voorbeeldstad', 0)).not.toBe(kept);
      publicContentChanged();
      const next = await loadPublicSwv(t.deps.db, 'voorbeeldstad', 10);
      expect(next).not.toBe(kept);
      expect(next.schools.map((school) => school.locationCode)).toEqual(kept.schools.map((school) => school.locationCode));
      await expect(loadPublicSwv(t.deps.db, 'bestaat-niet', 10)).rejects.toMatchObject({ code: 'not_found' });
      await expect(loadPublicSwv(t.deps.db, 'bestaat-niet', 10)).rejects.toMatchObject({ code: 'not_found' });
    });
  });
}

describe('SWV slugs', () => {
  it('reserve every first path segment the app uses itself', () => {
    const segments = new Set(
      buildRouteTable()
        .routes.map((route) => route.path.split('/')[1] ?? '')
        .filter((segment) => segment !== '' && !segment.startsWith(':')),
    );
    for (const segment of segments) expect(RESERVED_FIRST_SEGMENTS, segment).toContain(segment);
    expect(isReservedSlug('Beheer')).toBe(true);
    expect(isReservedSlug('voorbeeldstad')).toBe(false);
  });
});
