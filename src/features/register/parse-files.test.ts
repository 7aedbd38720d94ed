/** Reading the public files as they really come: encodings, delimiters, old column names, "<5", broken lines. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLocationFile, placeNameOf, parseMembershipFile, parsePupilCountFile, parseVerdictFile } from './parse-files.js';
import { TableFileError } from './read-table.js';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/register', name)));

function errorOf(run: () => unknown): TableFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof TableFileError) return error;
    throw error;
  }
  throw new Error('expected a TableFileError');
}

describe('DUO and inspection files', () => {
  it('reads a po file with BOM, quotes and a semicolon inside a quoted name', () => {
    const { records, facts } = parseLocationFile(fixture('vestigingen-po.csv'));
    expect(facts).toMatchObject({ encoding: 'utf-8', delimiter: ';', rowCount: 11 });
    const brug = records.find((r) => r.locationCode === '18NP01')!;
    expect(brug).toMatchObject({ name: 'SBO De Brug; locatie West', boardNumber: '42001', street: 'Westwal 14-16', houseNumber: '14-16', postalCode: '2718 CC', schoolTypes: ['sbo'], sector: 'po', website: null });
    expect(records.find((r) => r.locationCode === '19KP00')).toMatchObject({ name: "Basisschool 't Kompas", website: 'https://www.kompas.example', municipalityCode: '0999', schoolTypes: ['bao'] });
  });

  it('reads a Windows-1252 file with old column names, 1- or 2-digit location numbers and municipality numbers without zeros', () => {
    const { records, facts } = parseLocationFile(fixture('vestigingen-latin1.csv'));
    expect(facts).toMatchObject({ encoding: 'windows-1252', delimiter: ',' });
    expect(records.map((r) => r.locationCode)).toEqual(['21UV00', '22WX00', '23YZ01']);
    expect(records[1]).toMatchObject({ name: "Ichthusschool 'De Ark', Coëvorden-Zuid", street: 'Müllerstraat 12', municipalityCode: '0999' });
    expect(records[2]).toMatchObject({ name: 'Speciaal Onderwijs Cluster 4 “De Sprong”', schoolTypes: ['so', 'vso'], municipalityCode: '0518', city: "'s-Gravenhage" });
  });

  it('reads a vo file: sector vo and the education offered as types', () => {
    const { records } = parseLocationFile(fixture('vestigingen-vo.csv'));
    expect(records[0]).toMatchObject({ locationCode: '24AB00', sector: 'vo', schoolTypes: ['vmbo', 'havo', 'vwo'] });
    expect(records[1]).toMatchObject({ name: 'Voorbeeldstad College, locatie Praktijk', schoolTypes: ['pro'] });
  });

  it('names the line and column of a broken file', () => {
    const error = errorOf(() => parseLocationFile(fixture('vestigingen-kapot.csv')));
    expect(error.key).toBe('fileColumnCount');
    expect(error.params).toMatchObject({ line: 4, expected: '15', found: '16' });
    expect(placeNameOf('ALPHEN AAN DEN RIJN')).toBe('Alphen aan den Rijn');
    expect(placeNameOf('CAPELLE AAN DEN IJSSEL')).toBe('Capelle aan den IJssel');
    const bad = errorOf(() => parseLocationFile(new TextEncoder().encode('INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;BEVOEGD GEZAG NUMMER\n12AB;00;A;1\n12AB;0X;B;1\n')));
    expect(bad).toMatchObject({ key: 'fileBadLocationCode', params: { line: 3, column: 'VESTIGINGSCODE' } });
    const quote = errorOf(() => parseLocationFile(new TextEncoder().encode('INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;BEVOEGD GEZAG NUMMER\n12AB;00;"A;1\n12AB;01;B;1\n')));
    expect(quote).toMatchObject({ key: 'fileQuoteNotClosed', params: { line: 2 } });
    // A quote inside an unquoted field: csv-parse names this error without its usual CSV_ prefix.
    const opening = errorOf(() => parseLocationFile(new TextEncoder().encode('INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;BEVOEGD GEZAG NUMMER\n12AB;00;A;1\n12AB;01;B "x";1\n')));
    expect(opening).toMatchObject({ key: 'fileBadQuote', params: { line: 3 } });
    expect(errorOf(() => parseLocationFile(new TextEncoder().encode('NAAM;PLAATS\nA;B\n')))).toMatchObject({ key: 'fileMissingColumn', params: { column: 'VESTIGINGSCODE' } });
  });

  it('keeps "<5" as fewer than 5 (1-4), and a sum with "<5" as a range', () => {
    const po = parsePupilCountFile(fixture('leerlingen-po.csv')).counts;
    expect(po.find((c) => c.locationCode === '13CD01')).toEqual({ locationCode: '13CD01', low: 1, high: 4, countedOn: '2025-10-01' });
    expect(po.find((c) => c.locationCode === '12AB00')).toMatchObject({ low: 312, high: 312 });
    const vo = parsePupilCountFile(fixture('leerlingen-vo.csv')).counts;
    expect(vo.find((c) => c.locationCode === '24AB00')).toMatchObject({ low: 121, high: 124, countedOn: '2025-10-01' });
  });

  it('reads verdicts per location and per department (afdeling), and the SWV membership file', () => {
    const { verdicts } = parseVerdictFile(fixture('oordelen.csv'));
    expect(verdicts.find((v) => v.locationCode === '12AB00')).toMatchObject({ verdict: 'Voldoende', department: null, decidedOn: '2024-03-12' });
    expect(verdicts.filter((v) => v.department).map((v) => [v.department, v.verdict])).toEqual([
      ['Voorbeeldstad College havo', 'Voldoende'],
      ['Voorbeeldstad College vwo', 'Onvoldoende'],
    ]);
    const membership = parseMembershipFile(fixture('swv-deelnemers-po.csv'));
    expect([...membership.partnerships.keys()]).toEqual(['PO2701', 'PO2605']);
    expect(membership.members.filter((m) => m.swvCode === 'PO2701')).toHaveLength(10);
  });
});
