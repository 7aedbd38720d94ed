import { assertInScope, membershipReachesSchool } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { amsterdamDate } from '../cycle/editability.js';
import { listCycles } from '../cycle/api.js';
import { schoolYearOf } from '../templates/school-year.js';
import { listVerdictOverview, type VerdictOverviewRow } from './repository.js';

export interface VerdictsOverview {
  partnershipId: string;
  schoolYear: string;
  rows: VerdictOverviewRow[];
  /** The viewer is an adviser for some of the schools only (the list is filtered). */
  isLimited: boolean;
  /** May this viewer record verdicts (the adviser), so rows link to the form? */
  canAssess: boolean;
}

/**
 * Every school of the SWV with this year's profile status and the adviser's verdict. An adviser limited to some
 * boards and schools sees only those; the SWV admin sees all.
 */
export async function loadVerdictsOverview(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string }): Promise<VerdictsOverview> {
  const { db, auth, partnershipId } = options;
  assertInScope('loadVerdictsOverview', auth, { partnershipId });
  const today = amsterdamDate(options.clock.now());
  const cycle = (await listCycles(db, partnershipId)).find((entry) => entry.openedAt && entry.opensOn <= today);
  const schoolYear = cycle?.schoolYear ?? schoolYearOf(options.clock.now());
  const here = auth.principal.memberships.filter((m) => m.partnershipId === partnershipId);
  const isAdmin = here.some((m) => m.role === 'partnership_admin') || auth.principal.memberships.some((m) => m.role === 'platform_admin');
  const advisers = here.filter((m) => m.role === 'partnership_adviser');
  const all = await listVerdictOverview(db, partnershipId, schoolYear);
  const rows = isAdmin ? all : all.filter((row) => advisers.some((m) => membershipReachesSchool(m, row)));
  return { partnershipId, schoolYear, rows, isLimited: !isAdmin && advisers.every((m) => !!m.limitedTo), canAssess: advisers.length > 0 };
}
