/**
 * PGlite has no lock between processes: two processes on one data folder silently
 * lose writes (measured; docs/decisions/0002-postgres-and-pglite.md). The process that opens the folder holds this lock file;
 * a second one gets a clear error. A lock left by a process that no longer runs is taken over:
 * on this machine when its pid is gone; from another machine (a recreated container, a shared
 * volume) when its heartbeat — the file's modification time, refreshed every 30 seconds — is old.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export const LOCK_FILE_NAME = 'opensop.lock';
const HEARTBEAT_MS = 30_000;
/** A heartbeat older than this means the holder on another machine is gone (several missed beats). */
export const STALE_AFTER_MS = 3 * 60_000;

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
    readonly lockPath: string = path.join(dataDir, LOCK_FILE_NAME),
    readonly holderHost: string = hostname(),
  ) {
    const where = holderHost === hostname() ? '' : ` op computer "${holderHost}"`;
    super(
      `De database in ${dataDir} is al geopend door een ander proces (pid ${holderPid})${where}. ` +
        'PGlite kan maar door één proces tegelijk gebruikt worden. Stop eerst de draaiende server ' +
        '(of dat andere commando) en probeer het opnieuw, of gebruik een PostgreSQL-server via DATABASE_URL. ' +
        `Weet u zeker dat geen ander proces deze map gebruikt (bijvoorbeeld na een crash van een container), ` +
        `verwijder dan het vergrendelingsbestand ${lockPath} en start opnieuw` +
        (where ? `; zonder ingreep wordt het na ${STALE_AFTER_MS / 60_000} minuten zonder teken van leven vanzelf overgenomen.` : '.'),
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

export function acquireDataDirLock(dataDir: string, now: () => number = Date.now): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), heartbeat: true }));
      closeSync(fd);
      const heartbeat = setInterval(() => {
        try {
          const at = new Date();
          utimesSync(lockPath, at, at);
        } catch {
          // The folder went away (tests clean up); nothing to keep alive.
        }
      }, HEARTBEAT_MS);
      heartbeat.unref();
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        clearInterval(heartbeat);
        process.off('exit', release);
        rmSync(lockPath, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder && holder.pid !== process.pid && holder.host === hostname() && isAlive(holder.pid)) {
        throw new DataDirLockedError(dataDir, holder.pid, lockPath, holder.host);
      }
      if (holder && holder.host !== hostname()) {
        // We cannot see another machine's processes; only a lock that keeps a heartbeat can be judged stale.
        const stale = holder.heartbeat && now() - holder.modifiedAt > STALE_AFTER_MS;
        if (!stale) throw new DataDirLockedError(dataDir, holder.pid, lockPath, holder.host);
      }
      // Stale lock of a process that ended without cleaning up.
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Kon de vergrendeling ${lockPath} niet aanmaken.`);
}

function readHolder(lockPath: string): { pid: number; host: string; heartbeat: boolean; modifiedAt: number } | null {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, 'utf8')) as { pid?: unknown; host?: unknown; heartbeat?: unknown };
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, heartbeat: parsed.heartbeat === true, modifiedAt: statSync(lockPath).mtimeMs };
  } catch {
    // An unreadable (half-written) lock file is treated as stale.
    return null;
  }
}
