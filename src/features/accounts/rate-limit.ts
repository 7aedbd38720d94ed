/**
 * Attempt limits for log-in and password-reset requests, kept in the database so every app process
 * shares them. The attempt is recorded BEFORE counting: parallel requests each see the others, so a
 * burst cannot slip through between a count and a write.
 */
import type { Clock } from '../../config/clock.js';
import { queryAll, type DbOrTx } from '../../db/client.js';
import { countLoginFailuresSince, recordAttempt } from './repository.js';

export interface AttemptLimit {
  key: string;
  max: number;
}

/** Records the attempt under every key; `allowed` is false when any key now exceeds its limit in the window. */
export async function recordAndCheckAttempt(options: { db: DbOrTx; clock: Clock; limits: AttemptLimit[]; windowMinutes: number }): Promise<{ allowed: boolean; attemptIds: number[] }> {
  const now = options.clock.now();
  const since = new Date(now.getTime() - options.windowMinutes * 60_000);
  const attemptIds = await recordAttempt(options.db, options.limits.map((limit) => limit.key), now);
  const counts = await queryAll(options.db, options.limits.map((limit) => () => countLoginFailuresSince(options.db, limit.key, since)));
  return { allowed: counts.every((n, index) => n <= options.limits[index]!.max), attemptIds };
}
