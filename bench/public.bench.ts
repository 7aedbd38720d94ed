/**
 * Public pages benchmark (issue 13). Results: bench/README.md, "Public pages (issue 13)".
 *
 * The real server (src/main.ts, the production entry: createApp over @hono/node-server, compression on, rate
 * limiting on at its default of 600 per client per minute, TRUST_PROXY=true) runs in its own child process on a
 * scratch database: the demo SWV plus `--schools` schools with published profiles (bench/public-data.ts). The load
 * generator (bench/public-client.mjs) is another process.
 *
 * 1. Visitors: `--visitors` anonymous visitors, each on its own keep-alive connection and its own X-Forwarded-For
 *    address, browsing like people (1–3 s between pages): SWV page → search by support or by postcode → school
 *    page → sometimes a comparison of 2–4 schools → the open-data API. Server time per request comes from the
 *    app's own `Server-Timing: app;dur=…` header (public routes send it); client-observed latency beside it.
 * 2. Saturation: the school page as a browser asks for it (`Accept-Encoding: br, gzip`), as fast as `--connections`
 *    connections can ask, against a plain Node static server (bench/public-static-server.mjs, own process) that
 *    answers with the exact bytes and headers the app sent; alternating rounds, same connection count.
 * CPU of each process (server, static server, generator; PostgreSQL backends when the server is local) is
 * reported per request, with the load average.
 *
 * Run: npm run bench:public -- [--visitors 500] [--seconds 60] [--schools 200] [--connections 50] [--rounds 4]
 *   [--round-seconds 5] [--smoke] [--pglite] [--built] [--strict] [--keep-db]
 * PostgreSQL from BENCH_DATABASE_URL or TEST_DATABASE_URL (default postgres://root@127.0.0.1:5432/test); it
 * creates and drops `opensop_bench_public_<x>`. `--pglite` uses an embedded database in a temporary folder
 * instead (the smoke test). `--built` runs dist/main.js (after `npm run build`) instead of src/main.ts under tsx.
 * Exit code 1 when a request failed; with `--strict` also when a target is missed.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { FixedClock } from '../src/config/clock.js';
import { type DatabaseHandle, openDatabase } from '../src/db/client.js';
import { seedPublicBenchData } from './public-data.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const smoke = flag('smoke');
const option = (name: string, normal: number, small: number) => {
  const at = args.indexOf(`--${name}`);
  const value = at >= 0 ? Number(args[at + 1]) : smoke ? small : normal;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
};
const VISITORS = option('visitors', 500, 10);
const SECONDS = option('seconds', 60, 3);
const SCHOOLS = option('schools', 200, 20);
const CONNECTIONS = option('connections', 50, 4);
const ROUNDS = option('rounds', 4, 2);
const ROUND_SECONDS = option('round-seconds', 5, 1);
const WARMUP_SECONDS = smoke ? 1 : 5;
const usePglite = flag('pglite');
const root = fileURLToPath(new URL('..', import.meta.url));
const log = (line: string) => console.log(line);

const SUPPORT_TERMS = ['dyslexie', 'hoogbegaafd', 'rekenen', 'gedrag', 'taal', 'dyscalculie', 'motoriek', 'faalangst'];
const POSTCODES = ['2711', '2712', '2713', '2714', '2715', '2716', '2717', '2718', '2719', '2712CD'];

// The scratch database.
const adminUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/test';
const dbName = `opensop_bench_public_${Date.now().toString(36)}`;
let admin: pg.Client | null = null;
let databaseUrl: string | null = null;
let dataDir: string | null = null;
const children: ChildProcess[] = [];
let failed = false;

try {
  const seedStart = performance.now();
  let handle: DatabaseHandle;
  if (usePglite) {
    dataDir = mkdtempSync(path.join(tmpdir(), 'opensop-bench-public-'));
    handle = await openDatabase({ kind: 'pglite', dataDir });
  } else {
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    handle = await openDatabase({ kind: 'postgres', url: databaseUrl });
  }
  await handle.migrate();
  const data = await seedPublicBenchData(handle.db, new FixedClock('2026-10-12T10:00:00+02:00'), { schools: SCHOOLS });
  await handle.close();
  log(`data: ${data.locationCodes.length} schools with a published profile (${SCHOOLS} generated + the demo's), ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  // The server: the production entry in its own process.
  const port = 48300 + Math.floor(Math.random() * 500);
  const built = flag('built');
  const server = spawn(process.execPath, built ? [path.join(root, 'dist/main.js')] : ['--import', 'tsx', path.join(root, 'src/main.ts')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      TRUST_PROXY: 'true',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir! }),
    },
  });
  children.push(server);
  await waitForHealth(port, server);
  log(`server: ${built ? 'dist/main.js' : 'src/main.ts (tsx)'}, pid ${server.pid}, port ${port}, ${usePglite ? 'PGlite' : `PostgreSQL ${(await admin!.query('show server_version')).rows[0].server_version}`}`);

  const generator = fork(fileURLToPath(new URL('./public-client.mjs', import.meta.url)), [], { execArgv: [] });
  children.push(generator);
  const ask = <T>(message: Record<string, unknown>) =>
    new Promise<T & { error?: string }>((resolve) => {
      generator.once('message', resolve as never);
      generator.send(message);
    });

  // 1. Visitors.
  const browse = (seconds: number, addressBase: number, seed: number) =>
    ask<BrowseResult>({ kind: 'browse', port, visitors: VISITORS, seconds, seed, addressBase, slug: data.slug, codes: data.locationCodes, supportTerms: SUPPORT_TERMS, postcodes: POSTCODES });
  const warm = await browse(WARMUP_SECONDS, 1_000_000, 1); // JIT, pool, template cache
  if (warm.error) throw new Error(`load generator: ${warm.error}`);
  const usage = await startUsage(server.pid!);
  const visitors = await browse(SECONDS, 2_000_000, 2);
  if (visitors.error) throw new Error(`load generator: ${visitors.error}`);
  const visitorCpu = await usage.stop();

  const all = Object.values(visitors.byKind);
  const serverMs = all.flatMap((k) => k.serverMs);
  const clientMs = all.flatMap((k) => k.clientMs);
  const p99 = pct(serverMs, 99);
  log(`\nPublic pages benchmark — ${VISITORS} visitors, ${SECONDS} s, ${data.locationCodes.length} schools${smoke ? ' (smoke)' : ''}`);
  log(`visitors: ${visitors.requests} requests (${(visitors.requests / SECONDS).toFixed(0)}/s), errors ${visitors.errors}, statuses ${JSON.stringify(visitors.statuses)}, ${(visitors.bytes / Math.max(1, visitors.requests) / 1024).toFixed(1)} KB per response as sent`);
  if (visitors.firstError) log(`  first error: ${visitors.firstError}`);
  log(`  server time (Server-Timing) p50 ${ms(pct(serverMs, 50))}  p95 ${ms(pct(serverMs, 95))}  p99 ${ms(p99)}  max ${ms(pct(serverMs, 100))}  (target p99 < 50 ms: ${p99 < 50 ? 'pass' : 'MISS'})`);
  log(`  client latency            p50 ${ms(pct(clientMs, 50))}  p95 ${ms(pct(clientMs, 95))}  p99 ${ms(pct(clientMs, 99))}`);
  log('  per page:                  n      server p50 / p95 / p99            client p99');
  for (const [kind, k] of Object.entries(visitors.byKind)) {
    log(`    ${kind.padEnd(22)} ${String(k.clientMs.length).padStart(6)}   ${ms(pct(k.serverMs, 50))} / ${ms(pct(k.serverMs, 95))} / ${ms(pct(k.serverMs, 99))}   ${ms(pct(k.clientMs, 99))}`);
  }
  log(`  ${cpuLine(visitorCpu, visitors.requests, visitors.cpuMs, 'server')}`);
  failed ||= visitors.errors > 0;

  // 2. Saturation: the school page, app against a static server with the same bytes.
  const schoolPath = `/${data.slug}/scholen/${data.locationCodes[0]}`;
  const sample = await fetchRaw(port, schoolPath);
  if (sample.status !== 200) throw new Error(`school page: ${sample.status}`);
  const staticServer = fork(fileURLToPath(new URL('./public-static-server.mjs', import.meta.url)), [], { execArgv: [] });
  children.push(staticServer);
  const staticPort = await new Promise<number>((resolve) => {
    staticServer.once('message', (message: { port: number }) => resolve(message.port));
    staticServer.send({ headers: sample.headers, body: sample.body.toString('base64') });
  });
  log(`\nsaturation: ${schoolPath} as sent (${sample.headers.find(([n]) => n.toLowerCase() === 'content-encoding')?.[1] ?? 'identity'}, ${(sample.body.length / 1024).toFixed(1)} KB, headers ${sample.headerBytes} B), ${CONNECTIONS} connections, ${ROUNDS} × ${ROUND_SECONDS} s each, alternating`);
  const totals = { app: { requests: 0, seconds: 0, cpu: 0, gen: 0, errors: 0 }, static: { requests: 0, seconds: 0, cpu: 0, gen: 0, errors: 0 } };
  // The same 10 000 client addresses every round (public-client.mjs, SATURATION_ADDRESSES): counted, never refused.
  const addressBase = 3_000_000;
  for (let round = 0; round < ROUNDS * 2; round++) {
    const which = round % 2 === 0 ? 'app' : 'static';
    const targetPort = which === 'app' ? port : staticPort;
    const roundUsage = await startUsage(which === 'app' ? server.pid! : staticServer.pid!);
    const result = await ask<SaturateResult>({ kind: 'saturate', port: targetPort, path: schoolPath, connections: CONNECTIONS, seconds: ROUND_SECONDS, addressBase });
    if (result.error) throw new Error(`load generator: ${result.error}`);
    const cpu = await roundUsage.stop();
    const total = totals[which];
    total.requests += result.requests;
    total.seconds += ROUND_SECONDS;
    total.cpu += cpu.processMs;
    total.gen += result.cpuMs;
    total.errors += result.errors;
    log(`  round ${Math.floor(round / 2) + 1} ${which.padEnd(6)} ${(result.requests / ROUND_SECONDS).toFixed(0).padStart(6)} req/s, errors ${result.errors}${result.firstError ? ` (${result.firstError})` : ''}, CPU per request: ${which} ${(cpu.processMs / Math.max(1, result.requests)).toFixed(3)} ms, generator ${(result.cpuMs / Math.max(1, result.requests)).toFixed(3)} ms; load ${cpu.load.map((l) => l.toFixed(1)).join(' → ')}`);
  }
  const appRps = totals.app.requests / totals.app.seconds;
  const staticRps = totals.static.requests / totals.static.seconds;
  const ratio = appRps / staticRps;
  log(`  app ${appRps.toFixed(0)} req/s, static ${staticRps.toFixed(0)} req/s: app / static ${(ratio * 100).toFixed(0)} % (target ≥ 50 %: ${ratio >= 0.5 ? 'pass' : 'MISS'})`);
  log(`  CPU per request: app ${(totals.app.cpu / Math.max(1, totals.app.requests)).toFixed(3)} ms, static ${(totals.static.cpu / Math.max(1, totals.static.requests)).toFixed(3)} ms; generator ${(totals.app.gen / Math.max(1, totals.app.requests)).toFixed(3)} / ${(totals.static.gen / Math.max(1, totals.static.requests)).toFixed(3)} ms`);
  failed ||= totals.app.errors + totals.static.errors > 0;
  if (flag('strict') && (p99 >= 50 || ratio < 0.5)) failed = true;
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  for (const child of children) child.kill();
  await Promise.all(children.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)));
  if (admin) {
    if (flag('keep-db')) log(`kept database ${dbName}`);
    else await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

interface KindResult {
  serverMs: number[];
  clientMs: number[];
}
interface BrowseResult {
  requests: number;
  byKind: Record<string, KindResult>;
  statuses: Record<string, number>;
  errors: number;
  firstError: string | null;
  bytes: number;
  cpuMs: number;
}
interface SaturateResult {
  requests: number;
  statuses: Record<string, number>;
  errors: number;
  firstError: string | null;
  bytes: number;
  cpuMs: number;
}

function pct(values: number[], p: number): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/** Waits until /health answers (the server migrates at start), or the server exits. */
async function waitForHealth(port: number, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/health' }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }).on('error', () => resolve(0));
    });
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not answer /health within 60 s');
}

