/**
 * Every route the app serves × every role × another tenant's data.
 *
 * The expectations below are written by hand, independent of src/auth/policy.ts:
 * - a route the app serves but this table does not list fails the test;
 * - removing any single guard (replacing a route's rule by "signed in") fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRouteTable } from '../src/app.js';
import { signedIn } from '../src/ui/route.js';
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
    });
    afterAll(async () => testApp?.close());

    it('lists every route the app serves', () => {
      const served = testApp.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
      const unlisted = [...new Set(served)].filter((key) => !(key in EXPECTED_ACCESS));
      expect(unlisted, 'routes without an entry in EXPECTED_ACCESS').toEqual([]);
      const declared = table.routes.map((r) => `${r.method} ${r.path}`);
      expect(new Set(served)).toEqual(new Set(declared));
    });

    const request = async (client: TestClient, method: string, path: string) =>
      method === 'GET' ? client.get(path) : client.post(path, {});

    // GET routes first, then POST routes, so a permitted POST (which may change state) cannot affect a GET cell.
    const ordered = [...table.routes].sort((a, b) => (a.method === b.method ? 0 : a.method === 'GET' ? -1 : 1));
    for (const route of ordered) {
      const key = `${route.method} ${route.path}`;
      it(`${key}: only the expected personas get through`, async () => {
        const expected = EXPECTED_ACCESS[key];
        expect(expected, `no expectation for ${key}`).toBeDefined();
        const path = fixtures.fillPath(route.path);
        const mismatches: string[] = [];
        for (const persona of PERSONAS) {
          const response = await request(await clientFor(persona), route.method, path);
          const allowed = !isDenied(response);
          if (allowed !== expected!.includes(persona)) mismatches.push(`${persona}: got ${response.status}, expected ${expected!.includes(persona) ? 'access' : 'denial'}`);
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
            const response = await request(await clientFor(persona), route.method, path);
            const ok = persona === 'anonymous' ? isDenied(response) : response.status === 404 || (isDenied(response) && !EXPECTED_ACCESS[key]!.includes(persona));
            if (!ok) mismatches.push(`${persona}: got ${response.status}`);
          }
          expect(mismatches).toEqual([]);
        });
      }
    }

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
          const response = await request(await clientFor(persona, app), route.method, fixtures.fillPath(route.path));
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
