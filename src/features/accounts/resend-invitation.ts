import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { randomToken, sha256 } from '../../auth/tokens.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { queueMail } from '../../mail/send-mail-job.js';
import { translator, type Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { INVITATION_DAYS } from './invite-user.js';
import { accountsMessages } from './messages.js';
import { expireUserTokens, findUserInPartnership, insertUserToken } from './repository.js';

/**
 * Sends a fresh invitation link to someone who never set a password (the first one expired or got lost);
 * earlier invitation links stop working.
 */
export async function resendInvitation(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; userId: string; baseUrl: string; locale: Locale }): Promise<{ email: string }> {
  const { db, clock, auth, partnershipId } = options;
  assertInScope('resendInvitation', auth, { partnershipId });
  const t = translator(accountsMessages, options.locale);
  const now = clock.now();
  return db.transaction(async (tx) => {
    const user = await findUserInPartnership(tx, partnershipId, options.userId);
    if (!user) throw new AppError('not_found');
    if (user.passwordHash) throw new AppError('invalid_state', t('alreadyActive', { name: user.name }));
    await expireUserTokens(tx, user.id, 'invitation', now);
    const token = randomToken();
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
    await insertUserToken(tx, { tokenHash: sha256(token), userId: user.id, purpose: 'invitation', createdAt: now, expiresAt });
    await queueMail(tx, clock, {
      to: user.email,
      subject: t('reinviteMailSubject'),
      text: t('reinviteMailBody', { name: user.name, inviter: auth.principal.name, link: `${options.baseUrl}/uitnodiging/${token}` }),
    });
    await recordAudit(tx, { at: now, actorUserId: auth.principal.userId, partnershipId, action: 'user.resend_invitation', entityType: 'user', entityId: user.id, after: { email: user.email, expiresAt: expiresAt.toISOString() } });
    return { email: user.email };
  });
}
