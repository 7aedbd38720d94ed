/** PGlite has no lock between processes: the second process on a data folder must get a clear error, and of processes starting together exactly one wins. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { acquireDataDirLock, DataDirLockedError } from '../src/db/lock.js';

const root = path.resolve(import.meta.dirname, '..');
let child: ChildProcess | null = null;
let dataDir = '';

afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Starts another Node process that opens the embedded database in `dir` and keeps it open. */
async function holdDatabaseInOtherProcess(dir: string): Promise<ChildProcess> {
  const script = path.join(dir, 'hold.mts');
  writeFileSync(
    script,
    `import { openDatabase } from ${JSON.stringify(path.join(root, 'src/db/client.ts'))};
     await openDatabase({ kind: 'pglite', dataDir: ${JSON.stringify(dir)} });
     console.log('ready');
     setInterval(() => {}, 1000);`,
  );
  const process_ = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    process_.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve();
    });
    process_.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    process_.on('exit', (code) => reject(new Error(`holder exited with ${code}: ${output}`)));
  });
  return process_;
}

describe('one process per embedded database', () => {
  it('refuses a second process with a message that says what to do, and takes over after the first ends', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'opensop-lock-'));
    child = await holdDatabaseInOtherProcess(dataDir);

    const second = openDatabase({ kind: 'pglite', dataDir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(/al geopend door een ander proces \(pid \d+\).*Stop eerst de draaiende server/);

    child.kill('SIGKILL'); // dies without cleaning up its lock file
    await new Promise((resolve) => child!.once('exit', resolve));
    child = null;
    const handle = await openDatabase({ kind: 'pglite', dataDir });
    await handle.migrate();
    await handle.close();
  }, 60_000);

  it('releases the lock on close so the next process can open the folder', () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'opensop-lock-'));
    const first = acquireDataDirLock(dataDir);
    first.release();
    const second = acquireDataDirLock(dataDir);
    second.release();
  });

  it('names the lock file of another machine, and takes it over once its heartbeat is old', () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'opensop-lock-'));
    const lockPath = path.join(dataDir, 'opensop.lock');
    writeFileSync(lockPath, JSON.stringify({ pid: 4242, host: 'oude-container', since: new Date().toISOString(), heartbeat: true }));
    expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dataDir)).toThrow(new RegExp(`pid 4242\\) op computer "oude-container".*verwijder dan het vergrendelingsbestand ${lockPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    // Four minutes without a heartbeat: the container that held it is gone.
    const later = () => Date.now() + 4 * 60_000;
    const lock = acquireDataDirLock(dataDir, later);
    lock.release();

    // A lock of an older version (no heartbeat) from another machine is never guessed stale.
    writeFileSync(lockPath, JSON.stringify({ pid: 4242, host: 'oude-container' }));
    expect(() => acquireDataDirLock(dataDir, later)).toThrow(DataDirLockedError);
  });

  it('lets exactly one of several processes starting at the same moment take the lock: a free folder, a stale lock, a half-written one', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'opensop-lock-race-'));
    const contenders = await startContenders(dataDir, 4);
    try {
      const dead = await deadPid();
      const kinds = ['free', 'stale', 'half-written'] as const;
      const rounds = 12;
      for (let round = 0; round < rounds; round++) {
        const kind = kinds[round % kinds.length]!;
        const dir = path.join(dataDir, `ronde-${round}`);
        mkdirSync(dir);
        if (kind === 'stale') writeFileSync(path.join(dir, 'opensop.lock'), JSON.stringify({ pid: dead, host: os.hostname(), since: new Date().toISOString(), heartbeat: true, nonce: 'oud' }));
        if (kind === 'half-written') writeFileSync(path.join(dir, 'opensop.lock'), '');
        // Every contender starts its attempt at the same wall-clock millisecond.
        const at = Date.now() + 150;
        const results = await Promise.all(contenders.map((contender) => contender.ask(`${dir} ${at}`)));
        expect(results.filter((result) => result === 'won'), `round ${round} (${kind}): ${results.join(', ')}`).toHaveLength(1);
        expect(results.filter((result) => result === 'locked')).toHaveLength(contenders.length - 1);
        // No draft or claim files are left behind.
        expect(readdirSync(dir)).toEqual(['opensop.lock']);
      }
    } finally {
      for (const contender of contenders) contender.process.kill('SIGKILL');
    }
  }, 60_000);
});

/** A process that has ended: its pid is free (a stale lock names it). */
async function deadPid(): Promise<number> {
  const ended = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => ended.once('exit', resolve));
  return ended.pid!;
}

/** Node processes that, per line "<dir> <epoch ms>" on stdin, wait for that moment, try to take the lock and answer won/locked. */
async function startContenders(dir: string, count: number) {
  const script = path.join(dir, 'contend.mts');
  writeFileSync(
    script,
    `import { createInterface } from 'node:readline';
     import { acquireDataDirLock, DataDirLockedError } from ${JSON.stringify(path.join(root, 'src/db/lock.ts'))};
     console.log('ready');
     for await (const line of createInterface({ input: process.stdin })) {
       const [dir, at] = line.split(' ');
       while (Date.now() < Number(at)) {}
       try { acquireDataDirLock(dir); console.log('won'); }
       catch (error) { console.log(error instanceof DataDirLockedError ? 'locked' : 'error ' + String(error)); }
     }`,
  );
  return Promise.all(
    Array.from({ length: count }, async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
      const lines: string[] = [];
      let waiting: ((line: string) => void) | null = null;
      let buffer = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          if (waiting) {
            const resolve = waiting;
            waiting = null;
            resolve(line);
          } else lines.push(line);
        }
      });
      const next = () => new Promise<string>((resolve) => (lines.length ? resolve(lines.shift()!) : (waiting = resolve)));
      expect(await next()).toBe('ready');
      return {
        process: child,
        ask(command: string) {
          child.stdin!.write(`${command}\n`);
          return next();
        },
      };
    }),
  );
}

