/** The first code confirms the new secret: the second factor is on, and ten recovery codes are made (shown once). */
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { acceptTotpStep, findSecondFactor, replaceRecoveryCodes } from './repository.js';
import { hashRecoveryCode, newRecoveryCodes, openSecret, verifyTotp } from './second-factor.js';

export type ConfirmResult = { ok: true; recoveryCodes: string[] } | { ok: false; reason: 'wrong_code' | 'not_started' };

export async function confirmSecondFactor(options: { db: Database; clock: Clock; userId: string; code: string; encryptionKey: string | undefined }): Promise<ConfirmResult> {
  const { db, clock, userId } = options;
  return db.transaction(async (tx) => {
    const factor = await findSecondFactor(tx, userId);
    if (!factor || factor.enabledAt) return { ok: false, reason: 'not_started' } as const;
    const now = clock.now();
    const step = verifyTotp(openSecret(factor.secret, options.encryptionKey), options.code, now, factor.lastUsedStep);
    if (step === null || !(await acceptTotpStep(tx, userId, step, now))) return { ok: false, reason: 'wrong_code' } as const;
    const recoveryCodes = newRecoveryCodes();
    await replaceRecoveryCodes(tx, userId, recoveryCodes.map(hashRecoveryCode), now);
    await recordAudit(tx, { at: now, actorUserId: userId, partnershipId: null, action: 'user.enable_second_factor', entityType: 'user', entityId: userId });
    return { ok: true, recoveryCodes } as const;
  });
}
