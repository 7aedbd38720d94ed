/** The SWV's list of SOP rounds (cycle settings page): each round's dates and state, and what the admin may do with it. */
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership } from '../partnerships/api.js';
import { amsterdamDate } from './editability.js';
import { listCycles, type CycleRow } from './repository.js';

export type CycleState = 'not_opened' | 'open' | 'closed';

export interface CycleListEntry {
  schoolYear: string;
  opensOn: string;
  submitDeadline: string;
  closesOn: string;
  allowLateSubmission: boolean;
  state: CycleState;
  /** The settings can still change (not closed). */
  canEdit: boolean;
  /** "Ronde nu openen" is offered: the open date has come but the round has not been opened (a running round is not offered it). */
  canOpen: boolean;
}

export interface CyclesPage {
  partnership: { id: string; name: string };
  cycles: CycleListEntry[];
}

export function cycleState(cycle: Pick<CycleRow, 'closesOn' | 'openedAt'>, today: string): CycleState {
  if (today >= cycle.closesOn) return 'closed';
  return cycle.openedAt ? 'open' : 'not_opened';
}

export async function loadCyclesPage(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string }): Promise<CyclesPage> {
  const { db, auth, partnershipId } = options;
  assertInScope('loadCyclesPage', auth, { partnershipId });
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const today = amsterdamDate(options.clock.now());
  const cycles = (await listCycles(db, partnershipId)).map((cycle) => ({
    schoolYear: cycle.schoolYear,
    opensOn: cycle.opensOn,
    submitDeadline: cycle.submitDeadline,
    closesOn: cycle.closesOn,
    allowLateSubmission: cycle.allowLateSubmission,
    state: cycleState(cycle, today),
    canEdit: today < cycle.closesOn,
    canOpen: !cycle.openedAt && today >= cycle.opensOn && today < cycle.closesOn,
  }));
  return { partnership: { id: partnership.id, name: partnership.name }, cycles };
}
