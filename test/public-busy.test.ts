/**
 * Overload on PostgreSQL: when every pooled connection stays busy for the pool's whole wait, a public page answers
 * 503 with Retry-After and a calm Dutch (or English) message, and the API a JSON 503 — not a 500. A pool of one
 * connection, held by a transaction, with a wait of 300 ms.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { FixedClock } from '../src/config/clock.js';
import { loadConfig } from '../src/config/env.js';
import { createLogger } from '../src/config/logger.js';
import { type DatabaseHandle, openDatabase } from '../src/db/client.js';
import { isPoolWaitTimeout } from '../src/ui/overload.js';
import { MemoryMailer } from '../src/mail/mailer.js';

const adminUrl = process.env['TEST_DATABASE_URL'];

describe.skipIf(!adminUrl)('public pages when the database pool is exhausted (postgres)', () => {
  const name = `opensop_test_busy_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  let handle: DatabaseHandle;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1, connectTimeoutMs: 300 });
    await handle.migrate();
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/opensop-unused', PUBLIC_BASE_URL: 'http://opensop.test', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
    app = createApp({ deps: { db: handle.db, clock: new FixedClock('2026-03-02T09:00:00+01:00'), config, logger: createLogger('silent'), mailer: new MemoryMailer() } });
  }, 120_000);

  afterAll(async () => {
    await handle?.close();
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  });

  /** Runs `during` while a transaction holds the pool's only connection. */
  async function whileBusy<T>(during: () => T | Promise<T>): Promise<T> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    const transaction = handle.db.transaction(async (tx) => {
      await tx.execute('select 1');
      started();
      await held;
    });
    await holding;
    try {
      return await during();
    } finally {
      release();
      await transaction;
    }
  }

  it('answers a public page with 503, Retry-After and a Dutch or English message, never cached', async () => {
    const response = await whileBusy(() => app.request('http://opensop.test/voorbeeldstad'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toContain('Het is even te druk');
    const english = await whileBusy(() => app.request('http://opensop.test/voorbeeldstad?lang=en'));
    expect(english.status).toBe(503);
    expect(await english.text()).toContain('It is busy right now');
  });

  it('answers the open-data API with a JSON 503', async () => {
    const response = await whileBusy(() => app.request('http://opensop.test/api/voorbeeldstad'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({ error: 'busy' });
  });

  it('recognises the pool wait timeout and nothing else', () => {
    expect(isPoolWaitTimeout(new Error('x', { cause: new Error('timeout exceeded when trying to connect') }))).toBe(true);
    expect(isPoolWaitTimeout(new Error('connection refused'))).toBe(false);
  });
});
