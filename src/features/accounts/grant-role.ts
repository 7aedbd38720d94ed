/**
 * Gives a user a role at a place of an SWV: the one rule shared by a new account's invitation and an accepted
 * invitation of an existing account. An SWV adviser limited to a board or school gets that place added to the
 * same role. Returns false when the user already held exactly this.
 */
import type { DbOrTx } from '../../db/client.js';
import type { Role } from '../../auth/roles.js';
import { findLimitedMembership, hasMembershipScope, holdsMembership, insertMembership, insertMembershipScopes } from './repository.js';

/** An invitation's place: the SWV always; a board or school for board and school roles, or as an adviser's limit. */
export interface InvitedPlace {
  role: Role;
  partnershipId: string;
  boardId: string | null;
  schoolId: string | null;
}

export function membershipPlace(place: InvitedPlace): { columns: { partnershipId?: string; boardId?: string; schoolId?: string }; limit?: { boardIds: string[]; schoolIds: string[] } } {
  if (place.role === 'board_user') return { columns: { boardId: place.boardId! } };
  if (place.role === 'school_editor' || place.role === 'council_member') return { columns: { schoolId: place.schoolId! } };
  if (place.role === 'partnership_adviser' && (place.boardId || place.schoolId)) {
    return { columns: { partnershipId: place.partnershipId }, limit: { boardIds: place.boardId ? [place.boardId] : [], schoolIds: place.schoolId ? [place.schoolId] : [] } };
  }
  return { columns: { partnershipId: place.partnershipId } };
}

export async function holdsRole(db: DbOrTx, userId: string, place: InvitedPlace): Promise<boolean> {
  const { columns, limit } = membershipPlace(place);
  if (limit) {
    const membershipId = await findLimitedMembership(db, userId, place.role, place.partnershipId);
    return membershipId !== null && (await hasMembershipScope(db, membershipId, limit));
  }
  return holdsMembership(db, { userId, role: place.role, partnershipId: columns.partnershipId ?? null, boardId: columns.boardId ?? null, schoolId: columns.schoolId ?? null });
}

export async function grantRole(db: DbOrTx, userId: string, place: InvitedPlace, now: Date): Promise<boolean> {
  const { columns, limit } = membershipPlace(place);
  let added = await insertMembership(db, { userId, role: place.role, ...columns }, now);
  if (limit) {
    const membershipId = added ?? (await findLimitedMembership(db, userId, place.role, place.partnershipId));
    if (membershipId && !(await hasMembershipScope(db, membershipId, limit))) {
      await insertMembershipScopes(db, membershipId, limit);
      added = membershipId;
    }
  }
  return added !== null;
}
