import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { requestDocumentSnapshot } from '../documents/request-document-snapshot.js';
import type { CouncilOutcome, ProfileStatus } from '../questionnaire/api.js';
import { assertNotFuture, isoDate } from './record-advice.js';
import { runTransitionGuards } from './profile-cycle-sections.js';
import { changeProfileStatus, insertTransition, listOpenReviewRemarks } from './repository.js';
import { beginTransition, changedMeanwhile } from './transition-context.js';
import { cycleRulesT, type CycleRulesT } from './transition-rules.js';

export const adoptProfileInput = (t: CycleRulesT) =>
  z.object({
    adoptedOn: isoDate(t('dateRequired')),
    adoptedByName: z.string().trim().min(2, { error: t('adoptedByRequired') }).max(200, { error: t('adoptedByRequired') }),
    /** "ja" when the board saw the warnings (no council say yet, a negative say, open remarks) and adopts anyway. */
    confirmWarnings: z
      .enum(['ja'])
      .optional()
      .transform((value) => value === 'ja'),
  });
export type AdoptProfileInput = Omit<z.infer<ReturnType<typeof adoptProfileInput>>, 'confirmWarnings'> & { confirmWarnings?: boolean };

export type AdoptWarning = 'noCouncil' | 'negative' | 'openRemarks';

/** What the board should know before adopting; adopting anyway takes an explicit confirmation. */
export function adoptWarnings(profile: { status: ProfileStatus; councilOutcome: CouncilOutcome | null }, openRemarks: number): AdoptWarning[] {
  const warnings: AdoptWarning[] = [];
  if (profile.status === 'submitted') warnings.push('noCouncil');
  if (profile.councilOutcome === 'negative' || profile.councilOutcome === 'withheld') warnings.push('negative');
  if (openRemarks > 0) warnings.push('openRemarks');
  return warnings;
}

/**
 * The school's board adopts (vaststellen) a submitted profile. Before the council has given its say, after a
 * negative say, or with SWV remarks still open, only with `confirmWarnings` (the page shows why).
 */
export async function adoptProfile(options: { db: Database; clock: Clock; auth: Authorized; profileId: string; input: AdoptProfileInput }): Promise<void> {
  const { db, clock, auth, profileId, input } = options;
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { profile, cycle } = await beginTransition(tx, auth, profileId, 'adopt', now);
    assertNotFuture(input.adoptedOn, now, 'adoptedOn', auth.principal.locale);
    await runTransitionGuards(tx, { action: 'adopt', profileId: profile.id, cycle, locale: auth.principal.locale });
    const warnings = adoptWarnings(profile, (await listOpenReviewRemarks(tx, profile.id)).length);
    if (warnings.length > 0 && !input.confirmWarnings) throw new AppError('invalid_input', cycleRulesT(auth.principal.locale)('adoptConfirmRequired'), { field: 'confirmWarnings', warnings });
    const changed = await changeProfileStatus(
      tx,
      profile.id,
      profile.status,
      'adopted',
      { adoptedOn: input.adoptedOn, adoptedByName: input.adoptedByName, adoptedByUser: auth.principal.userId },
      now,
    );
    if (!changed) throw changedMeanwhile(auth.principal.locale);
    await insertTransition(tx, { profileId: profile.id, fromStatus: profile.status, toStatus: 'adopted', byUserId: auth.principal.userId, at: now });
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: profile.partnershipId,
      action: 'profile.adopt',
      entityType: 'profile',
      entityId: profile.id,
      before: { status: profile.status },
      after: { status: 'adopted', adoptedOn: input.adoptedOn, adoptedByName: input.adoptedByName, ...(warnings.length > 0 ? { adoptedDespite: warnings } : {}) },
    });
    await requestDocumentSnapshot(tx, clock, { profileId: profile.id, reason: 'adopted', actorUserId: auth.principal.userId });
  });
}
