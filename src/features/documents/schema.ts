import { bigint, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { partnerships, schools } from '../partnerships/schema.js';
import { profiles } from '../questionnaire/schema.js';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBuffer)),
});

/**
 * An immutable set of a profile's documents at a moment (submitted, adopted).
 * After the cycle closes these are what people see; earlier years stay downloadable.
 */
export const documentSnapshots = pgTable(
  'document_snapshots',
  {
    id: text('id').primaryKey(),
    profileId: text('profile_id').notNull().references(() => profiles.id),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    schoolId: text('school_id').notNull().references(() => schools.id),
    schoolYear: text('school_year').notNull(),
    /** Why it was taken: "submitted", "adopted" or "archive" (e.g. imported documents of earlier years). */
    reason: text('reason', { enum: ['submitted', 'adopted', 'archive'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').references(() => users.id),
  },
  (t) => [index('document_snapshots_school_year').on(t.schoolId, t.schoolYear)],
);

export const documentFiles = pgTable(
  'document_files',
  {
    id: text('id').primaryKey(),
    snapshotId: text('snapshot_id').notNull().references(() => documentSnapshots.id, { onDelete: 'cascade' }),
    /** Stable kind, e.g. "sop-docx", "sop-pdf", "parent-poster-a4-pdf". */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [index('document_files_snapshot').on(t.snapshotId)],
);

/**
 * A ZIP of all schools' documents of one year for an SWV, built by a background job. The ZIP itself is
 * stored in `document_export_chunks` as it is made (an SWV of hundreds of schools gives a ZIP of hundreds
 * of MB to GB: never one value in memory or in one row). Only the newest finished export per SWV and
 * school year keeps its chunks; an older one becomes "expired" when a newer one is done.
 */
export const documentExports = pgTable('document_exports', {
  id: text('id').primaryKey(),
  partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
  schoolYear: text('school_year').notNull(),
  requestedBy: text('requested_by').references(() => users.id),
  status: text('status', { enum: ['queued', 'running', 'done', 'failed', 'expired'] }).notNull(),
  /** Schools done of total, and the schools whose documents could not be made (listed in the ZIP too). */
  progress: jsonb('progress').$type<{ done: number; total: number; failed?: Array<{ school: string; error: string }> }>(),
  fileName: text('file_name'),
  /** Set when done: the ZIP's size in bytes (the sum of its chunks, the download's Content-Length) and its number of chunks. */
  size: bigint('size', { mode: 'number' }),
  chunkCount: integer('chunk_count'),
  /**
   * The run of the job that owns the chunks. A retry takes a new one and starts clean; a worker of an earlier
   * run (its lease expired) can then no longer write chunks or change the export.
   */
  runId: text('run_id'),
  error: text('error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** The ZIP of an export in order: chunk `seq` 0, 1, 2, … of a few MB each, written while the job runs. */
export const documentExportChunks = pgTable(
  'document_export_chunks',
  {
    exportId: text('export_id')
      .notNull()
      .references(() => documentExports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.exportId, t.seq] })],
);
