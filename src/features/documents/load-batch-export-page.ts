import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { listCycles } from '../cycle/api.js';
import { getPartnership } from '../partnerships/api.js';
import { listExports } from './repository.js';

export interface BatchExportPage {
  partnership: { id: string; name: string };
  /** The school years the SWV ran a round for, newest first. */
  years: string[];
  exports: Awaited<ReturnType<typeof listExports>>;
  /** An export is queued or running: the page refreshes its progress. */
  inProgress: boolean;
}

/** The SWV's batch page: the school years to choose from and the exports asked for so far. */
export async function loadBatchExportPage(options: { db: DbOrTx; auth: Authorized; partnershipId: string }): Promise<BatchExportPage> {
  const { db, partnershipId } = options;
  assertInScope('loadBatchExportPage', options.auth, { partnershipId });
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const [cycles, exports] = await Promise.all([listCycles(db, partnershipId), listExports(db, partnershipId)]);
  return {
    partnership: { id: partnership.id, name: partnership.name },
    years: [...new Set(cycles.map((cycle) => cycle.schoolYear))].sort().reverse(),
    exports,
    inProgress: exports.some((e) => e.status === 'queued' || e.status === 'running'),
  };
}
