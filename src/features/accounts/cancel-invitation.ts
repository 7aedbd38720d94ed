/** An SWV withdraws its own invitation of an existing account; another SWV's invitation is not found (404). */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { answerInvitation, findInvitationOfPartnership } from './invitations-repository.js';

export async function cancelInvitation(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; invitationId: string }): Promise<void> {
  const { db, clock, auth, partnershipId } = options;
  assertInScope('cancelInvitation', auth, { partnershipId });
  await db.transaction(async (tx) => {
    const invitation = await findInvitationOfPartnership(tx, partnershipId, options.invitationId);
    if (!invitation) throw new AppError('not_found');
    const now = clock.now();
    // Already answered (accepted, declined or withdrawn): nothing left to withdraw.
    if (!(await answerInvitation(tx, invitation.id, 'cancelled', now))) return;
    await recordAudit(tx, { at: now, actorUserId: auth.principal.userId, partnershipId, action: 'user.cancel_invitation', entityType: 'invitation', entityId: invitation.id, before: { email: invitation.email, role: invitation.role } });
  });
}
