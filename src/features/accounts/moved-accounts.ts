/**
 * The accounts side of an SWV moving house (swv-transfer/import-swv.ts): one-time links for the people who came
 * along. No request and no signed-in user is involved (an operator command), hence `unsafe…`: the caller decides
 * who gets a link.
 */
import { randomToken, sha256 } from '../../auth/tokens.js';
import type { DbOrTx } from '../../db/client.js';
import { INVITABLE_ROLES, INVITATION_DAYS } from './invite-user.js';
import { insertInvitation } from './invitations-repository.js';
import { insertUserToken } from './repository.js';

const expiry = (now: Date) => new Date(now.getTime() + INVITATION_DAYS * 86_400_000);

/** A link for a new account (no password yet) to choose its password: the token of `/uitnodiging/<token>`. */
export async function unsafeIssueSetPasswordLink(db: DbOrTx, userId: string, now: Date): Promise<string> {
  const token = randomToken();
  await insertUserToken(db, { tokenHash: sha256(token), userId, purpose: 'invitation', createdAt: now, expiresAt: expiry(now) });
  return token;
}

/**
 * Offers a role to an existing account by consent (decision 0016): an open invitation, accepted or declined through
 * `/uitnodiging-rol/<token>`. Returns the token.
 */
export async function unsafeOfferRole(
  db: DbOrTx,
  offer: { partnershipId: string; userId: string; role: (typeof INVITABLE_ROLES)[number]; boardId: string | null; schoolId: string | null; email: string; name: string },
  now: Date,
): Promise<string> {
  const token = randomToken();
  await insertInvitation(db, { id: crypto.randomUUID(), ...offer, tokenHash: sha256(token), invitedBy: null, createdAt: now, expiresAt: expiry(now) });
  return token;
}

export function isInvitableRole(role: string): role is (typeof INVITABLE_ROLES)[number] {
  return (INVITABLE_ROLES as readonly string[]).includes(role);
}
