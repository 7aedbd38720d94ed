/** Checks a typed code against the user's second factor: a TOTP code (once per time step) or an unused recovery code. */
import type { DbOrTx } from '../../db/client.js';
import { acceptTotpStep, findSecondFactor, useRecoveryCode } from './repository.js';
import { hashRecoveryCode, looksLikeRecoveryCode, openSecret, verifyTotp } from './second-factor.js';

export type CodeKind = 'totp' | 'recovery';

/** Consumes the code when it is right (a recovery code is then used up); null when it is wrong or was used. */
export async function checkSecondFactorCode(db: DbOrTx, options: { userId: string; code: string; now: Date; encryptionKey: string | undefined }): Promise<CodeKind | null> {
  const factor = await findSecondFactor(db, options.userId);
  if (!factor?.enabledAt) return null;
  if (looksLikeRecoveryCode(options.code)) {
    return (await useRecoveryCode(db, options.userId, hashRecoveryCode(options.code), options.now)) ? 'recovery' : null;
  }
  const step = verifyTotp(openSecret(factor.secret, options.encryptionKey), options.code, options.now, factor.lastUsedStep);
  if (step === null) return null;
  return (await acceptTotpStep(db, options.userId, step)) ? 'totp' : null;
}
