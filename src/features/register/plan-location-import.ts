/**
 * What importing DUO's location file would do to an SWV's register — computed, not applied: which locations
 * are new (and which of those the SWV takes), which of its schools change (field by field), which stay the same,
 * and which are no longer in the file. Pure: the same plan is shown in the preview and applied on confirm.
 */
import type { LocationRecord, MembershipFile } from './parse-files.js';

/** How the SWV chooses its locations among the file's new ones. */
export type LocationSelection =
  | { mode: 'all' }
  | { mode: 'codes'; codes: string[] }
  /** Nothing preselected: the user ticks locations in the preview. */
  | { mode: 'pick' };

export interface ExistingSchool {
  id: string;
  locationCode: string;
  name: string;
  boardNumber: string | null;
  street: string | null;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
  municipalityCode: string | null;
  denomination: string | null;
  website: string | null;
  schoolTypes: string[];
  sector: string | null;
  archived: boolean;
}

export const COMPARED_FIELDS = ['name', 'boardNumber', 'street', 'postalCode', 'city', 'municipalityCode', 'denomination', 'website', 'schoolTypes', 'sector'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface FieldChange {
  field: ComparedField;
  before: string;
  after: string;
}

export interface LocationPlan {
  added: Array<{ record: LocationRecord; selected: boolean }>;
  changed: Array<{ school: ExistingSchool; record: LocationRecord; changes: FieldChange[] }>;
  unchanged: Array<{ school: ExistingSchool }>;
  /** The SWV's schools in its register that the file no longer has: offered for archiving, never deleted. */
  missing: Array<{ school: ExistingSchool }>;
}

const show = (value: string | string[] | null): string => (Array.isArray(value) ? value.join(', ') : (value ?? ''));

/** The location codes a membership file gives this SWV (a BRIN alone stands for all its locations in the file). */
export function membershipCodes(file: MembershipFile, swvCode: string, records: LocationRecord[]): string[] {
  const mine = file.members.filter((m) => m.swvCode === swvCode);
  const codes = new Set(mine.flatMap((m) => (m.locationCode ? [m.locationCode] : [])));
  const brins = new Set(mine.filter((m) => !m.locationCode).map((m) => m.brin));
  for (const record of records) if (brins.has(record.brin)) codes.add(record.locationCode);
  return [...codes];
}

/** "12AB, 34CD01" → BRINs stand for all their locations, full codes for one. */
export function codesFromList(list: string[], records: LocationRecord[]): string[] {
  const wanted = new Set(list.map((code) => code.trim().toUpperCase()).filter(Boolean));
  return records.filter((r) => wanted.has(r.locationCode) || wanted.has(r.brin)).map((r) => r.locationCode);
}

export function planLocationImport(records: LocationRecord[], existing: ExistingSchool[], selection: LocationSelection): LocationPlan {
  const byCode = new Map(existing.map((school) => [school.locationCode, school]));
  const selected = selection.mode === 'codes' ? new Set(selection.codes) : null;
  const plan: LocationPlan = { added: [], changed: [], unchanged: [], missing: [] };
  const inFile = new Set<string>();
  for (const record of records) {
    inFile.add(record.locationCode);
    const school = byCode.get(record.locationCode);
    if (!school) {
      plan.added.push({ record, selected: selection.mode === 'all' || (selected?.has(record.locationCode) ?? false) });
      continue;
    }
    const changes: FieldChange[] = [];
    for (const field of COMPARED_FIELDS) {
      const after = field === 'sector' ? (record.sector ?? school.sector) : record[field];
      // A file without a column (no website, no type) never blanks what the SWV has.
      if (after === null || (Array.isArray(after) && after.length === 0)) continue;
      const before = school[field];
      if (show(before) !== show(after)) changes.push({ field, before: show(before), after: show(after) });
    }
    if (changes.length > 0) plan.changed.push({ school, record, changes });
    else plan.unchanged.push({ school });
  }
  for (const school of existing) if (!school.archived && !inFile.has(school.locationCode)) plan.missing.push({ school });
  return plan;
}
