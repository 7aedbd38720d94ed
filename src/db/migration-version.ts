/**
 * The schema version of a database: the tag of the last migration applied to it (e.g. "0013_diversity_index"),
 * read from drizzle's bookkeeping table and named after this installation's migration journal. Backups and SWV
 * exports carry it in their manifest, so a restore can refuse an archive from a newer version of OpenSOP.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { projectRoot } from '../config/project-root.js';
import type { DbOrTx } from './client.js';

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function migrationJournal(): JournalEntry[] {
  const file = path.join(projectRoot(), 'src', 'db', 'migrations', 'meta', '_journal.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { entries: JournalEntry[] }).entries;
}

/** The newest migration this version of OpenSOP knows. */
export function latestMigrationTag(): string {
  const entries = migrationJournal();
  return entries[entries.length - 1]!.tag;
}

/** Whether this version of OpenSOP knows the migration (an archive with an unknown tag comes from a newer version). */
export function isKnownMigrationTag(tag: string): boolean {
  return migrationJournal().some((entry) => entry.tag === tag);
}

/** The tag of the last migration applied to the database, or null for an empty database. */
export async function appliedMigrationTag(db: DbOrTx): Promise<string | null> {
  const exists = (await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`)) as unknown as { rows: Array<{ present: boolean }> };
  if (!exists.rows[0]?.present) return null;
  const result = (await db.execute(sql`select max(created_at)::text as "when" from drizzle.__drizzle_migrations`)) as unknown as { rows: Array<{ when: string | null }> };
  const when = result.rows[0]?.when;
  if (!when) return null;
  return migrationJournal().find((entry) => String(entry.when) === when)?.tag ?? `unknown-${when}`;
}

/** OpenSOP's version, from package.json. */
export function appVersion(): string {
  return (JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
