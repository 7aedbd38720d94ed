/** The question before revoking one role: whose role, where. */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership } from '../partnerships/api.js';
import { findMembershipInPartnership, type MembershipInPartnership } from './repository.js';

export interface RevokePage {
  partnership: { id: string; name: string };
  membership: MembershipInPartnership;
}

export async function loadRevokePage(options: { db: Database; auth: Authorized; partnershipId: string; membershipId: string }): Promise<RevokePage> {
  const { db, auth, partnershipId } = options;
  assertInScope('loadRevokePage', auth, { partnershipId });
  const partnership = await getPartnership(db, partnershipId);
  const membership = partnership ? await findMembershipInPartnership(db, partnershipId, options.membershipId) : null;
  if (!partnership || !membership) throw new AppError('not_found');
  return { partnership: { id: partnership.id, name: partnership.name }, membership };
}
