/** Scope loader for routes under /profielen/:profileId: the profile's school, board and SWV, and its status. */
import { AppError } from '../../auth/app-error.js';
import type { ResourceState, Scope } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import type { AppContext } from '../../ui/context.js';
import { requireUuid } from '../partnerships/scopes.js';
import { findProfileFactsRow } from './profiles-repository.js';
import type { ProfileStatus } from './schema.js';

/** What the scope loader learns about a profile; the autosave path reuses it instead of querying again. */
export interface ProfileFacts {
  id: string;
  schoolId: string;
  partnershipId: string;
  boardId: string;
  schoolYear: string;
  status: ProfileStatus;
  templateVersionId: string;
  /** The dates of the profile's cycle (for editability), or null when there is no cycle. */
  cycle: { opensOn: string; closesOn: string } | null;
}

/**
 * One query for the profile, its school's board and its cycle's dates. The cycle table belongs to the
 * cycle feature; it is joined here (read-only) so the autosave path needs no extra round trip.
 */
export async function loadProfileFacts(db: DbOrTx, profileId: string | undefined): Promise<ProfileFacts> {
  const id = requireUuid(profileId);
  const row = await findProfileFactsRow(db, id);
  if (!row) throw new AppError('not_found');
  const { opensOn, closesOn, ...facts } = row;
  return { ...facts, cycle: opensOn && closesOn ? { opensOn, closesOn } : null };
}


export async function profileScope(db: DbOrTx, profileId: string | undefined): Promise<{ scope: Scope & { level: 'school' }; state: ResourceState }> {
  return scopeOf(await loadProfileFacts(db, profileId));
}

function scopeOf(facts: ProfileFacts): { scope: Scope & { level: 'school' }; state: ResourceState } {
  return {
    scope: { level: 'school', partnershipId: facts.partnershipId, boardId: facts.boardId, schoolId: facts.schoolId },
    state: { profileStatus: facts.status },
  };
}

/** Facts loaded by the scope loader for this request (one request, so never stale). */
const factsByRequest = new WeakMap<Request, ProfileFacts>();

export const fromProfileParam = async (c: AppContext) => {
  const facts = await loadProfileFacts(c.var.deps.db, c.req.param('profileId'));
  factsByRequest.set(c.req.raw, facts);
  return scopeOf(facts);
};

/** The profile facts the route's scope loader already read, if it ran for this request. */
export function profileFactsOf(c: AppContext): ProfileFacts | undefined {
  return factsByRequest.get(c.req.raw);
}
