/** The user confirms a previewed location import with the new locations they ticked and the missing ones to archive. */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { ALREADY_APPLIED } from './messages.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { applyLocationImport, type LocationImportResult } from './apply-location-import.js';
import type { RegisterTranslate } from './messages.js';
import type { LocationImportPayload } from './preview-location-import.js';
import { markRegisterImportApplied, findRegisterImport } from './repository.js';

export async function confirmLocationImport(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  partnershipId: string;
  importId: string;
  addCodes: string[];
  archiveIds: string[];
  t: RegisterTranslate;
}): Promise<LocationImportResult> {
  const { db, clock, t } = options;
  assertInScope('confirmLocationImport', options.auth, { partnershipId: options.partnershipId });
  const partnershipId = options.partnershipId;
  const stored = await findRegisterImport(db, { partnershipId, id: options.importId, kind: 'locations', now: clock.now() });
  if (!stored) throw new AppError('not_found');
  if (stored.appliedAt) throw new AppError('invalid_state', ALREADY_APPLIED);
  const payload = stored.payload as LocationImportPayload;
  const result = await applyLocationImport({
    db,
    clock,
    partnershipId,
    actorUserId: options.auth.principal.userId,
    fileName: stored.fileName,
    records: payload.records,
    addCodes: options.addCodes,
    archiveIds: options.archiveIds,
    boardName: (number) => t('newBoardName', { number }),
  });
  await markRegisterImportApplied(db, stored.id, clock.now());
  return result;
}
