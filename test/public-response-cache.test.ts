/**
 * The public page cache (src/features/public/response-cache.ts; docs/decisions/0027-public-page-cache.md), over a
 * real Node server with the cache in its request listener, as src/main.ts runs it, on a real database: a cached
 * answer is the uncached one byte for byte (headers too, apart from the per-delivery ones); a change made through a
 * use case shows on the next request; an unpublished profile is never served from memory; no cookie is ever set; a
 * signed-in request is never answered from the cache; the byte cap holds.
 */
import { createServer, type IncomingHttpHeaders, request as httpRequest, type RequestListener, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { SESSION_COOKIE } from '../src/features/accounts/sessions.js';
import { schools } from '../src/features/partnerships/schema.js';
import { createRateLimiter } from '../src/features/public/rate-limit.js';
import { publicContentChanged } from '../src/features/public/api.js';
import { createPublicResponseCache, type PublicResponseCache } from '../src/features/public/response-cache.js';
import { profiles } from '../src/features/questionnaire/schema.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Headers that belong to one delivery: the time, the server's own timing, the framing. */
const PER_DELIVERY = ['date', 'server-timing', 'content-length', 'transfer-encoding', 'connection', 'keep-alive'];
const stable = (headers: IncomingHttpHeaders) => Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_DELIVERY.includes(name)));

