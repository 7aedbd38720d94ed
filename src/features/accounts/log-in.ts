import { verifyPassword } from '../../auth/password.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { recordAndCheckAttempt } from './rate-limit.js';
import { clearLoginFailures, deleteAttempts, findUserByEmail, normalizeEmail } from './repository.js';
import { startSession } from './sessions.js';

export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_CLIENT = 20;
export const FAILURE_WINDOW_MINUTES = 15;

export type LogInResult = { ok: true; token: string; expiresAt: Date; userId: string } | { ok: false; reason: 'wrong_credentials' | 'rate_limited' };

/** Checks e-mail and password, with rate limiting per account and per client address. */
export async function logIn(options: { db: Database; clock: Clock; email: string; password: string; clientAddress: string }): Promise<LogInResult> {
  const { db, clock } = options;
  const email = normalizeEmail(options.email);
  const accountKey = `account:${email}`;
  const clientKey = `client:${options.clientAddress}`;
  // Every attempt counts until it succeeds; the limit allows MAX failures, so attempt MAX+1 is refused.
  const { allowed, attemptIds } = await recordAndCheckAttempt({
    db,
    clock,
    limits: [
      { key: accountKey, max: MAX_FAILURES_PER_ACCOUNT },
      { key: clientKey, max: MAX_FAILURES_PER_CLIENT },
    ],
    windowMinutes: FAILURE_WINDOW_MINUTES,
  });
  if (!allowed) return { ok: false, reason: 'rate_limited' };
  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? null, options.password);
  if (!user || !valid || user.disabledAt) return { ok: false, reason: 'wrong_credentials' };
  // A successful log-in is not a failure: forget it (a school's shared address must not lock out colleagues).
  await deleteAttempts(db, attemptIds);
  await clearLoginFailures(db, accountKey);
  const session = await startSession(db, clock, user.id);
  return { ok: true, userId: user.id, ...session };
}
