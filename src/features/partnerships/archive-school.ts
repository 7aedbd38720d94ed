import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { findSchoolInPartnership, updateSchool } from './repository.js';
import { publicContentChanged } from '../public/api.js';

/**
 * An SWV admin archives a school (closed, merged, left the SWV): it leaves the register and the cycle — no new
 * profiles — while its profiles, documents and history stay. Never deleted; `restore` undoes it.
 */
export async function archiveSchool(options: { db: Database; clock: Clock; auth: Authorized; schoolId: string; restore?: boolean }): Promise<void> {
  const { db, clock, auth } = options;
  assertInScope('archiveSchool', auth, { schoolId: options.schoolId });
  const schoolId = options.schoolId;
  if (auth.scope.level === 'platform') throw new AppError('not_found');
  const partnershipId = auth.scope.partnershipId;
  await db.transaction(async (tx) => {
    const school = await findSchoolInPartnership(tx, partnershipId, schoolId);
    if (!school) throw new AppError('not_found');
    const archivedAt = options.restore ? null : clock.now();
    if ((school.archivedAt === null) === (archivedAt === null)) return;
    await updateSchool(tx, schoolId, { archivedAt });
    await recordAudit(tx, {
      at: clock.now(),
      actorUserId: auth.principal.userId,
      partnershipId,
      action: options.restore ? 'school.restore' : 'school.archive',
      entityType: 'school',
      entityId: schoolId,
      before: { archivedAt: school.archivedAt },
      after: { archivedAt },
    });
  });
  // Committed: the public pages cached in this process show the change from the next request (features/public/api.ts).
  publicContentChanged();
}
