/**
 * What one SWV owns, table by table: the rows `swv export` writes and `swv import` reads back
 * (src/features/swv-transfer/, docs/decisions/0017-backups-and-moving-house.md). The list is walked from the schema:
 * every table with a foreign-key path to `partnerships` or `users`, or with a `partnership_id` column, must be
 * either exported here (with the query that finds the SWV's rows) or excluded with a reason —
 * `uncoveredSwvTables()` names the ones that are neither, and test/swv-transfer.test.ts fails on them.
 * Rows travel as JSON (`to_jsonb`, column names as keys), so this code knows no feature's columns; ids are
 * renamed on import by following the foreign keys the schema declares.
 */
import { sql, type SQL } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.js';
import * as schema from './schema.js';

export interface SwvTable {
  name: string;
  /** The SWV's rows, as a condition on the table aliased `t`. Users are chosen by id (`users`). */
  where(partnershipId: string, userIds: string[]): SQL;
  /** Columns never exported: bytes that travel as separate files. */
  omit?: string[];
  /**
   * Only these columns are exported (an allow-list, for tables that hold secrets: a column added later, such as a
   * second factor's secret, stays behind until someone adds it here). `SECRET_COLUMNS` names the ones left out.
   */
  only?: string[];
}

/** Columns of exported tables that hold secrets and never leave the installation (checked against the schema in the tests). */
export const SECRET_COLUMNS: Record<string, string[]> = { users: ['password_hash'] };

/** A PostgreSQL text[] literal, each element quoted, for a list that may be empty (one parameter, any length). */
export function textArray(values: string[]): string {
  return `{${values.map((value) => `"${value.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
}

const ofSwv = (partnershipId: string) => sql`t.partnership_id = ${partnershipId}`;
const ofSwvProfiles = (partnershipId: string) => sql`t.profile_id in (select id from profiles where partnership_id = ${partnershipId})`;
const swvMemberships = (partnershipId: string) => sql`(
  partnership_id = ${partnershipId}
  or board_id in (select id from boards where partnership_id = ${partnershipId})
  or school_id in (select id from schools where partnership_id = ${partnershipId}))`;

/** In import order: a table comes after every table it references. */
export const SWV_TABLES: SwvTable[] = [
  { name: 'partnerships', where: (id) => sql`t.id = ${id}` },
  // Everyone with a role in the SWV, and everyone an exported row names (who changed an answer, who adopted).
  {
    name: 'users',
    where: (_id, userIds) => sql`t.id in (select unnest(${textArray(userIds)}::text[]))`,
    only: ['id', 'email', 'name', 'locale', 'disabled_at', 'created_at'],
  },
  { name: 'districts', where: ofSwv },
  { name: 'boards', where: ofSwv },
  { name: 'schools', where: ofSwv },
  { name: 'school_contacts', where: ofSwv },
  { name: 'memberships', where: (id) => sql`t.id in (select id from memberships where ${swvMemberships(id)})` },
  { name: 'membership_scopes', where: (id) => sql`t.membership_id in (select id from memberships where ${swvMemberships(id)})` },
  { name: 'templates', where: ofSwv },
  { name: 'template_versions', where: ofSwv },
  { name: 'cycles', where: ofSwv },
  { name: 'profiles', where: ofSwv },
  { name: 'answers', where: ofSwv },
  { name: 'answer_history', where: ofSwvProfiles },
  { name: 'profile_transitions', where: ofSwvProfiles },
  { name: 'review_remarks', where: ofSwvProfiles },
  { name: 'plausibility_verdicts', where: ofSwv },
  { name: 'pupil_voice_records', where: ofSwvProfiles },
  { name: 'document_snapshots', where: ofSwv },
  { name: 'document_files', where: (id) => sql`t.snapshot_id in (select id from document_snapshots where partnership_id = ${id})`, omit: ['bytes'] },
  { name: 'school_pupil_counts', where: ofSwv },
  { name: 'school_inspection_verdicts', where: ofSwv },
  { name: 'cbs_wijk_districts', where: ofSwv },
  { name: 'support_point_themes', where: ofSwv },
  { name: 'support_point_signals', where: ofSwv },
  { name: 'diversity_categories', where: ofSwv },
  { name: 'diversity_groups', where: ofSwv },
  { name: 'diversity_group_counts', where: (id) => sql`t.group_id in (select id from diversity_groups where partnership_id = ${id})` },
  { name: 'diversity_category_factors', where: (id) => sql`t.category_id in (select id from diversity_categories where partnership_id = ${id})` },
  { name: 'diversity_year_settings', where: ofSwv },
  { name: 'diversity_profile_disclosures', where: ofSwvProfiles },
  { name: 'conversation_guides', where: ofSwv },
  { name: 'conversation_conclusions', where: ofSwvProfiles },
  { name: 'poll_questions', where: ofSwv },
  { name: 'polls', where: ofSwv },
  { name: 'poll_responses', where: (id) => sql`t.poll_id in (select id from polls where partnership_id = ${id})` },
  { name: 'poll_texts', where: (id) => sql`t.poll_id in (select id from polls where partnership_id = ${id})` },
  { name: 'quality_standards', where: ofSwv },
  { name: 'quality_assessments', where: ofSwv },
  { name: 'quality_ratings', where: (id) => sql`t.assessment_id in (select id from quality_assessments where partnership_id = ${id})` },
  { name: 'quality_resolutions', where: (id) => sql`t.review_id in (select id from quality_assessments where partnership_id = ${id})` },
];