for (const kind of TEST_DATABASE_KINDS) {
  describe(`public response cache (${kind})`, () => {
    let t: TestApp;
    let cache: PublicResponseCache;
    let server: ReturnType<typeof serve>;
    let port = 0;

    /** A raw request: the body exactly as sent (compressed), every header as sent. */
    const get = (path: string, headers: Record<string, string> = {}): Promise<RawResponse> =>
      new Promise((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': 'br, gzip', ...headers } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end();
      });

    beforeAll(async () => {
      t = await createTestApp(kind);
      cache = createPublicResponseCache({
        ttlSeconds: 60,
        maxBytes: 8 * 1024 * 1024,
        limiter: createRateLimiter({ perMinute: 10_000 }),
        trustProxy: false,
        sessionCookie: SESSION_COOKIE,
      });
      const app = createApp({ deps: t.deps, publicResponses: cache });
      const withCache = ((options: ServerOptions, listener: RequestListener) => createServer(options, cache.wrapRequestListener(listener))) as typeof createServer;
      await new Promise<void>((resolve) => {
        server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', createServer: withCache }, (info: AddressInfo) => {
          port = info.port;
          resolve();
        });
      });
      // Signed-in requests go through the same app, in process (TestClient), and share the cache.
      t.app = app;
    }, 180_000);
    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve));
      await t?.close();
    });

    it('answers a repeat request from memory with the same bytes and headers as the page made fresh', async () => {
      for (const path of ['/voorbeeldstad', '/voorbeeldstad/scholen/12AB00', '/voorbeeldstad/scholen/12AB00?lang=en', '/api/voorbeeldstad/scholen/12AB00', '/embed/voorbeeldstad/scholen/12AB00', '/voorbeeldstad/huisstijl.css?v=0b5563']) {
        cache.clear();
        const before = cache.stats().hits;
        const fresh = await get(path);
        const cached = await get(path);
        expect(fresh.status, path).toBe(200);
        expect(cache.stats().hits, path).toBe(before + 1);
        expect(cached.body.equals(fresh.body), path).toBe(true);
        expect(stable(cached.headers), path).toEqual(stable(fresh.headers));
        expect(cached.headers['server-timing'], path).toMatch(/^app;dur=\d+\.\d$/);
        // Strict CSP without a nonce (the page is the same for every visitor) and never a cookie.
        expect(fresh.headers['content-security-policy'], path).not.toMatch(/nonce|unsafe-inline/);
        expect(fresh.headers['set-cookie'], path).toBeUndefined();
        expect(cached.headers['set-cookie'], path).toBeUndefined();
      }
      // The school page went out compressed and was kept compressed.
      const page = await get('/voorbeeldstad/scholen/12AB00');
      expect(page.headers['content-encoding']).toBe('gzip');
      expect(page.headers['x-frame-options']).toBe('DENY');
    });

    it('answers If-None-Match from memory with 304, and keeps a copy per encoding', async () => {
      cache.clear();
      const fresh = await get('/voorbeeldstad/scholen/12AB00');
      const etag = fresh.headers.etag!;
      const notModified = await get('/voorbeeldstad/scholen/12AB00', { 'if-none-match': etag });
      expect(notModified.status).toBe(304);
      expect(notModified.body.length).toBe(0);
      expect(notModified.headers['content-security-policy']).toBe(fresh.headers['content-security-policy']);
      const plain = await get('/voorbeeldstad/scholen/12AB00', { 'accept-encoding': 'identity' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString('utf8')).toContain('<!doctype html>');
    });

    it('never keeps or serves an error page, a 404 or a signed-in request', async () => {
      cache.clear();
      expect((await get('/onbekend-swv')).status).toBe(404);
      expect((await get('/voorbeeldstad/vergelijk?school=12AB00')).status).toBe(400);
      expect(cache.stats().entries).toBe(0);
      await get('/voorbeeldstad');
      const entries = cache.stats().entries;
      const hits = cache.stats().hits;
      const signedIn = await get('/voorbeeldstad', { cookie: `${SESSION_COOKIE}=whatever` });
      expect(signedIn.status).toBe(200);
      expect(cache.stats().hits).toBe(hits);
      expect(cache.stats().entries).toBe(entries);
    });

    it('shows a change made through a use case on the next request (SWV settings)', async () => {
      await get('/voorbeeldstad');
      expect((await get('/voorbeeldstad', { 'accept-encoding': 'identity' })).body.toString('utf8')).not.toContain('Meld uw kind aan bij de cachetest.');
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const saved = await admin.post(`/swv/${t.demo.partnershipId}/instellingen`, {
        name: 'SWV PO Voorbeeldstad',
        primaryColor: '#0b5563',
        supportPointName: 'Ouder- en Jeugdsteunpunt Voorbeeldstad',
        publicRegistration: 'Meld uw kind aan bij de cachetest.',
        publicDutyOfCare: '',
        publicWhereToTurn: '',
      });
      expect(saved.status).toBeLessThan(400);
      expect((await get('/voorbeeldstad', { 'accept-encoding': 'identity' })).body.toString('utf8')).toContain('Meld uw kind aan bij de cachetest.');
    });

    it('never serves an unpublished profile from memory, and shows a new publication on the next request', async () => {
      // The newest adopted profile (not public).
      const adopted = (
        await t.deps.db
          .select({ id: profiles.id, schoolYear: profiles.schoolYear, locationCode: schools.locationCode })
          .from(profiles)
          .innerJoin(schools, eq(schools.id, profiles.schoolId))
          .where(eq(profiles.status, 'adopted'))
      )
        .sort((a, b) => a.schoolYear.localeCompare(b.schoolYear))
        .at(-1);
      expect(adopted, 'the demo data has an adopted profile').toBeDefined();
      const schoolPath = `/voorbeeldstad/scholen/${adopted!.locationCode}`;
      const yearPath = `${schoolPath}/${adopted!.schoolYear}`;
      const plain = { 'accept-encoding': 'identity' };
      // Not public yet: a 404, twice, and nothing kept.
      expect((await get(yearPath)).status).toBe(404);
      expect((await get(yearPath)).status).toBe(404);
      const before = await get(schoolPath, plain);
      await get(schoolPath, plain);
      expect(before.body.toString('utf8')).not.toContain(`Schooljaar ${adopted!.schoolYear}`);
      // Published as publishProfile does it (the demo's rounds are closed at the test's date, so the app would refuse),
      // and the cache told as publishProfile tells it; the settings test above goes through a use case end to end.
      await t.deps.db.update(profiles).set({ status: 'published', publishedAt: t.clock.now(), updatedAt: t.clock.now() }).where(eq(profiles.id, adopted!.id));
      publicContentChanged();
      // Published: the next request shows it, though the old page was in memory for another minute.
      expect((await get(schoolPath, plain)).body.toString('utf8')).toContain(`Schooljaar ${adopted!.schoolYear}`);
      expect((await get(yearPath)).status).toBe(200);
    });

    it('keeps no more bytes than its cap, dropping the least recently used first', async () => {
      const small = createPublicResponseCache({ ttlSeconds: 60, maxBytes: 64 * 1024, limiter: createRateLimiter({ perMinute: 10_000 }), trustProxy: false, sessionCookie: SESSION_COOKIE });
      const app = createApp({ deps: t.deps, publicResponses: small });
      for (let i = 0; i < 40; i++) {
        const response = await app.request(`http://opensop.test/voorbeeldstad/scholen/12AB00?bezoek=${i}`, { headers: { 'accept-encoding': 'gzip' } });
        expect(response.status).toBe(200);
        await response.arrayBuffer();
        expect(small.stats().bytes).toBeLessThanOrEqual(64 * 1024);
      }
      expect(small.stats().entries).toBeGreaterThan(1);
      expect(small.stats().entries).toBeLessThan(40);
      // The newest stays; the first went.
      const hits = small.stats().hits;
      await (await app.request('http://opensop.test/voorbeeldstad/scholen/12AB00?bezoek=39', { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
      expect(small.stats().hits).toBe(hits + 1);
      await (await app.request('http://opensop.test/voorbeeldstad/scholen/12AB00?bezoek=0', { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
      expect(small.stats().hits).toBe(hits + 1);
    });
  });
}
