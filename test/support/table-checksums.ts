/**
 * A fingerprint of every table (row count and an order-independent checksum of the rows), so a test can
 * say that a request changed nothing. Sessions are left out: signing a persona in for the request writes one.
 */
import { sql } from 'drizzle-orm';
import { executePrepared, type Database } from '../../src/db/client.js';

const IGNORED = new Set(['sessions', '__drizzle_migrations']);

export async function tableChecksums(db: Database): Promise<Record<string, string>> {
  const tables = await executePrepared<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const names = tables.rows.map((row) => row.table_name).filter((name) => !IGNORED.has(name));
  const union = names
    .map((name) => `select '${name}' as t, count(*)::text || ':' || coalesce(md5(string_agg(md5(x::text), '' order by md5(x::text))), '') as c from "${name}" x`)
    .join(' union all ');
  const result = await executePrepared<{ t: string; c: string }>(db, sql.raw(union));
  return Object.fromEntries(result.rows.map((row) => [row.t, row.c]));
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => before[name] !== after[name]).sort();
}
