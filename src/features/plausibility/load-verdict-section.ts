import { assertInScope, can } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getVerdict, type VerdictRow } from './repository.js';

export type { VerdictRow };

/** The verdict on the cycle page: everyone who may read the profile sees it; the adviser gets a link to change it. */
export async function loadVerdictSection(options: { db: DbOrTx; auth: Authorized; profile: { id: string; status: string; schoolId: string } }): Promise<{ verdict: VerdictRow | null; canAssess: boolean }> {
  const { db, auth, profile } = options;
  assertInScope('loadVerdictSection', auth, { schoolId: profile.schoolId });
  const verdict = await getVerdict(db, profile.id);
  return { verdict, canAssess: can(auth.principal, 'profile.assess', auth.scope, { profileStatus: profile.status }) };
}
