import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { assertInScope, can } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { isSchoolYear } from '../templates/school-year.js';
import { differenceOf } from './differences.js';
import { qualityT } from './messages.js';
import { saveResolution } from './repository.js';
import { loadSchoolChecklists } from './school-checklist.js';

/** The form of one difference, with messages in `t`'s language. */
export const resolveDifferenceInput = (t: ReturnType<typeof qualityT>) =>
  z.object({
    schoolYear: z.string().trim().refine(isSchoolYear, { error: t('yearInvalid') }),
    indicatorKey: z.string().trim().min(1, { error: t('indicatorUnknown') }),
    agreedLevel: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || null),
    note: z
      .string({ error: t('noteRequired') })
      .trim()
      .min(1, { error: t('noteRequired') })
      .max(1000, { error: t('remarkTooLong', { max: 1000 }) }),
  });
export type ResolveDifferenceInput = z.infer<ReturnType<typeof resolveDifferenceInput>>;

/**
 * A difference between the school's rating and the reviewer's is discussed: the note, and (when agreed) the agreed
 * level, with who and when. Only on a shared review and an indicator where the two differ. Recording again
 * replaces it; the audit log keeps the earlier one.
 */
export async function resolveDifference(options: { db: Database; clock: Clock; auth: Authorized; schoolId: string; input: ResolveDifferenceInput }): Promise<void> {
  const { db, auth, schoolId, input } = options;
  assertInScope('resolveDifference', auth, { schoolId });
  const t = qualityT(auth.principal.locale);
  const now = options.clock.now();
  await db.transaction(async (tx) => {
    const checklists = await loadSchoolChecklists(tx, schoolId, input.schoolYear);
    const review = checklists.review;
    if (!checklists.standards || !review) throw new AppError('invalid_input', t('noReview'), { field: 'note' });
    // The school takes part once the reviewer has shared the checklist; the reviewer, too, resolves only then.
    if (!review.sharedAt) throw new AppError('invalid_input', t('reviewNotShared'), { field: 'note' });
    if (!can(auth.principal, 'quality.resolve', auth.scope)) throw new AppError('forbidden');
    const difference = differenceOf(checklists, input.indicatorKey);
    if (!difference) throw new AppError('invalid_input', t('notADifference'), { field: 'note' });
    if (input.agreedLevel && !checklists.standards.scale.some((level) => level.key === input.agreedLevel)) throw new AppError('invalid_input', t('levelUnknown'), { field: `agreedLevel` });
    const before = checklists.resolutions.get(input.indicatorKey) ?? null;
    await saveResolution(tx, {
      reviewId: review.id,
      indicatorKey: input.indicatorKey,
      agreedLevelKey: input.agreedLevel,
      note: input.note,
      recordedBy: auth.principal.userId,
      recordedByName: auth.principal.name,
      recordedAt: now,
    });
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: checklists.school.partnershipId,
      action: input.agreedLevel ? 'quality.resolveDifference' : 'quality.discussDifference',
      entityType: 'quality_assessment',
      entityId: review.id,
      before: before ? { indicatorKey: before.indicatorKey, agreedLevelKey: before.agreedLevelKey, note: before.note } : null,
      after: { indicatorKey: input.indicatorKey, agreedLevelKey: input.agreedLevel, note: input.note },
    });
  });
}
