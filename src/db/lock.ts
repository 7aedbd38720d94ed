/**
 * PGlite has no lock between processes: two processes on one data folder silently
 * lose writes (measured; docs/decisions/0002-postgres-and-pglite.md). The process that opens the folder holds this lock file;
 * a second one gets a clear error. A lock left by a process that no longer runs is taken over:
 * on this machine when its pid is gone; from another machine (a recreated container, a shared
 * volume) when its heartbeat — the file's modification time, refreshed every 30 seconds — is old.
 *
 * Every step is atomic (docs/decisions/0018-atomic-data-folder-lock.md): the lock file appears with its content
 * (written to a private file, then hard-linked into place, which fails when the name exists); a stale lock is
 * replaced by rename, and only by the one process that claimed that very lock (a claim file named after the stale
 * lock's content, created exclusively), after checking that the lock still is the stale one it judged.
 */
import { createHash, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export const LOCK_FILE_NAME = 'opensop.lock';
const HEARTBEAT_MS = 30_000;
/** A heartbeat older than this means the holder on another machine is gone (several missed beats). */
export const STALE_AFTER_MS = 3 * 60_000;
/** Claims of claims: a process that crashed while taking over a stale lock leaves a claim, which is stale in turn. */
const MAX_CLAIM_DEPTH = 4;

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

/** Nonces of the locks (and claims) this process holds: a lock with our pid but another nonce is a previous incarnation's. */
const held = new Set<string>();

interface Holder {
  pid: number;
  host: string;
  heartbeat: boolean;
  nonce: string | null;
  modifiedAt: number;
}

export function acquireDataDirLock(dataDir: string, now: () => number = Date.now): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE_NAME);
  const nonce = randomUUID();
  const content = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), heartbeat: true, nonce });
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusive(lockPath, content) || replaceIfStale(dataDir, lockPath, content, now, 0)) return holdLock(lockPath, nonce);
  }
  throw new Error(`Kon de vergrendeling ${lockPath} niet aanmaken.`);
}

function holdLock(lockPath: string, nonce: string): DataDirLock {
  held.add(nonce);
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
    held.delete(nonce);
    // Only our own lock: after a takeover by another machine (our heartbeat stopped), the file is no longer ours.
    if (readRaw(lockPath)?.includes(nonce)) rmSync(lockPath, { force: true });
  };
  process.once('exit', release);
  return { release };
}

/** Creates `file` with its whole content at once, or returns false when the name exists. */
function createExclusive(file: string, content: string): boolean {
  const draft = `${file}.${randomUUID()}.tmp`;
  writeFileSync(draft, content, { flag: 'wx' });
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * Replaces `file` by `content` when the holder named in it is gone. Throws DataDirLockedError when it is alive;
 * returns false when the file changed meanwhile (the caller tries again from the start).
 */
function replaceIfStale(dataDir: string, file: string, content: string, now: () => number, depth: number): boolean {
  const raw = readRaw(file);
  if (raw === undefined) return false; // released meanwhile
  const holder = parseHolder(raw, file);
  if (holder && isHeld(holder, now)) throw new DataDirLockedError(dataDir, holder.pid, path.join(dataDir, LOCK_FILE_NAME), holder.host);
  if (depth >= MAX_CLAIM_DEPTH) throw new Error(`Kon de vergrendeling ${file} niet overnemen.`);
  // Claim the takeover of exactly this stale content; a claim that exists is another process's (or a stale one).
  const claim = `${file}.${createHash('sha256').update(raw).digest('hex').slice(0, 16)}.claim`;
  const claimNonce = randomUUID();
  const claimContent = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), heartbeat: true, nonce: claimNonce });
  if (!createExclusive(claim, claimContent) && !replaceIfStale(dataDir, claim, claimContent, now, depth + 1)) return false;
  try {
    if (readRaw(file) !== raw) return false; // another process took it over before our claim
    const draft = `${file}.${randomUUID()}.tmp`;
    writeFileSync(draft, content, { flag: 'wx' });
    renameSync(draft, file);
    return true;
  } finally {
    if (readRaw(claim)?.includes(claimNonce)) rmSync(claim, { force: true });
  }
}

/** Whether the holder of a lock still holds it: a process of ours, a live process here, or a recent heartbeat elsewhere. */
function isHeld(holder: Holder, now: () => number): boolean {
  if (holder.nonce && held.has(holder.nonce)) return true;
  if (holder.host === hostname()) return holder.pid !== process.pid && isAlive(holder.pid);
  // We cannot see another machine's processes; only a lock that keeps a heartbeat can be judged stale.
  return !(holder.heartbeat && now() - holder.modifiedAt > STALE_AFTER_MS);
}

function readRaw(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseHolder(raw: string, file: string): Holder | null {
  try {
    const parsed = JSON.parse(raw) as { pid?: unknown; host?: unknown; heartbeat?: unknown; nonce?: unknown };
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, heartbeat: parsed.heartbeat === true, nonce: typeof parsed.nonce === 'string' ? parsed.nonce : null, modifiedAt: statSync(file).mtimeMs };
  } catch {
    // An unreadable lock file (written by hand, or by an older version that crashed mid-write) is treated as stale.
    return null;
  }
}
