/**
 * Backup and restore of the embedded database (PGlite in DATA_DIR): `npm run cli -- backup --out <file>` and
 * `restore <file>` (docs/decisions/0017-backups-and-moving-house.md).
 *
 * A backup is a ZIP with `manifest.json` (what it is, OpenSOP's version, the schema version = the last migration
 * applied, when) and `pgdata.tar.gz`, PGlite's own tarball of the data folder (`dumpDataDir`). PGlite serves one
 * process, and the running server holds the folder's lock (lock.ts), so a backup is made with the server stopped:
 * a second process gets a clear message instead of a copy of files that are being written.
 * A restore goes into an empty DATA_DIR (or, with `force`, moves the existing database aside — nothing is deleted),
 * refuses an archive that is not an OpenSOP backup or comes from a newer version, and migrates after restoring.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { openDatabase } from './client.js';
import { acquireDataDirLock, LOCK_FILE_NAME } from './lock.js';
import { appliedMigrationTag, appVersion, isKnownMigrationTag } from './migration-version.js';

export const BACKUP_FORMAT = 'opensop-backup';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  app: 'OpenSOP';
  appVersion: string;
  /** The last migration applied to the database when the backup was made, e.g. "0013_diversity_index". */
  schemaVersion: string;
  createdAt: string;
  database: 'pglite';
}

/** A refusal with a message for the operator (Dutch, like the rest of the CLI); nothing was changed. */
export class BackupError extends Error {}

const PGDATA = 'pgdata';
const TARBALL = 'pgdata.tar.gz';

export async function backupDataDir(options: { dataDir: string; outFile: string; now: Date }): Promise<{ manifest: BackupManifest; bytes: number }> {
  const pgdata = path.join(options.dataDir, PGDATA);
  if (!existsSync(path.join(pgdata, 'PG_VERSION'))) {
    throw new BackupError(`In ${options.dataDir} staat geen database. Controleer DATA_DIR.`);
  }
  if (existsSync(options.outFile)) {
    throw new BackupError(`${options.outFile} bestaat al. Kies met --out een nieuw bestand; een bestaande back-up wordt niet overschreven.`);
  }
  // Throws DataDirLockedError (with "stop the server first") while the server runs.
  const lock = acquireDataDirLock(options.dataDir);
  let manifest: BackupManifest;
  let tarball: Blob;
  try {
    const client = await PGlite.create(pgdata);
    try {
      const schemaVersion = await appliedMigrationTag(drizzle({ client }) as never);
      if (!schemaVersion) throw new BackupError(`De database in ${options.dataDir} is leeg (geen migraties); er is niets om te bewaren.`);
      await client.exec('checkpoint');
      tarball = await client.dumpDataDir('gzip');
      manifest = { format: BACKUP_FORMAT, formatVersion: 1, app: 'OpenSOP', appVersion: appVersion(), schemaVersion, createdAt: options.now.toISOString(), database: 'pglite' };
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
  const bytes = await writeZip(options.outFile, [
    { name: 'manifest.json', data: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), compress: true },
    { name: TARBALL, data: tarball, compress: false },
  ]);
  return { manifest, bytes };
}

/** Writes a ZIP to `<file>.partial` and renames it when complete, so a half-written backup never has the real name. */
async function writeZip(file: string, entries: Array<{ name: string; data: Uint8Array | Blob; compress: boolean }>): Promise<number> {
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w');
  let written = 0;
  let failure: Error | null = null;
  try {
    const zip = new Zip((error, chunk) => {
      if (error) failure = error;
      else {
        writeSync(fd, chunk);
        written += chunk.length;
      }
    });
    for (const entry of entries) {
      const file = entry.compress ? new ZipDeflate(entry.name, { level: 9 }) : new ZipPassThrough(entry.name);
      zip.add(file);
      if (entry.data instanceof Uint8Array) file.push(entry.data, true);
      else {
        const reader = entry.data.stream().getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          file.push(value);
        }
        file.push(new Uint8Array(0), true);
      }
    }
    zip.end();
    if (failure) throw failure;
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(partial, file);
  return written;
}

/** Reads and checks a backup archive without touching any database. */
export function readBackup(file: string): { manifest: BackupManifest; tarball: Uint8Array } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(readFileSync(file)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BackupError(`Het bestand ${file} bestaat niet.`);
    throw new BackupError(`${file} is geen back-up van OpenSOP (geen leesbaar ZIP-bestand).`);
  }
  const manifestBytes = entries['manifest.json'];
  const tarball = entries[TARBALL];
  let manifest: Partial<BackupManifest> = {};
  try {
    if (manifestBytes) manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as Partial<BackupManifest>;
  } catch {
    // Treated as missing below.
  }
  if (manifest.format !== BACKUP_FORMAT || !tarball || typeof manifest.schemaVersion !== 'string') {
    throw new BackupError(`${file} is geen back-up van OpenSOP (het bestand mist manifest.json of ${TARBALL}). Een SWV-export zet u terug met "swv import".`);
  }
  if (!isKnownMigrationTag(manifest.schemaVersion)) {
    throw new BackupError(
      `Deze back-up is gemaakt met een nieuwere versie van OpenSOP (OpenSOP ${manifest.appVersion}, databaseversie ${manifest.schemaVersion}). ` +
        'Installeer die versie (of een nieuwere) en zet de back-up daarmee terug.',
    );
  }
  return { manifest: manifest as BackupManifest, tarball };
}

export async function restoreDataDir(options: { dataDir: string; file: string; force: boolean; now: Date }): Promise<{ manifest: BackupManifest; movedAside: string | null }> {
  const { manifest, tarball } = readBackup(options.file);
  const present = existsSync(options.dataDir) ? readdirSync(options.dataDir).filter((name) => name !== LOCK_FILE_NAME) : [];
  if (present.length > 0 && !options.force) {
    throw new BackupError(
      `De map ${options.dataDir} (DATA_DIR) is niet leeg. Zet een back-up terug in een lege map, ` +
        'of gebruik --force: de huidige database wordt dan eerst opzij gezet (niet verwijderd).',
    );
  }
  mkdirSync(options.dataDir, { recursive: true });
  const lock = acquireDataDirLock(options.dataDir);
  const pgdata = path.join(options.dataDir, PGDATA);
  let movedAside: string | null = null;
  try {
    if (existsSync(pgdata)) {
      movedAside = path.join(options.dataDir, `${PGDATA}.voor-herstel-${options.now.toISOString().replace(/[:.]/g, '-')}`);
      renameSync(pgdata, movedAside);
    }
    try {
      const client = await PGlite.create(pgdata, { loadDataDir: new Blob([tarball as Uint8Array<ArrayBuffer>]) });
      await client.close();
    } catch (error) {
      rmSync(pgdata, { recursive: true, force: true });
      if (movedAside) renameSync(movedAside, pgdata);
      throw error;
    }
  } finally {
    lock.release();
  }
  // Bring the restored database up to this version's schema (takes the lock again).
  const database = await openDatabase({ kind: 'pglite', dataDir: options.dataDir });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  return { manifest, movedAside };
}
