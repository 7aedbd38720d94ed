/**
 * Reads DUO's pupil counts or the inspection's verdicts, keeps only the lines about the SWV's own schools, and
 * stores them until the user confirms. Nothing changes here; a broken file is refused with its line and column.
 */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { listSchoolsOfPartnership } from '../partnerships/api.js';
import { fileProblem } from './file-error-message.js';
import type { RegisterTranslate } from './messages.js';
import { parsePupilCountFile, parseVerdictFile, type FileFacts } from './parse-files.js';
import { IMPORT_PREVIEW_HOURS } from './preview-location-import.js';
import { saveRegisterImport } from './repository.js';

export type PublicDataKind = 'pupil_counts' | 'verdicts';

interface SchoolRef {
  schoolId: string;
  locationCode: string;
  name: string;
}

export type PublicDataPayload =
  | { kind: 'pupil_counts'; countedOn: string; rows: Array<SchoolRef & { low: number; high: number }>; schoolsWithout: SchoolRef[]; ignored: number; facts: FileFacts }
  | {
      kind: 'verdicts';
      rows: Array<SchoolRef & { verdict: string; department: string | null; inspectedName: string | null; decidedOn: string | null; publishedOn: string | null }>;
      schoolsWithout: SchoolRef[];
      ignored: number;
      facts: FileFacts;
    };

/** Reads the file against the SWV's schools (shared with the command line). */
export async function readPublicDataImport(options: { db: Database; partnershipId: string; kind: PublicDataKind; file: Uint8Array; countedOn: string; t: RegisterTranslate }): Promise<PublicDataPayload> {
  const { t } = options;
  const schools = await listSchoolsOfPartnership(options.db, options.partnershipId);
  const byCode = new Map(schools.map((s) => [s.locationCode, s]));
  const ref = (s: (typeof schools)[number]): SchoolRef => ({ schoolId: s.id, locationCode: s.locationCode, name: s.name });
  try {
    if (options.kind === 'pupil_counts') {
      const { counts, facts } = parsePupilCountFile(options.file);
      const countedOn = counts.find((c) => c.countedOn)?.countedOn ?? options.countedOn;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(countedOn)) throw new AppError('invalid_input', t('countedOnRequired'), { field: 'countedOn' });
      const rows = counts.flatMap((count) => {
        const school = byCode.get(count.locationCode);
        return school ? [{ ...ref(school), low: count.low, high: count.high }] : [];
      });
      const found = new Set(rows.map((r) => r.schoolId));
      return { kind: 'pupil_counts', countedOn, rows, schoolsWithout: schools.filter((s) => !found.has(s.id)).map(ref), ignored: counts.length - rows.length, facts };
    }
    const { verdicts, facts } = parseVerdictFile(options.file);
    const rows: Extract<PublicDataPayload, { kind: 'verdicts' }>['rows'] = [];
    let ignored = 0;
    for (const verdict of verdicts) {
      // A verdict without a location concerns the whole school: every location of the BRIN.
      const matched = verdict.locationCode ? [byCode.get(verdict.locationCode)].filter((s) => s !== undefined) : schools.filter((s) => s.brin === verdict.brin);
      if (matched.length === 0) ignored += 1;
      for (const school of matched) rows.push({ ...ref(school), verdict: verdict.verdict, department: verdict.department, inspectedName: verdict.inspectedName, decidedOn: verdict.decidedOn, publishedOn: verdict.publishedOn });
    }
    const found = new Set(rows.map((r) => r.schoolId));
    return { kind: 'verdicts', rows, schoolsWithout: schools.filter((s) => !found.has(s.id)).map(ref), ignored, facts };
  } catch (error) {
    fileProblem(error, t, 'file');
  }
}

export async function previewPublicDataImport(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  partnershipId: string;
  kind: PublicDataKind;
  fileName: string;
  file: Uint8Array;
  countedOn: string;
  t: RegisterTranslate;
}): Promise<string> {
  assertInScope('readPublicDataImport', options.auth, { partnershipId: options.partnershipId });
  const partnershipId = options.partnershipId;
  const payload = await readPublicDataImport({ ...options, partnershipId });
  const id = crypto.randomUUID();
  const now = options.clock.now();
  await saveRegisterImport(options.db, {
    id,
    partnershipId,
    kind: options.kind,
    fileName: options.fileName,
    payload,
    createdBy: options.auth.principal.userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + IMPORT_PREVIEW_HOURS * 3_600_000),
  });
  return id;
}
