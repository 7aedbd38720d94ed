import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getProfile } from '../questionnaire/api.js';
import { getDisclosure, upsertDisclosure } from './repository.js';

/** The school chooses whether its school-level index goes into this profile's limits chapter. Audited. */
export async function saveDisclosure(options: { db: Database; clock: Clock; auth: Authorized; profileId: string; include: boolean }): Promise<void> {
  const { db, auth } = options;
  const now = options.clock.now();
  await db.transaction(async (tx) => {
    const profile = await getProfile(tx, options.profileId);
    if (!profile) throw new AppError('not_found');
    assertInScope('saveDisclosure', auth, { schoolId: profile.schoolId });
    const before = await getDisclosure(tx, profile.id);
    if ((before?.includeIndex ?? false) === options.include && before) return;
    await upsertDisclosure(tx, { profileId: profile.id, includeIndex: options.include, updatedBy: auth.principal.userId, updatedAt: now });
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: profile.partnershipId,
      action: 'diversity.disclosure',
      entityType: 'profile',
      entityId: profile.id,
      before: before ? { includeIndex: before.includeIndex } : null,
      after: { includeIndex: options.include },
    });
  });
}
