/** The preview of a waiting pupil-count or verdict import. */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership } from '../partnerships/api.js';
import type { PublicDataKind, PublicDataPayload } from './preview-public-data-import.js';
import { findRegisterImport } from './repository.js';

export interface PublicDataPreview {
  partnership: { id: string; name: string };
  importId: string;
  fileName: string;
  payload: PublicDataPayload;
}

export async function loadPublicDataPreview(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; kind: PublicDataKind; importId: string }): Promise<PublicDataPreview> {
  assertInScope('loadPublicDataPreview', options.auth, { partnershipId: options.partnershipId });
  const partnershipId = options.partnershipId;
  const [partnership, stored] = [await getPartnership(options.db, partnershipId), await findRegisterImport(options.db, { partnershipId, id: options.importId, kind: options.kind, now: options.clock.now() })];
  if (!partnership || !stored || stored.appliedAt) throw new AppError('not_found');
  return { partnership: { id: partnershipId, name: partnership.name }, importId: stored.id, fileName: stored.fileName, payload: stored.payload as PublicDataPayload };
}
