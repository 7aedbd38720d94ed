/**
 * `swv export`: one SWV with everything it owns to one ZIP (archive.ts), read in one consistent snapshot.
 * Which tables and rows: src/db/swv-tables.ts. An operator command: there is no signed-in user, so no scope check;
 * the export is audited in the source installation.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { recordAudit } from '../../audit/record-audit.js';
import { AppError } from '../../auth/app-error.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { appliedMigrationTag, appVersion } from '../../db/migration-version.js';
import { documentFileBytes, inUtc, selectSwvRows, SWV_EXCLUDED_TABLES, SWV_TABLES, swvIdBySlug, tableShape } from '../../db/swv-tables.js';
import { documentPath, manifestPath, SWV_EXPORT_FORMAT, tablePath, toJsonLines, type SwvExportManifest } from './archive.js';

/** Receives the ZIP as it is made (a file, or memory in tests). */
export type ChunkSink = (chunk: Uint8Array) => void;

export async function exportSwv(options: { db: Database; clock: Clock; slug: string; write: ChunkSink }): Promise<SwvExportManifest> {
  const { db, clock } = options;
  const partnershipId = await swvIdBySlug(db, options.slug);
  if (!partnershipId) throw new AppError('not_found', `Er is geen samenwerkingsverband met korte naam "${options.slug}".`);
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else options.write(chunk);
  });
  const add = (name: string, bytes: Uint8Array, compress: boolean) => {
    const file = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    zip.add(file);
    file.push(bytes, true);
  };

  const manifest = await inUtc(db, async (tx) => {
    const tables: Record<string, number> = {};
    const userIds = new Set<string>();
    let partnership: { slug: string; name: string } | null = null;
    let documents = 0;
    // Users last: everyone the other rows name must come along.
    for (const table of [...SWV_TABLES.filter((t) => t.name !== 'users'), SWV_TABLES.find((t) => t.name === 'users')!]) {
      const rows = await selectSwvRows(tx, table, partnershipId, [...userIds].sort());
      const userColumns = Object.entries(tableShape(table.name).references)
        .filter(([, target]) => target === 'users')
        .map(([column]) => column);
      for (const row of rows) {
        for (const column of userColumns) if (typeof row[column] === 'string') userIds.add(row[column]);
      }
      if (table.name === 'partnerships') partnership = { slug: String(rows[0]!['slug']), name: String(rows[0]!['name']) };
      tables[table.name] = rows.length;
      add(tablePath(table.name), toJsonLines(rows), true);
      if (table.name === 'document_files') {
        // One file at a time: a year of documents of hundreds of schools never sits in memory at once.
        for (const row of rows) {
          add(documentPath(String(row['id'])), await documentFileBytes(tx, String(row['id'])), false);
          documents++;
        }
      }
      if (failure) throw failure;
    }
    const schemaVersion = (await appliedMigrationTag(tx)) ?? 'unknown';
    const ordered = Object.fromEntries(SWV_TABLES.map((table) => [table.name, tables[table.name] ?? 0]));
    return {
      format: SWV_EXPORT_FORMAT,
      formatVersion: 1,
      app: 'OpenSOP',
      appVersion: appVersion(),
      schemaVersion,
      createdAt: clock.now().toISOString(),
      swv: partnership!,
      tables: ordered,
      documents,
      excluded: SWV_EXCLUDED_TABLES,
    } satisfies SwvExportManifest;
  });
  add(manifestPath, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), true);
  zip.end();
  if (failure) throw failure;
  await recordAudit(db, { at: clock.now(), actorUserId: null, partnershipId, action: 'swv.export', entityType: 'partnership', entityId: partnershipId, after: { tables: manifest.tables, documents: manifest.documents } });
  return manifest;
}
