/**
 * PGlite has no lock between processes: two processes on one data folder silently
 * lose writes (STACK-NOTES.md). The process that opens the folder holds this lock file;
 * a second one gets a clear error. A lock left by a process that no longer runs is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `De database in ${dataDir} is al geopend door een ander proces (pid ${holderPid}). ` +
        'PGlite kan maar door één proces tegelijk gebruikt worden. Stop eerst de draaiende server ' +
        '(of dat andere commando) en probeer het opnieuw, of gebruik een PostgreSQL-server via DATABASE_URL.',
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'opensop.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        rmSync(lockPath, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder && holder.pid !== process.pid && holder.host === hostname() && isAlive(holder.pid)) {
        throw new DataDirLockedError(dataDir, holder.pid);
      }
      if (holder && holder.host !== hostname()) {
        throw new DataDirLockedError(dataDir, holder.pid);
      }
      // Stale lock of a process that ended without cleaning up.
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Kon de vergrendeling ${lockPath} niet aanmaken.`);
}

function readHolder(lockPath: string): { pid: number; host: string } | null {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, 'utf8')) as { pid?: unknown; host?: unknown };
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host } : null;
  } catch {
    // An unreadable (half-written) lock file is treated as stale.
    return null;
  }
}
