/** `backup` and `restore`: the embedded database (PGlite in DATA_DIR) to one file and back (src/db/backup.ts). */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/env.js';
import { createClock } from '../runtime.js';
import { BackupError, backupDataDir, restoreDataDir } from '../db/backup.js';
import { registerCliCommand, type CliIo } from './commands.js';

/** With PostgreSQL, PostgreSQL's own tools make a consistent backup while the app runs (README "Backups"). */
export function postgresBackupAdvice(io: CliIo, what: 'backup' | 'restore'): number {
  io.err(
    (what === 'backup'
      ? 'Deze installatie gebruikt PostgreSQL (DATABASE_URL). Maak de back-up met pg_dump; dat kan terwijl de server draait:\n'
      : 'Deze installatie gebruikt PostgreSQL (DATABASE_URL). Zet een back-up terug met pg_restore, in een lege database:\n') +
      '  pg_dump --format=custom --no-owner --file=opensop.dump "$DATABASE_URL"\n' +
      '  createdb opensop_hersteld && pg_restore --no-owner --dbname=postgres://…/opensop_hersteld opensop.dump\n' +
      'Zie README.md, "Backups and restore".',
  );
  return 1;
}

registerCliCommand({
  name: ['backup'],
  summary: 'Maakt een back-up van de ingebouwde database (DATA_DIR) in één bestand; stop eerst de server. Met PostgreSQL: pg_dump.',
  usage: 'backup --out <bestand.zip>',
  needsDatabase: false,
  async run({ args, io }) {
    const { values } = parseArgs({ args, strict: true, options: { out: { type: 'string' } } });
    const config = loadConfig();
    if (config.DATABASE_URL) return postgresBackupAdvice(io, 'backup');
    if (!values.out) {
      io.err('Noem het bestand voor de back-up, bijvoorbeeld: backup --out opensop-backup.zip');
      return 2;
    }
    try {
      const { manifest, bytes } = await backupDataDir({ dataDir: config.dataDir, outFile: path.resolve(values.out), now: createClock(config).now() });
      io.out(`Back-up gemaakt: ${values.out} (${Math.max(1, Math.round(bytes / 1024))} kB; OpenSOP ${manifest.appVersion}, databaseversie ${manifest.schemaVersion}).`);
      return 0;
    } catch (error) {
      if (error instanceof BackupError) {
        io.err(error.message);
        return 1;
      }
      throw error;
    }
  },
});

registerCliCommand({
  name: ['restore'],
  summary: 'Zet een back-up terug in een lege DATA_DIR en migreert daarna; --force zet een bestaande database eerst opzij.',
  usage: 'restore <bestand.zip> [--force]',
  needsDatabase: false,
  async run({ args, io }) {
    const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { force: { type: 'boolean' } } });
    const config = loadConfig();
    if (config.DATABASE_URL) return postgresBackupAdvice(io, 'restore');
    if (positionals.length !== 1) {
      io.err('Noem één back-upbestand, bijvoorbeeld: restore opensop-backup.zip');
      return 2;
    }
    try {
      const { manifest, movedAside } = await restoreDataDir({ dataDir: config.dataDir, file: path.resolve(positionals[0]!), force: values.force === true, now: createClock(config).now() });
      if (movedAside) io.out(`De database die er stond is opzij gezet in ${movedAside} (niet verwijderd).`);
      io.out(`Back-up van ${manifest.createdAt} (OpenSOP ${manifest.appVersion}, databaseversie ${manifest.schemaVersion}) teruggezet in ${config.dataDir} en bijgewerkt naar deze versie.`);
      return 0;
    } catch (error) {
      if (error instanceof BackupError) {
        io.err(error.message);
        return 1;
      }
      throw error;
    }
  },
});
