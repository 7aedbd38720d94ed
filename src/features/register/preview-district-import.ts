/**
 * Matches the SWV's schools to districts from a postcode list (4-digit postcode → district) or CBS's table
 * (postcode + house number → CBS wijk code), and keeps the result until the user confirms.
 */
import { assertInScope } from '../../auth/policy.js';
import { Readable } from 'node:stream';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { listDistricts, listSchoolsWithDistricts } from '../partnerships/api.js';
import { fileProblem } from './file-error-message.js';
import type { RegisterTranslate } from './messages.js';
import { parsePostcodeDistrictFile } from './parse-files.js';
import { IMPORT_PREVIEW_HOURS } from './preview-location-import.js';
import { cbsKey, readCbsFile } from './read-cbs-file.js';
import { listCbsWijkDistricts, saveRegisterImport } from './repository.js';

interface SchoolRef {
  schoolId: string;
  name: string;
  locationCode: string;
  currentDistrict: string | null;
}

export interface DistrictImportPayload {
  source: 'postcodes' | 'cbs';
  /** Postcodes: the district name; CBS: the wijk code (named on the preview). */
  matches: Array<SchoolRef & { key: string }>;
  unmatched: SchoolRef[];
  /** CBS: the name the SWV gave each wijk code before (or its schools' common district). */
  suggestedNames: Record<string, string>;
}

export async function previewDistrictImport(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  partnershipId: string;
  source: 'postcodes' | 'cbs';
  fileName: string;
  /** The postcode list's bytes, or the CBS file as a stream (never held whole). */
  file: Uint8Array | Readable;
  t: RegisterTranslate;
}): Promise<string> {
  const { db, t } = options;
  assertInScope('previewDistrictImport', options.auth, { partnershipId: options.partnershipId });
  const partnershipId = options.partnershipId;
  const schools = await listSchoolsWithDistricts(db, partnershipId);
  const ref = (s: (typeof schools)[number]): SchoolRef => ({ schoolId: s.id, name: s.name, locationCode: s.locationCode, currentDistrict: s.districtName });
  const payload: DistrictImportPayload = { source: options.source, matches: [], unmatched: [], suggestedNames: {} };
  try {
    if (options.source === 'postcodes') {
      const table = parsePostcodeDistrictFile(options.file instanceof Uint8Array ? options.file : new Uint8Array());
      for (const school of schools) {
        const name = table.get((school.postalCode ?? '').slice(0, 4));
        if (name) payload.matches.push({ ...ref(school), key: name });
        else payload.unmatched.push(ref(school));
      }
    } else {
      const keys = new Map(schools.map((s) => [cbsKey(s.postalCode, s.houseNumber), s]));
      const stream = options.file instanceof Uint8Array ? Readable.from([Buffer.from(options.file)]) : options.file;
      const { matches } = await readCbsFile(stream, new Set([...keys.keys()].filter((k): k is string => k !== null)));
      const known = await listCbsWijkDistricts(db, partnershipId);
      const districtNames = new Map((await listDistricts(db, partnershipId)).map((d) => [d.id, d.name]));
      for (const mapping of known) payload.suggestedNames[mapping.wijkCode] = districtNames.get(mapping.districtId) ?? '';
      for (const school of schools) {
        const match = matches.get(cbsKey(school.postalCode, school.houseNumber) ?? '');
        if (!match) {
          payload.unmatched.push(ref(school));
          continue;
        }
        payload.matches.push({ ...ref(school), key: match.wijkCode });
        payload.suggestedNames[match.wijkCode] ??= school.districtName ?? '';
      }
    }
  } catch (error) {
    fileProblem(error, t, 'file');
  }
  const id = crypto.randomUUID();
  const now = options.clock.now();
  await saveRegisterImport(db, { id, partnershipId, kind: 'districts', fileName: options.fileName, payload, createdBy: options.auth.principal.userId, createdAt: now, expiresAt: new Date(now.getTime() + IMPORT_PREVIEW_HOURS * 3_600_000) });
  return id;
}
