/**
 * Reading the public files the register imports (DUO, inspection, CBS, an SWV's own postcode list): CSV with
 * `;`, `,` or tabs, UTF-8 with or without BOM or Windows-1252/Latin-1, quoted fields. csv-parse does the
 * parsing and iconv-lite the decoding; this module only detects what the file is and names the line and
 * column of what is wrong (docs/decisions/0008-register-import.md).
 */
import { CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

export type Delimiter = ';' | ',' | '\t';

/** A problem in the file, with the line (1 = header) and column it is on. `key` names a register message. */
export class TableFileError extends Error {
  constructor(
    readonly key: TableErrorKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
  }
}
export type TableErrorKey =
  | 'fileEmpty'
  | 'fileBinary'
  | 'fileNoDelimiter'
  | 'fileQuoteNotClosed'
  | 'fileBadQuote'
  | 'fileColumnCount'
  | 'fileMissingColumn'
  | 'fileMissingValue'
  | 'fileDuplicateLocation'
  | 'fileBadLocationCode'
  | 'fileBadBoardNumber'
  | 'fileBadCount'
  | 'fileBadPostcode'
  | 'fileBadDate'
  | 'fileNoRows'
  | 'bulkTooManyRows';

export interface TableRow {
  /** Line number in the file (the header is line 1). */
  line: number;
  cells: string[];
}

export interface Table {
  /** Column names as in the file (trimmed). */
  header: string[];
  rows: TableRow[];
  delimiter: Delimiter;
  encoding: 'utf-8' | 'windows-1252';
  /** Index of a column by any of its names (see normalizeColumnName), or -1. */
  column(...names: string[]): number;
}

/** UTF-8 (BOM or not) when the bytes are valid UTF-8, else Windows-1252 (a superset of Latin-1 as DUO writes it). */
export function decodeFile(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes(0)) throw new TableFileError('fileBinary');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buffer, 'win1252'), encoding: 'windows-1252' };
  }
}

/** The delimiter that splits the header line into the most columns, counting only outside quotes. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch] += 1;
  }
  const best = (Object.entries(counts) as Array<[Delimiter, number]>).sort((a, b) => b[1] - a[1])[0]!;
  if (best[1] === 0) throw new TableFileError('fileNoDelimiter');
  return best[0];
}

/** Upper case, spaces and underscores as one space: "Vestigingsnaam ", "VESTIGINGS_NAAM" and "vestigings naam" differ only in spacing. */
export function normalizeColumnName(name: string): string {
  return name.trim().toUpperCase().replace(/[\s_]+/g, ' ');
}

/** The line an unclosed quote opens on (csv-parse only reports where the file ends). */
function unclosedQuoteLine(text: string): number | null {
  let quoted = false;
  let line = 1;
  let openedOn = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line += 1;
    else if (ch === '"') {
      if (quoted && text[i + 1] === '"') i += 1;
      else {
        quoted = !quoted;
        if (quoted) openedOn = line;
      }
    }
  }
  return quoted ? openedOn : null;
}

export function readTable(bytes: Uint8Array): Table {
  const { text, encoding } = decodeFile(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (text.trim() === '') throw new TableFileError('fileEmpty');
  const delimiter = detectDelimiter(firstLine);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { delimiter, info: true, skip_empty_lines: true, relax_quotes: false, trim: false }) as unknown as typeof records;
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') throw new TableFileError('fileQuoteNotClosed', { line: unclosedQuoteLine(text) ?? e.lines ?? 0 });
    if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
      const match = /expect (\d+), got (\d+)/.exec(e.message ?? '');
      throw new TableFileError('fileColumnCount', { line: e.lines ?? 0, expected: match?.[1] ?? '?', found: match?.[2] ?? '?' });
    }
    // Every other parse error is about quotes or record shape; csv-parse names one of them without the CSV_
    // prefix (INVALID_OPENING_QUOTE), so the class decides, not the code's spelling.
    if (error instanceof CsvError) throw new TableFileError('fileBadQuote', { line: e.lines ?? 0 });
    throw error;
  }
  const [head, ...body] = records;
  if (!head) throw new TableFileError('fileEmpty');
  const header = head.record.map((name) => name.trim());
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = normalizeColumnName(name);
    if (!index.has(key)) index.set(key, i);
  });
  // Looked up once per set of names (parsers ask for every cell of every row).
  const found = new Map<string, number>();
  return {
    header,
    rows: body.map((r) => ({ line: r.info.lines, cells: r.record.map((cell) => cell.trim()) })).filter((r) => r.cells.some((cell) => cell !== '')),
    delimiter,
    encoding,
    column: (...names) => {
      const key = names.join('\u0000');
      const known = found.get(key);
      if (known !== undefined) return known;
      let result = -1;
      for (const name of names) {
        const i = index.get(normalizeColumnName(name));
        if (i !== undefined) {
          result = i;
          break;
        }
      }
      found.set(key, result);
      return result;
    },
  };
}

/** The column's index, or an error naming the column the file lacks (its first, current name). */
export function requireColumn(table: Table, names: readonly string[]): number {
  const i = table.column(...names);
  if (i < 0) throw new TableFileError('fileMissingColumn', { column: names[0]! });
  return i;
}

/** A location code from a BRIN column and a VESTIGINGSCODE that is either the 2-digit suffix or the full code. */
export function locationCodeOf(brinCell: string, locationCell: string, line: number, columnName: string): { brin: string; locationCode: string } {
  const brinRaw = brinCell.trim().toUpperCase();
  const loc = locationCell.trim().toUpperCase().replace(/\s+/g, '');
  let brin = brinRaw;
  let suffix = loc;
  if (/^\d{2}[A-Z]{2}\d{1,2}$/.test(loc)) {
    brin = loc.slice(0, 4);
    suffix = loc.slice(4);
  }
  if (/^\d{1}$/.test(suffix)) suffix = suffix.padStart(2, '0');
  if (suffix === '' && /^\d{2}[A-Z]{2}$/.test(brin)) suffix = '00';
  if (!/^\d{2}[A-Z]{2}$/.test(brin) || !/^\d{2}$/.test(suffix) || (brinRaw !== '' && brinRaw !== brin)) {
    throw new TableFileError('fileBadLocationCode', { line, column: columnName, value: `${brinCell}${locationCell && brinCell ? ' / ' : ''}${locationCell}` });
  }
  return { brin, locationCode: `${brin}${suffix}` };
}

/** "2711AB" or "2711 ab" as "2711 AB"; null when empty. */
export function normalizePostcode(value: string): string | null {
  const v = value.trim().toUpperCase().replace(/\s+/g, '');
  if (v === '') return null;
  const match = /^(\d{4})([A-Z]{2})$/.exec(v);
  return match ? `${match[1]} ${match[2]}` : null;
}

/** A date as DUO and the inspection write it: 2025-10-01, 20251001, 1-10-2025 or 01/10/2025. Null when unreadable. */
export function parseDutchDate(value: string): string | null {
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return null;
}
