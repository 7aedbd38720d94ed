/** The four kinds of public file, each read into plain records (no database here). */
import { COLUMNS, normalizeSwvCode, schoolTypesOf } from './duo-columns.js';
import { locationCodeOf, normalizePostcode, parseDutchDate, readTable, requireColumn, TableFileError, type Table } from './read-table.js';

export interface FileFacts {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  rowCount: number;
}

/** One school location from DUO's file of vestigingen (po, so/vso or vo). */
export interface LocationRecord {
  line: number;
  brin: string;
  locationCode: string;
  name: string;
  boardNumber: string;
  street: string | null;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
  municipalityCode: string | null;
  denomination: string | null;
  website: string | null;
  schoolTypes: string[];
  sector: 'po' | 'vo' | null;
}

const cell = (table: Table, row: { cells: string[] }, names: readonly string[]) => {
  const i = table.column(...names);
  return i < 0 ? '' : (row.cells[i] ?? '');
};

/** The column's name as the file writes it (for error messages). */
const nameIn = (table: Table, names: readonly string[]) => table.header[table.column(...names)] ?? names[0]!;

const LOWER_WORDS = new Set(['aan', 'de', 'den', 'der', 'het', 'in', 'op', 'over', 'bij', 'en', 'onder', 'van', 'ter', 'te']);

/** DUO writes place names in capitals ("'S-GRAVENHAGE", "ALPHEN AAN DEN RIJN"); people write "'s-Gravenhage". */
export function placeNameOf(value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  if (v !== v.toUpperCase()) return v;
  return v
    .toLowerCase()
    .split(/([\s-]+)/)
    .map((word, i) => {
      if (/^[\s-]+$/.test(word) || word === "'s" || word === "'t") return word;
      if (i > 0 && LOWER_WORDS.has(word)) return word;
      if (word.startsWith('ij')) return `IJ${word.slice(2)}`;
      return word.charAt(0).toUpperCase() + word.slice(1);
    })
    .join('');
}

