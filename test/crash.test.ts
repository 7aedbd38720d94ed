/**
 * A bad day (issue 16): the server process is killed with SIGKILL in the middle of autosave bursts, at a seeded
 * random moment, and started again on the same database (the embedded one takes over the dead process's lock).
 * Every save that was acknowledged (2xx) must be there afterwards: as the stored answer when it was the last one
 * of its field, and in the answer's history always. On PGlite (a temporary data folder) and, when
 * TEST_DATABASE_URL is set, on PostgreSQL. Replay a run with CRASH_SEED=<seed> (printed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { build } from 'esbuild';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';
import { DEMO_PASSWORD } from '../src/features/demo/demo-organisation.js';
import { answerHistory, answers } from '../src/features/questionnaire/schema.js';
import { seededRandom, seedFrom } from './support/prng.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const root = path.resolve(import.meta.dirname, '..');
const SEED = seedFrom(process.env['CRASH_SEED']);
/** Mid-cycle, so De Regenboog's profile takes answers. */
const NOW = '2026-10-12T10:00:00+02:00';
const ROUNDS = 2;
/** Text answers of the demo questionnaire's first section, saved by parallel lanes (one lane per answer). */
const LANES = ['visie', 'onderwijsconcept'];

// The server as it runs in production: one bundle (as scripts/build.mjs makes it), started by node. Inside the
// project, so its external packages resolve from node_modules.
mkdirSync(path.join(root, 'node_modules/.cache'), { recursive: true });
const bundleDir = mkdtempSync(path.join(root, 'node_modules/.cache/opensop-crash-test-'));
const serverEntry = path.join(bundleDir, 'main.mjs');
beforeAll(async () => {
  await build({
    entryPoints: [path.join(root, 'src/main.ts')],
    outfile: serverEntry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    logLevel: 'silent',
  });
}, 60_000);
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The real server (src/main.ts) in its own process. */
class ServerProcess {
  private child: ChildProcess | null = null;
  private output = '';
  readonly base: string;