/** One request as a browser asks, with the raw response: headers as sent (names as sent) and the body bytes as sent. */
function fetchRaw(port: number, pathname: string): Promise<{ status: number; headers: Array<[string, string]>; headerBytes: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, headers: { 'Accept-Encoding': 'br, gzip', 'X-Forwarded-For': '192.0.2.1' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const raw = response.rawHeaders;
          const headers: Array<[string, string]> = [];
          for (let i = 0; i < raw.length; i += 2) headers.push([raw[i]!, raw[i + 1]!]);
          const headerBytes = headers.reduce((sum, [name, value]) => sum + name.length + value.length + 4, 0);
          resolve({ status: response.statusCode ?? 0, headers, headerBytes, body: Buffer.concat(chunks) });
        });
      })
      .on('error', reject);
  });
}

/** CPU of one process (from /proc, 10 ms ticks) and of the PostgreSQL backends of the scratch database, with the load average. */
async function startUsage(pid: number) {
  const ticks = (id: number) => {
    try {
      const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return null;
    }
  };
  const backends = async () => (admin ? (await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [dbName])).rows.map((r) => r.pid) : []);
  const pgStart = new Map((await backends()).map((id) => [id, ticks(id)]));
  const start = ticks(pid) ?? 0;
  const load = loadavg()[0]!;
  return {
    async stop() {
      let pgTicks = 0;
      let local = admin !== null;
      for (const id of new Set([...pgStart.keys(), ...(await backends())])) {
        const end = ticks(id);
        if (end === null) local = pgStart.has(id) ? local : false;
        else pgTicks += end - (pgStart.get(id) ?? 0);
      }
      return { processMs: ((ticks(pid) ?? start) - start) * 10, postgresMs: local ? pgTicks * 10 : null, load: [load, loadavg()[0]!] };
    },
  };
}

function cpuLine(cpu: { processMs: number; postgresMs: number | null; load: number[] }, requests: number, generatorMs: number, name: string): string {
  const per = (value: number) => (value / Math.max(1, requests)).toFixed(2);
  return `CPU per request: ${name} ${per(cpu.processMs)} ms, PostgreSQL backends ${cpu.postgresMs === null ? 'n/a' : `${per(cpu.postgresMs)} ms`}, load generator ${per(generatorMs)} ms (${((generatorMs / Math.max(1, cpu.processMs)) * 100).toFixed(0)} % of the server's); load ${cpu.load.map((l) => l.toFixed(1)).join(' → ')}`;
}
