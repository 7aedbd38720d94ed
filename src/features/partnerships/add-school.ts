import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import type { PartnershipTranslate } from './messages.js';
import { findSchoolByLocationCode, getPartnership, insertSchool } from './repository.js';
import { resolveBoard, resolveDistrict } from './resolve-board-and-district.js';
import { schoolAddedHooks } from './school-added-hooks.js';
import { houseNumberOf, schoolFormInput, type SchoolFormInput } from './school-form.js';

/** The form's schema (shared with editing a school). */
export const addSchoolInput = schoolFormInput;
export type AddSchoolInput = SchoolFormInput;

/** An SWV admin adds a school location (and, if needed, its board and district). */
export async function addSchool(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; input: AddSchoolInput; t: PartnershipTranslate }): Promise<string> {
  const { db, clock, auth, input, t } = options;
  assertInScope('addSchool', auth, { partnershipId: options.partnershipId });
  const partnershipId = options.partnershipId;
  const actor = { userId: auth.principal.userId, now: clock.now() };
  return db.transaction(async (tx) => {
    const existing = await findSchoolByLocationCode(tx, partnershipId, input.locationCode);
    if (existing) throw new AppError('conflict', t(existing.archivedAt ? 'locationExistsArchived' : 'locationExists', { code: input.locationCode, name: existing.name }), { field: 'brin' });
    const boardId = await resolveBoard(tx, { partnershipId, boardId: input.boardId, newBoardNumber: input.newBoardNumber, newBoardName: input.newBoardName, actor, t });
    const districtId = await resolveDistrict(tx, { partnershipId, name: input.districtName, actor });
    const partnership = await getPartnership(tx, partnershipId);
    if (!partnership) throw new AppError('not_found');
    const id = crypto.randomUUID();
    const row = {
      id,
      partnershipId,
      boardId,
      districtId,
      name: input.name,
      brin: input.brin,
      locationCode: input.locationCode,
      street: input.street || null,
      houseNumber: input.street ? houseNumberOf(input.street) : null,
      postalCode: input.postalCode || null,
      city: input.city || null,
      website: input.website || null,
      sector: input.sector || partnership.sector,
      schoolTypes: input.schoolTypes,
      createdAt: clock.now(),
    };
    await insertSchool(tx, row);
    await recordAudit(tx, { at: clock.now(), actorUserId: auth.principal.userId, partnershipId, action: 'school.add', entityType: 'school', entityId: id, after: row });
    // E.g. the cycle: a school added while a cycle runs gets its profile now (cycle/plugins.tsx).
    for (const hook of schoolAddedHooks) await hook(tx, { schoolIds: [id], partnershipId, actorUserId: auth.principal.userId, now: clock.now() });
    return id;
  });
}
