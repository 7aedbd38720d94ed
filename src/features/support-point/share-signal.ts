import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { supportPointT } from './messages.js';
import { findSignal, setSignalShared } from './repository.js';

/** "ja": the school may read the description; anything else (or nothing): not shared, the default. */
export const shareSignalInput = z.object({ shared: z.enum(['ja', 'nee']).catch('nee').default('nee') });

/**
 * The SWV's support point shares a signal's description with the school it names (or takes it back). Audited with
 * who and when, not the description. A signal without a school cannot be shared.
 */
export async function shareSignal(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; signalId: string; input: z.infer<typeof shareSignalInput> }): Promise<void> {
  const { db, auth } = options;
  const now = options.clock.now();
  await db.transaction(async (tx) => {
    const signal = await findSignal(tx, options.signalId);
    if (!signal || signal.partnershipId !== options.partnershipId) throw new AppError('not_found');
    assertInScope('shareSignal', auth, { partnershipId: signal.partnershipId });
    if (!signal.schoolId) throw new AppError('invalid_input', supportPointT(auth.principal.locale)('shareNeedsSchool'));
    const shared = options.input.shared === 'ja';
    if (signal.sharedWithSchool === shared) return;
    await setSignalShared(tx, signal.id, shared);
    await recordAudit(tx, { at: now, actorUserId: auth.principal.userId, partnershipId: signal.partnershipId, action: shared ? 'signal.share' : 'signal.unshare', entityType: 'support_point_signal', entityId: signal.id, before: { sharedWithSchool: signal.sharedWithSchool }, after: { sharedWithSchool: shared, schoolId: signal.schoolId } });
  });
}
