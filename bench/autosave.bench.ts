/**
 * Autosave benchmark (issue 4): the real app (createApp + @hono/node-server on loopback) on PostgreSQL,
 * 200 schools' profiles, 200 concurrent editors autosaving one answer at a time. Results: bench/README.md.
 *
 * 1. Latency: each editor saves, pauses like someone answering questions (think time uniform 0.5×–1.5× THINK_MS,
 *    mean 2000 ms) and saves again, for DURATION_S. Server time per request is measured around the app's fetch
 *    handler (bench only).
 * 2. Parent texts: the latency phase again, with PARENT_SHARE (5 %) of the saves changing a parent text (each
 *    runs the poster-fit layout, in the render pool's worker threads); server time of those saves and of the other
 *    saves meanwhile, and the app's event-loop delay (max and p99, `monitorEventLoopDelay`; APP_PROCESSES=1 only).
 *    Phase "parent-inline" runs the same with the layout on the event loop, as before (runPosterFitInline), to
 *    compare both in one run; "parent-nice0" with the render workers at normal CPU priority (DOC_WORKER_NICE=0).
 *    "probe": saves one at a time, each timed by the CPU of the app's thread (the parts of a parent-text save too).
 * 3. Throughput: the same 200 editors without think time (saturation), saves per second.
 * 4. Baseline: a raw single-row upsert loop with the same concurrency on the same database and pool size.
 * Each phase also reports CPU per operation: the app process, the PostgreSQL backends, the load generator.
 *
 * The editors run in another process (bench/autosave-client.mjs). Run: npx tsx bench/autosave.bench.ts
 * (TEST_DATABASE_URL, default postgres://root@127.0.0.1:5432/test; creates and drops its own scratch database).
 * Options: DURATION_S (20), EDITORS (200), POOL (20), THINK_MS (2000), PHASES (latency,parent,parent-nice0,parent-inline,probe,saturation,raw),
 * CPU_PROFILE (path prefix: a V8 profile of the app's thread per parent phase; bench/long-tasks.mjs reads it), PROBE_ROUNDS (40),
 * PARENT_SHARE (0.05), CLIENT (raw | fetch), APP_PROCESSES (1), PORT (48100), BENCH_DEBUG=1 (time every query),
 * KEEP_DB=1 (keep the scratch database).
 */
import { serve } from '@hono/node-server';
import { fork } from 'node:child_process';
import cluster, { type Worker } from 'node:cluster';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
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
import { runPosterFitInline } from '../src/features/documents/check-poster-fit.js';
import { loadDocumentData, loadParentPosterData } from '../src/features/documents/load-document-data.js';
import { renderPool } from '../src/features/documents/render/render-pool.js';
import { insertProfile } from '../src/features/questionnaire/profiles-repository.js';
import { loadTemplateDefinition } from '../src/features/questionnaire/template-cache.js';
import { getCycleFor } from '../src/features/cycle/repository.js';
import { schools } from '../src/features/partnerships/schema.js';
import '../src/features/register.js';
import { MemoryMailer } from '../src/mail/mailer.js';
import type { AppDeps } from '../src/ui/context.js';
import { timedFetch } from './timed-fetch.js';

