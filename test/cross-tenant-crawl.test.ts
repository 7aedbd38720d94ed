/**
 * The cross-tenant crawl (issue 16): as each persona of SWV A, follow every link reachable from its home page
 * (same-origin GETs, bounded); then replay every URL found as each persona of SWV B and anonymously. No answer
 * to B or to an anonymous visitor may show A's non-public data, found by marker strings planted in it: an answer
 * text, a remark and its reply, a contact person's e-mail address not shown to parents, the name of a school
 * without a published profile. A's public pages (its public page, the pages of published profiles) are public:
 * they may answer B, but carry none of the markers. Runs once, on PGlite.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRouteTable } from '../src/app.js';
import { reviewRemarks } from '../src/features/cycle/schema.js';
import { schoolContacts, schools } from '../src/features/partnerships/schema.js';
import { answers, profiles } from '../src/features/questionnaire/schema.js';
import { matrixFixtures, type MatrixFixtures } from './support/matrix-fixtures.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';

/** Per persona at most this many URLs are visited; per kind of page (the route, and its query's names) at most two. */
const MAX_URLS_PER_PERSONA = 400;
const MAX_PER_PAGE_KIND = 2;

const tag = crypto.randomUUID().slice(0, 8);
const MARKERS = {
  answer: `Onze visie ${tag}: elk kind een plek`,
  remark: `Opmerking van het SWV ${tag}`,
  reply: `Antwoord van de school ${tag}`,
  email: `verborgen.${tag}@regenboog.example`,
  school: `Kindcentrum Verborgen ${tag}`,
};

const A_PERSONAS = ['swv_admin', 'board_user', 'school_editor', 'council_member', 'swv_adviser', 'support_point'] as const;
const B_PERSONAS = ['b_swv_admin', 'b_board_user', 'b_school_editor', 'b_council_member'] as const;

/** GET routes of the app as patterns, to tell the kind of page a URL is. */
const GET_ROUTES = buildRouteTable()
  .routes.filter((route) => route.method === 'GET')
  .map((route) => ({ path: route.path, pattern: new RegExp(`^${route.path.replace(/[.]/g, '\\.').replace(/\*$/, '.*').replace(/:\w+/g, '[^/]+')}$`) }));

/** A URL's kind: the route it matches (the most specific one), with the names of its query parameters. */
function pageKind(url: string): string {
  const [pathName, query = ''] = url.split('?');
  const routes = GET_ROUTES.filter((route) => route.pattern.test(pathName!)).map((route) => route.path);
  const route = routes.sort((a, b) => a.split(':').length - b.split(':').length)[0] ?? pathName!;
  return `${route}?${[...new URLSearchParams(query).keys()].sort().join('&')}`;
}

/** Same-origin links of a page, without fragments; not the static files. */
function linksOf(html: string): string[] {
  const links: string[] = [];
  for (const [, raw] of html.matchAll(/\bhref="([^"]+)"/g)) {
    const href = raw!.replace(/&amp;/g, '&').split('#')[0]!;
    if (!href.startsWith('/') || href.startsWith('//') || href.startsWith('/static/')) continue;
    links.push(href);
  }
  return links;
}

