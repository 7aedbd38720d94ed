/**
 * Autosave benchmark (issue 4): the real app (createApp + @hono/node-server on loopback) on PostgreSQL,
 * 200 schools' profiles, 200 concurrent editors autosaving one answer at a time.
 *
 * 1. Latency: each editor saves, waits like a person typing (think time, mean ~500 ms) and saves again,
 *    for DURATION_S. Server time per request is measured around the app's fetch handler (bench only).
 * 2. Throughput: the same 200 editors without think time (saturation), requests per second.
 * 3. Baseline: a raw single-row upsert loop with the same concurrency on the same database and pool size.
 *
 * Run: npx tsx bench/autosave.bench.ts   (TEST_DATABASE_URL, default postgres://root@127.0.0.1:5432/test;
 * creates and drops its own scratch database). Options: DURATION_S (default 20), EDITORS (default 200), POOL (default 20).
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { createApp } from '../src/app.js';
import { FixedClock } from '../src/config/clock.js';
import { loadConfig } from '../src/config/env.js';
import { createLogger } from '../src/config/logger.js';
import { openDatabase } from '../src/db/client.js';
import { insertMembership, insertUser } from '../src/features/accounts/repository.js';
import { sessions } from '../src/features/accounts/schema.js';
import { startSession } from '../src/features/accounts/sessions.js';
import { sha256 } from '../src/auth/tokens.js';
import { seedDemoData } from '../src/features/demo/seed-demo-data.js';
import { insertProfile } from '../src/features/questionnaire/profiles-repository.js';
import { loadTemplateDefinition } from '../src/features/questionnaire/template-cache.js';
import { getCycleFor } from '../src/features/cycle/repository.js';
import { schools } from '../src/features/partnerships/schema.js';
import '../src/features/register.js';
import { MemoryMailer } from '../src/mail/mailer.js';
import type { AppDeps } from '../src/ui/context.js';

const DURATION_S = Number(process.env['DURATION_S'] ?? 20);
const EDITORS = Number(process.env['EDITORS'] ?? 200);
const POOL = Number(process.env['POOL'] ?? 20);
/** Mean pause between two saves of one editor (uniform 0.5×–1.5×): someone answering questions. */
const THINK_MS = Number(process.env['THINK_MS'] ?? 2000);
const adminUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/test';
const dbName = `opensop_bench_${Date.now().toString(36)}`;

