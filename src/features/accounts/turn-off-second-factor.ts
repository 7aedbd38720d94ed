/**
 * The user turns their second factor off, with a valid code (or recovery code): a stolen session alone cannot.
 * Throttled like log-in codes. An administrator who must use one (REQUIRE_ADMIN_2FA) is sent to set it up again.
 */
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { checkSecondFactorCode } from './check-second-factor-code.js';
import { forgetAttempts, throttleAttempt } from './log-in.js';
import { deleteSecondFactor } from './repository.js';

export type TurnOffResult = { ok: true } | { ok: false; reason: 'wrong_code' } | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

export async function turnOffSecondFactor(options: { db: Database; clock: Clock; userId: string; code: string; clientAddress: string; encryptionKey: string | undefined }): Promise<TurnOffResult> {
  const { db, clock, userId } = options;
  const now = clock.now();
  const pairKey = `code-pair:${userId}|${options.clientAddress}`;
  const { wait, attemptIds } = await throttleAttempt({ db, now, accountKey: `code-account:${userId}`, pairKey });
  if (wait > 0) return { ok: false, reason: 'rate_limited', retryAfterSeconds: wait };
  const done = await db.transaction(async (tx) => {
    const kind = await checkSecondFactorCode(tx, { userId, code: options.code, now, encryptionKey: options.encryptionKey });
    if (!kind) return false;
    await deleteSecondFactor(tx, userId);
    await recordAudit(tx, { at: now, actorUserId: userId, partnershipId: null, action: 'user.disable_second_factor', entityType: 'user', entityId: userId, after: { with: kind } });
    return true;
  });
  if (!done) return { ok: false, reason: 'wrong_code' };
  await forgetAttempts(db, attemptIds, pairKey);
  return { ok: true };
}
