/**
 * Every route the app serves × every role × another tenant's data.
 *
 * The expectations below are written by hand, independent of src/auth/policy.ts:
 * - a route the app serves but this table does not list fails the test;
 * - removing any single guard (replacing a route's rule by "signed in") fails the test.
 * POST routes get a valid body: the fields of the app's own form that posts there (read from the GET pages, as a
 * browser would send them), so a persona past a guard is not stopped by a 400 on an empty body. For every POST
 * route, the personas that must be denied go first and no table may change (tests/support/table-checksums.ts).
 * test/scope-assertions.test.ts switches off the use cases' scope assertions one by one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRouteTable } from '../src/app.js';
import { signedIn } from '../src/ui/route.js';
import { postForms } from './support/form-fields.js';
import { changedTables, tableChecksums } from './support/table-checksums.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';
import { matrixFixtures, type MatrixFixtures } from './support/matrix-fixtures.js';
import { isIdParameter } from './support/matrix-other-tenant.js';

/** Personas: roles in the demo SWV (A) and in a second SWV (B). */
const PERSONAS = [
  'anonymous',
  'platform_admin',
  'swv_admin',
  'board_user',
  'board_user_other_board',
  'school_editor',
  'school_editor_other_school',
  'council_member',
  'swv_adviser',
  'support_point',
  'b_swv_admin',
  'b_board_user',
  'b_school_editor',
  'b_council_member',
] as const;
type Persona = (typeof PERSONAS)[number];

const EVERYONE: readonly Persona[] = PERSONAS;
const SIGNED_IN = PERSONAS.filter((p) => p !== 'anonymous');
const SWV_ADMINS: Persona[] = ['platform_admin', 'swv_admin'];
const SCHOOL_READERS: Persona[] = ['swv_admin', 'board_user', 'school_editor', 'council_member'];

/**
 * Who may use each route, with path parameters pointing at SWV A's data
 * (school De Regenboog of board SPOV). Keys are "METHOD path" exactly as registered.
 */
export const EXPECTED_ACCESS: Record<string, readonly Persona[]> = {
  'GET /health': EVERYONE,
  'GET /static/*': EVERYONE,
  'GET /': EVERYONE,
  'GET /inloggen': EVERYONE,
  'POST /inloggen': EVERYONE,
  'POST /uitloggen': EVERYONE,
  'POST /taal': EVERYONE,
  'GET /wachtwoord-vergeten': EVERYONE,
  'POST /wachtwoord-vergeten': EVERYONE,
  'GET /uitnodiging/:token': EVERYONE,
  'POST /uitnodiging/:token': EVERYONE,
  'GET /wachtwoord-herstellen/:token': EVERYONE,
  'POST /wachtwoord-herstellen/:token': EVERYONE,
  'GET /beheer': ['platform_admin'],
  'POST /beheer/swv': ['platform_admin'],
  'GET /swv/:partnershipId/scholen/nieuw': SWV_ADMINS,
  'POST /swv/:partnershipId/scholen': SWV_ADMINS,
  'GET /swv/:partnershipId': SWV_ADMINS,
  'GET /swv/:partnershipId/gebruikers': SWV_ADMINS,
  'POST /swv/:partnershipId/gebruikers': SWV_ADMINS,
  'GET /swv/:partnershipId/gebruikers/:membershipId/intrekken': SWV_ADMINS,
  'POST /swv/:partnershipId/gebruikers/:membershipId/intrekken': SWV_ADMINS,
  'POST /swv/:partnershipId/gebruikers/:userId/uitnodiging-opnieuw': SWV_ADMINS,
  'GET /swv/:partnershipId/instellingen': SWV_ADMINS,
  'POST /swv/:partnershipId/instellingen': SWV_ADMINS,
  'GET /besturen/:boardId': ['swv_admin', 'board_user'],
  // The platform administrator sets up the register and reaches a school's page (not its profile).
  // The SWV adviser reads the pages of the schools they advise (issue 14).
  'GET /scholen/:schoolId': ['platform_admin', ...SCHOOL_READERS, 'swv_adviser'],
  ...(await import('./support/matrix-expectations.js')).featureExpectations({ EVERYONE, SIGNED_IN, SWV_ADMINS, SCHOOL_READERS }),
};

