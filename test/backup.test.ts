/**
 * Backup and restore of the embedded database (issue 16): a data folder with demo data, answers changed by
 * autosave (history rows) and generated documents — the upgrade fixture, migrated to today's schema — is backed
 * up with the CLI, restored into an empty folder, and every table comes back with the same rows.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/commands.js';
import { runCli } from '../src/cli/run-cli.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { LOCK_FILE_NAME } from '../src/db/lock.js';
import { latestMigrationTag } from '../src/db/migration-version.js';
import { tableChecksums } from './support/table-checksums.js';
import { FixedClock } from '../src/config/clock.js';
import { seedDemoData } from '../src/features/demo/seed-demo-data.js';
import '../src/features/register.js';
import pg from 'pg';

function captureIo(): CliIo & { output: string[]; errors: string[]; text(): string } {
  const output: string[] = [];
  const errors: string[] = [];
  return { output, errors, out: (line) => output.push(line), err: (line) => errors.push(line), text: () => [...output, ...errors].join('\n') };
}

const fixture = path.join(import.meta.dirname, 'fixtures', 'upgrade', '2026-12-02-demo-migration-0006.sql.gz');

async function contents(db: Database) {
  const one = async (query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows[0]!;
  return {
    profiles: await one(sql`select count(*)::int as n, md5(string_agg(id || status || school_year, ',' order by id)) as sum from profiles`),
    answers: await one(sql`select count(*)::int as n, md5(string_agg(profile_id || item_key || coalesce(value::text, ''), ',' order by profile_id, item_key)) as sum from answers`),
    history: await one(sql`select count(*)::int as n, md5(string_agg(id::text || coalesce(after::text, ''), ',' order by id)) as sum from answer_history`),
    documents: await one(sql`select count(*)::int as n, md5(string_agg(md5(bytes), ',' order by id)) as sum from document_files`),
  };
}

describe('backup and restore of the embedded database (CLI)', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'opensop-backup-'));
  const source = path.join(root, 'bron');
  const target = path.join(root, 'doel');
  const archive = path.join(root, 'opensop-backup.zip');
  const saved = { ...process.env };
  let before: Record<string, string>;
  let beforeContents: Awaited<ReturnType<typeof contents>>;

  const cli = async (dataDir: string, args: string[]) => {
    process.env['DATA_DIR'] = dataDir;
    const io = captureIo();
    const code = await runCli(args, io);
    return { code, text: io.text() };
  };

  beforeAll(async () => {
    process.env['LOG_LEVEL'] = 'silent';
    process.env['CLOCK_NOW'] = '2026-12-03T09:00:00+01:00';
    delete process.env['DATABASE_URL'];
    const database = await openDatabase({ kind: 'pglite', dataDir: source });
    await database.runScript(gunzipSync(readFileSync(fixture)).toString('utf8'));
    await database.migrate();
    before = await tableChecksums(database.db);
    beforeContents = await contents(database.db);
    await database.close();
  }, 120_000);
  afterAll(() => {
    process.env = saved;
    rmSync(root, { recursive: true, force: true });
  });

  it('makes a backup with a manifest naming OpenSOP, its version and the schema version', async () => {
    const result = await cli(source, ['backup', '--out', archive]);
    expect(result.text).toContain('Back-up gemaakt');
    expect(result.code).toBe(0);
    const entries = unzipSync(new Uint8Array(readFileSync(archive)));
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']!));
    expect(manifest).toMatchObject({ format: 'opensop-backup', app: 'OpenSOP', schemaVersion: latestMigrationTag(), createdAt: '2026-12-03T08:00:00.000Z', database: 'pglite' });
    expect(entries['pgdata.tar.gz']!.length).toBeGreaterThan(100_000);
    expect(readdirSync(root).filter((name) => name.endsWith('.partial'))).toEqual([]);
  }, 60_000);

  it('does not overwrite an existing file', async () => {
    const result = await cli(source, ['backup', '--out', archive]);
    expect(result.code).toBe(1);
    expect(result.text).toContain('bestaat al');
  });

  it('says to stop the server first while another process holds the data folder', async () => {
    // The lock as the running server leaves it: another live process on this machine.
    writeFileSync(path.join(source, LOCK_FILE_NAME), JSON.stringify({ pid: process.ppid, host: os.hostname(), since: new Date().toISOString(), heartbeat: true }));
    try {
      const result = await cli(source, ['backup', '--out', path.join(root, 'tweede.zip')]);
      expect(result.code).toBe(1);
      expect(result.text).toContain('Stop eerst de draaiende server');
      expect(existsSync(path.join(root, 'tweede.zip'))).toBe(false);
    } finally {
      rmSync(path.join(source, LOCK_FILE_NAME), { force: true });
    }
  });

  it('restores into an empty folder: every table, profile, answer, history row and document is back', async () => {
    const result = await cli(target, ['restore', archive]);
    expect(result.text).toContain('teruggezet');
    expect(result.code).toBe(0);
    const database = await openDatabase({ kind: 'pglite', dataDir: target });
    try {
      expect(await tableChecksums(database.db)).toEqual(before);
      const after = await contents(database.db);
      expect(after).toEqual(beforeContents);
      expect(after.history['n']).toBeGreaterThan(0);
      expect(after.documents['n']).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  }, 60_000);

  it('refuses a folder that is not empty, and with --force sets the database there aside instead of deleting it', async () => {
    const refused = await cli(target, ['restore', archive]);
    expect(refused.code).toBe(1);
    expect(refused.text).toContain('niet leeg');
    const forced = await cli(target, ['restore', archive, '--force']);
    expect(forced.text).toContain('opzij gezet');
    expect(forced.code).toBe(0);
    expect(readdirSync(target).filter((name) => name.startsWith('pgdata.voor-herstel-'))).toHaveLength(1);
  }, 60_000);

  it('moves one SWV to another installation through the CLI', async () => {
    const file = path.join(root, 'voorbeeldstad.zip');
    const exported = await cli(target, ['swv', 'export', '--swv', 'voorbeeldstad', '--out', file]);
    expect(exported.text).toContain('geëxporteerd');
    expect(exported.code).toBe(0);
    const elsewhere = path.join(root, 'elders');
    const imported = await cli(elsewhere, ['swv', 'import', file]);
    expect(imported.text).toMatch(/geïmporteerd: \d+ rijen, \d+ documenten/);
    expect(imported.text).toContain('nieuwe account(s) krijgen een e-mail');
    expect(imported.code).toBe(0);
  }, 120_000);

  it('refuses a file that is not an OpenSOP backup, and one made by a newer version', async () => {
    const empty = path.join(root, 'leeg');
    const text = path.join(root, 'notities.zip');
    writeFileSync(text, 'geen zip');
    expect((await cli(empty, ['restore', text])).text).toContain('geen back-up van OpenSOP');
    const other = path.join(root, 'ander.zip');
    writeFileSync(other, zipSync({ 'readme.txt': strToU8('hallo') }));
    expect((await cli(empty, ['restore', other])).text).toContain('geen back-up van OpenSOP');
    const entries = unzipSync(new Uint8Array(readFileSync(archive)));
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']!));
    const newer = path.join(root, 'nieuwer.zip');
    writeFileSync(newer, zipSync({ 'manifest.json': strToU8(JSON.stringify({ ...manifest, appVersion: '9.0.0', schemaVersion: '0099_toekomst' })), 'pgdata.tar.gz': entries['pgdata.tar.gz']! }, { level: 0 }));
    const result = await cli(empty, ['restore', newer]);
    expect(result.code).toBe(1);
    expect(result.text).toContain('nieuwere versie van OpenSOP');
    expect(existsSync(path.join(empty, 'pgdata'))).toBe(false);
  }, 60_000);

  it('with PostgreSQL points to pg_dump and pg_restore', async () => {
    process.env['DATABASE_URL'] = 'postgres://opensop@db.example:5432/opensop';
    try {
      const backup = await cli(source, ['backup', '--out', path.join(root, 'pg.zip')]);
      expect(backup.code).toBe(1);
      expect(backup.text).toContain('pg_dump --format=custom');
      const restore = await cli(source, ['restore', archive]);
      expect(restore.text).toContain('pg_restore');
    } finally {
      delete process.env['DATABASE_URL'];
    }
  });
});

const adminUrl = process.env['TEST_DATABASE_URL'];
const hasPgTools = spawnSync('pg_dump', ['--version']).status === 0 && spawnSync('pg_restore', ['--version']).status === 0;

describe.runIf(adminUrl && hasPgTools)('backup and restore on PostgreSQL: the README\'s pg_dump and pg_restore commands', () => {
  it('restores every table into a new database', async () => {
    const names = ['bron', 'hersteld'].map((what) => `opensop_backup_${what}_${Date.now().toString(36)}`);
    const urlOf = (name: string) => Object.assign(new URL(adminUrl!), { pathname: `/${name}` }).toString();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const dump = path.join(mkdtempSync(path.join(os.tmpdir(), 'opensop-pgdump-')), 'opensop.dump');
    try {
      for (const name of names) await admin.query(`create database ${name}`);
      const source = await openDatabase({ kind: 'postgres', url: urlOf(names[0]!) });
      await source.migrate();
      await seedDemoData({ db: source.db, clock: new FixedClock('2026-10-12T10:00:00+02:00') });
      const before = await tableChecksums(source.db);
      await source.close();
      execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, urlOf(names[0]!)]);
      execFileSync('pg_restore', ['--no-owner', `--dbname=${urlOf(names[1]!)}`, dump]);
      const restored = await openDatabase({ kind: 'postgres', url: urlOf(names[1]!) });
      try {
        await restored.migrate();
        expect(await tableChecksums(restored.db)).toEqual(before);
      } finally {
        await restored.close();
      }
    } finally {
      for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      rmSync(path.dirname(dump), { recursive: true, force: true });
    }
  }, 120_000);
});