function websiteOf(value: string): string | null {
  const v = value.trim();
  if (v === '' || /\s/.test(v)) return null;
  if (/^https?:\/\//i.test(v)) return v;
  return /^[a-z0-9.-]+\.[a-z]{2,}(\/.*)?$/i.test(v) ? `https://${v}` : null;
}

export function parseLocationFile(bytes: Uint8Array): { records: LocationRecord[]; facts: FileFacts } {
  const table = readTable(bytes);
  requireColumn(table, COLUMNS.brin.some((n) => table.column(n) >= 0) ? COLUMNS.brin : COLUMNS.location);
  requireColumn(table, COLUMNS.location);
  requireColumn(table, COLUMNS.locationName);
  requireColumn(table, COLUMNS.boardNumber);
  // The file says its sector: vo files describe the education offered, po files the kind of school.
  const sector = table.column(...COLUMNS.voStructure) >= 0 ? 'vo' : table.column(...COLUMNS.poType) >= 0 ? 'po' : null;
  const seen = new Map<string, number>();
  const records: LocationRecord[] = [];
  for (const row of table.rows) {
    const { brin, locationCode } = locationCodeOf(cell(table, row, COLUMNS.brin), cell(table, row, COLUMNS.location), row.line, nameIn(table, COLUMNS.location));
    const earlier = seen.get(locationCode);
    if (earlier !== undefined) throw new TableFileError('fileDuplicateLocation', { line: row.line, column: nameIn(table, COLUMNS.location), value: locationCode, earlier });
    seen.set(locationCode, row.line);
    const boardNumber = cell(table, row, COLUMNS.boardNumber).replace(/^0+(?=\d)/, '');
    if (!/^\d{1,8}$/.test(boardNumber)) throw new TableFileError('fileBadBoardNumber', { line: row.line, column: nameIn(table, COLUMNS.boardNumber), value: cell(table, row, COLUMNS.boardNumber) });
    const name = cell(table, row, COLUMNS.locationName);
    if (!name) throw new TableFileError('fileMissingValue', { column: nameIn(table, COLUMNS.locationName), line: row.line });
    const streetName = cell(table, row, COLUMNS.street);
    const houseNumber = cell(table, row, COLUMNS.houseNumber);
    const postcodeCell = cell(table, row, COLUMNS.postcode);
    const postalCode = normalizePostcode(postcodeCell);
    if (postcodeCell && !postalCode) throw new TableFileError('fileBadPostcode', { line: row.line, column: nameIn(table, COLUMNS.postcode), value: postcodeCell });
    const municipality = cell(table, row, COLUMNS.municipalityCode);
    records.push({
      line: row.line,
      brin,
      locationCode,
      name,
      boardNumber,
      street: [streetName, houseNumber].filter(Boolean).join(' ') || null,
      houseNumber: houseNumber || null,
      postalCode,
      city: placeNameOf(cell(table, row, COLUMNS.city)),
      // Municipality numbers have four digits with leading zeros (0363); spreadsheets drop them.
      municipalityCode: /^\d{1,4}$/.test(municipality) ? municipality.padStart(4, '0') : municipality || null,
      denomination: cell(table, row, COLUMNS.denomination) || null,
      website: websiteOf(cell(table, row, COLUMNS.website)),
      schoolTypes: schoolTypesOf(cell(table, row, sector === 'vo' ? COLUMNS.voStructure : COLUMNS.poType)),
      sector,
    });
  }
  if (records.length === 0) throw new TableFileError('fileNoRows');
  return { records, facts: { encoding: table.encoding, delimiter: table.delimiter, rowCount: records.length } };
}

/** DUO's file of which schools take part in which SWV: per SWV code, its locations (a BRIN alone means all its locations). */
export interface MembershipFile {
  /** SWV code (normalised) → its name in the file. */
  partnerships: Map<string, string>;
  members: Array<{ swvCode: string; brin: string; locationCode: string | null }>;
}

export function parseMembershipFile(bytes: Uint8Array): MembershipFile {
  const table = readTable(bytes);
  const codeColumn = requireColumn(table, COLUMNS.swvCode);
  requireColumn(table, COLUMNS.brin.some((n) => table.column(n) >= 0) ? COLUMNS.brin : COLUMNS.location);
  const hasLocation = table.column(...COLUMNS.location) >= 0;
  const partnerships = new Map<string, string>();
  const members: MembershipFile['members'] = [];
  for (const row of table.rows) {
    const swvCode = normalizeSwvCode(row.cells[codeColumn] ?? '');
    if (!swvCode) continue;
    partnerships.set(swvCode, cell(table, row, COLUMNS.swvName) || row.cells[codeColumn]!);
    const locationCell = hasLocation ? cell(table, row, COLUMNS.location) : '';
    const brinCell = cell(table, row, COLUMNS.brin);
    if (locationCell) {
      const { brin, locationCode } = locationCodeOf(brinCell, locationCell, row.line, nameIn(table, COLUMNS.location));
      members.push({ swvCode, brin, locationCode });
    } else {
      const { brin } = locationCodeOf(brinCell, '', row.line, nameIn(table, COLUMNS.brin));
      members.push({ swvCode, brin, locationCode: null });
    }
  }
  if (members.length === 0) throw new TableFileError('fileNoRows');
  return { partnerships, members };
}

/**
 * A pupil count as a range: DUO writes 1–4 pupils as "<5" since late 2023, so a count is exact (low = high)
 * or "fewer than 5" (1–4); summed over a location's rows the range stays honest (e.g. 12 + "<5" = 13–16).
 */
export interface PupilCount {
  locationCode: string;
  low: number;
  high: number;
  countedOn: string | null;
}

export function parsePupilCountFile(bytes: Uint8Array): { counts: PupilCount[]; facts: FileFacts } {
  const table = readTable(bytes);
  requireColumn(table, COLUMNS.brin.some((n) => table.column(n) >= 0) ? COLUMNS.brin : COLUMNS.location);
  requireColumn(table, COLUMNS.location);
  const countColumn = requireColumn(table, COLUMNS.pupilCount);
  const byLocation = new Map<string, PupilCount>();
  for (const row of table.rows) {
    const { locationCode } = locationCodeOf(cell(table, row, COLUMNS.brin), cell(table, row, COLUMNS.location), row.line, nameIn(table, COLUMNS.location));
    const raw = (row.cells[countColumn] ?? '').replace(/\s/g, '');
    let low: number;
    let high: number;
    if (/^<\s*5$/.test(raw)) [low, high] = [1, 4];
    else if (/^\d+$/.test(raw)) low = high = Number(raw);
    else if (raw === '') low = high = 0;
    else throw new TableFileError('fileBadCount', { line: row.line, column: table.header[countColumn]!, value: row.cells[countColumn] ?? '' });
    const dateCell = cell(table, row, COLUMNS.countDate);
    const countedOn = dateCell ? parseDutchDate(dateCell) : null;
    if (dateCell && !countedOn) throw new TableFileError('fileBadDate', { line: row.line, column: nameIn(table, COLUMNS.countDate), value: dateCell });
    const total = byLocation.get(locationCode) ?? { locationCode, low: 0, high: 0, countedOn };
    total.low += low;
    total.high += high;
    byLocation.set(locationCode, total);
  }
  if (byLocation.size === 0) throw new TableFileError('fileNoRows');
  return { counts: [...byLocation.values()], facts: { encoding: table.encoding, delimiter: table.delimiter, rowCount: table.rows.length } };
}

/** One verdict of the inspection; in vo it may concern a department (afdeling) of the location. */
export interface VerdictRecord {
  line: number;
  brin: string;
  /** Null: the verdict concerns the whole school (every location of the BRIN). */
  locationCode: string | null;
  verdict: string;
  department: string | null;
  inspectedName: string | null;
  decidedOn: string | null;
  publishedOn: string | null;
}

export function parseVerdictFile(bytes: Uint8Array): { verdicts: VerdictRecord[]; facts: FileFacts } {
  const table = readTable(bytes);
  requireColumn(table, COLUMNS.brin);
  const verdictColumn = requireColumn(table, COLUMNS.verdict);
  const verdicts: VerdictRecord[] = [];
  for (const row of table.rows) {
    const locationCell = cell(table, row, COLUMNS.location);
    const { brin, locationCode } = locationCodeOf(cell(table, row, COLUMNS.brin), locationCell, row.line, nameIn(table, COLUMNS.location));
    const verdict = row.cells[verdictColumn] ?? '';
    if (!verdict) continue;
    const decided = cell(table, row, COLUMNS.verdictDate);
    const decidedOn = decided ? parseDutchDate(decided) : null;
    if (decided && !decidedOn) throw new TableFileError('fileBadDate', { line: row.line, column: nameIn(table, COLUMNS.verdictDate), value: decided });
    const published = cell(table, row, COLUMNS.publishedDate);
    const type = cell(table, row, COLUMNS.inspectedType);
    const inspectedName = cell(table, row, COLUMNS.inspectedName) || null;
    verdicts.push({
      line: row.line,
      brin,
      locationCode: locationCell ? locationCode : null,
      verdict,
      // "Afdeling" (vo): the verdict is about one department, e.g. "havo" of the location.
      department: /afdeling/i.test(type) ? inspectedName : null,
      inspectedName,
      decidedOn,
      publishedOn: published ? parseDutchDate(published) : null,
    });
  }
  if (verdicts.length === 0) throw new TableFileError('fileNoRows');
  return { verdicts, facts: { encoding: table.encoding, delimiter: table.delimiter, rowCount: table.rows.length } };
}

/** An SWV's own table: 4-digit postcode (or a range "2711-2715") → district name. */
export function parsePostcodeDistrictFile(bytes: Uint8Array): Map<string, string> {
  const table = readTable(bytes);
  const pc = requireColumn(table, COLUMNS.pc4);
  const district = requireColumn(table, COLUMNS.district);
  const map = new Map<string, string>();
  for (const row of table.rows) {
    const raw = (row.cells[pc] ?? '').replace(/\s/g, '');
    const name = row.cells[district] ?? '';
    const range = /^(\d{4})(?:[A-Z]{2})?(?:-(\d{4}))?$/i.exec(raw);
    if (!range) throw new TableFileError('fileBadPostcode', { line: row.line, column: table.header[pc]!, value: row.cells[pc] ?? '' });
    if (!name) throw new TableFileError('fileMissingValue', { line: row.line, column: table.header[district]! });
    const from = Number(range[1]);
    const to = range[2] ? Number(range[2]) : from;
    for (let n = from; n <= to; n++) map.set(String(n), name);
  }
  if (map.size === 0) throw new TableFileError('fileNoRows');
  return map;
}
