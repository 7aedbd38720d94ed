/**
 * Upgrades: databases made by earlier versions migrate to the latest schema and keep everything.
 * Each fixture in test/fixtures/upgrade/ is a plain pg_dump (with --inserts, so PGlite can run it too) of a
 * database as an earlier version left it: demo data, answers changed by autosave (history rows), generated
 * documents. Add a new fixture whenever a migration changes existing data (test/fixtures/upgrade/README.md).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { FixedClock } from '../src/config/clock.js';
import { loadConfig } from '../src/config/env.js';
import { createLogger } from '../src/config/logger.js';
import type { DatabaseHandle } from '../src/db/client.js';
import { users } from '../src/features/accounts/schema.js';
import { schools } from '../src/features/partnerships/schema.js';
import { answers, profiles } from '../src/features/questionnaire/schema.js';
import { MemoryMailer } from '../src/mail/mailer.js';
import type { AppDeps } from '../src/ui/context.js';
import { openTestDatabase, TEST_DATABASE_KINDS } from './support/test-db.js';
import { TestClient, type TestApp } from './support/test-app.js';

const fixtureDir = path.join(import.meta.dirname, 'fixtures', 'upgrade');
const fixtures = readdirSync(fixtureDir).filter((name) => name.endsWith('.sql.gz'));

/** Rows per table as the dump holds them (one `INSERT INTO public.<table>` line per row). */
function rowsPerTable(dump: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of dump.matchAll(/^INSERT INTO public\.(\w+) /gm)) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
  return counts;
}

describe.each(TEST_DATABASE_KINDS)('upgrade from earlier versions (%s)', (kind) => {
  it('knows at least one fixture', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  describe.each(fixtures)('%s', (fixture) => {
    const dump = gunzipSync(readFileSync(path.join(fixtureDir, fixture))).toString('utf8');
    let database: DatabaseHandle;

    beforeAll(async () => {
      database = await openTestDatabase(kind, { migrate: false });
      await database.runScript(dump);
      await database.migrate();
    }, 120_000);
    afterAll(async () => {
      await database?.close();
    });
    const rowsOf = async <T,>(query: SQL): Promise<T[]> => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
    const countRows = (query: SQL) => rowsOf<{ n: number }>(query);

    it('keeps every row of every table', async () => {
      const expected = rowsPerTable(dump);
      expect(expected.get('answers')).toBeGreaterThan(100);
      for (const [table, count] of expected) {
        const [row] = await countRows(sql.raw(`select count(*)::int as n from public."${table}"`));
        expect({ table, rows: row!.n }).toEqual({ table, rows: count });
      }
    });

    it('keeps answers exactly, their history and the generated documents', async () => {
      const [profile] = await database.db
        .select({ id: profiles.id })
        .from(profiles)
        .innerJoin(schools, eq(schools.id, profiles.schoolId))
        .where(and(eq(schools.name, 'Basisschool De Regenboog'), eq(profiles.schoolYear, '2026-2027')));
      expect(profile).toBeDefined();
      const rows = await database.db.select({ itemKey: answers.itemKey, value: answers.value }).from(answers).where(eq(answers.profileId, profile!.id));
      const byKey = new Map(rows.map((row) => [row.itemKey, row.value]));
      expect(byKey.get('aantal-leerlingen')).toBe(312);
      expect(byKey.get('respectvol-omgaan')).toBe(false);
      expect(byKey.get('onderwijsconcept')).toBe('Daltononderwijs: zelfstandigheid, samenwerken en verantwoordelijkheid.');
      const [history] = await countRows(sql`select count(*)::int as n from answer_history where profile_id = ${profile!.id}`);
      expect(history!.n).toBe(4);
      const [totals] = await rowsOf<{ n: number; bytes: number; size: number }>(
        sql`select count(*)::int as n, sum(length(bytes))::int as bytes, sum(size)::int as size from document_files`,
      );
      if (!totals) throw new Error('no totals');
      expect(totals.n).toBeGreaterThan(0);
      expect(totals.bytes).toBe(totals.size);
    });

    it('marks the council advice recorded before the outcome was asked as advice (the council migration), and touches no other profile', async () => {
      const counts = await rowsOf<{ say: string | null; recorded: boolean; n: number }>(
        sql`select council_say as say, advice_date is not null as recorded, count(*)::int as n from profiles group by 1, 2 order by 1, 2`,
      );
      expect(counts.some((row) => row.recorded && row.say === 'advice' && row.n > 0)).toBe(true);
      expect(counts.filter((row) => row.recorded !== (row.say === 'advice'))).toEqual([]);
      const [outcomes] = await countRows(sql`select count(*)::int as n from profiles where council_outcome is not null`);
      expect(outcomes!.n).toBe(0);
    });

    it('serves the migrated data: a school editor opens the profile and the documents of last year', async () => {
      const clock = new FixedClock('2026-10-12T10:00:00+02:00');
      const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/opensop-unused', PUBLIC_BASE_URL: 'http://opensop.test', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
      const deps: AppDeps = { db: database.db, clock, config, logger: createLogger('silent'), mailer: new MemoryMailer() };
      const app = createApp({ deps });
      const [editor] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, 'ib@regenboog.example'));
      const client = await TestClient.signedIn({ deps, clock, app } as unknown as TestApp, editor!.id);
      const regenboog = await database.db
        .select({ id: profiles.id, year: profiles.schoolYear })
        .from(profiles)
        .innerJoin(schools, eq(schools.id, profiles.schoolId))
        .where(eq(schools.name, 'Basisschool De Regenboog'));
      expect(regenboog.length).toBeGreaterThanOrEqual(2);
      for (const profile of regenboog) {
        const home = await client.get(`/profielen/${profile.id}`);
        expect(home.status).toBe(200);
        const documents = await client.get(`/profielen/${profile.id}/documenten`);
        expect(documents.status).toBe(200);
      }
    });
  });
});