/** Tables that relate to an SWV or its users and are deliberately not exported, with the reason. */
export const SWV_EXCLUDED_TABLES: Record<string, string> = {
  sessions: 'secrets: log-in sessions of this installation; people log in again at the new one',
  user_tokens: 'secrets: one-time links of this installation; the import sends new set-password links',
  invitations: 'open one-time links of this installation (consent invitations); the import sends its own',
  audit_log: 'the record of what happened in this installation (entity ids are its own); it stays there, and the import writes an audit row of its own',
  register_imports: 'uploaded files waiting for confirmation; they expire within a day',
  document_exports: 'batch ZIPs of documents, made again on request from document_files (which are exported)',
  document_export_chunks: 'the bytes of those batch ZIPs (see document_exports)',
  second_factors: 'secrets: a person sets up two-step verification again at the new installation',
  recovery_codes: 'secrets: they belong to the second factor, which stays behind',
  pending_logins: 'log-ins between password and code, valid for minutes',
  poll_devices: "hashes of pupils' device tokens that guard one answer per device; they mean nothing at another address",
  answer_summaries: 'derived: the database recomputes it from the answer rows as they are imported (triggers, decision 0024)',
  template_item_slots: 'derived: the database recomputes it from the template versions as they are imported (triggers, decision 0024)',
};

export const ALL_TABLES: PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable => value instanceof PgTable);

export function tableByName(name: string): PgTable {
  const table = ALL_TABLES.find((candidate) => getTableConfig(candidate).name === name);
  if (!table) throw new Error(`Unknown table ${name}`);
  return table;
}

export interface TableShape {
  name: string;
  /** Columns in schema order, without identity columns (the target database numbers those itself). */
  insertableColumns: string[];
  identityColumns: string[];
  primaryKey: string[];
  /** column → the table its value is an id of. `partnership_id` always names the SWV, with or without a foreign key. */
  references: Record<string, string>;
  /** The single text id column that gets a new value on import, if the table has one. */
  ownId: string | null;
}

export function tableShape(nameOrTable: string | PgTable): TableShape {
  const config = getTableConfig(typeof nameOrTable === 'string' ? tableByName(nameOrTable) : nameOrTable);
  const name = config.name;
  const references: Record<string, string> = {};
  for (const foreignKey of config.foreignKeys) {
    const reference = foreignKey.reference();
    if (reference.columns.length !== 1) throw new Error(`${name}: composite foreign keys are not supported by the SWV export`);
    references[reference.columns[0]!.name] = getTableConfig(reference.foreignTable).name;
  }
  if (config.columns.some((column) => column.name === 'partnership_id') && name !== 'partnerships') references['partnership_id'] = 'partnerships';
  const identityColumns = config.columns.filter((column) => column.generatedIdentity).map((column) => column.name);
  const primaryKey = config.primaryKeys.length > 0 ? config.primaryKeys[0]!.columns.map((column) => column.name) : config.columns.filter((column) => column.primary).map((column) => column.name);
  const single = primaryKey.length === 1 ? config.columns.find((column) => column.name === primaryKey[0]) : undefined;
  const ownId = single && single.getSQLType() === 'text' && !references[single.name] ? single.name : null;
  return {
    name,
    insertableColumns: config.columns.filter((column) => !column.generatedIdentity).map((column) => column.name),
    identityColumns,
    primaryKey,
    references,
    ownId,
  };
}

