/** Session cookies: a random token in an HttpOnly, SameSite=Lax cookie; only its hash is stored. */
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import { randomToken, sha256 } from '../../auth/tokens.js';
import type { Principal } from '../../auth/roles.js';
import { deleteSession, insertSession, loadSessionPrincipal } from './repository.js';

export const SESSION_COOKIE = 'sop_session';
export const SESSION_HOURS = 12;

export async function startSession(db: DbOrTx, clock: Clock, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await insertSession(db, { tokenHash: sha256(token), userId, csrfToken: randomToken(), createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** The signed-in person behind a session cookie's hash (null when the session is unknown or expired). */
export async function findSession(db: DbOrTx, tokenHash: string, now: Date): Promise<{ principal: Principal; csrfToken: string } | null> {
  return loadSessionPrincipal(db, tokenHash, now);
}

/** Logging out: the session ends on the server, not only in the browser. */
export async function endSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await deleteSession(db, tokenHash);
}
