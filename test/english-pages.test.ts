/**
 * The English interface is English: every page the app serves (as the first persona that may open it, path
 * parameters from the authorization matrix's fixtures) is rendered in English and searched for the Dutch side of every
 * catalogue. Template and school texts are data and stay as written; catalogue Dutch that also occurs in the
 * templates is left out, and so is every element marked `lang="nl"` (generated documents, the school-guide fragment:
 * Dutch on purpose). Dutch written outside the catalogues is not found by this test (see issue 9). Cookie-less public
 * pages (parents, the pupil poll) are visited with `?lang=en`, as their language comes from the URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRouteTable } from '../src/app.js';
import { cookielessMatcher } from '../src/ui/route.js';
import { templateVersions } from '../src/features/templates/schema.js';
import { allCatalogues, dutchFragments, visibleText } from './support/dutch-text.js';
import { matrixFixtures, type MatrixFixtures } from './support/matrix-fixtures.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';

describe('the English interface', () => {
  let testApp: TestApp;
  let fixtures: MatrixFixtures;
  let fragments: string[];
  const clients = new Map<string, TestClient>();

  beforeAll(async () => {
    testApp = await createTestApp('pglite');
    fixtures = await matrixFixtures(testApp);
    // Catalogue Dutch that is also template data (a section called "Extra ondersteuning") is data on these pages.
    const definitions = await testApp.deps.db.select({ definition: templateVersions.definition }).from(templateVersions);
    const data = JSON.stringify(definitions);
    fragments = dutchFragments(await allCatalogues()).filter((fragment) => !data.includes(fragment));
    // Seeding two SWVs on a busy two-core machine can outgrow the default hook time.
  }, 180_000);
  afterAll(async () => testApp?.close());

  async function englishClient(email: string | null): Promise<TestClient> {
    const key = email ?? 'anonymous';
    let client = clients.get(key);
    if (!client) {
      client = email ? await TestClient.signedIn(testApp, testApp.demo.userIds[email]!) : await TestClient.anonymous(testApp.app);
      await client.post('/taal', { locale: 'en', returnTo: '/' });
      clients.set(key, client);
    }
    return client;
  }

  it('shows no Dutch interface text on any page', async () => {
    expect(fragments.length).toBeGreaterThan(100);
    const personas: Array<[string, string | null]> = [
      ['swv_admin', 'swv@voorbeeldstad.example'],
      ['school_editor', 'ib@regenboog.example'],
      ['board_user', 'bestuur@spov.example'],
      ['council_member', 'mr@regenboog.example'],
      ['platform_admin', 'beheer@opensop.example'],
      ['anonymous', null],
    ];
    const leaks: Record<string, string[]> = {};
    let pages = 0;
    const table = buildRouteTable();
    const isCookieless = cookielessMatcher(table);
    for (const route of table.routes) {
      if (route.method !== 'GET' || route.path.includes('*')) continue;
      // Cookie-less public pages (parents, the pupil poll) take their language from the URL, not from the visitor's choice.
      const filled = fixtures.fillPath(route.path);
      const url = isCookieless('GET', filled.split('?')[0]!) ? `${filled}${filled.includes('?') ? '&' : '?'}lang=en` : filled;
      let html: string | null = null;
      for (const [, email] of personas) {
        const response = await (await englishClient(email)).get(url);
        if (response.status === 200 && (response.headers.get('content-type') ?? '').includes('text/html')) {
          html = await response.text();
          break;
        }
      }
      if (html === null) continue;
      pages++;
      const text = visibleText(html);
      const found = fragments.filter((fragment) => text.includes(fragment));
      if (found.length > 0) leaks[route.path] = found.sort();
    }
    console.log(`english pages: ${pages} pages checked`);
    expect(pages).toBeGreaterThan(20);
    expect(leaks).toEqual({});
  });
});