/**
 * Tables that relate to an SWV (a foreign-key path to `partnerships` or `users`, or a `partnership_id` column)
 * but are neither exported nor excluded with a reason. Must be empty.
 */
export function uncoveredSwvTables(tables: PgTable[] = ALL_TABLES): string[] {
  const shapes = tables.map((table) => tableShape(table));
  const related = new Set(['partnerships', 'users']);
  for (let changed = true; changed; ) {
    changed = false;
    for (const shape of shapes) {
      if (related.has(shape.name)) continue;
      if (Object.values(shape.references).some((target) => related.has(target))) {
        related.add(shape.name);
        changed = true;
      }
    }
  }
  const covered = new Set([...SWV_TABLES.map((table) => table.name), ...Object.keys(SWV_EXCLUDED_TABLES)]);
  return [...related].filter((name) => !covered.has(name)).sort();
}

/** The SWV's rows of one table as JSON objects (column names as keys), in primary-key order. Run inside `inUtc`. */
export async function selectSwvRows(db: DbOrTx, table: SwvTable, partnershipId: string, userIds: string[] = []): Promise<Record<string, unknown>[]> {
  const shape = tableShape(table.name);
  const omit = table.omit?.length ? ` - '{${table.omit.join(',')}}'::text[]` : '';
  const json = table.only ? sql.raw(`jsonb_build_object(${table.only.map((column) => `'${column}', t."${column}"`).join(', ')})`) : sql.raw(`to_jsonb(t)${omit}`);
  const order = sql.raw(shape.primaryKey.map((column) => `t."${column}"`).join(', '));
  const result = (await db.execute(
    sql`select (${json})::text as row from ${sql.identifier(table.name)} t where ${table.where(partnershipId, userIds)} order by ${order}`,
  )) as unknown as { rows: Array<{ row: string }> };
  return result.rows.map((row) => JSON.parse(row.row) as Record<string, unknown>);
}

/** Dates and times as UTC text, so an export reads the same on every server; a consistent snapshot, read only. */
export function inUtc<T>(db: DbOrTx, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local timezone = 'UTC'`);
      return work(tx);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The stored bytes of one document file. */
export async function documentFileBytes(db: DbOrTx, id: string): Promise<Uint8Array> {
  const result = (await db.execute(sql`select bytes from document_files where id = ${id}`)) as unknown as { rows: Array<{ bytes: Uint8Array }> };
  const bytes = result.rows[0]?.bytes;
  if (!bytes) throw new Error(`document file ${id} has no bytes`);
  return new Uint8Array(bytes);
}

/**
 * Inserts rows given as JSON objects (column names as keys, as `selectSwvRows` returns them) in their order;
 * PostgreSQL converts each value with the column's own type. Identity columns are left to the database.
 * A `bytea` value is given as "\\x" + hex.
 */
export async function insertJsonRows(db: DbOrTx, name: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const shape = tableShape(name);
  const present = new Set(rows.flatMap((row) => Object.keys(row)));
  const columns = shape.insertableColumns.filter((column) => present.has(column));
  const list = sql.raw(columns.map((column) => `"${column}"`).join(', '));
  const fromRecord = sql.raw(columns.map((column) => `r."${column}"`).join(', '));
  await db.execute(
    sql`insert into ${sql.identifier(name)} (${list})
        select ${fromRecord} from jsonb_populate_recordset(null::${sql.identifier(name)}, ${JSON.stringify(rows)}::jsonb) with ordinality as r
        order by r.ordinality`,
  );
}

/** Whether an SWV with this short name exists. */
export async function swvIdBySlug(db: DbOrTx, slug: string): Promise<string | null> {
  const result = (await db.execute(sql`select id from partnerships where slug = ${slug}`)) as unknown as { rows: Array<{ id: string }> };
  return result.rows[0]?.id ?? null;
}

/** Existing accounts by (lower-case) e-mail address. */
export async function usersByEmail(db: DbOrTx, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const result = (await db.execute(sql`select id, email from users where email in (select unnest(${textArray(emails)}::text[]))`)) as unknown as {
    rows: Array<{ id: string; email: string }>;
  };
  return new Map(result.rows.map((row) => [row.email, row.id]));
}
