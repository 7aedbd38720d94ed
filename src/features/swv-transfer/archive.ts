/**
 * The SWV archive (`swv export` / `swv import`): one ZIP with
 * - `manifest.json`: format, OpenSOP's version, the schema version (last migration), when, the SWV, rows per
 *   table, and the tables deliberately left out with the reason;
 * - `tables/<table>.jsonl`: the SWV's rows of each table, one JSON object per line (column names as keys);
 * - `documents/<document file id>`: the stored bytes of each generated document.
 * Secrets never enter it: no password hashes, sessions, second factors or one-time links.
 */
export const SWV_EXPORT_FORMAT = 'opensop-swv-export';

export interface SwvExportManifest {
  format: typeof SWV_EXPORT_FORMAT;
  formatVersion: 1;
  app: 'OpenSOP';
  appVersion: string;
  schemaVersion: string;
  createdAt: string;
  swv: { slug: string; name: string };
  /** Rows per table, in import order. */
  tables: Record<string, number>;
  documents: number;
  excluded: Record<string, string>;
}

export const manifestPath = 'manifest.json';
export const tablePath = (table: string) => `tables/${table}.jsonl`;
export const documentPath = (id: string) => `documents/${id}`;

export function toJsonLines(rows: Record<string, unknown>[]): Uint8Array {
  return new TextEncoder().encode(rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
}

export function fromJsonLines(bytes: Uint8Array): Record<string, unknown>[] {
  return new TextDecoder()
    .decode(bytes)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
