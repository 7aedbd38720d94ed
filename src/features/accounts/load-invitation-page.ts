/** What the person invited to a role sees behind the e-mailed link (an SWV's invitation of an existing account). */
import type { Role } from '../../auth/roles.js';
import { sha256 } from '../../auth/tokens.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { findUsableInvitation } from './invitations-repository.js';
import { findUserById } from './repository.js';

export interface InvitationPage {
  partnershipName: string;
  placeName: string;
  role: Role;
  /** The account's own address: shown only to the holder of the link, who received it there. */
  email: string;
  needsPassword: boolean;
}

/** Null when the link is unknown, answered, withdrawn or expired. */
export async function loadInvitationPage(options: { db: Database; clock: Clock; token: string }): Promise<InvitationPage | null> {
  const found = await findUsableInvitation(options.db, sha256(options.token), options.clock.now());
  if (!found) return null;
  const user = await findUserById(options.db, found.invitation.userId);
  if (!user || user.disabledAt) return null;
  return { partnershipName: found.partnershipName, placeName: found.placeName, role: found.invitation.role, email: user.email, needsPassword: user.passwordHash === null };
}
