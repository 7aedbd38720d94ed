import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { districts, partnerships, schools } from '../partnerships/schema.js';

/**
 * An uploaded file, parsed, waiting between its preview and the user's confirmation (server-side, so the
 * confirmation cannot be tampered with and a large file is not sent twice). Expires; one per kind and SWV.
 */
export const registerImports = pgTable(
  'register_imports',
  {
    id: text('id').primaryKey(),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id, { onDelete: 'cascade' }),
    /** locations | pupil_counts | verdicts | districts */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** The parsed records and the choices made on upload (per kind; see register/import-payloads.ts). */
    payload: jsonb('payload').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set when confirmed: a second confirmation (a double click, the back button) is refused, not applied twice. */
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [index('register_imports_partnership').on(t.partnershipId, t.kind)],
);

/**
 * Pupils per school location on a count date (DUO, 1 October), as a range: DUO writes 1–4 pupils as "<5",
 * kept as low 1 – high 4 ("fewer than 5"), never 0. Exact counts have low = high. Counts only, no pupil data.
 */
export const schoolPupilCounts = pgTable(
  'school_pupil_counts',
  {
    schoolId: text('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    countedOn: text('counted_on').notNull(),
    low: integer('low').notNull(),
    high: integer('high').notNull(),
    fileName: text('file_name').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.countedOn] }), index('school_pupil_counts_partnership').on(t.partnershipId, t.countedOn)],
);

/** The inspection's verdicts (oordelen) per location; in vo a verdict may concern one department (afdeling). */
export const schoolInspectionVerdicts = pgTable(
  'school_inspection_verdicts',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    verdict: text('verdict').notNull(),
    /** The department the verdict concerns (vo), or null for the whole location. */
    department: text('department'),
    inspectedName: text('inspected_name'),
    decidedOn: text('decided_on'),
    publishedOn: text('published_on'),
    fileName: text('file_name').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('school_inspection_verdicts_school').on(t.schoolId)],
);

/** How the SWV names a CBS wijk code (from the postcode-house number table): which of its districts it is. */
export const cbsWijkDistricts = pgTable(
  'cbs_wijk_districts',
  {
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    wijkCode: text('wijk_code').notNull(),
    districtId: text('district_id').notNull().references(() => districts.id, { onDelete: 'cascade' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.wijkCode] })],
);
