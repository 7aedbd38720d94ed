import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { translator, type Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { accountsMessages } from './messages.js';
import { countAdminRoles, deleteMembership, findMembershipInPartnership } from './repository.js';

/**
 * An SWV admin takes away one role held at the SWV, one of its boards or schools. The user keeps their
 * account and other roles. Nobody removes their own last administrator role (they could not undo it).
 */
export async function revokeRole(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; membershipId: string; locale: Locale }): Promise<{ userName: string; placeName: string }> {
  const { db, clock, auth, partnershipId } = options;
  assertInScope('revokeRole', auth, { partnershipId });
  const t = translator(accountsMessages, options.locale);
  return db.transaction(async (tx) => {
    const membership = await findMembershipInPartnership(tx, partnershipId, options.membershipId);
    if (!membership) throw new AppError('not_found');
    const isAdminRole = membership.role === 'partnership_admin' || membership.role === 'platform_admin';
    if (membership.userId === auth.principal.userId && isAdminRole && (await countAdminRoles(tx, membership.userId)) <= 1) {
      throw new AppError('invalid_state', t('cannotRevokeOwnLastAdmin'));
    }
    if (!(await deleteMembership(tx, membership.id))) throw new AppError('not_found');
    await recordAudit(tx, {
      at: clock.now(),
      actorUserId: auth.principal.userId,
      partnershipId,
      action: 'user.revoke_role',
      entityType: 'user',
      entityId: membership.userId,
      before: { membershipId: membership.id, role: membership.role, partnershipId: membership.partnershipId, boardId: membership.boardId, schoolId: membership.schoolId },
      after: null,
    });
    return { userName: membership.userName, placeName: membership.placeName };
  });
}
