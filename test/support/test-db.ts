/**
 * A fresh, migrated database per test file: in-memory PGlite always, and a new
 * database on the PostgreSQL server when TEST_DATABASE_URL is set (CI sets it).
 * Never mock the database (docs/conventions.md "Tests").
 */
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';

export type TestDatabaseKind = 'pglite' | 'postgres';

// pg warns (once per process) when a connection is given a query while it still runs another: queries on a
// transaction started together (Promise.all over `tx`; use queryAll from src/db/client.ts). pg@9 will refuse
// them, so closing a PostgreSQL test database fails the test file when it happened.
let concurrentQueryWarning: Error | null = null;
process.on('warning', (warning) => {
  if (warning.name === 'DeprecationWarning' && warning.message.includes('already executing a query')) concurrentQueryWarning ??= warning;
});

export const TEST_DATABASE_KINDS: TestDatabaseKind[] = process.env['TEST_DATABASE_URL'] ? ['pglite', 'postgres'] : ['pglite'];

/** `migrate: false` opens an empty database, e.g. to load an old dump and then migrate it (test/upgrade.test.ts). */
export async function openTestDatabase(kind: TestDatabaseKind, options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const migrate = options.migrate ?? true;
  if (kind === 'pglite') {
    const handle = await openDatabase({ kind: 'pglite-memory' });
    if (migrate) await handle.migrate();
    return handle;
  }
  const adminUrl = process.env['TEST_DATABASE_URL']!;
  const name = `opensop_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  if (migrate) await handle.migrate();
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
      if (concurrentQueryWarning) {
        throw new Error(
          `Queries ran at the same time on one PostgreSQL connection (a transaction): ${concurrentQueryWarning.message}\n` +
            'Run them one after another, e.g. with queryAll(tx, [...]) from src/db/client.ts; find them with NODE_OPTIONS=--trace-deprecation.',
        );
      }
    },
  };
}
