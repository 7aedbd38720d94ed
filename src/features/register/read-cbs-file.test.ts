import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCbsFile } from './read-cbs-file.js';
import { TableFileError } from './read-table.js';

const stream = (text: string) => Readable.from([Buffer.from(text, 'latin1')]);
const errorOf = async (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe("CBS's postcode-house number table", () => {
  it('keeps only the wanted postcode + house number lines', async () => {
    const file = 'PC6;Huisnummer;Buurt2025;Wijk2025;Gemeente2025\n2711AB;12;BU01;123401;GM1234\n2711AB;14;BU01;123401;GM1234\n';
    const { matches, lines } = await readCbsFile(stream(file), new Set(['2711AB|12']));
    expect(lines).toBe(3);
    expect([...matches.values()]).toEqual([{ pc6: '2711AB', houseNumber: 12, wijkCode: 'WK123401', municipalityCode: 'GM1234' }]);
  });

  it('refuses a quote it cannot read with the line it is on, and a missing column by name', async () => {
    const quote = await errorOf(readCbsFile(stream('PC6;Huisnummer;Wijk2025\n2711AB;12;123401\nA"B;1;2\n'), new Set()));
    expect(quote).toBeInstanceOf(TableFileError);
    expect(quote).toMatchObject({ key: 'fileBadQuote', params: { line: 3 } });
    const column = await errorOf(readCbsFile(stream('PC6;Huisnummer\n2711AB;12\n'), new Set()));
    expect(column).toMatchObject({ key: 'fileMissingColumn', params: { column: 'Wijk' } });
  });
});
