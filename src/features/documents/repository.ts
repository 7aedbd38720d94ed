/** The only code that queries document_snapshots, document_files, document_exports and their chunks. Snapshots are insert-only. */
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { documentExportChunks, documentExports, documentFiles, documentSnapshots } from './schema.js';

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

/** An export (without its ZIP), only if it belongs to the SWV. */
export async function getExport(db: DbOrTx, partnershipId: string, exportId: string) {
  const [row] = await db
    .select({
      id: documentExports.id,
      partnershipId: documentExports.partnershipId,
      schoolYear: documentExports.schoolYear,
      status: documentExports.status,
      progress: documentExports.progress,
      fileName: documentExports.fileName,
      size: documentExports.size,
      chunkCount: documentExports.chunkCount,
      error: documentExports.error,
      createdAt: documentExports.createdAt,
      finishedAt: documentExports.finishedAt,
    })
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
      size: documentExports.size,
      chunkCount: documentExports.chunkCount,
    })
    .from(documentExports)
    .where(eq(documentExports.partnershipId, partnershipId))
    .orderBy(desc(documentExports.createdAt))
    .limit(20);
}

/**
 * One chunk of an export's ZIP. No tenant filter: call it only for an export that getExport returned for
 * the authorized SWV (openExportDownload does).
 */
export async function unsafeReadExportChunk(db: DbOrTx, exportId: string, seq: number): Promise<Uint8Array | null> {
  const [row] = await db
    .select({ bytes: documentExportChunks.bytes })
    .from(documentExportChunks)
    .where(and(eq(documentExportChunks.exportId, exportId), eq(documentExportChunks.seq, seq)));
  return row?.bytes ?? null;
}

export async function getExportForJob(db: DbOrTx, exportId: string) {
  const [row] = await db
    .select({ id: documentExports.id, partnershipId: documentExports.partnershipId, schoolYear: documentExports.schoolYear, status: documentExports.status })
    .from(documentExports)
    .where(eq(documentExports.id, exportId));
  return row ?? null;
}

/*
 * The batch job's writes. Each run of the job has its own run id; every write below applies only while the
 * export still belongs to that run, and says whether it did. A worker whose lease expired (and whose job a
 * retry took over) can therefore not add chunks to, or change, the retry's ZIP.
 */

/** Starts a run: the export is "running" under `runId`, and whatever an earlier run left behind is deleted. */
export async function startExportRun(db: DbOrTx, exportId: string, runId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(documentExports)
      .set({ status: 'running', runId, error: null, size: null, chunkCount: null, fileName: null, finishedAt: null })
      .where(eq(documentExports.id, exportId));
    await tx.delete(documentExportChunks).where(eq(documentExportChunks.exportId, exportId));
  });
}

/** Stores chunk `seq` of the run's ZIP; false when the export no longer belongs to this run. */
export async function insertExportChunk(db: DbOrTx, exportId: string, runId: string, seq: number, bytes: Uint8Array): Promise<boolean> {
  // FOR SHARE waits for a retry that is taking over the export (startExportRun), then sees its new run id.
  const result = await db.execute(sql`
    insert into document_export_chunks (export_id, seq, bytes)
    select id, ${seq}::integer, ${bytes}::bytea from document_exports where id = ${exportId} and run_id = ${runId} for share
    returning seq`);
  return (result as unknown as { rows: unknown[] }).rows.length === 1;
}

export async function updateExportRun(db: DbOrTx, exportId: string, runId: string, change: Partial<Pick<ExportRow, 'progress'>>): Promise<boolean> {
  const rows = await db
    .update(documentExports)
    .set(change)
    .where(and(eq(documentExports.id, exportId), eq(documentExports.runId, runId)))
    .returning({ id: documentExports.id });
  return rows.length === 1;
}

/** A failed run: the export is "failed" and its partial ZIP is deleted (the job queue may retry it). */
export async function failExportRun(db: DbOrTx, exportId: string, runId: string, change: Pick<ExportRow, 'error' | 'finishedAt'>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(documentExports)
      .set({ ...change, status: 'failed', size: null, chunkCount: null })
      .where(and(eq(documentExports.id, exportId), eq(documentExports.runId, runId)))
      .returning({ id: documentExports.id });
    if (rows.length === 0) return false;
    await tx.delete(documentExportChunks).where(eq(documentExportChunks.exportId, exportId));
    return true;
  });
}

/**
 * A finished run: the export is "done" with its size and number of chunks, in one transaction with the
 * retention rule: every other finished export of the same SWV and school year becomes "expired" and its
 * chunks are deleted, so only the newest finished ZIP per SWV and year is kept.
 */
export async function finishExportRun(
  db: DbOrTx,
  exportId: string,
  runId: string,
  change: Required<Pick<ExportRow, 'fileName' | 'size' | 'chunkCount' | 'progress' | 'finishedAt'>>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(documentExports)
      .set({ ...change, status: 'done' })
      .where(and(eq(documentExports.id, exportId), eq(documentExports.runId, runId)))
      .returning({ partnershipId: documentExports.partnershipId, schoolYear: documentExports.schoolYear });
    if (!row) return false;
    const expired = await tx
      .update(documentExports)
      .set({ status: 'expired' })
      .where(
        and(
          eq(documentExports.partnershipId, row.partnershipId),
          eq(documentExports.schoolYear, row.schoolYear),
          eq(documentExports.status, 'done'),
          ne(documentExports.id, exportId),
        ),
      )
      .returning({ id: documentExports.id });
    if (expired.length > 0) {
      await tx.delete(documentExportChunks).where(
        inArray(
          documentExportChunks.exportId,
          expired.map((e) => e.id),
        ),
      );
    }
    return true;
  });
}

/** Test support and diagnostics: how many chunks an export has stored. */
export async function countExportChunks(db: DbOrTx, exportId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(documentExportChunks)
    .where(eq(documentExportChunks.exportId, exportId));
  return row?.count ?? 0;
}
