import { verifyPassword } from '../../auth/password.js';
import type { Clock } from '../../config/clock.js';
import { queryAll, type Database } from '../../db/client.js';
import { randomToken, sha256 } from '../../auth/tokens.js';
import { clearLoginFailures, deleteAttempts, findSecondFactor, findUserByEmail, insertPendingLogin, loginAttemptsBefore, normalizeEmail, recordAttempt } from './repository.js';
import { PENDING_LOGIN_MINUTES } from './second-factor.js';
import { startSession } from './sessions.js';

/**
 * Log-in throttling (issue 16): growing delays instead of a lockout, so nobody can lock someone else out.
 * - Per account and client address (the pair): a few free failures, then a wait that doubles with each one.
 * - Per account, over all addresses: the same, with more free failures, but it applies only to a client that
 *   has itself failed for this account. A client without failures for the account (the real person, or a
 *   colleague behind the school's shared address) still gets in with the right password, however hard
 *   someone else guesses.
 * Attempts live in the database (login_attempts), so every app process behind a load balancer sees them; each
 * attempt is recorded before it is judged, so a burst of parallel guesses is judged one after another.
 */
export const FREE_FAILURES_PER_PAIR = 3;
export const FREE_FAILURES_PER_ACCOUNT = 10;
export const FIRST_DELAY_SECONDS = 2;
export const MAX_DELAY_SECONDS = 15 * 60;
/** Failures older than this are forgotten. */
export const FAILURE_WINDOW_HOURS = 24;

/** `secondStep`: the password was right, the token is a pending log-in's (not a session's) and a code must follow. */
export type LogInResult = { ok: true; secondStep: boolean; token: string; expiresAt: Date; userId: string } | { ok: false; reason: 'wrong_credentials' } | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/** The wait after `failures` earlier failures: none while free, then FIRST_DELAY doubling up to MAX_DELAY. */
export function throttleDelaySeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** Math.min(failures - free, 20));
}

/**
 * Records an attempt under the account key and the account-and-address key and says how long the client must
 * wait first (0: judge it now). A refused attempt is forgotten at once. Password and code attempts both use it.
 */
export async function throttleAttempt(options: { db: Database; now: Date; accountKey: string; pairKey: string }): Promise<{ wait: number; attemptIds: number[] }> {
  const { db, now, accountKey, pairKey } = options;
  const since = new Date(now.getTime() - FAILURE_WINDOW_HOURS * 3_600_000);
  // Every attempt counts as a failure until it succeeds.
  const attemptIds = await recordAttempt(db, [accountKey, pairKey], now);
  const [account, pair] = await queryAll(db, [() => loginAttemptsBefore(db, accountKey, since, attemptIds[0]!), () => loginAttemptsBefore(db, pairKey, since, attemptIds[1]!)]);
  const waits = [waitSeconds(pair, FREE_FAILURES_PER_PAIR, now)];
  if (pair.count > 0) waits.push(waitSeconds(account, FREE_FAILURES_PER_ACCOUNT, now));
  const wait = Math.max(...waits);
  // A refused attempt is no guess (nothing was checked): forget it, so the announced wait holds.
  if (wait > 0) await deleteAttempts(db, attemptIds);
  return { wait, attemptIds };
}

/** After a successful attempt: it was no failure, and this client is trusted again for this account. */
export async function forgetAttempts(db: Database, attemptIds: number[], pairKey: string): Promise<void> {
  await deleteAttempts(db, attemptIds);
  await clearLoginFailures(db, pairKey);
}

/**
 * Checks e-mail and password, throttled per account-and-address pair and per account. An account with a second
 * factor gets no session yet but a pending log-in that the code completes (verify-second-step.ts).
 */
export async function logIn(options: { db: Database; clock: Clock; email: string; password: string; clientAddress: string; returnTo?: string | null }): Promise<LogInResult> {
  const { db, clock } = options;
  const email = normalizeEmail(options.email);
  const pairKey = `pair:${email}|${options.clientAddress}`;
  const now = clock.now();
  const { wait, attemptIds } = await throttleAttempt({ db, now, accountKey: `account:${email}`, pairKey });
  if (wait > 0) return { ok: false, reason: 'rate_limited', retryAfterSeconds: wait };
  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? null, options.password);
  if (!user || !valid || user.disabledAt) return { ok: false, reason: 'wrong_credentials' };
  await forgetAttempts(db, attemptIds, pairKey);
  const secondFactor = await findSecondFactor(db, user.id);
  if (secondFactor?.enabledAt) {
    const pending = await startPendingLogin(db, now, user.id, options.returnTo ?? null);
    return { ok: true, secondStep: true, userId: user.id, ...pending };
  }
  const session = await startSession(db, clock, user.id);
  return { ok: true, secondStep: false, userId: user.id, ...session };
}

async function startPendingLogin(db: Database, now: Date, userId: string, returnTo: string | null): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + PENDING_LOGIN_MINUTES * 60_000);
  await insertPendingLogin(db, { tokenHash: sha256(token), userId, returnTo, createdAt: now, expiresAt });
  return { token, expiresAt };
}

function waitSeconds(stats: { count: number; last: Date | null }, free: number, now: Date): number {
  const delay = throttleDelaySeconds(stats.count, free);
  if (delay === 0 || !stats.last) return 0;
  return Math.max(0, Math.ceil((stats.last.getTime() + delay * 1000 - now.getTime()) / 1000));
}
