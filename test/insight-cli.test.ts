/** `npm run cli -- export answers`: the operator's export of all answers of a year, parsed back (CSV and XLSX). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/commands.js';
import { runCli } from '../src/cli/run-cli.js';
import { systemClock } from '../src/config/clock.js';
import { demoCycleDates } from '../src/features/demo/demo-years.js';

function captureIo(): CliIo & { output: string[]; errors: string[] } {
  const output: string[] = [];
  const errors: string[] = [];
  return { output, errors, out: (text) => output.push(text), err: (text) => errors.push(text) };
}

describe('export answers (CLI)', () => {
  let dataDir: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'opensop-insight-cli-'));
    process.env['DATA_DIR'] = dataDir;
    process.env['LOG_LEVEL'] = 'silent';
    delete process.env['DATABASE_URL'];
    expect(await runCli(['demo', 'seed'], captureIo())).toBe(0);
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes one row per school with readable headers, as CSV and as XLSX', async () => {
    const year = demoCycleDates(systemClock.now()).current.schoolYear;
    const csvFile = path.join(dataDir, 'antwoorden.csv');
    const io = captureIo();
    expect(await runCli(['export', 'answers', '--swv', 'voorbeeldstad', '--year', year, '--format', 'csv', '--out', csvFile], io), io.errors.join('\n')).toBe(0);
    const rows = parse(readFileSync(csvFile), { delimiter: ';', bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(7);
    expect(rows.map((row) => row['School'])).toContain('Basisschool De Regenboog');
    expect(Object.keys(rows[0]!).some((header) => header.includes(' — '))).toBe(true);

    const xlsxFile = path.join(dataDir, 'antwoorden.xlsx');
    expect(await runCli(['export', 'answers', '--swv', 'voorbeeldstad', '--year', year, '--format', 'xlsx', '--out', xlsxFile], captureIo())).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(8);
    expect(String(sheet.getRow(1).getCell(1).value)).toBe('School');
  });

  it('says what is wrong with a bad year, format or SWV', async () => {
    const bad = captureIo();
    expect(await runCli(['export', 'answers', '--swv', 'voorbeeldstad', '--year', '2026', '--format', 'pdf', '--out', 'x.pdf'], bad)).toBe(2);
    expect(bad.errors.join('\n')).toContain('Kies --format xlsx of --format csv');
    const unknown = captureIo();
    expect(await runCli(['export', 'answers', '--swv', 'nergens', '--year', '2026-2027', '--out', path.join(dataDir, 'x.csv')], unknown)).toBe(1);
    expect(unknown.errors.join('\n')).toContain('Onbekend samenwerkingsverband');
    const noRound = captureIo();
    expect(await runCli(['export', 'answers', '--swv', 'voorbeeldstad', '--year', '2001-2002', '--out', path.join(dataDir, 'x.csv')], noRound)).toBe(1);
    expect(noRound.errors.join('\n')).toContain('geen SOP-ronde');
  });

  it('recomputes the insight summary of every profile with `insight rebuild`', async () => {
    const io = captureIo();
    expect(await runCli(['insight', 'rebuild'], io), io.errors.join('\n')).toBe(0);
    expect(io.output.join('\n')).toMatch(/Samenvatting van [1-9]\d* profielen opnieuw berekend/);
  });
});