/**
 * Tables a signed-in POST may change without an audit row: a persona's session and log-in bookkeeping, and queued
 * jobs (mail, documents), which follow from an audited change.
 */
const NOT_AUDITED = new Set(['sessions', 'login_attempts', 'jobs']);

/** POST routes the matrix reaches without a body read from a form (see the test that checks this list). */
const ROUTES_WITHOUT_FORM_BODY = [
  // Two-step verification: the code step needs a pending log-in (a right password first); confirming needs a
  // set-up in progress, turning off one that is on.
  '/inloggen/code',
  '/mijn-account/tweestapsverificatie/bevestigen',
  '/mijn-account/tweestapsverificatie/uitzetten',
  '/uitnodiging-rol/:token',
  '/uitnodiging/:token',
  '/wachtwoord-herstellen/:token',
  '/scholen/:schoolId/terugzetten',
  '/besturen/:boardId/terugzetten',
  // The platform's removal button shows only for a person who has a second factor on (nobody in the fixtures).
  '/swv/:partnershipId/gebruikers/:userId/tweestapsverificatie-verwijderen',
  '/swv/:partnershipId/vragenlijsten/:templateId/nieuwe-conceptversie',
  '/swv/:partnershipId/vragenlijsten/versies/:templateVersionId/schalen/:templateScaleKey/verwijderen',
  '/swv/:partnershipId/cyclus/:schoolYear/openen',
  '/profielen/:profileId/indienen',
  '/profielen/:profileId/advies',
  '/profielen/:profileId/vaststellen',
  '/profielen/:profileId/publiceren',
  '/profielen/:profileId/heropenen',
  '/profielen/:profileId/opmerkingen',
  '/profielen/:profileId/opmerkingen/antwoord',
  '/profielen/:profileId/antwoorden/:itemKey/bevestigen',
  // The send form appears only on the preview page, which a POST of the table shows.
  '/swv/:partnershipId/gebruikers/meerdere-uitnodigen/versturen',
  '/profielen/:profileId/plausibiliteit',
  // Only the support point sees the signal form, and only once the SWV has made a theme (none in the fixtures).
  '/swv/:partnershipId/signalen',
  // The share form is on the support point's own list only (the harvest reads the SWV's, schools' and boards' pages).
  '/swv/:partnershipId/signalen/:signalId/delen',
  // The example questions are offered only to an SWV without questions; the fixtures' SWV has one.
  '/swv/:partnershipId/peilingvragen/voorbeeld',
];

function isDenied(response: Response): boolean {
  if ([401, 403, 404].includes(response.status)) return true;
  const location = response.headers.get('location') ?? '';
  return response.status >= 300 && response.status < 400 && location.startsWith('/inloggen?terug=');
}

