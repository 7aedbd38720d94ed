/**
 * Gives a user a role at a place of an SWV: the one rule shared by a new account's invitation and an accepted
 * invitation of an existing account. An SWV adviser limited to a board or school gets that place added to the
 * same role. Returns false when the user already held exactly this.
 */
import type { DbOrTx } from '../../db/client.js';
import type { Role } from '../../auth/roles.js';
import { findLimitedMembership, holdsMembership, insertMembership, insertMembershipScopes, missingMembershipScopes } from './repository.js';

async function missingMembershipScopesAsLimit(db: DbOrTx, membershipId: string, limit: { boardIds: string[]; schoolIds: string[] }) {
  const missing = await missingMembershipScopes(db, membershipId, limit);
  return { boardIds: missing.filter((m) => m.kind === 'board').map((m) => m.id), schoolIds: missing.filter((m) => m.kind === 'school').map((m) => m.id) };
}

/** An invitation's place: the SWV always; a board or school for board and school roles, or as an adviser's limit. */
export interface InvitedPlace {
  role: Role;
  partnershipId: string;
  boardId: string | null;
  schoolId: string | null;
  /** An SWV adviser limited to several boards and schools at once (the SWV's user management); else boardId/schoolId. */
  limit?: { boardIds: string[]; schoolIds: string[] } | undefined;
}

export function membershipPlace(place: InvitedPlace): { columns: { partnershipId?: string; boardId?: string; schoolId?: string }; limit?: { boardIds: string[]; schoolIds: string[] } } {
  if (place.role === 'board_user') return { columns: { boardId: place.boardId! } };
  if (place.role === 'school_editor' || place.role === 'council_member') return { columns: { schoolId: place.schoolId! } };
  if (place.role === 'partnership_adviser' && place.limit && place.limit.boardIds.length + place.limit.schoolIds.length > 0) {
    return { columns: { partnershipId: place.partnershipId }, limit: place.limit };
  }
  if (place.role === 'partnership_adviser' && (place.boardId || place.schoolId)) {
    return { columns: { partnershipId: place.partnershipId }, limit: { boardIds: place.boardId ? [place.boardId] : [], schoolIds: place.schoolId ? [place.schoolId] : [] } };
  }
  return { columns: { partnershipId: place.partnershipId } };
}

export async function holdsRole(db: DbOrTx, userId: string, place: InvitedPlace): Promise<boolean> {
  const { columns, limit } = membershipPlace(place);
  if (limit) {
    const membershipId = await findLimitedMembership(db, userId, place.role, place.partnershipId);
    // Held only when every chosen place is already among the role's limits.
    return membershipId !== null && (await missingMembershipScopes(db, membershipId, limit)).length === 0;
  }
  return holdsMembership(db, { userId, role: place.role, partnershipId: columns.partnershipId ?? null, boardId: columns.boardId ?? null, schoolId: columns.schoolId ?? null });
}

export async function grantRole(db: DbOrTx, userId: string, place: InvitedPlace, now: Date): Promise<boolean> {
  const { columns, limit } = membershipPlace(place);
  let added = await insertMembership(db, { userId, role: place.role, ...columns }, now);
  if (limit) {
    const membershipId = added ?? (await findLimitedMembership(db, userId, place.role, place.partnershipId));
    if (membershipId) {
      const missing = added ? limit : await missingMembershipScopesAsLimit(db, membershipId, limit);
      if (missing.boardIds.length + missing.schoolIds.length > 0) {
        await insertMembershipScopes(db, membershipId, missing);
        added = membershipId;
      }
    }
  }
  return added !== null;
}
