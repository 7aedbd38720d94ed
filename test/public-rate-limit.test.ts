/**
 * The public rate limit comes from PUBLIC_RATE_LIMIT_PER_MINUTE (issue 13): over it one client gets 429 with
 * Retry-After, another client (its own X-Forwarded-For behind a trusted proxy) is still served, and counting
 * writes nothing to the database.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

for (const kind of TEST_DATABASE_KINDS) {
  describe(`public rate limit from the configuration (${kind})`, () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp(kind, { env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'true' } });
    }, 180_000);

    afterAll(async () => {
      await t?.close();
    });

    const get = (path: string, client: string) => t.app.request(path, { headers: { 'X-Forwarded-For': client } });

    it('refuses the fourth request in a minute from one client with 429 and Retry-After; another client still gets 200', async () => {
      const before = await countRows(t);
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await get('/voorbeeldstad', '198.51.100.7')).status);
      expect(statuses).toEqual([200, 200, 200]);
      const refused = await get('/voorbeeldstad/scholen/12AB00', '198.51.100.7');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(refused.headers.get('set-cookie')).toBeNull();
      const api = await get('/api/voorbeeldstad', '198.51.100.7');
      expect(api.status).toBe(429);
      expect(api.headers.get('retry-after')).toBe('60');
      expect((await get('/voorbeeldstad', '198.51.100.8')).status).toBe(200);
      // No database write per request: nothing was added anywhere.
      expect(await countRows(t)).toEqual(before);
    });
  });
}

/** Rows per table in the public schema (a write per request would show up here). */
async function countRows(t: TestApp): Promise<Record<string, number>> {
  const tables = (await t.deps.db.execute(sql`select relname as name from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace order by relname`)) as unknown as { rows: Array<{ name: string }> };
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const counted = (await t.deps.db.execute(sql.raw(`select count(*)::int as n from "${name}"`))) as unknown as { rows: Array<{ n: number }> };
    counts[name] = counted.rows[0]!.n;
  }
  return counts;
}
