/** PGlite has no lock between processes: the second process on a data folder must get a clear error. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
});
