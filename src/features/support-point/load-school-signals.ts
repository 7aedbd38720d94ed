import { assertInScope } from '../../auth/policy.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getSchool } from '../partnerships/api.js';
import { maskCounts, type SignalCount } from './load-signals-page.js';
import { countSignals, listSharedSignals } from './repository.js';

/** What the school (and its board) sees about itself: counts per theme, below 5 masked; only the descriptions the SWV shared. */
export async function loadSchoolSignals(options: {
  db: Database;
  auth: Authorized;
  schoolId: string;
}): Promise<{ school: { id: string; name: string; partnershipId: string }; counts: SignalCount[]; shared: Array<{ id: string; occurredOn: string; themeName: string; description: string }> }> {
  const { db, auth, schoolId } = options;
  assertInScope('loadSchoolSignals', auth, { schoolId });
  const school = (await getSchool(db, schoolId))!;
  return {
    school: { id: school.id, name: school.name, partnershipId: school.partnershipId },
    counts: maskCounts(await countSignals(db, school.partnershipId, schoolId), false),
    shared: await listSharedSignals(db, school.partnershipId, schoolId),
  };
}
