/** The only code that queries document_snapshots, document_files and document_exports. Snapshots are insert-only. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { documentExports, documentFiles, documentSnapshots } from './schema.js';

export type SnapshotRow = typeof documentSnapshots.$inferSelect;
export type ExportRow = typeof documentExports.$inferSelect;
export interface FileInfo {
  id: string;
  kind: string;
  fileName: string;
  mimeType: string;
  size: number;
}

export async function insertSnapshot(
  db: DbOrTx,
  snapshot: typeof documentSnapshots.$inferInsert,
  files: Array<{ kind: string; fileName: string; mimeType: string; bytes: Uint8Array }>,
): Promise<void> {
  await db.insert(documentSnapshots).values(snapshot);
  for (const file of files) {
    // One row at a time: a school's files together are several MB, too much for one statement's parameters.
    await db.insert(documentFiles).values({
      id: crypto.randomUUID(),
      snapshotId: snapshot.id,
      kind: file.kind,
      fileName: file.fileName,
      mimeType: file.mimeType,
      size: file.bytes.length,
      bytes: file.bytes,
    });
  }
}

/** Snapshots of a profile, newest first, with their files' sizes (not their bytes). */
export async function listSnapshots(db: DbOrTx, profileId: string): Promise<Array<SnapshotRow & { files: FileInfo[] }>> {
  const rows = await db.select().from(documentSnapshots).where(eq(documentSnapshots.profileId, profileId)).orderBy(desc(documentSnapshots.createdAt));
  if (rows.length === 0) return [];
  const files = await db
    .select({ id: documentFiles.id, snapshotId: documentFiles.snapshotId, kind: documentFiles.kind, fileName: documentFiles.fileName, mimeType: documentFiles.mimeType, size: documentFiles.size })
    .from(documentFiles)
    .innerJoin(documentSnapshots, eq(documentSnapshots.id, documentFiles.snapshotId))
    .where(eq(documentSnapshots.profileId, profileId));
  return rows.map((row) => ({ ...row, files: files.filter((f) => f.snapshotId === row.id).map(({ snapshotId: _s, ...f }) => f) }));
}

export async function findLatestSnapshot(db: DbOrTx, profileId: string): Promise<SnapshotRow | null> {
  const [row] = await db.select().from(documentSnapshots).where(eq(documentSnapshots.profileId, profileId)).orderBy(desc(documentSnapshots.createdAt)).limit(1);
  return row ?? null;
}

/** A stored file, only if its snapshot belongs to the given profile (tenant filter). */
export async function getSnapshotFile(db: DbOrTx, profileId: string, snapshotId: string, kind: string) {
  const [row] = await db
    .select({ fileName: documentFiles.fileName, mimeType: documentFiles.mimeType, bytes: documentFiles.bytes, createdAt: documentSnapshots.createdAt })
    .from(documentFiles)
    .innerJoin(documentSnapshots, eq(documentSnapshots.id, documentFiles.snapshotId))
    .where(and(eq(documentSnapshots.id, snapshotId), eq(documentSnapshots.profileId, profileId), eq(documentFiles.kind, kind)));
  return row ?? null;
}

/** Every file of a snapshot with bytes (the batch ZIP). */
export function listSnapshotFiles(db: DbOrTx, snapshotId: string) {
  return db
    .select({ kind: documentFiles.kind, fileName: documentFiles.fileName, mimeType: documentFiles.mimeType, bytes: documentFiles.bytes })
    .from(documentFiles)
    .where(eq(documentFiles.snapshotId, snapshotId));
}

export async function insertExport(db: DbOrTx, row: typeof documentExports.$inferInsert): Promise<void> {
  await db.insert(documentExports).values(row);
}

/** An export without its bytes, only if it belongs to the SWV. */
export async function getExport(db: DbOrTx, partnershipId: string, exportId: string) {
  const [row] = await db
    .select({
      id: documentExports.id,
      partnershipId: documentExports.partnershipId,
      schoolYear: documentExports.schoolYear,
      status: documentExports.status,
      progress: documentExports.progress,
      fileName: documentExports.fileName,
      size: sql<number | null>`octet_length(${documentExports.bytes})`.mapWith((v) => (v === null ? null : Number(v))),
      error: documentExports.error,
      createdAt: documentExports.createdAt,
      finishedAt: documentExports.finishedAt,
    })
    .from(documentExports)
    .where(and(eq(documentExports.id, exportId), eq(documentExports.partnershipId, partnershipId)));
  return row ?? null;
}

export async function getExportBytes(db: DbOrTx, partnershipId: string, exportId: string) {
  const [row] = await db
    .select({ fileName: documentExports.fileName, bytes: documentExports.bytes, status: documentExports.status })
    .from(documentExports)
    .where(and(eq(documentExports.id, exportId), eq(documentExports.partnershipId, partnershipId)));
  return row ?? null;
}

export function listExports(db: DbOrTx, partnershipId: string) {
  return db
    .select({
      id: documentExports.id,
      schoolYear: documentExports.schoolYear,
      status: documentExports.status,
      progress: documentExports.progress,
      createdAt: documentExports.createdAt,
      finishedAt: documentExports.finishedAt,
      size: sql<number | null>`octet_length(${documentExports.bytes})`.mapWith((v) => (v === null ? null : Number(v))),
    })
    .from(documentExports)
    .where(eq(documentExports.partnershipId, partnershipId))
    .orderBy(desc(documentExports.createdAt))
    .limit(20);
}

export async function getExportForJob(db: DbOrTx, exportId: string) {
  const [row] = await db
    .select({ id: documentExports.id, partnershipId: documentExports.partnershipId, schoolYear: documentExports.schoolYear, status: documentExports.status })
    .from(documentExports)
    .where(eq(documentExports.id, exportId));
  return row ?? null;
}

export async function updateExport(db: DbOrTx, exportId: string, change: Partial<Pick<ExportRow, 'status' | 'progress' | 'fileName' | 'bytes' | 'error' | 'finishedAt'>>): Promise<void> {
  await db.update(documentExports).set(change).where(eq(documentExports.id, exportId));
}
