/**
 * Tables out as CSV or XLSX. CSV: UTF-8 with a BOM and `;` between fields (what Dutch Excel opens without an import
 * wizard), fields quoted where needed. XLSX: exceljs for the small views (in memory); the all-answers sheet through
 * our own streaming writer (xlsx-stream.ts: each row compressed and written before the next, so memory stays flat
 * for 7,000 schools; docs/decisions/0025-all-answers-xlsx-own-streaming-writer.md).
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { openXlsxSheet } from './xlsx-stream.js';

export type Cell = string | number | null;

export interface SheetTable {
  /** Worksheet name (at most 31 characters in XLSX; shortened here). */
  name: string;
  headers: string[];
  rows: Cell[][];
}

export type ExportFormat = 'csv' | 'xlsx';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  // Quote separators, quotes and line breaks; and a leading =, +, - or @ so a spreadsheet never runs it as a formula.
  const guarded = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[";\r\n]/.test(guarded) || guarded !== text ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvLine(cells: Cell[]): string {
  return `${cells.map(csvField).join(';')}\r\n`;
}

/** One or more tables as one CSV: a table after the first starts with its name on a line of its own. */
export function tablesToCsv(tables: SheetTable[]): string {
  const parts = tables.map((table, index) => `${index > 0 ? `\r\n${csvLine([table.name])}` : ''}${csvLine(table.headers)}${table.rows.map(csvLine).join('')}`);
  return `\uFEFF${parts.join('')}`;
}

export function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Blad';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = `${base.slice(0, 28)} ${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

export async function tablesToXlsx(tables: SheetTable[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OpenSOP';
  const used = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name, used));
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A sheet written row by row to a stream: CSV lines, or XLSX through our own streaming writer (xlsx-stream.ts). */
export interface RowWriter {
  addRow(cells: Cell[]): Promise<void>;
  finish(): Promise<void>;
}

function write(stream: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(chunk)) resolve();
    else {
      stream.once('drain', resolve);
      stream.once('error', reject);
    }
  });
}

export function openRowWriter(format: ExportFormat, output: Writable, name: string, headers: string[]): RowWriter {
  if (format === 'csv') {
    let started = false;
    return {
      async addRow(cells) {
        if (!started) {
          started = true;
          await write(output, `\uFEFF${csvLine(headers)}`);
        }
        await write(output, csvLine(cells));
      },
      async finish() {
        if (!started) await write(output, `\uFEFF${csvLine(headers)}`);
        await new Promise<void>((resolve, reject) => output.end((error?: Error | null) => (error ? reject(error) : resolve())));
      },
    };
  }
  return openXlsxSheet(output, sheetName(name, new Set()), headers);
}
