/** Scope loader for routes under /profielen/:profileId: the profile's school, board and SWV, and its status. */
import { eq } from 'drizzle-orm';
import { AppError } from '../../auth/app-error.js';
import type { ResourceState, Scope } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import type { AppContext } from '../../ui/context.js';
import { requireUuid } from '../partnerships/scopes.js';
import { schools } from '../partnerships/schema.js';
import { profiles } from './schema.js';

export async function profileScope(db: DbOrTx, profileId: string | undefined): Promise<{ scope: Scope & { level: 'school' }; state: ResourceState }> {
  const id = requireUuid(profileId);
  const [row] = await db
    .select({ schoolId: profiles.schoolId, partnershipId: profiles.partnershipId, boardId: schools.boardId, status: profiles.status })
    .from(profiles)
    .innerJoin(schools, eq(schools.id, profiles.schoolId))
    .where(eq(profiles.id, id));
  if (!row) throw new AppError('not_found');
  return {
    scope: { level: 'school', partnershipId: row.partnershipId, boardId: row.boardId, schoolId: row.schoolId },
    state: { profileStatus: row.status },
  };
}

export const fromProfileParam = (c: AppContext) => profileScope(c.var.deps.db, c.req.param('profileId'));
