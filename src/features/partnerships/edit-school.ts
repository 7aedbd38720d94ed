import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import type { PartnershipTranslate } from './messages.js';
import { findSchoolByLocationCode, findSchoolInPartnership, updateSchool } from './repository.js';
import { resolveBoard, resolveDistrict } from './resolve-board-and-district.js';
import { houseNumberOf, type SchoolFormInput } from './school-form.js';
import { publicContentChanged } from '../public/api.js';

/** An SWV admin corrects a school's data (name, code, board, district, type, address). Profiles and contacts stay. */
export async function editSchool(options: { db: Database; clock: Clock; auth: Authorized; schoolId: string; input: SchoolFormInput; t: PartnershipTranslate }): Promise<void> {
  const { db, clock, auth, input, t } = options;
  assertInScope('editSchool', auth, { schoolId: options.schoolId });
  const schoolId = options.schoolId;
  if (auth.scope.level === 'platform') throw new AppError('not_found');
  const partnershipId = auth.scope.partnershipId;
  const actor = { userId: auth.principal.userId, now: clock.now() };
  await db.transaction(async (tx) => {
    const before = await findSchoolInPartnership(tx, partnershipId, schoolId);
    if (!before) throw new AppError('not_found');
    if (input.locationCode !== before.locationCode) {
      const other = await findSchoolByLocationCode(tx, partnershipId, input.locationCode);
      if (other) throw new AppError('conflict', t('locationExists', { code: input.locationCode, name: other.name }), { field: 'brin' });
    }
    const boardId = await resolveBoard(tx, { partnershipId, boardId: input.boardId, newBoardNumber: input.newBoardNumber, newBoardName: input.newBoardName, actor, t });
    const districtId = await resolveDistrict(tx, { partnershipId, name: input.districtName, actor });
    const street = input.street || null;
    const patch = {
      name: input.name,
      brin: input.brin,
      locationCode: input.locationCode,
      boardId,
      districtId,
      sector: input.sector || before.sector,
      schoolTypes: input.schoolTypes,
      street,
      // Keep DUO's house number when the street line still ends with it.
      houseNumber: street === before.street ? before.houseNumber : street ? houseNumberOf(street) : null,
      postalCode: input.postalCode || null,
      city: input.city || null,
      website: input.website || null,
    };
    await updateSchool(tx, schoolId, patch);
    const changed = Object.fromEntries(Object.entries(patch).filter(([key, value]) => JSON.stringify(before[key as keyof typeof before]) !== JSON.stringify(value)));
    await recordAudit(tx, {
      at: actor.now,
      actorUserId: actor.userId,
      partnershipId,
      action: 'school.edit',
      entityType: 'school',
      entityId: schoolId,
      before: Object.fromEntries(Object.keys(changed).map((key) => [key, before[key as keyof typeof before]])),
      after: changed,
    });
  });
  // Committed: the public pages cached in this process show the change from the next request (features/public/api.ts).
  publicContentChanged();
}
