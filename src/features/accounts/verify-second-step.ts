/**
 * The second step of logging in: the code (or a recovery code) for a pending log-in whose password was right.
 * Only now is a session started. Code attempts are throttled like passwords (log-in.ts), per account and per
 * account-and-address pair, and a pending log-in allows a few wrong codes before the password must be typed again.
 */
import { sha256 } from '../../auth/tokens.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { checkSecondFactorCode } from './check-second-factor-code.js';
import { forgetAttempts, throttleAttempt } from './log-in.js';
import { countUnusedRecoveryCodes, countWrongCode, deletePendingLogin, findPendingLogin } from './repository.js';
import { MAX_CODES_PER_PENDING_LOGIN } from './second-factor.js';
import { startSession } from './sessions.js';

export type SecondStepResult =
  | { ok: true; token: string; expiresAt: Date; userId: string; returnTo: string | null; recoveryCodesLeft: number | null }
  | { ok: false; reason: 'expired' | 'start_over' | 'wrong_code' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

export async function verifySecondStep(options: { db: Database; clock: Clock; pendingToken: string; code: string; clientAddress: string; encryptionKey: string | undefined }): Promise<SecondStepResult> {
  const { db, clock } = options;
  const now = clock.now();
  const tokenHash = sha256(options.pendingToken);
  const pending = await findPendingLogin(db, tokenHash, now);
  if (!pending) return { ok: false, reason: 'expired' };
  const pairKey = `code-pair:${pending.userId}|${options.clientAddress}`;
  const { wait, attemptIds } = await throttleAttempt({ db, now, accountKey: `code-account:${pending.userId}`, pairKey });
  if (wait > 0) return { ok: false, reason: 'rate_limited', retryAfterSeconds: wait };
  const kind = await db.transaction(async (tx) => {
    const checked = await checkSecondFactorCode(tx, { userId: pending.userId, code: options.code, now, encryptionKey: options.encryptionKey });
    if (checked === 'recovery') {
      await recordAudit(tx, { at: now, actorUserId: pending.userId, partnershipId: null, action: 'user.use_recovery_code', entityType: 'user', entityId: pending.userId });
    }
    return checked;
  });
  if (!kind) {
    if ((await countWrongCode(db, tokenHash)) >= MAX_CODES_PER_PENDING_LOGIN) {
      await deletePendingLogin(db, tokenHash);
      return { ok: false, reason: 'start_over' };
    }
    return { ok: false, reason: 'wrong_code' };
  }
  await forgetAttempts(db, attemptIds, pairKey);
  // One pending log-in starts one session, however many requests race with the right code.
  if (!(await deletePendingLogin(db, tokenHash))) return { ok: false, reason: 'expired' };
  const session = await startSession(db, clock, pending.userId);
  const recoveryCodesLeft = kind === 'recovery' ? await countUnusedRecoveryCodes(db, pending.userId) : null;
  return { ok: true, userId: pending.userId, returnTo: pending.returnTo, recoveryCodesLeft, ...session };
}
