/** The districts page: the SWV's schools with their district (for assigning by hand), or a waiting import's preview. */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership, listSchoolsWithDistricts } from '../partnerships/api.js';
import type { DistrictImportPayload } from './preview-district-import.js';
import { findRegisterImport } from './repository.js';

export interface DistrictsPage {
  partnership: { id: string; name: string };
  schools: Array<{ id: string; name: string; locationCode: string; districtName: string | null }>;
  preview: { importId: string; fileName: string; payload: DistrictImportPayload } | null;
}

export async function loadDistrictsPage(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; importId?: string }): Promise<DistrictsPage> {
  const { db } = options;
  assertInScope('loadDistrictsPage', options.auth, { partnershipId: options.partnershipId });
  const partnershipId = options.partnershipId;
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  let preview: DistrictsPage['preview'] = null;
  if (options.importId !== undefined) {
    const stored = await findRegisterImport(db, { partnershipId, id: options.importId, kind: 'districts', now: options.clock.now() });
    if (!stored || stored.appliedAt) throw new AppError('not_found');
    preview = { importId: stored.id, fileName: stored.fileName, payload: stored.payload as DistrictImportPayload };
  }
  const schools = (await listSchoolsWithDistricts(db, partnershipId)).map((s) => ({ id: s.id, name: s.name, locationCode: s.locationCode, districtName: s.districtName }));
  return { partnership: { id: partnershipId, name: partnership.name }, schools, preview };
}
