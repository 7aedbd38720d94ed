import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { assertInScope, requireAccess } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { profileScope } from '../questionnaire/scopes.js';
import { plausibilityT } from './messages.js';
import { getVerdict, saveVerdict } from './repository.js';
import { PLAUSIBILITY_VERDICTS } from './schema.js';

/** The verdict form, with messages in `t`'s language. */
export const recordVerdictInput = (t: ReturnType<typeof plausibilityT>) =>
  z
    .object({
      verdict: z.enum(PLAUSIBILITY_VERDICTS, { error: t('verdictRequired') }),
      conversationOn: z
        .string()
        .trim()
        .optional()
        .transform((value) => value || null)
        .refine((value) => value === null || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))), { error: t('conversationInvalid') }),
      agreements: z
        .string()
        .trim()
        .max(2000, { error: t('agreementsTooLong') })
        .optional()
        .transform((value) => value || null),
    })
    .superRefine((value, ctx) => {
      if (value.verdict === 'not_plausible' && !value.conversationOn) ctx.addIssue({ code: 'custom', path: ['conversationOn'], message: t('conversationNeeded') });
    });
export type RecordVerdictInput = z.infer<ReturnType<typeof recordVerdictInput>>;

/**
 * The SWV adviser records the verdict on a submitted profile (plausible / with remarks / not plausible), the date
 * of the yearly conversation and the agreements. Recording again replaces it; the audit log keeps the earlier one.
 */
export async function recordVerdict(options: { db: Database; clock: Clock; auth: Authorized; profileId: string; input: RecordVerdictInput }): Promise<void> {
  const { db, clock, auth, profileId, input } = options;
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { scope, state } = await profileScope(tx, profileId);
    assertInScope('recordVerdict', auth, { schoolId: scope.schoolId });
    // Checked again inside the transaction: the profile may have been reopened since the page was loaded.
    requireAccess({ principal: auth.principal, permission: 'profile.assess', scope, state, refusal: plausibilityT(auth.principal.locale)('assessForbidden') });
    if (!state.profileStatus) throw new AppError('not_found');
    const before = await getVerdict(tx, profileId);
    const row = {
      profileId,
      partnershipId: scope.partnershipId,
      schoolId: scope.schoolId,
      verdict: input.verdict,
      conversationOn: input.conversationOn,
      agreements: input.agreements,
      recordedBy: auth.principal.userId,
      recordedByName: auth.principal.name,
      recordedAt: now,
    };
    await saveVerdict(tx, row);
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: scope.partnershipId,
      action: 'profile.assess',
      entityType: 'profile',
      entityId: profileId,
      before: before ? { verdict: before.verdict, conversationOn: before.conversationOn, agreements: before.agreements } : null,
      after: { verdict: input.verdict, conversationOn: input.conversationOn, agreements: input.agreements },
    });
  });
}
