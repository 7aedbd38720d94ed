/**
 * The English interface is English in its error messages too (issue 9): every signed-in POST route gets a form
 * that fails (only the CSRF token: every field missing; BROKEN_BODIES where an empty form is a valid one) from a
 * persona whose language is English (stored with the user, as the language switch does), and the answer must hold
 * no Dutch catalogue text. One request per route and persona tried, on every test database. The persona is the first of a fixed list the route lets in (path parameters
 * from the authorization matrix's fixtures); the answers that refuse a persona are searched as well. What still
 * leaks is listed in KNOWN_DUTCH, with its reason (debt: shrink it, never grow it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildRouteTable } from '../src/app.js';
import { users } from '../src/features/accounts/schema.js';
import { templateVersions } from '../src/features/templates/schema.js';
import { allCatalogues, dutchFragments, visibleText } from './support/dutch-text.js';
import { matrixFixtures, type MatrixFixtures } from './support/matrix-fixtures.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

/** Dutch an English user still gets from a refused form, by route. Empty means every refusal is English. */
const KNOWN_DUTCH: Record<string, readonly string[]> = {};

/** Forms for which no fields is a valid post (nothing to change): a body with one row broken instead. */
const BROKEN_BODIES: Record<string, Record<string, string>> = {
  '/swv/:partnershipId/verscheidenheid/categorieen': { name_new1: '', factor_new1: 'veel' },
};

/** The autosave endpoint takes JSON; it gets an empty object. */
const AUTOSAVE = '/profielen/:profileId/antwoorden';

/** Tried in this order; the first whose answer is not a refusal of the persona (401/403/404, or log in) counts. */
const PERSONAS = [
  'swv@voorbeeldstad.example',
  'ib@regenboog.example',
  'bestuur@spov.example',
  'mr@regenboog.example',
  'beheer@opensop.example',
  'adviseur@voorbeeldstad.example',
  'steunpunt@voorbeeldstad.example',
] as const;

function isDenied(response: Response): boolean {
  if ([401, 403, 404].includes(response.status)) return true;
  return response.status >= 300 && response.status < 400 && (response.headers.get('location') ?? '').startsWith('/inloggen');
}

for (const kind of TEST_DATABASE_KINDS) {
  describe(`English error messages (${kind})`, () => {
    let testApp: TestApp;
    let fixtures: MatrixFixtures;
    let fragments: string[];
    const clients = new Map<string, TestClient>();

    beforeAll(async () => {
      // Mid-cycle: profiles take answers, so the forms reach their use cases.
      testApp = await createTestApp(kind, { now: '2026-10-12T10:00:00+02:00' });
      fixtures = await matrixFixtures(testApp);
      const definitions = await testApp.deps.db.select({ definition: templateVersions.definition }).from(templateVersions);
      const data = JSON.stringify(definitions);
      fragments = dutchFragments(await allCatalogues()).filter((fragment) => !data.includes(fragment));
      // Every persona chose English: their stored language (the principal's locale), no cookie.
      for (const email of PERSONAS) {
        await testApp.deps.db.update(users).set({ locale: 'en' }).where(eq(users.id, testApp.demo.userIds[email]!));
      }
    }, 180_000);
    afterAll(async () => testApp?.close());

    async function clientFor(email: string): Promise<TestClient> {
      let client = clients.get(email);
      if (!client) {
        client = await TestClient.signedIn(testApp, testApp.demo.userIds[email]!);
        clients.set(email, client);
      }
      return client;
    }

    it('answers a refused form in English on every signed-in POST route', async () => {
      const leaks: Record<string, string[]> = {};
      const accepted: string[] = [];
      const nobody: string[] = [];
      const statuses = new Map<number, number>();
      let requests = 0;
      const started = performance.now();
      for (const route of buildRouteTable().routes) {
        if (route.method !== 'POST' || route.access.kind === 'public') continue;
        const path = fixtures.fillPath(route.path);
        let reached = false;
        const found = new Set<string>();
        for (const email of PERSONAS) {
          const client = await clientFor(email);
          const response = route.path === AUTOSAVE ? await client.postJson(path, {}) : await client.post(path, BROKEN_BODIES[route.path] ?? {});
          requests++;
          const text = visibleText(await response.text());
          for (const fragment of fragments) if (text.includes(fragment)) found.add(fragment);
          if (isDenied(response)) continue;
          reached = true;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status < 400) accepted.push(`${route.path} (${response.status})`);
          break;
        }
        if (!reached) nobody.push(route.path);
        if (found.size > 0) leaks[route.path] = [...found].sort();
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(`english errors (${kind}): ${requests} requests in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
      console.log(`english errors (${kind}): accepted without fields: ${JSON.stringify(accepted)}; no persona let in: ${JSON.stringify(nobody)}`);
      expect(leaks).toEqual(KNOWN_DUTCH);
      // The walk reached the use cases: most routes refused the form (400, 409, 413, 422) rather than a persona.
      const refusedForms = [...statuses].filter(([status]) => status >= 400).reduce((sum, [, n]) => sum + n, 0);
      expect(refusedForms).toBeGreaterThan(50);
    }, 120_000);
  });
}
