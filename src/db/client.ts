/**
 * Opens the one database the app uses: PostgreSQL when DATABASE_URL is set,
 * otherwise the embedded PGlite in DATA_DIR (or in memory for tests).
 * Same schema, same migrations, same queries on both (docs/decisions/0002-postgres-and-pglite.md).
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { projectRoot } from '../config/project-root.js';
import { acquireDataDirLock, type DataDirLock } from './lock.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; use cases accept either so they compose inside a caller's transaction. */
export type DbOrTx = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number; /** Default 10 000 (DATABASE_CONNECT_TIMEOUT_MS). */ connectTimeoutMs?: number }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory' };

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseTarget['kind'];
  migrate(): Promise<void>;
  /** Runs a script of several SQL statements without parameters (a dump being restored, a fixture). */
  runScript(script: string): Promise<void>;
  close(): Promise<void>;
}

/** Handles whose every query borrows its own connection from a pg pool, so independent queries may run at once. */
const pooledDatabases = new WeakSet<object>();

const migrationsFolder = () => path.join(projectRoot(), 'src', 'db', 'migrations');

// An arbitrary constant: serialises migrations when several app processes start at once on one server.
const MIGRATION_LOCK_ID = 424242;

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    // Without a connect timeout a firewalled host (packets dropped) hangs the start for minutes instead of failing
    // with a clear message (config/startup-errors.ts). pg-pool also applies it to waiting for a free connection
    // when all are busy: after that long something is wrong, and an error beats a request that hangs.
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, connectionTimeoutMillis: target.connectTimeoutMs ?? 10_000 });
    pool.on('error', () => {
      // Idle client errors (server restart) surface on the next query; the pool replaces the client.
    });
    const db = drizzleNodePg({ client: pool, schema }) as unknown as Database;
    pooledDatabases.add(db);
    return {
      db,
      kind: 'postgres',
      async migrate() {
        const client = await pool.connect();
        try {
          await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
          await migrateNodePg(drizzleNodePg({ client, schema }), { migrationsFolder: migrationsFolder() });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
          client.release();
        }
      },
      async runScript(script) {
        // The simple query protocol runs many statements in one call; a dump's `set_config('search_path', '')`
        // must not stay on a pooled connection, hence one client and a reset before it goes back.
        const client = await pool.connect();
        try {
          await client.query(script);
        } finally {
          await client.query('reset all').catch(() => undefined);
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }

  let lock: DataDirLock | undefined;
  let client: PGlite;
  if (target.kind === 'pglite') {
    lock = acquireDataDirLock(target.dataDir);
    try {
      client = await PGlite.create(path.join(target.dataDir, 'pgdata'));
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    client = await PGlite.create();
  }
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    kind: target.kind,
    async migrate() {
      await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: migrationsFolder() });
    },
    async runScript(script) {
      try {
        await client.exec(script);
      } finally {
        await client.exec('reset all');
      }
    },
    async close() {
      await client.close();
      lock?.release();
    },
  };
}

type QueryResults<T extends readonly (() => unknown)[]> = { -readonly [K in keyof T]: T[K] extends () => infer R ? Awaited<R> : never };

/**
 * Runs independent queries, given as functions, and returns their results in order, like Promise.all: at once
 * on the PostgreSQL pool (each borrows its own connection), one after another on a transaction or PGlite. Those
 * are one connection, and pg deprecates giving a connection a query while it runs another (pg@9 will refuse);
 * PGlite runs one query at a time anyway. Use it instead of Promise.all wherever `db` may be a transaction.
 */
export async function queryAll<const T extends readonly (() => Promise<unknown>)[]>(db: DbOrTx, queries: T): Promise<QueryResults<T>> {
  if (pooledDatabases.has(db)) return (await Promise.all(queries.map((query) => query()))) as QueryResults<T>;
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as QueryResults<T>;
}

export async function pingDatabase(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}

const dialect = new PgDialect();
const statementNames = new Map<string, string>();
/** Distinct statement texts that get a name; beyond this, statements run unnamed (parsed and planned every time). */
const MAX_NAMED_STATEMENTS = 200;

/**
 * Runs a raw statement (like `db.execute`) as a named prepared statement: PostgreSQL parses and plans each
 * distinct text once per connection instead of on every call, which is most of a short statement's cost on the
 * autosave path (bench/README.md). The same text always gets the same name. PGlite ignores the name.
 */
export async function executePrepared<TRow extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<{ rows: TRow[] }> {
  const built = dialect.sqlToQuery(query);
  let name = statementNames.get(built.sql);
  if (!name && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `opensop_${statementNames.size + 1}`;
    statementNames.set(built.sql, name);
  }
  return (await db._.session.prepareQuery(built, undefined, name, false).execute()) as { rows: TRow[] };
}
