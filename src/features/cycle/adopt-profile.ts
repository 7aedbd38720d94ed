import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { requestDocumentSnapshot } from '../documents/request-document-snapshot.js';
import { assertNotFuture, isoDate } from './record-advice.js';
import { changeProfileStatus, insertTransition } from './repository.js';
import { beginTransition, changedMeanwhile } from './transition-context.js';
import { t } from './transition-rules.js';

export const adoptProfileInput = z.object({
  adoptedOn: isoDate(t('dateRequired')),
  adoptedByName: z.string().trim().min(2, { error: t('adoptedByRequired') }).max(200, { error: t('adoptedByRequired') }),
});
export type AdoptProfileInput = z.infer<typeof adoptProfileInput>;

/** The school's board adopts (vaststellen) a submitted profile, with or without the council's advice. */
export async function adoptProfile(options: { db: Database; clock: Clock; auth: Authorized; profileId: string; input: AdoptProfileInput }): Promise<void> {
  const { db, clock, auth, profileId, input } = options;
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { profile } = await beginTransition(tx, auth, profileId, 'adopt', now);
    assertNotFuture(input.adoptedOn, now, 'adoptedOn');
    const changed = await changeProfileStatus(
      tx,
      profile.id,
      profile.status,
      'adopted',
      { adoptedOn: input.adoptedOn, adoptedByName: input.adoptedByName, adoptedByUser: auth.principal.userId },
      now,
    );
    if (!changed) throw changedMeanwhile();
    await insertTransition(tx, { profileId: profile.id, fromStatus: profile.status, toStatus: 'adopted', byUserId: auth.principal.userId, at: now });
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: profile.partnershipId,
      action: 'profile.adopt',
      entityType: 'profile',
      entityId: profile.id,
      before: { status: profile.status },
      after: { status: 'adopted', adoptedOn: input.adoptedOn, adoptedByName: input.adoptedByName },
    });
    await requestDocumentSnapshot(tx, clock, { profileId: profile.id, reason: 'adopted', actorUserId: auth.principal.userId });
  });
}
