import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAll, type DatabaseHandle, type DbOrTx } from '../src/db/client.js';
import { openTestDatabase, TEST_DATABASE_KINDS } from './support/test-db.js';

/** Three queries whose thunks record how many of them run at the same time. */
function countingQueries(db: DbOrTx) {
  const seen = { running: 0, most: 0 };
  const query = (n: number) => async () => {
    seen.running += 1;
    seen.most = Math.max(seen.most, seen.running);
    try {
      const result = await db.execute(sql`select ${n}::int as n, pg_sleep(0.02)`);
      return (result as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
    } finally {
      seen.running -= 1;
    }
  };
  return { seen, queries: [query(1), query(2), query(3)] as const };
}

describe.each(TEST_DATABASE_KINDS)('queryAll (%s)', (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.close());

  it('runs the queries one after another in a transaction, and returns their results in order', async () => {
    const { seen, queries } = countingQueries(database.db);
    const results = await database.db.transaction(async (tx) => {
      const inside = countingQueries(tx);
      const values = await queryAll(tx, inside.queries);
      return { values, most: inside.seen.most };
    });
    expect(results).toEqual({ values: [1, 2, 3], most: 1 });
    // Outside a transaction: at once on the PostgreSQL pool, one after another on PGlite (one connection).
    expect(await queryAll(database.db, queries)).toEqual([1, 2, 3]);
    expect(seen.most).toBe(kind === 'postgres' ? 3 : 1);
  });
});
