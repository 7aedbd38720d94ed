/** Puts the SWV's schools in districts by name (by hand, from a postcode list or from CBS's table), creating new districts. */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { listSchoolsWithDistricts, updateSchool } from '../partnerships/api.js';
import { resolveDistrict } from '../partnerships/resolve-board-and-district.js';
import { saveCbsWijkDistrict } from './repository.js';
import { publicContentChanged } from '../public/api.js';

export interface AssignDistrictsOptions {
  db: Database;
  clock: Clock;
  auth: Authorized;
  partnershipId: string;
  /** School id → district name ('' for none). Schools not listed keep their district. */
  assignments: Array<{ schoolId: string; districtName: string }>;
  /** CBS wijk code → district name, remembered for the next CBS file. */
  wijkNames?: Record<string, string>;
  source: 'hand' | 'postcodes' | 'cbs';
}

export async function assignDistricts(options: AssignDistrictsOptions): Promise<number> {
  assertInScope('assignDistricts', options.auth, { partnershipId: options.partnershipId });
  return unsafeAssignDistricts(options);
}

/** `assignDistricts` without the scope check, for a use case that asserted the SWV itself first (confirmDistrictImport). */
export async function unsafeAssignDistricts(options: AssignDistrictsOptions): Promise<number> {
  const { db, clock, auth } = options;
  const partnershipId = options.partnershipId;
  const now = clock.now();
  const actor = { userId: auth.principal.userId, now };
  const result = await db.transaction(async (tx) => {
    const schools = new Map((await listSchoolsWithDistricts(tx, partnershipId)).map((s) => [s.id, s]));
    const changes: Record<string, { before: string | null; after: string | null }> = {};
    for (const { schoolId, districtName } of options.assignments) {
      const school = schools.get(schoolId);
      if (!school) {
        // By hand an unknown id is someone else's school; from a file, a school archived since the preview.
        if (options.source === 'hand') throw new AppError('not_found');
        continue;
      }
      const name = districtName.trim().slice(0, 80);
      if ((school.districtName ?? '') === name) continue;
      await updateSchool(tx, schoolId, { districtId: await resolveDistrict(tx, { partnershipId, name, actor }) });
      changes[school.locationCode] = { before: school.districtName, after: name || null };
    }
    for (const [wijkCode, name] of Object.entries(options.wijkNames ?? {})) {
      const districtId = await resolveDistrict(tx, { partnershipId, name: name.trim().slice(0, 80), actor });
      if (districtId) await saveCbsWijkDistrict(tx, { partnershipId, wijkCode, districtId, updatedAt: now });
    }
    await recordAudit(tx, { at: now, actorUserId: actor.userId, partnershipId, action: 'register.assign_districts', entityType: 'partnership', entityId: partnershipId, after: { source: options.source, changes } });
    return Object.keys(changes).length;
  });
  // Committed: the public pages cached in this process show the change from the next request (features/public/api.ts).
  publicContentChanged();
  return result;
}