// BENCH_DEBUG=1: time every query by its first words, to see where a save spends its time.
const queryTimes = new Map<string, { n: number; ms: number }>();
if (process.env['BENCH_DEBUG']) {
  const original = pg.Pool.prototype.query as (...args: unknown[]) => Promise<unknown>;
  (pg.Pool.prototype as unknown as { query: unknown }).query = async function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text: string };
    const text = (typeof first === 'string' ? first : first.text).replace(/\s+/g, ' ').slice(0, 70);
    const start = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      const entry = queryTimes.get(text) ?? { n: 0, ms: 0 };
      entry.n += 1;
      entry.ms += performance.now() - start;
      queryTimes.set(text, entry);
    }
  };
}
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${dbName}`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: POOL });

try {
  await database.migrate();
  const clock = new FixedClock('2026-10-12T10:00:00+02:00');
  const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: '/tmp/opensop-bench-unused', PUBLIC_BASE_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: url.toString() } as NodeJS.ProcessEnv);
  const deps: AppDeps = { db: database.db, clock, config, logger: createLogger('silent'), mailer: new MemoryMailer() };
  const demo = await seedDemoData({ db: database.db, clock });

  // 200 more schools, each with a 2026-2027 profile and its own editor with a session.
  const cycle = (await getCycleFor(database.db, demo.partnershipId, '2026-2027'))!;
  const template = await loadTemplateDefinition(database.db, cycle.templateVersionId);
  const [anySchool] = await database.db.select().from(schools).where(eq(schools.partnershipId, demo.partnershipId)).limit(1);
  const editors: Array<{ profileId: string; cookie: string; csrf: string }> = [];
  for (let i = 0; i < EDITORS; i++) {
    const schoolId = crypto.randomUUID();
    const userId = crypto.randomUUID();
    const profileId = crypto.randomUUID();
    const now = clock.now();
    await database.db.insert(schools).values({ id: schoolId, partnershipId: demo.partnershipId, boardId: anySchool!.boardId, name: `Benchschool ${i}`, brin: `${String(10 + (i % 90))}ZZ`, locationCode: `B${String(i).padStart(5, '0')}` });
    await insertProfile(database.db, { id: profileId, partnershipId: demo.partnershipId, schoolId, schoolYear: '2026-2027', templateVersionId: cycle.templateVersionId, createdAt: now });
    await insertUser(database.db, { id: userId, email: `ib${i}@bench.example`, name: `IB ${i}`, createdAt: now });
    await insertMembership(database.db, { userId, role: 'school_editor', schoolId }, now);
    const { token } = await startSession(database.db, clock, userId);
    const [session] = await database.db.select().from(sessions).where(eq(sessions.tokenHash, sha256(token)));
    editors.push({ profileId, cookie: `sop_session=${token}`, csrf: session!.csrfToken });
  }
  // The items an editor changes: numbers and choices, like someone going through a section.
  const numberItems = template.sections.flatMap((s) => s.items).filter((item) => item.kind === 'number' && item.max !== undefined);
  const choiceItems = template.sections.flatMap((s) => s.items).filter((item) => ['availability', 'development', 'protocol', 'expertise', 'choice'].includes(item.kind));
  const options = (scaleKey: string | undefined) => template.scales.find((scale) => scale.key === scaleKey)!.options.map((o) => o.value);

  // The real app, with server time measured around its fetch handler (bench only).
  const app = createApp({ deps });
  let timings: number[] = [];
  const server = serve({
    fetch: async (request: Request) => {
      const start = performance.now();
      const response = await app.fetch(request);
      timings.push(performance.now() - start);
      return response;
    },
    hostname: '127.0.0.1',
    port: 0,
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /**
   * The load generator runs in a worker thread (its own event loop), so the editors' HTTP clients do not
   * steal time from the server being measured. Plain JavaScript, evaluated in the worker.
   */
  const generator = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { base, editors, items, seconds, thinkMs, offset } = workerData;
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    (async () => {
      const end = Date.now() + seconds * 1000;
      let ok = 0, failed = 0;
      const statuses = {};
      await Promise.all(editors.map(async (editor, index) => {
        // Each phase continues where the last one stopped, so no save repeats the stored value.
        let step = index + offset;
        if (thinkMs) await sleep(Math.random() * thinkMs * 2);
        while (Date.now() < end) {
          step += 1;
          const item = items[step % items.length];
          const value = item.values[Math.floor(step / items.length) % item.values.length];
          const response = await fetch(base + '/profielen/' + editor.profileId + '/antwoorden', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': editor.csrf, cookie: editor.cookie },
            body: JSON.stringify({ itemKey: item.key, field: 'value', value, baseRevision: editor.revisions[item.key] || 0 }),
          });
          const body = await response.json();
          statuses[response.status] = (statuses[response.status] || 0) + 1;
          if (body.ok) { ok += 1; editor.revisions[item.key] = body.revision; } else failed += 1;
          if (thinkMs) await sleep(thinkMs * (0.5 + Math.random()));
        }
      }));
      parentPort.postMessage({ ok, failed, statuses, revisions: editors.map((e) => e.revisions) });
    })();
  `;
  // The items an editor changes, with values that differ from save to save (every save is a real write).
  const workItems = [
    ...numberItems.map((item) => ({ key: item.key, values: Array.from({ length: 7 }, (_, i) => (item.min ?? 0) + ((i * 3) % Math.max(1, (item.max ?? 10) - (item.min ?? 0)))) })),
    ...choiceItems.map((item) => ({ key: item.key, values: options(item.scale) })),
  ];
  const revisionsByEditor: Array<Record<string, number>> = editors.map(() => ({}));

  let phase = 0;
  async function runEditors(seconds: number, thinkMs: number) {
    timings = [];
    phase += 1;
    const offset = phase * 100_003;
    const worker = new Worker(generator, {
      eval: true,
      workerData: { base, seconds, thinkMs, offset, items: workItems, editors: editors.map((e, i) => ({ profileId: e.profileId, cookie: e.cookie, csrf: e.csrf, revisions: revisionsByEditor[i] })) },
    });
    const result = await new Promise<{ ok: number; failed: number; statuses: Record<string, number>; revisions: Array<Record<string, number>> }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    result.revisions.forEach((revisions, i) => (revisionsByEditor[i] = revisions));
    return { ...result, rps: result.ok / seconds, timings: timings.slice() };
  }

  await runEditors(3, 0); // warm up (JIT, pool, template cache)
  const latency = await runEditors(DURATION_S, THINK_MS);
  const saturation = await runEditors(DURATION_S, 0);
  server.close();

  // Baseline: a raw single-row upsert loop, same concurrency, same database, same pool size.
  const pool = new pg.Pool({ connectionString: url.toString(), max: POOL });
  const rawEnd = Date.now() + DURATION_S * 1000;
  let rawCount = 0;
  const rawTimes: number[] = [];
  await Promise.all(
    editors.map(async (editor, index) => {
      let step = index;
      while (Date.now() < rawEnd) {
        step += 1;
        const start = performance.now();
        await pool.query(
          `insert into answers (profile_id, item_key, partnership_id, school_year, value, revision, updated_at)
           values ($1, $2, $3, '2026-2027', $4::jsonb, 1, now())
           on conflict (profile_id, item_key) do update set value = excluded.value, revision = answers.revision + 1, updated_at = excluded.updated_at`,
          [editor.profileId, 'raw-bench-item', demo.partnershipId, JSON.stringify(step)],
        );
        rawTimes.push(performance.now() - start);
        rawCount += 1;
      }
    }),
  );
  await pool.end();
  const rawRps = rawCount / DURATION_S;

  const pct = (values: number[], p: number) => {
    const sorted = values.slice().sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  };
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const [rows] = (await database.db.execute(sql`select count(*)::int as n from answer_history`) as unknown as { rows: Array<{ n: number }> }).rows;
  console.log(`\nAutosave benchmark — ${EDITORS} editors, ${DURATION_S} s per phase, pool ${POOL}, PostgreSQL ${(await admin.query('show server_version')).rows[0].server_version}`);
  console.log(`template: ${template.sections.reduce((n, s) => n + s.items.length, 0)} items; history rows written: ${rows?.n}`);
  console.log(`latency phase (think time ${THINK_MS / 2}–${(THINK_MS * 3) / 2} ms): ${latency.ok} saves (${latency.rps.toFixed(0)}/s), failed ${latency.failed}, statuses ${JSON.stringify(latency.statuses)}`);
  console.log(`  server time p50 ${ms(pct(latency.timings, 50))}  p95 ${ms(pct(latency.timings, 95))}  p99 ${ms(pct(latency.timings, 99))}  (target p99 < 25 ms: ${pct(latency.timings, 99) < 25 ? 'ok' : 'MISSED'})`);
  console.log(`saturation phase (no think time): ${saturation.ok} saves, ${saturation.rps.toFixed(0)}/s, failed ${saturation.failed}, statuses ${JSON.stringify(saturation.statuses)}`);
  console.log(`  server time p50 ${ms(pct(saturation.timings, 50))}  p95 ${ms(pct(saturation.timings, 95))}  p99 ${ms(pct(saturation.timings, 99))}`);
  console.log(`raw single-row upsert: ${rawCount} upserts, ${rawRps.toFixed(0)}/s, p50 ${ms(pct(rawTimes, 50))} p99 ${ms(pct(rawTimes, 99))}`);
  console.log(`app / raw throughput: ${((saturation.rps / rawRps) * 100).toFixed(0)} % (target ≥ 50 %: ${saturation.rps / rawRps >= 0.5 ? 'ok' : 'MISSED'})`);
  if (process.env['BENCH_DEBUG']) for (const [text, { n, ms }] of [...queryTimes].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) console.log(`${n}\t${(ms / n).toFixed(2)} ms\t${text}`);
} finally {
  await database.close();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
