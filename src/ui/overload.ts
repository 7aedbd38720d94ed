/** Telling overload apart from faults, for the answers that should say "try again" (503) instead of "error" (500). */

/** pg-pool's message when no connection became free within connectionTimeoutMillis (all busy: overload). */
const POOL_WAIT_TIMEOUT = 'timeout exceeded when trying to connect';

/**
 * Whether a query failed only because every pooled connection stayed busy for the whole wait (overload, not a
 * fault): public pages answer 503 with Retry-After then, instead of 500. drizzle wraps the pool's error as `cause`.
 */
export function isPoolWaitTimeout(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current.message === POOL_WAIT_TIMEOUT) return true;
  }
  return false;
}