describe('cross-tenant crawl', () => {
  let t: TestApp;
  let fixtures: MatrixFixtures;
  let ids: Record<(typeof A_PERSONAS)[number] | (typeof B_PERSONAS)[number], string>;

  beforeAll(async () => {
    // Mid-cycle: profiles are being answered; last year's are published (public pages exist).
    t = await createTestApp('pglite', { now: '2026-10-12T10:00:00+02:00' });
    fixtures = await matrixFixtures(t);
    const { demo, other } = t;
    ids = {
      swv_admin: demo.userIds['swv@voorbeeldstad.example']!,
      board_user: demo.userIds['bestuur@spov.example']!,
      school_editor: demo.userIds['ib@regenboog.example']!,
      council_member: demo.userIds['mr@regenboog.example']!,
      swv_adviser: fixtures.adviserUserId,
      support_point: fixtures.supportPointUserId,
      b_swv_admin: other.userIds.partnership_admin,
      b_board_user: other.userIds.board_user,
      b_school_editor: other.userIds.school_editor,
      b_council_member: other.userIds.council_member,
    };
    // Plant A's non-public data. An answer in the profile being written (through autosave, as the school does).
    const regenboog = demo.schoolIds['regenboog']!;
    const [profile] = await t.deps.db.select().from(profiles).where(and(eq(profiles.schoolId, regenboog), eq(profiles.schoolYear, '2026-2027')));
    const ib = await TestClient.signedIn(t, ids.school_editor);
    const [stored] = await t.deps.db.select().from(answers).where(and(eq(answers.profileId, profile!.id), eq(answers.itemKey, 'visie')));
    const saved = await ib.postJson(`/profielen/${profile!.id}/antwoorden`, { itemKey: 'visie', field: 'value', value: MARKERS.answer, baseRevision: stored?.revision ?? 0 });
    expect(saved.status).toBe(200);
    // A remark of the SWV with the school's reply, a contact person for staff only, a school without a published profile.
    await t.deps.db.insert(reviewRemarks).values({ id: crypto.randomUUID(), profileId: profile!.id, body: MARKERS.remark, response: MARKERS.reply, authorUserId: ids.swv_admin, createdAt: t.clock.now(), respondedBy: ids.school_editor, respondedAt: t.clock.now() });
    const [school] = await t.deps.db.select().from(schools).where(eq(schools.id, regenboog));
    await t.deps.db.insert(schoolContacts).values({ id: crypto.randomUUID(), schoolId: regenboog, partnershipId: school!.partnershipId, position: 9, name: 'Vera Verborgen', role: 'Vertrouwenspersoon', topic: null, email: MARKERS.email, showToParents: false });
    await t.deps.db.insert(schools).values({ id: crypto.randomUUID(), partnershipId: school!.partnershipId, boardId: demo.boardIds['spov']!, name: MARKERS.school, brin: '98ZY', locationCode: '98ZY00', city: 'Voorbeeldstad', createdAt: t.clock.now() });
  }, 240_000);
  afterAll(async () => t?.close());

  it('shows none of SWV A\'s non-public data to SWV B\'s personas or anonymous visitors on any URL A reaches', async () => {
    const started = performance.now();
    const found = new Map<string, string>(); // URL → the persona of A that reached it
    const seen = new Set<string>();
    for (const persona of A_PERSONAS) {
      const client = await TestClient.signedIn(t, ids[persona]);
      const queue = ['/'];
      const visited = new Set<string>();
      const kinds = new Map<string, number>();
      while (queue.length > 0 && visited.size < MAX_URLS_PER_PERSONA) {
        const url = queue.shift()!;
        if (visited.has(url)) continue;
        const kind = pageKind(url);
        if ((kinds.get(kind) ?? 0) >= MAX_PER_PAGE_KIND) continue;
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        visited.add(url);
        const response = await client.get(url);
        const location = response.headers.get('location');
        if (location?.startsWith('/')) queue.push(location);
        if (!(response.headers.get('content-type') ?? '').includes('text/html')) continue;
        const html = await response.text();
        for (const [name, marker] of Object.entries(MARKERS)) if (html.includes(marker)) seen.add(name);
        if (!found.has(url)) found.set(url, persona);
        for (const link of linksOf(html)) if (!visited.has(link)) queue.push(link);
      }
    }
    // The crawl reached A's data: every marker was on some page of A's own personas.
    expect([...seen].sort()).toEqual(Object.keys(MARKERS).sort());

    const leaks: string[] = [];
    let replayed = 0;
    for (const persona of [...B_PERSONAS, 'anonymous'] as const) {
      const client = persona === 'anonymous' ? await TestClient.anonymous(t.app) : await TestClient.signedIn(t, ids[persona]);
      for (const [url, reachedBy] of found) {
        const response = await client.get(url);
        replayed++;
        const body = await response.text();
        for (const [name, marker] of Object.entries(MARKERS)) {
          if (body.includes(marker)) leaks.push(`${url} (found as ${reachedBy}) shows A's ${name} to ${persona} (${response.status})`);
        }
      }
    }
    console.log(`crawl: ${found.size} URLs of SWV A's personas, replayed ${replayed} times as SWV B and anonymously in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(leaks).toEqual([]);
  }, 600_000);
});
