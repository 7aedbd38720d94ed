/**
 * The English interface is English: every page the app serves (as the first persona that may open it, path
 * parameters from the authorization matrix's fixtures) is rendered in English and searched for the Dutch side of every
 * catalogue. Template and school texts are data and stay as written; catalogue Dutch that also occurs in the
 * templates is left out, and so is every element marked `lang="nl"` (generated documents, the school-guide fragment:
 * Dutch on purpose). Dates are searched for too: a Dutch month or weekday on an English page fails. Dutch written
 * outside the catalogues is not found by this test (see issue 9). Cookie-less public pages (parents, the pupil poll)
 * are visited with `?lang=en`, as their language comes from the URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRouteTable } from '../src/app.js';
import { cookielessMatcher } from '../src/ui/route.js';
import { answers } from '../src/features/questionnaire/schema.js';
import { templateVersions } from '../src/features/templates/schema.js';
import { allCatalogues, dutchFragments, visibleText } from './support/dutch-text.js';
import { matrixFixtures, type MatrixFixtures } from './support/matrix-fixtures.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';

// "3 december 2026", "3 dec 2026", "3 mrt." (Dutch writes months in lower case; English capitalises them) and the
// Dutch weekdays. Dates that template or school texts hold are data and are left out (writtenData below).
const DUTCH_MONTH = /\b\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\b\.?(?: \d{4})?/g;
const DUTCH_WEEKDAY = /\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b/gi;

/** Dates written the Dutch way in a page's visible text. */
function dutchDatesIn(text: string): string[] {
  return [...new Set([...text.matchAll(DUTCH_MONTH), ...text.matchAll(DUTCH_WEEKDAY)].map((match) => match[0]))].sort();
}

describe('the English interface', () => {
  let testApp: TestApp;
  let fixtures: MatrixFixtures;
  let fragments: string[];
  let writtenData = '';
  const clients = new Map<string, TestClient>();

  beforeAll(async () => {
    testApp = await createTestApp('pglite');
    fixtures = await matrixFixtures(testApp);
    // Catalogue Dutch that is also template data (a section called "Extra ondersteuning") is data on these pages.
    const definitions = await testApp.deps.db.select({ definition: templateVersions.definition }).from(templateVersions);
    const data = JSON.stringify(definitions);
    fragments = dutchFragments(await allCatalogues()).filter((fragment) => !data.includes(fragment));
    // Dates a school or template wrote ("Aantal leerlingen op 1 oktober", an answer "12 maart 2025") are data too.
    const answerRows = await testApp.deps.db.select({ value: answers.value, parentText: answers.parentText }).from(answers);
    writtenData = data + JSON.stringify(answerRows);
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
    // Dates are formatted, not catalogued: a Dutch month or weekday on an English page is a date formatted in Dutch.
    const dutchDates: Record<string, string[]> = {};
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
      const dates = dutchDatesIn(text).filter((date) => !writtenData.includes(date));
      if (dates.length > 0) dutchDates[route.path] = dates;
    }
    console.log(`english pages: ${pages} pages checked`);
    expect(pages).toBeGreaterThan(20);
    expect(leaks).toEqual({});
    expect(dutchDates).toEqual({});
  });
});
