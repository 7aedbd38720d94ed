/** The preview page of a waiting location import: the plan against the register as it is now. */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership } from '../partnerships/api.js';
import { existingSchoolsForImport } from './apply-location-import.js';
import type { FileFacts } from './parse-files.js';
import { planLocationImport, type LocationPlan } from './plan-location-import.js';
import type { LocationImportPayload } from './preview-location-import.js';
import { findRegisterImport } from './repository.js';

export interface LocationPreview {
  partnership: { id: string; name: string };
  importId: string;
  fileName: string;
  facts: FileFacts;
  plan: LocationPlan;
}

export async function loadLocationPreview(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; importId: string }): Promise<LocationPreview> {
  const { db } = options;
  assertInScope('loadLocationPreview', options.auth, { partnershipId: options.partnershipId });
  const partnershipId = options.partnershipId;
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const stored = await findRegisterImport(db, { partnershipId, id: options.importId, kind: 'locations', now: options.clock.now() });
  // Unknown, expired, processed or another SWV's: not found.
  if (!stored || stored.appliedAt) throw new AppError('not_found');
  const payload = stored.payload as LocationImportPayload;
  const selection = payload.preselected === 'all' ? ({ mode: 'all' } as const) : payload.preselected.length ? ({ mode: 'codes', codes: payload.preselected } as const) : ({ mode: 'pick' } as const);
  const plan = planLocationImport(payload.records, await existingSchoolsForImport(db, partnershipId), selection);
  return { partnership: { id: partnershipId, name: partnership.name }, importId: stored.id, fileName: stored.fileName, facts: payload.facts, plan };
}
