/** Everything the SWV's user management page shows: its people with their roles, and the places one can be invited to. */
import { assertInScope, can } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { queryAll, type Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership, listBoards, listSchoolsOfPartnership } from '../partnerships/api.js';
import { listInvitationsOfPartnership, type InvitationListEntry } from './invitations-repository.js';
import { listUsersOfPartnership, type UserWithRoles } from './repository.js';

export interface UsersPage {
  partnership: { id: string; name: string };
  people: UserWithRoles[];
  /** The SWV's own invitations of existing accounts, open or declined: only what its invitation did. */
  invitations: InvitationListEntry[];
  boards: Array<{ id: string; name: string }>;
  schools: Array<{ id: string; name: string; locationCode: string }>;
  /** Only the platform administrator removes someone's second factor (remove-second-factor.ts). */
  canRemoveSecondFactor: boolean;
}

export async function loadUsersPage(options: { db: Database; auth: Authorized; partnershipId: string }): Promise<UsersPage> {
  const { db, auth, partnershipId } = options;
  assertInScope('loadUsersPage', auth, { partnershipId });
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const [people, invitations, boards, schools] = await queryAll(db, [
    () => listUsersOfPartnership(db, partnershipId),
    () => listInvitationsOfPartnership(db, partnershipId),
    () => listBoards(db, partnershipId),
    () => listSchoolsOfPartnership(db, partnershipId),
  ]);
  return {
    partnership: { id: partnership.id, name: partnership.name },
    people,
    invitations,
    boards: boards.map((b) => ({ id: b.id, name: b.name })),
    schools: schools.map((s) => ({ id: s.id, name: s.name, locationCode: s.locationCode })),
    canRemoveSecondFactor: can(auth.principal, 'platform.manage', { level: 'platform' }),
  };
}
