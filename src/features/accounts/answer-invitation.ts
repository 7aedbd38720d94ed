/**
 * The invited person accepts or declines an SWV's invitation of their existing account (issue 16). Accepting
 * adds the role; an account without a password chooses one here and is signed in. Either answer closes the
 * invitation at once, so the link works one time.
 */
import { AppError } from '../../auth/app-error.js';
import { hashPassword } from '../../auth/password.js';
import { sha256 } from '../../auth/tokens.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { answerInvitation as closeInvitation, findUsableInvitation } from './invitations-repository.js';
import { grantRole } from './grant-role.js';
import { deleteSessionsOfUser, expireUserTokens, findUserById, updatePassword } from './repository.js';
import { startSession } from './sessions.js';

export type InvitationAnswer = { kind: 'accepted'; session: { token: string; expiresAt: Date } | null } | { kind: 'declined' };

export async function answerInvitation(options: { db: Database; clock: Clock; token: string; answer: 'accept' | 'decline'; password?: string }): Promise<InvitationAnswer> {
  const { db, clock } = options;
  const passwordHash = options.answer === 'accept' && options.password ? await hashPassword(options.password) : null;
  return db.transaction(async (tx) => {
    const now = clock.now();
    const found = await findUsableInvitation(tx, sha256(options.token), now);
    if (!found) throw new AppError('not_found');
    const user = await findUserById(tx, found.invitation.userId);
    if (!user || user.disabledAt) throw new AppError('not_found');
    if (options.answer === 'accept' && !user.passwordHash && !passwordHash) throw new AppError('invalid_input');
    const invitation = await closeInvitation(tx, found.invitation.id, options.answer === 'accept' ? 'accepted' : 'declined', now);
    if (!invitation) throw new AppError('not_found'); // answered by a parallel click
    const audit = { at: now, actorUserId: user.id, partnershipId: invitation.partnershipId, entityType: 'invitation', entityId: invitation.id };
    if (options.answer === 'decline') {
      await recordAudit(tx, { ...audit, action: 'user.decline_invitation' });
      return { kind: 'declined' };
    }
    await grantRole(tx, user.id, invitation, now);
    await recordAudit(tx, { ...audit, action: 'user.accept_invitation', after: { role: invitation.role, boardId: invitation.boardId, schoolId: invitation.schoolId } });
    if (user.passwordHash) return { kind: 'accepted', session: null };
    // First password of an account another SWV made: the same as accepting an invitation link.
    await updatePassword(tx, user.id, passwordHash!);
    await expireUserTokens(tx, user.id, 'invitation', now);
    await expireUserTokens(tx, user.id, 'password_reset', now);
    await deleteSessionsOfUser(tx, user.id);
    return { kind: 'accepted', session: await startSession(tx, clock, user.id) };
  });
}
