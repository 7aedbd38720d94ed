import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { changeProfileStatus, insertTransition } from './repository.js';
import { beginTransition, changedMeanwhile } from './transition-context.js';
import { publicContentChanged } from '../public/api.js';

/** An adopted profile goes public (school website, parents' search). */
export async function publishProfile(options: { db: Database; clock: Clock; auth: Authorized; profileId: string }): Promise<void> {
  const { db, clock, auth, profileId } = options;
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { profile } = await beginTransition(tx, auth, profileId, 'publish', now);
    if (!(await changeProfileStatus(tx, profile.id, profile.status, 'published', { publishedAt: now }, now))) throw changedMeanwhile(auth.principal.locale);
    await insertTransition(tx, { profileId: profile.id, fromStatus: profile.status, toStatus: 'published', byUserId: auth.principal.userId, at: now });
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: profile.partnershipId,
      action: 'profile.publish',
      entityType: 'profile',
      entityId: profile.id,
      before: { status: profile.status },
      after: { status: 'published' },
    });
  });
  // Committed: the public pages cached in this process show the change from the next request (features/public/api.ts).
  publicContentChanged();
}
