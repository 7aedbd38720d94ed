/**
 * Applies the migrations before a given one, so a data migration can be tested on rows in the old shape:
 * open the database with `openTestDatabase(kind, { migrate: false })`, `migrateBefore(handle, 'tag')`,
 * insert old rows with SQL, then `handle.migrate()` applies the rest.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DatabaseHandle } from '../../src/db/client.js';
import { projectRoot } from '../../src/config/project-root.js';

/** Applies every migration listed before the one whose tag ends with `tagSuffix` (e.g. "answers_norm_status"). */
export async function migrateBefore(handle: DatabaseHandle, tagSuffix: string): Promise<void> {
  const source = path.join(projectRoot(), 'src', 'db', 'migrations');
  const journal = JSON.parse(readFileSync(path.join(source, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
  const stop = journal.entries.findIndex((entry) => entry.tag.endsWith(tagSuffix));
  if (stop < 0) throw new Error(`no migration ending with ${tagSuffix}`);
  const folder = mkdtempSync(path.join(tmpdir(), 'opensop-migrations-'));
  try {
    cpSync(source, folder, { recursive: true });
    writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, stop) }));
    const db = handle.db as never;
    if (handle.kind === 'postgres') await migrateNodePg(db, { migrationsFolder: folder });
    else await migratePglite(db, { migrationsFolder: folder });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
