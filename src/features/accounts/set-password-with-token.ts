import { AppError } from '../../auth/app-error.js';
import { hashPassword } from '../../auth/password.js';
import { sha256 } from '../../auth/tokens.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import { consumeUserToken, deleteSessionsOfUser, expireUserTokens, findSecondFactor, updateLocale, updatePassword } from './repository.js';
import { startSession } from './sessions.js';

/**
 * Accepting an invitation and resetting a password both end here: a one-time link sets the password and signs in,
 * unless the account has a second factor: a mailed link is no second factor, so then the person logs in with a code.
 */
export async function setPasswordWithToken(options: { db: Database; clock: Clock; token: string; password: string; purpose?: 'invitation' | 'password_reset'; locale?: Locale }): Promise<{ userId: string; session: { token: string; expiresAt: Date } | null }> {
  const { db, clock } = options;
  const passwordHash = await hashPassword(options.password);
  return db.transaction(async (tx) => {
    const now = clock.now();
    const token = await consumeUserToken(tx, sha256(options.token), now);
    // A reset link opened at the invitation address (or the other way round) is not a link of that kind.
    if (!token || (options.purpose && token.purpose !== options.purpose)) throw new AppError('not_found');
    await updatePassword(tx, token.userId, passwordHash);
    // Accepting an invitation: the language the person read the page in becomes the account's (pages and mails).
    if (token.purpose === 'invitation' && options.locale) await updateLocale(tx, token.userId, options.locale);
    // Once a password is set, every other open reset link of this user is void (an older mail must not reset it again).
    await expireUserTokens(tx, token.userId, 'password_reset', now);
    await expireUserTokens(tx, token.userId, 'invitation', now);
    await deleteSessionsOfUser(tx, token.userId);
    await recordAudit(tx, {
      at: now,
      actorUserId: token.userId,
      partnershipId: null,
      action: token.purpose === 'invitation' ? 'user.accept_invitation' : 'user.reset_password',
      entityType: 'user',
      entityId: token.userId,
    });
    if ((await findSecondFactor(tx, token.userId))?.enabledAt) return { userId: token.userId, session: null };
    const session = await startSession(tx, clock, token.userId);
    return { userId: token.userId, session };
  });
}