for (const kind of TEST_DATABASE_KINDS) {
  describe(`authorization matrix (${kind})`, () => {
    let testApp: TestApp;
    let fixtures: MatrixFixtures;
    const table = buildRouteTable();
    let userIds: Record<Exclude<Persona, 'anonymous'>, string>;

    /** Fresh sessions for every persona, so a permitted log-out in one cell cannot affect the next. */
    async function clientFor(persona: Persona, app = testApp.app): Promise<TestClient> {
      if (persona === 'anonymous') return TestClient.anonymous(app);
      return TestClient.signedIn(testApp, userIds[persona], app);
    }

    beforeAll(async () => {
      testApp = await createTestApp(kind);
      fixtures = await matrixFixtures(testApp);
      const { demo, other } = testApp;
      userIds = {
        platform_admin: demo.userIds['beheer@opensop.example']!,
        swv_admin: demo.userIds['swv@voorbeeldstad.example']!,
        board_user: demo.userIds['bestuur@spov.example']!,
        board_user_other_board: fixtures.otherBoardUserId,
        school_editor: demo.userIds['ib@regenboog.example']!,
        school_editor_other_school: demo.userIds['ib@vlinder.example']!,
        council_member: demo.userIds['mr@regenboog.example']!,
        swv_adviser: fixtures.adviserUserId,
        support_point: fixtures.supportPointUserId,
        b_swv_admin: other.userIds.partnership_admin,
        b_board_user: other.userIds.board_user,
        b_school_editor: other.userIds.school_editor,
        b_council_member: other.userIds.council_member,
      };
      bodies = await harvestBodies();
      // This hook seeds two SWVs and opens every page as each persona that may (to read their forms): on a busy
      // two-core machine that outgrows the default hook time, so this one hook gets more.
    }, 240_000);
    afterAll(async () => testApp?.close());

    it('lists every route the app serves', () => {
      const served = testApp.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
      const unlisted = [...new Set(served)].filter((key) => !(key in EXPECTED_ACCESS));
      expect(unlisted, 'routes without an entry in EXPECTED_ACCESS').toEqual([]);
      const declared = table.routes.map((r) => `${r.method} ${r.path}`);
      expect(new Set(served)).toEqual(new Set(declared));
    });

    /** The autosave endpoint takes JSON: one valid change (a section's "what the school cannot offer"). */
    const AUTOSAVE = '/profielen/:profileId/antwoorden';
    const autosaveBody = () => ({ itemKey: fixtures.fillPath(':sectionKey'), field: 'limits', value: 'Wij bieden geen intensieve medische zorg op school.', baseRevision: 0 });

    /** Changes found by the audit walk without an audit row. */
    const unaudited: string[] = [];

    /** Valid bodies by concrete path: the forms of every page the expected personas can open. */
    let bodies: Map<string, Record<string, string | string[]>>;
    async function harvestBodies(): Promise<Map<string, Record<string, string | string[]>>> {
      const found = new Map<string, Record<string, string | string[]>>();
      const preference: Persona[] = ['swv_admin', 'school_editor', 'board_user', 'council_member', 'platform_admin', 'anonymous'];
      for (const route of table.routes) {
        if (route.method !== 'GET' || route.path.includes('*')) continue;
        const expected = EXPECTED_ACCESS[`GET ${route.path}`] ?? [];
        const pagePath = fixtures.fillPath(route.path);
        // Each persona that may open the page sees its own forms (an SWV admin reads a profile, a school edits it).
        for (const persona of preference.filter((candidate) => expected.includes(candidate))) {
          const response = await (await clientFor(persona)).get(pagePath);
          if (response.status !== 200 || !(response.headers.get('content-type') ?? '').includes('text/html')) continue;
          for (const form of postForms(await response.text(), pagePath)) {
            const path = form.action.split('?')[0]!;
            if (!found.has(path)) found.set(path, form.fields);
          }
        }
      }
      return found;
    }

    const request = async (client: TestClient, method: string, path: string, routePath = '') => {
      if (method === 'GET') return client.get(path);
      if (routePath === AUTOSAVE) return client.postJson(path, autosaveBody());
      return client.post(path, bodies.get(path.split('?')[0]!) ?? {});
    };

    it('has a valid body for every POST route that a page of the app posts to', () => {
      const withoutBody = table.routes
        .filter((route) => route.method === 'POST' && route.path !== AUTOSAVE && !bodies.has(fixtures.fillPath(route.path).split('?')[0]!))
        .map((route) => route.path);
      console.log(`matrix: ${bodies.size} form bodies harvested; POST routes without a form body: ${JSON.stringify(withoutBody)}`);
      // No page shows these forms in the fixtures' state (a token link, an archived school, a profile not yet
      // submitted, a round not yet due); most post no field but the CSRF token. A new route belongs here only with a reason.
      expect(withoutBody).toEqual(ROUTES_WITHOUT_FORM_BODY);
    });

    // GET routes first, then POST routes, so a permitted POST (which may change state) cannot affect a GET cell.
    const ordered = [...table.routes].sort((a, b) => (a.method === b.method ? 0 : a.method === 'GET' ? -1 : 1));
    for (const route of ordered) {
      const key = `${route.method} ${route.path}`;
      it(`${key}: only the expected personas get through`, async () => {
        const expected = EXPECTED_ACCESS[key];
        expect(expected, `no expectation for ${key}`).toBeDefined();
        const path = fixtures.fillPath(route.path);
        const mismatches: string[] = [];
        // Denied personas first: with a valid body, none of their requests may change a table.
        const ordered = [...PERSONAS].sort((a, b) => Number(expected!.includes(a)) - Number(expected!.includes(b)));
        const before = route.method === 'POST' ? await tableChecksums(testApp.deps.db) : null;
        let checked = false;
        let changedByEarlier = false;
        for (const persona of ordered) {
          if (before && !checked && expected!.includes(persona)) {
            checked = true;
            const changed = changedTables(before, await tableChecksums(testApp.deps.db));
            if (changed.length > 0) mismatches.push(`denied personas changed ${changed.join(', ')}`);
          }
          const auditWalk = route.method === 'POST' && persona !== 'anonymous' && expected!.includes(persona);
          const beforeRequest = auditWalk ? await tableChecksums(testApp.deps.db) : null;
          const response = await request(await clientFor(persona), route.method, path, route.path);
          const allowed = !isDenied(response);
          // A valid body really acts: after an earlier permitted persona removed the resource (revoked the role),
          // the next one finds nothing there (404). That is not a denial of this persona.
          const consumed = response.status === 404 && changedByEarlier;
          if (allowed !== expected!.includes(persona) && !consumed) mismatches.push(`${persona}: got ${response.status}, expected ${expected!.includes(persona) ? 'access' : 'denial'}`);
          if (beforeRequest) {
            const changed = changedTables(beforeRequest, await tableChecksums(testApp.deps.db)).filter((name) => !NOT_AUDITED.has(name));
            if (changed.length > 0) changedByEarlier = true;
            if (changed.length > 0 && !changed.includes('audit_log')) unaudited.push(`${key} as ${persona} (${response.status}): changed ${changed.join(', ')} without an audit row`);
          }
        }
        if (before && !checked) {
          const changed = changedTables(before, await tableChecksums(testApp.deps.db));
          if (changed.length > 0) mismatches.push(`denied personas changed ${changed.join(', ')}`);
        }
        expect(mismatches).toEqual([]);
      });
    }

    // Routes with two or more ids: SWV A's outer ids with SWV B's inner resource. The guard passes on A's ids,
    // so only the use case's tenant filter stands between A's admin and B's data: everyone must get 404
    // (anonymous visitors are sent to log in).
    const multiId = ordered.filter((route) => (route.path.match(/:(\w+)/g) ?? []).filter((p) => isIdParameter(p.slice(1))).length > 1);
    it('has cross-tenant cells for every route with more than one id', () => {
      expect(multiId.length).toBeGreaterThan(0);
    });
    for (const route of multiId) {
      const key = `${route.method} ${route.path}`;
      const inner = (route.path.match(/:(\w+)/g) ?? []).map((p) => p.slice(1)).filter(isIdParameter).slice(1);
      for (const name of inner) {
        it(`${key} with SWV B's ${name}: 404 for everyone`, async () => {
          const value = fixtures.otherTenant[name];
          expect(value, `matrix-other-tenant: no SWV B value for :${name}`).toBeDefined();
          const path = fixtures.fillPath(route.path, { [name]: value! });
          const mismatches: string[] = [];
          for (const persona of PERSONAS) {
            const response = await request(await clientFor(persona), route.method, path, route.path);
            const ok = persona === 'anonymous' ? isDenied(response) : response.status === 404 || (isDenied(response) && !EXPECTED_ACCESS[key]!.includes(persona));
            if (!ok) mismatches.push(`${persona}: got ${response.status}`);
          }
          expect(mismatches).toEqual([]);
        });
      }
    }

    it('audits every signed-in POST that changed data (walked in the cells above)', () => {
      expect(unaudited).toEqual([]);
    });

    it('fails when any single guard is removed', async () => {
      const guarded = table.routes.filter((r) => r.access.kind === 'permission');
      const undetected: string[] = [];
      for (const route of guarded) {
        const weakened = buildRouteTable();
        const target = weakened.routes.find((r) => r.method === route.method && r.path === route.path)!;
        target.access = signedIn;
        const app = testApp.appWith(weakened);
        const expected = EXPECTED_ACCESS[`${route.method} ${route.path}`]!;
        let detected = false;
        for (const persona of PERSONAS) {
          if (persona === 'anonymous' || expected.includes(persona)) continue;
          const response = await request(await clientFor(persona, app), route.method, fixtures.fillPath(route.path), route.path);
          if (!isDenied(response)) {
            detected = true;
            break;
          }
        }
        if (!detected) undetected.push(`${route.method} ${route.path}`);
      }
      expect(undetected, 'routes whose guard can be removed without any persona gaining access').toEqual([]);
    });
  });
}
