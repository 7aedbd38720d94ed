import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { amsterdamDate } from './editability.js';
import { changeProfileStatus, insertTransition } from './repository.js';
import { beginTransition, changedMeanwhile } from './transition-context.js';
import { t } from './transition-rules.js';

export const isoDate = (message: string) => z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: message }).refine((value) => !Number.isNaN(Date.parse(value)), { error: message });

export const recordAdviceInput = z.object({
  adviceDate: isoDate(t('dateRequired')),
  adviceText: z.string().trim().min(1, { error: t('adviceTextRequired') }).max(8000, { error: t('adviceTextRequired') }),
});
export type RecordAdviceInput = z.infer<typeof recordAdviceInput>;

export function assertNotFuture(date: string, now: Date, field: string): void {
  if (date > amsterdamDate(now)) throw new AppError('invalid_input', t('dateNotFuture'), { field });
}

/** The council's advice on a submitted profile, recorded by a council member or the school team. */
export async function recordAdvice(options: { db: Database; clock: Clock; auth: Authorized; profileId: string; input: RecordAdviceInput }): Promise<void> {
  const { db, clock, auth, profileId, input } = options;
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { profile } = await beginTransition(tx, auth, profileId, 'recordAdvice', now);
    assertNotFuture(input.adviceDate, now, 'adviceDate');
    if (!(await changeProfileStatus(tx, profile.id, profile.status, 'advised', { adviceDate: input.adviceDate, adviceText: input.adviceText }, now))) throw changedMeanwhile();
    await insertTransition(tx, { profileId: profile.id, fromStatus: profile.status, toStatus: 'advised', byUserId: auth.principal.userId, at: now });
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: profile.partnershipId,
      action: 'profile.recordAdvice',
      entityType: 'profile',
      entityId: profile.id,
      before: { status: profile.status },
      after: { status: 'advised', adviceDate: input.adviceDate },
    });
  });
}