const DURATION_S = Number(process.env['DURATION_S'] ?? 20);
const EDITORS = Number(process.env['EDITORS'] ?? 200);
const POOL = Number(process.env['POOL'] ?? 20);
/** Mean pause between two saves of one editor (uniform 0.5×–1.5×): someone answering questions. */
const THINK_MS = Number(process.env['THINK_MS'] ?? 2000);
/** raw: hand-written HTTP/1.1 on keep-alive sockets (~0.07 ms CPU per save); fetch: undici's fetch (~0.6 ms, nearly the app's). */
const CLIENT = process.env['CLIENT'] ?? 'raw';
/** App processes (node:cluster workers sharing the port); 1 runs the app in this process. */
const APP_PROCESSES = Number(process.env['APP_PROCESSES'] ?? 1);
/** Port the app listens on (127.0.0.1). */
const PORT = Number(process.env['PORT'] ?? 48100);
const PHASES = new Set((process.env['PHASES'] ?? 'latency,parent,parent-nice0,parent-inline,probe,saturation,raw').split(','));
/** Share of the saves in the "parent" phase that are parent texts (each runs the poster-fit layout). */
const PARENT_SHARE = Number(process.env['PARENT_SHARE'] ?? 0.05);
const adminUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/test';
const dbName = `opensop_bench_${Date.now().toString(36)}`;
/** Saves of each kind in the probe phase. */
const PROBE_ROUNDS = Number(process.env['PROBE_ROUNDS'] ?? 40);
/** This thread's CPU time (ms): on-CPU nanoseconds from /proc/thread-self/schedstat (Linux); else the process's. */
function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  }
}
/** CPU_PROFILE=<prefix>: a V8 CPU profile of the app's thread during each parent phase, <prefix>-<phase>.cpuprofile (bench/long-tasks.mjs lists its long tasks). */
const CPU_PROFILE = process.env['CPU_PROFILE'];

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
  // The real app, with server time measured around its fetch handler (bench only): in this process, or in
  // APP_PROCESSES cluster workers (bench/autosave-server.ts) sharing the port and, between them, the pool.
  const recorded = { timings: [] as number[], parentTimings: [] as number[] };
  const workers: Worker[] = [];
  let server: ReturnType<typeof serve> | null = null;
  let inProcessApp: ReturnType<typeof createApp> | null = null;
  if (APP_PROCESSES > 1) {
    cluster.setupPrimary({ exec: fileURLToPath(new URL('./autosave-server.ts', import.meta.url)) });
    const env = { BENCH_DATABASE_URL: url.toString(), BENCH_POOL: String(Math.max(1, Math.round(POOL / APP_PROCESSES))), BENCH_NOW: clock.now().toISOString(), BENCH_PORT: String(PORT) };
    for (let i = 0; i < APP_PROCESSES; i++) workers.push(cluster.fork(env));
    await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('listening', resolve))));
  } else {
    const app = createApp({ deps });
    inProcessApp = app;
    server = serve({
      fetch: timedFetch(app, recorded),
      hostname: '127.0.0.1',
      port: PORT,
    });
    await new Promise((resolve) => server!.once('listening', resolve));
  }
  const base = `http://127.0.0.1:${PORT}`;
  const ask = <T>(worker: Worker, kind: string) =>
    new Promise<T>((resolve) => {
      const listen = (message: { kind: string }) => {
        if (message.kind !== kind) return;
        worker.off('message', listen);
        resolve(message as T);
      };
      worker.on('message', listen);
      worker.send({ kind });
    });

  // The load generator: its own process (bench/autosave-client.mjs), so its CPU is neither the app's nor on its event loop.
  const generator = fork(fileURLToPath(new URL('./autosave-client.mjs', import.meta.url)), [], { execArgv: [] });
  // The items an editor changes, with values that differ from save to save (every save is a real write).
  const workItems = [
    ...numberItems.map((item) => ({ key: item.key, values: Array.from({ length: 7 }, (_, i) => (item.min ?? 0) + ((i * 3) % Math.max(1, (item.max ?? 10) - (item.min ?? 0)))) })),
    ...choiceItems.map((item) => ({ key: item.key, values: options(item.scale) })),
  ];
  // Parent texts as someone types them (the client saves after each pause): growing and shrinking prefixes.
  const parentSentence =
    'Wij helpen uw kind met lezen en rekenen in een klein groepje, elke dag een half uur, samen met de leerkracht en de intern begeleider. Thuis oefent u mee met een boekje.';
  const parentItems = template.sections
    .flatMap((s) => s.items)
    .filter((item) => item.posters.parent && item.parentTextEditable)
    .map((item) => ({ key: item.key, values: Array.from({ length: 9 }, (_, i) => parentSentence.slice(0, Math.min(item.parentTextMaxLength, 60 + ((i * 37) % 110)))) }));
  const revisionsByEditor: Array<Record<string, number>> = editors.map(() => ({}));

  let phase = 0;
  async function runEditors(seconds: number, thinkMs: number, parentShare = 0) {
    recorded.timings = [];
    recorded.parentTimings = [];
    phase += 1;
    const offset = phase * 100_003;
    await Promise.all(workers.map((worker) => ask(worker, 'reset')));
    const usage = await startUsage();
    // The app's event loop (this process when APP_PROCESSES=1): how long a timer waited behind other work.
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    // Garbage collection pauses of this thread: a long one holds the loop like any synchronous task.
    const gc = { maxMs: 0, totalMs: 0 };
    const gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        gc.maxMs = Math.max(gc.maxMs, entry.duration);
        gc.totalMs += entry.duration;
      }
    });
    gcObserver.observe({ entryTypes: ['gc'] });
    generator.send({ base, seconds, thinkMs, offset, client: CLIENT, items: workItems, parentItems, parentShare, editors: editors.map((e, i) => ({ profileId: e.profileId, cookie: e.cookie, csrf: e.csrf, revisions: revisionsByEditor[i] })) });
    const result = await new Promise<{ ok: number; failed: number; statuses: Record<string, number>; revisions: Array<Record<string, number>>; cpuMs: number; error?: string; firstError?: string }>((resolve) => generator.once('message', resolve as never));
    loop.disable();
    gcObserver.disconnect();
    if (result.error) throw new Error(`load generator: ${result.error}`);
    if (result.firstError) console.log(`phase ${phase}: first failed save: ${result.firstError}`);
    const collected = await Promise.all(workers.map((worker) => ask<{ timings: number[]; parentTimings: number[]; cpuMs: number }>(worker, 'collect')));
    for (const part of collected) {
      recorded.timings.push(...part.timings);
      recorded.parentTimings.push(...part.parentTimings);
    }
    const cpu = await usage.stop(result.ok, collected.reduce((sum, part) => sum + part.cpuMs, 0));
    result.revisions.forEach((revisions, i) => (revisionsByEditor[i] = revisions));
    const eventLoop = workers.length ? null : { maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6, gcMaxMs: gc.maxMs, gcTotalMs: gc.totalMs };
    return { ...result, rps: result.ok / seconds, timings: recorded.timings.slice(), parentTimings: recorded.parentTimings.slice(), eventLoop, cpu: { ...cpu, generatorMs: result.cpuMs / Math.max(1, result.ok) } };
  }

  /**
   * CPU per operation, split by process: the app (this process), the PostgreSQL backends of the bench database
   * (read from /proc, so only when the server runs on this machine), and the whole machine (other work included).
   */
  async function startUsage() {
    const backends = async () => (await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [dbName])).rows.map((r) => r.pid);
    const ticks = (pid: number) => {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return Number(fields[11]) + Number(fields[12]);
      } catch {
        return null;
      }
    };
    const machine = () => {
      const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
      const numbers = values.map(Number);
      return { idle: numbers[3]! + numbers[4]!, total: numbers.reduce((a, b) => a + b, 0) };
    };
    const pgStart = new Map((await backends()).map((pid) => [pid, ticks(pid)]));
    const machineStart = machine();
    const load = loadavg()[0]!;
    const appStart = process.cpuUsage();
    return {
      /** `workersMs`: CPU of the cluster workers (APP_PROCESSES > 1), added to the app's. */
      async stop(operations: number, workersMs = 0) {
        const app = process.cpuUsage(appStart);
        const machineEnd = machine();
        let pgTicks = 0;
        let local = true;
        for (const pid of new Set([...pgStart.keys(), ...(await backends())])) {
          const end = ticks(pid);
          if (end === null) local = pgStart.has(pid) ? local : false;
          else pgTicks += end - (pgStart.get(pid) ?? 0);
        }
        const per = (ms: number) => ms / Math.max(1, operations);
        return {
          appMs: per((app.user + app.system) / 1000 + workersMs),
          /** Kernel share of this process's CPU (socket writes and wake-ups); not known for cluster workers. */
          appSystemMs: workersMs ? null : per(app.system / 1000),
          postgresMs: local ? per(pgTicks * 10) : null,
          machineBusy: 1 - (machineEnd.idle - machineStart.idle) / Math.max(1, machineEnd.total - machineStart.total),
          load: [load, loadavg()[0]!],
        };
      },
    };
  }

  /** With CPU_PROFILE: the phase under V8's sampling profiler (this thread only: the app's event loop). */
  async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
    if (!CPU_PROFILE || APP_PROCESSES > 1) return run();
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 250 });
    await session.post('Profiler.start');
    try {
      return await run();
    } finally {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(`${CPU_PROFILE}-${name}.cpuprofile`, JSON.stringify(profile));
      session.disconnect();
    }
  }

  /** Runs `run` with render workers started under DOC_WORKER_NICE=`nice` (the pool is restarted before and after). */
  async function withWorkerNice<T>(nice: string, run: () => Promise<T>): Promise<T> {
    const before = process.env['DOC_WORKER_NICE'];
    process.env['DOC_WORKER_NICE'] = nice;
    await renderPool().close();
    try {
      return await run();
    } finally {
      if (before === undefined) delete process.env['DOC_WORKER_NICE'];
      else process.env['DOC_WORKER_NICE'] = before;
      await renderPool().close();
    }
  }

  /**
   * Phase "probe": how much of the app's thread one save takes, with nothing else running. Saves one after another
   * through the app's fetch handler (in this process, no socket), each timed by this thread's CPU time
   * (/proc/thread-self/schedstat: on-CPU nanoseconds of this thread only, so neither the render workers nor waiting
   * for a core count). A save's synchronous slices between awaits are each at most its total, so this bounds how
   * long one save can hold the event loop. Also the parts of a parent-text save: loading the document data, and the
   * structured clone of what goes to the worker.
   */
  async function probeLoopCpu(app: ReturnType<typeof createApp>) {
    const rounds = PROBE_ROUNDS;
    const editor = editors[0]!;
    const revisions: Record<string, number> = {};
    const save = async (itemKey: string, field: 'value' | 'parentText', value: unknown, retried = false): Promise<number> => {
      const body = JSON.stringify({ itemKey, field, value, baseRevision: revisions[itemKey] ?? 0 });
      const request = new Request(`http://127.0.0.1:${PORT}/profielen/${editor.profileId}/antwoorden`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': editor.csrf, cookie: editor.cookie, 'content-length': String(Buffer.byteLength(body)) },
        body,
      });
      const start = threadCpuMs();
      const response = await app.fetch(request);
      const reply = (await response.json()) as { revision?: number; conflict?: { theirs?: { revision?: number } } };
      const cpu = threadCpuMs() - start;
      // The earlier phases saved the same items: start from the revision they left (one retry, not timed).
      if (response.status === 409 && !retried && reply.conflict?.theirs?.revision !== undefined) {
        revisions[itemKey] = reply.conflict.theirs.revision;
        return save(itemKey, field, value, true);
      }
      if (response.status !== 200) throw new Error(`probe save: ${response.status} ${JSON.stringify(reply)}`);
      if (reply.revision) revisions[itemKey] = reply.revision;
      return cpu;
    };
    const numberItem = workItems[0]!;
    const parentItem = parentItems[0]!;
    const measure = async (inlineFit: boolean) => {
      runPosterFitInline(inlineFit);
      const other: number[] = [];
      const parent: number[] = [];
      for (let i = 0; i < rounds; i++) {
        other.push(await save(numberItem.key, 'value', numberItem.values[i % numberItem.values.length]));
        parent.push(await save(parentItem.key, 'parentText', parentItem.values[i % parentItem.values.length]));
      }
      runPosterFitInline(false);
      return { other, parent };
    };
    await measure(false); // warm up this path (JIT, the workers)
    const workers = await measure(false);
    const inlineFit = await measure(true);
    const parts = { load: [] as number[], clone: [] as number[], loadPoster: [] as number[], clonePoster: [] as number[] };
    const time = async <T>(into: number[], step: () => T | Promise<T>) => {
      const start = threadCpuMs();
      const value = await step();
      into.push(threadCpuMs() - start);
      return value;
    };
    for (let i = 0; i < rounds; i++) {
      const whole = await time(parts.load, () => loadDocumentData(database.db, clock, editor.profileId));
      await time(parts.clone, () => structuredClone(whole));
      const poster = await time(parts.loadPoster, () => loadParentPosterData(database.db, editor.profileId));
      await time(parts.clonePoster, () => structuredClone(poster));
    }
    return { workers, inlineFit, ...parts };
  }

  await runEditors(3, 0, PARENT_SHARE); // warm up (JIT, pool, template cache, the render workers)
  const none = { ok: 0, failed: 0, statuses: {}, rps: 0, timings: [] as number[], parentTimings: [] as number[], eventLoop: null, cpu: null };
  const latency = PHASES.has('latency') ? await runEditors(DURATION_S, THINK_MS) : none;
  const mixed = PHASES.has('parent') ? await profiled('parent', () => runEditors(DURATION_S, THINK_MS, PARENT_SHARE)) : none;
  // The same with the render workers at the process's own CPU priority (DOC_WORKER_NICE=0), as before they ran niced.
  const mixedNice0 = PHASES.has('parent-nice0') ? await withWorkerNice('0', () => profiled('parent-nice0', () => runEditors(DURATION_S, THINK_MS, PARENT_SHARE))) : none;
  // The same with the poster-fit layout on the event loop, as before it moved to the render pool.
  runPosterFitInline(true);
  const mixedInline = PHASES.has('parent-inline') ? await profiled('parent-inline', () => runEditors(DURATION_S, THINK_MS, PARENT_SHARE)) : none;
  runPosterFitInline(false);
  const probe = PHASES.has('probe') && inProcessApp ? await probeLoopCpu(inProcessApp) : null;
  const saturation = PHASES.has('saturation') ? await runEditors(DURATION_S, 0) : none;
  generator.kill();
  server?.close();
  for (const worker of workers) worker.send({ kind: 'stop' });

  // Baseline: a raw single-row upsert loop, same concurrency, same database, same pool size.
  const pool = new pg.Pool({ connectionString: url.toString(), max: POOL });
  let rawCount = 0;
  const rawTimes: number[] = [];
  let rawCpu = null;
  if (PHASES.has('raw')) {
    const usage = await startUsage();
    const rawEnd = Date.now() + DURATION_S * 1000;
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
    rawCpu = await usage.stop(rawCount);
  }
  await pool.end();
  const rawRps = rawCount / DURATION_S;

  const pct = (values: number[], p: number) => {
    const sorted = values.slice().sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  };
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const [rows] = (await database.db.execute(sql`select count(*)::int as n from answer_history`) as unknown as { rows: Array<{ n: number }> }).rows;
  console.log(`\nAutosave benchmark — ${EDITORS} editors, ${DURATION_S} s per phase, ${APP_PROCESSES} app process(es), pool ${POOL} in all, PostgreSQL ${(await admin.query('show server_version')).rows[0].server_version}`);
  console.log(`template: ${template.sections.reduce((n, s) => n + s.items.length, 0)} items; history rows written: ${rows?.n}`);
  console.log(`latency phase (think time ${THINK_MS / 2}–${(THINK_MS * 3) / 2} ms): ${latency.ok} saves (${latency.rps.toFixed(0)}/s), failed ${latency.failed}, statuses ${JSON.stringify(latency.statuses)}`);
  const loopText = (result: { eventLoop: { maxMs: number; p99Ms: number; gcMaxMs: number; gcTotalMs: number } | null }) =>
    result.eventLoop
      ? `event loop delay max ${ms(result.eventLoop.maxMs)}, p99 ${ms(result.eventLoop.p99Ms)}; GC pauses max ${ms(result.eventLoop.gcMaxMs)}, total ${ms(result.eventLoop.gcTotalMs)}`
      : 'event loop delay n/a (APP_PROCESSES > 1)';
  console.log(`  server time p50 ${ms(pct(latency.timings, 50))}  p95 ${ms(pct(latency.timings, 95))}  p99 ${ms(pct(latency.timings, 99))}  (target p99 < 25 ms: ${pct(latency.timings, 99) < 25 ? 'ok' : 'MISSED'});  ${loopText(latency)}`);
  for (const [name, result, where] of [
    ['parent', mixed, 'poster fit in the render workers'],
    ['parent-nice0', mixedNice0, 'poster fit in the render workers at normal CPU priority'],
    ['parent-inline', mixedInline, 'poster fit on the event loop, as before'],
  ] as const) {
    if (!PHASES.has(name)) continue;
    console.log(`${name} phase (${where}; latency phase with ${(PARENT_SHARE * 100).toFixed(0)} % parent-text saves, ${parentItems.length} items): ${result.ok} saves, failed ${result.failed}, statuses ${JSON.stringify(result.statuses)}`);
    console.log(`  parent-text saves (${result.parentTimings.length}): server time p50 ${ms(pct(result.parentTimings, 50))}  p95 ${ms(pct(result.parentTimings, 95))}  p99 ${ms(pct(result.parentTimings, 99))}  max ${ms(pct(result.parentTimings, 100))}`);
    console.log(`  other saves meanwhile (${result.timings.length}): server time p50 ${ms(pct(result.timings, 50))}  p95 ${ms(pct(result.timings, 95))}  p99 ${ms(pct(result.timings, 99))};  ${loopText(result)} (target max ≤ ~10 ms)`);
  }
  if (probe) {
    // The mean, not the median: /proc's on-CPU time of a running thread moves in steps of a scheduler tick.
    const line = (values: number[]) => `mean ${(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)).toFixed(2)} / p95 ${pct(values, 95).toFixed(2)} / max ${pct(values, 100).toFixed(2)} ms`;
    console.log(`probe (${PROBE_ROUNDS} saves of each kind one after another, CPU of the app's thread per save; load ${loadavg()[0]!.toFixed(1)}):`);
    console.log(`  other save: ${line(probe.workers.other)};  parent-text save, fit in the workers: ${line(probe.workers.parent)}`);
    console.log(`  parent-text save, fit on the loop (as before): ${line(probe.inlineFit.parent)}`);
    console.log(`  loading the data: loadDocumentData (all of it) ${line(probe.load)}; loadParentPosterData (the poster's) ${line(probe.loadPoster)}`);
    console.log(`  structured clone (the message to a worker): all of it ${line(probe.clone)}; the poster's ${line(probe.clonePoster)}`);
  }
  console.log(`saturation phase (no think time): ${saturation.ok} saves, ${saturation.rps.toFixed(0)}/s, failed ${saturation.failed}, statuses ${JSON.stringify(saturation.statuses)}`);
  console.log(`  server time p50 ${ms(pct(saturation.timings, 50))}  p95 ${ms(pct(saturation.timings, 95))}  p99 ${ms(pct(saturation.timings, 99))}`);
  for (const [name, result] of [['latency', latency], ['parent', mixed], ['parent-nice0', mixedNice0], ['parent-inline', mixedInline], ['saturation', saturation], ['raw', { cpu: rawCpu }]] as const) {
    const cpu = result.cpu as { appMs: number; appSystemMs: number | null; postgresMs: number | null; machineBusy: number; load: number[]; generatorMs?: number } | null;
    if (!cpu) continue;
    const pgMs = cpu.postgresMs === null ? 'n/a' : cpu.postgresMs.toFixed(2);
    console.log(`  CPU per ${name === 'raw' ? 'upsert' : 'save'} (${name}): app ${cpu.appMs.toFixed(2)} ms${cpu.appSystemMs === null ? '' : ` (${cpu.appSystemMs.toFixed(2)} in the kernel)`}, PostgreSQL backends ${pgMs} ms${cpu.generatorMs === undefined ? '' : `, load generator ${cpu.generatorMs.toFixed(2)} ms`}; machine ${(cpu.machineBusy * 100).toFixed(0)} % busy, load ${cpu.load.map((l) => l.toFixed(1)).join(' → ')}`);
  }
  console.log(`raw single-row upsert: ${rawCount} upserts, ${rawRps.toFixed(0)}/s, p50 ${ms(pct(rawTimes, 50))} p99 ${ms(pct(rawTimes, 99))}`);
  console.log(`app / raw throughput: ${((saturation.rps / rawRps) * 100).toFixed(0)} % (target ≥ 50 %: ${saturation.rps / rawRps >= 0.5 ? 'ok' : 'MISSED'})`);
  if (process.env['BENCH_DEBUG']) for (const [text, { n, ms }] of [...queryTimes].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) console.log(`${n}\t${(ms / n).toFixed(2)} ms\t${text}`);
} finally {
  await database.close();
  if (process.env['KEEP_DB']) console.log(`kept database ${dbName}`);
  else await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
