import { verifyPassword } from '../../auth/password.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { clearLoginFailures, countLoginFailuresSince, findUserByEmail, normalizeEmail, recordLoginFailure } from './repository.js';
import { startSession } from './sessions.js';

export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_CLIENT = 20;
export const FAILURE_WINDOW_MINUTES = 15;

export type LogInResult = { ok: true; token: string; expiresAt: Date; userId: string } | { ok: false; reason: 'wrong_credentials' | 'rate_limited' };

/** Checks e-mail and password, with rate limiting per account and per client address. */
export async function logIn(options: { db: Database; clock: Clock; email: string; password: string; clientAddress: string }): Promise<LogInResult> {
  const { db, clock } = options;
  const email = normalizeEmail(options.email);
  const now = clock.now();
  const since = new Date(now.getTime() - FAILURE_WINDOW_MINUTES * 60_000);
  const accountKey = `account:${email}`;
  const clientKey = `client:${options.clientAddress}`;
  const [accountFailures, clientFailures] = await Promise.all([
    countLoginFailuresSince(db, accountKey, since),
    countLoginFailuresSince(db, clientKey, since),
  ]);
  if (accountFailures >= MAX_FAILURES_PER_ACCOUNT || clientFailures >= MAX_FAILURES_PER_CLIENT) {
    return { ok: false, reason: 'rate_limited' };
  }
  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? null, options.password);
  if (!user || !valid || user.disabledAt) {
    await recordLoginFailure(db, [accountKey, clientKey], now);
    return { ok: false, reason: 'wrong_credentials' };
  }
  await clearLoginFailures(db, accountKey);
  const session = await startSession(db, clock, user.id);
  return { ok: true, userId: user.id, ...session };
}

