/**
 * Reads an uploaded DUO location file (and, to choose the SWV's locations, DUO's SWV-membership file or a BRIN
 * list) and keeps the parsed result server-side until the user confirms. Nothing in the register changes here;
 * a broken file is refused with its line and column.
 */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { normalizeSwvCode } from './duo-columns.js';
import { fileProblem } from './file-error-message.js';
import type { RegisterTranslate } from './messages.js';
import { parseLocationFile, parseMembershipFile, type FileFacts, type LocationRecord } from './parse-files.js';
import { codesFromList, membershipCodes } from './plan-location-import.js';
import { saveRegisterImport } from './repository.js';

/** How long a preview waits for its confirmation. */
export const IMPORT_PREVIEW_HOURS = 12;

export interface LocationImportPayload {
  records: LocationRecord[];
  facts: FileFacts;
  /** New locations preselected for adding: 'all', a list of codes, or none (the user ticks them). */
  preselected: 'all' | string[];
}

export type LocationChoice = { mode: 'membership'; membership: Uint8Array | null; swvCode: string } | { mode: 'brin'; list: string[] } | { mode: 'all' } | { mode: 'pick' };

/** Reads the files into a payload (shared with the command line). Throws TableFileError / AppError. */
export function readLocationImport(options: { file: Uint8Array; choice: LocationChoice; t: RegisterTranslate }): LocationImportPayload {
  const { choice, t } = options;
  let parsed: ReturnType<typeof parseLocationFile>;
  try {
    parsed = parseLocationFile(options.file);
  } catch (error) {
    fileProblem(error, t, 'file');
  }
  let preselected: 'all' | string[] = [];
  if (choice.mode === 'all') preselected = 'all';
  else if (choice.mode === 'brin') {
    if (choice.list.length === 0) throw new AppError('invalid_input', t('brinListRequired'), { field: 'brinList' });
    preselected = codesFromList(choice.list, parsed.records);
  } else if (choice.mode === 'membership') {
    if (!choice.membership) throw new AppError('invalid_input', t('membershipRequired'), { field: 'membership' });
    let membership: ReturnType<typeof parseMembershipFile>;
    try {
      membership = parseMembershipFile(choice.membership);
    } catch (error) {
      fileProblem(error, t, 'membership');
    }
    const codes = [...membership.partnerships.keys()];
    let code = normalizeSwvCode(choice.swvCode);
    if (!code && codes.length === 1) code = codes[0]!;
    if (!code) throw new AppError('invalid_input', t('swvCodeChoose', { codes: codes.join(', ') }), { field: 'swvCode' });
    if (!membership.partnerships.has(code)) throw new AppError('invalid_input', t('swvCodeUnknown', { code: choice.swvCode, codes: codes.join(', ') }), { field: 'swvCode' });
    preselected = membershipCodes(membership, code, parsed.records);
  }
  return { records: parsed.records, facts: parsed.facts, preselected };
}

export async function previewLocationImport(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  partnershipId: string;
  fileName: string;
  file: Uint8Array;
  choice: LocationChoice;
  t: RegisterTranslate;
}): Promise<string> {
  assertInScope('previewLocationImport', options.auth, { partnershipId: options.partnershipId });
  const partnershipId = options.partnershipId;
  const payload = readLocationImport(options);
  const id = crypto.randomUUID();
  const now = options.clock.now();
  await saveRegisterImport(options.db, {
    id,
    partnershipId,
    kind: 'locations',
    fileName: options.fileName,
    payload,
    createdBy: options.auth.principal.userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + IMPORT_PREVIEW_HOURS * 3_600_000),
  });
  return id;
}