  constructor(
    private readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, [serverEntry], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(this.port), CLOCK_NOW: NOW, JOBS_ENABLED: 'false', LOG_LEVEL: 'warn', DEMO_DATA: 'true', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    // Generous: on a loaded CI machine the first start (migrations, demo data) takes a while.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server ended with ${child.exitCode}: ${this.output}`);
      try {
        if ((await fetch(`${this.base}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the server did not start within two minutes: ${this.output}`);
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.child = null;
  }
}

/** A browser's session: cookies, the CSRF token of the signed-in session. */
class Session {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly base: string) {}

  async fetch(pathName: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${this.base}${pathName}`, { redirect: 'manual', ...init, headers: { ...(init.headers as Record<string, string>), cookie } });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...rest] = pair!.split('=');
      this.cookies.set(name!, rest.join('='));
    }
    return response;
  }

  async logIn(email: string): Promise<void> {
    const form = await (await this.fetch('/inloggen')).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(form)![1]!;
    const response = await this.fetch('/inloggen', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: token, email, password: DEMO_PASSWORD }) });
    expect(response.status).toBe(303);
  }

  /** The profile the editor can answer now, and the session's CSRF token from its section page. */
  async editableProfile(): Promise<string> {
    // Home leads to the school's page, which links to its profiles.
    let html = '';
    let next: string | null = '/';
    for (let hops = 0; next && hops < 4; hops++) {
      const response: Response = await this.fetch(next);
      html = await response.text();
      next = response.headers.get('location') ?? /href="(\/scholen\/[0-9a-f-]{36})"/.exec(html)?.[1] ?? null;
      if (html.includes('/profielen/')) break;
    }
    const ids = [...new Set([...html.matchAll(/\/profielen\/([0-9a-f-]{36})/g)].map((match) => match[1]!))];
    for (const id of ids) {
      const page = await (await this.fetch(`/profielen/${id}/onderdelen/algemeen`)).text();
      const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
      if (token && page.includes('data-autosave')) {
        this.csrf = token;
        return id;
      }
    }
    throw new Error(`no editable profile among ${ids.join(', ')}`);
  }
}

interface Lane {
  itemKey: string;
  revision: number;
  acknowledged: string[];
  /** Sent but not answered when the server died: may or may not be stored. */
  unanswered: string | null;
}

/** Saves new values, one after another per lane, until the server stops answering. */
async function burst(session: Session, profileId: string, lanes: Lane[], tag: string): Promise<void> {
  await Promise.all(
    lanes.map(async (lane) => {
      for (let n = 0; ; n++) {
        const value = `${tag} ${lane.itemKey} ${n}`;
        let response: Response;
        try {
          response = await session.fetch(`/profielen/${profileId}/antwoorden`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': session.csrf },
            body: JSON.stringify({ itemKey: lane.itemKey, field: 'value', value, baseRevision: lane.revision }),
          });
        } catch {
          lane.unanswered = value;
          return; // the server is gone
        }
        let body: { ok?: boolean; revision?: number };
        try {
          body = (await response.json()) as typeof body;
        } catch {
          lane.unanswered = value;
          return; // died while answering
        }
        if (response.status !== 200 || !body.ok) throw new Error(`save ${value}: ${response.status} ${JSON.stringify(body)}`);
        lane.acknowledged.push(value);
        lane.unanswered = null;
        lane.revision = body.revision!;
      }
    }),
  );
}

/** What the database holds for the profile: the stored value per item and every value in its history. */
async function storedState(handle: DatabaseHandle, profileId: string, itemKeys: string[]) {
  const result = new Map<string, { value: unknown; history: string }>();
  for (const itemKey of itemKeys) {
    const [row] = await handle.db.select({ value: answers.value }).from(answers).where(and(eq(answers.profileId, profileId), eq(answers.itemKey, itemKey)));
    const history = await handle.db.select({ after: answerHistory.after }).from(answerHistory).where(and(eq(answerHistory.profileId, profileId), eq(answerHistory.itemKey, itemKey)));
    result.set(itemKey, { value: row?.value ?? null, history: JSON.stringify(history.map((entry) => entry.after)) });
  }
  return result;
}

for (const kind of TEST_DATABASE_KINDS) {
  describe(`crash: SIGKILL during autosave bursts (${kind})`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterAll(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    it(`keeps every acknowledged save across kills and restarts (seed ${SEED})`, async () => {
      const random = seededRandom(SEED);
      console.log(`crash (${kind}): seed ${SEED} (replay with CRASH_SEED=${SEED})`);
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'opensop-crash-'));
      cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
      const env: Record<string, string> = { DATA_DIR: dataDir };
      let openForCheck: () => Promise<DatabaseHandle>;
      if (kind === 'postgres') {
        const adminUrl = process.env['TEST_DATABASE_URL']!;
        const name = `opensop_crash_${Date.now().toString(36)}_${random.int(1e6)}`;
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`create database ${name}`);
        await admin.end();
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        env['DATABASE_URL'] = url.toString();
        openForCheck = () => openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1 });
        cleanups.push(async () => {
          const cleanup = new pg.Client({ connectionString: adminUrl });
          await cleanup.connect();
          await cleanup.query(`drop database if exists ${name} with (force)`);
          await cleanup.end();
        });
      } else {
        openForCheck = () => openDatabase({ kind: 'pglite', dataDir });
      }
      const server = new ServerProcess(await freePort(), env);
      cleanups.push(() => server.kill('SIGKILL'));

      const lanes: Lane[] = LANES.map((itemKey) => ({ itemKey, revision: 0, acknowledged: [], unanswered: null }));
      let profileId = '';
      for (let round = 1; round <= ROUNDS; round++) {
        // Starting again after a SIGKILL: the dead process's lock on the data folder is taken over.
        await server.start();
        const session = new Session(server.base);
        await session.logIn('ib@regenboog.example');
        profileId = await session.editableProfile();
        // The page after a restart shows the stored revisions; continue from there as the browser would.
        const page = await (await session.fetch(`/profielen/${profileId}/onderdelen/algemeen`)).text();
        for (const lane of lanes) {
          const revision = new RegExp(`name="${lane.itemKey}\\.revision" value="(\\d+)"`).exec(page)?.[1];
          lane.revision = Number(revision ?? 0);
        }
        // The moment of the kill: after a random number of acknowledged saves of this round (whatever the machine's
        // speed), plus a random few milliseconds so it also lands while a save is being written.
        const acknowledgedBefore = lanes.reduce((sum, lane) => sum + lane.acknowledged.length, 0);
        const killAt = 4 + random.int(30);
        const extraMs = random.int(60);
        const running = burst(session, profileId, lanes, `ronde ${round} seed ${SEED}`);
        const waitUntil = Date.now() + 20_000;
        while (lanes.reduce((sum, lane) => sum + lane.acknowledged.length, 0) - acknowledgedBefore < killAt && Date.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 5));
        await new Promise((resolve) => setTimeout(resolve, extraMs));
        await server.kill('SIGKILL');
        await running;
        console.log(`crash (${kind}): round ${round} killed after ${killAt} saves + ${extraMs} ms; acknowledged so far ${lanes.map((lane) => `${lane.itemKey} ${lane.acknowledged.length}`).join(', ')}`);
      }
      // One more start: the server comes up on the killed database, then stops cleanly.
      await server.start();
      await server.kill('SIGTERM');

      const handle = await openForCheck();
      try {
        const state = await storedState(handle, profileId, LANES);
        const missing: string[] = [];
        for (const lane of lanes) {
          expect(lane.acknowledged.length, `${lane.itemKey}: some saves acknowledged`).toBeGreaterThan(0);
          const stored = state.get(lane.itemKey)!;
          const last = lane.acknowledged.at(-1)!;
          // The last acknowledged value, or the one sent after it that the server wrote just before it died.
          if (stored.value !== last && stored.value !== lane.unanswered) missing.push(`${lane.itemKey}: stored ${JSON.stringify(stored.value)}, last acknowledged ${JSON.stringify(last)}`);
          for (const value of lane.acknowledged) if (!stored.history.includes(JSON.stringify(value))) missing.push(`${lane.itemKey}: ${JSON.stringify(value)} acknowledged but not in the history`);
        }
        expect(missing).toEqual([]);
      } finally {
        await handle.close();
      }
    }, 400_000);
  });
}
