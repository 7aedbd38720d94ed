import { sha256 } from '../../auth/tokens.js';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import { findUsableUserToken, findUserById } from './repository.js';

export interface PasswordTokenPage {
  name: string;
  email: string;
}

/**
 * The page behind an invitation or password-reset link: whose password it sets. Null when the link is unknown,
 * used, expired or of the other kind (the page then says the link no longer works).
 */
export async function loadPasswordTokenPage(options: { db: DbOrTx; clock: Clock; token: string; purpose: 'invitation' | 'password_reset' }): Promise<PasswordTokenPage | null> {
  const token = await findUsableUserToken(options.db, sha256(options.token), options.clock.now());
  if (!token || token.purpose !== options.purpose) return null;
  const user = await findUserById(options.db, token.userId);
  return user ? { name: user.name, email: user.email } : null;
}
