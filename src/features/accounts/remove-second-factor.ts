/**
 * The platform administrator removes someone's second factor (a lost phone and no recovery codes left), so the
 * person sets it up again at the next log-in. Their sessions end. Only for a person with a role in the SWV
 * whose user list the button is on; audited under that SWV.
 */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { deleteSecondFactor, deleteSessionsOfUser, holdsRoleInPartnership } from './repository.js';

export async function removeSecondFactor(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; userId: string }): Promise<void> {
  const { db, clock, auth, partnershipId, userId } = options;
  assertInScope('removeSecondFactor', auth, { partnershipId });
  await db.transaction(async (tx) => {
    if (!(await holdsRoleInPartnership(tx, userId, partnershipId))) throw new AppError('not_found');
    if (!(await deleteSecondFactor(tx, userId))) return;
    await deleteSessionsOfUser(tx, userId);
    await recordAudit(tx, { at: clock.now(), actorUserId: auth.principal.userId, partnershipId, action: 'user.remove_second_factor', entityType: 'user', entityId: userId });
  });
}
