/** The user starts setting up a second factor: a new secret, shown on the account page until a first code confirms it. */
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { findSecondFactor, savePendingSecondFactor } from './repository.js';
import { newTotpSecret, sealSecret } from './second-factor.js';

/** Returns false when a second factor is already on (it is turned off first, with a code). */
export async function startSecondFactorSetup(options: { db: Database; clock: Clock; userId: string; encryptionKey: string | undefined }): Promise<boolean> {
  const { db, clock, userId } = options;
  return db.transaction(async (tx) => {
    const existing = await findSecondFactor(tx, userId);
    if (existing?.enabledAt) return false;
    const now = clock.now();
    if (!(await savePendingSecondFactor(tx, { userId, secret: sealSecret(newTotpSecret(), options.encryptionKey), createdAt: now }))) return false;
    // The secret itself is never written to the audit log.
    await recordAudit(tx, { at: now, actorUserId: userId, partnershipId: null, action: 'user.start_second_factor', entityType: 'user', entityId: userId });
    return true;
  });
}
