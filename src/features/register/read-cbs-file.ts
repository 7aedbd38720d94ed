/**
 * CBS's "buurt, wijk en gemeente per postcode-huisnummer" table (PC6;Huisnummer;Buurt2025;Wijk2025;Gemeente2025,
 * some 8 million lines; `,` or `;` depending on the year). Streamed through csv-parse: only the lines of the
 * SWV's schools' postcode + house number are kept, so memory stays flat whatever the file's size.
 */
import { CsvError, parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import { normalizeColumnName, TableFileError, type Delimiter } from './read-table.js';

export interface CbsMatch {
  pc6: string;
  houseNumber: number;
  wijkCode: string;
  municipalityCode: string | null;
}

/** "2711 AB" → "2711AB"; "12a" → 12. Keys the file is matched on. */
export function cbsKey(postcode: string | null, houseNumber: string | null): string | null {
  const pc6 = (postcode ?? '').toUpperCase().replace(/\s+/g, '');
  const number = /^(\d+)/.exec((houseNumber ?? '').trim())?.[1];
  return /^\d{4}[A-Z]{2}$/.test(pc6) && number ? `${pc6}|${Number(number)}` : null;
}

export async function readCbsFile(input: Readable, wanted: Set<string>): Promise<{ matches: Map<string, CbsMatch>; lines: number }> {
  const matches = new Map<string, CbsMatch>();
  let header: string[] | null = null;
  let columns = { pc6: -1, house: -1, wijk: -1, municipality: -1 };
  let lines = 0;
  // The delimiter from the first line (the header), read before csv-parse starts.
  const reader = input[Symbol.asyncIterator]();
  const first = await reader.next();
  if (first.done) throw new TableFileError('fileEmpty');
  const head = Buffer.from(first.value as Uint8Array);
  const firstLine = head.toString('latin1').split(/\r?\n/, 1)[0] ?? '';
  const delimiter: Delimiter = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  const parser = parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true });
  const feed = (async () => {
    parser.write(head);
    for (let next = await reader.next(); !next.done; next = await reader.next()) {
      if (!parser.write(next.value)) await new Promise((resolve) => parser.once('drain', resolve));
    }
    parser.end();
  })();
  try {
    await readRecords();
  } catch (error) {
    // The rest of the upload is not read. Not awaited: a feed waiting for 'drain' from the destroyed parser never ends.
    parser.destroy();
    input.destroy();
    feed.catch(() => undefined);
    // A quote or record csv-parse cannot read is a problem in the file: a 400 naming its line, never a 500.
    if (error instanceof CsvError) throw new TableFileError('fileBadQuote', { line: typeof error['lines'] === 'number' ? error['lines'] : lines + 1 });
    throw error;
  }
  await feed;
  return { matches, lines };

  async function readRecords(): Promise<void> {
    for await (const record of parser as AsyncIterable<string[]>) {
      lines += 1;
      if (!header) {
        header = record.map(normalizeColumnName);
        const find = (test: (name: string) => boolean) => header!.findIndex(test);
        columns = {
          pc6: find((n) => n === 'PC6' || n === 'POSTCODE'),
          house: find((n) => n.startsWith('HUISNUMMER')),
          wijk: find((n) => n.startsWith('WIJK')),
          municipality: find((n) => n.startsWith('GEMEENTE')),
        };
        for (const [name, index] of Object.entries({ PC6: columns.pc6, Huisnummer: columns.house, Wijk: columns.wijk })) if (index < 0) throw new TableFileError('fileMissingColumn', { column: name });
        continue;
      }
      const key = cbsKey(record[columns.pc6] ?? '', record[columns.house] ?? '');
      if (!key || !wanted.has(key)) continue;
      const wijk = (record[columns.wijk] ?? '').trim().toUpperCase();
      matches.set(key, {
        pc6: key.split('|')[0]!,
        houseNumber: Number(key.split('|')[1]),
        // CBS writes wijk codes without their "WK" prefix and sometimes without the leading zero.
        wijkCode: `WK${/^\d+$/.test(wijk) ? wijk.padStart(6, '0') : wijk.replace(/^WK/, '')}`,
        municipalityCode: columns.municipality >= 0 ? (record[columns.municipality] ?? null) : null,
      });
    }
  }
}
