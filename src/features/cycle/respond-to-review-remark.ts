import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { queueMail } from '../../mail/send-mail-job.js';
import { getSchool } from '../partnerships/api.js';
import { answerReviewRemark, getActiveUserContact, getReviewRemark } from './repository.js';
import { beginTransition } from './transition-context.js';
import { cycleRulesT, mailT, type CycleRulesT } from './transition-rules.js';

export const respondToReviewRemarkInput = (t: CycleRulesT) =>
  z.object({
    remarkId: z.uuid({ error: t('remarkNotFound') }),
    response: z.string().trim().min(1, { error: t('responseRequired') }).max(4000, { error: t('responseRequired') }),
  });
export type RespondToReviewRemarkInput = z.infer<ReturnType<typeof respondToReviewRemarkInput>>;

/** The school answers one of the SWV's remarks on its profile (answering again replaces the answer); the remark's author gets an e-mail. */
export async function respondToReviewRemark(options: { db: Database; clock: Clock; auth: Authorized; profileId: string; input: RespondToReviewRemarkInput; baseUrl: string }): Promise<void> {
  const { db, clock, auth, profileId, input } = options;
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { profile, scope } = await beginTransition(tx, auth, profileId, 'respondToReview', now);
    const remark = await getReviewRemark(tx, profile.id, input.remarkId);
    if (!remark) throw new AppError('not_found', cycleRulesT(auth.principal.locale)('remarkNotFound'));
    await answerReviewRemark(tx, remark.id, input.response, auth.principal.userId, now);
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: profile.partnershipId,
      action: 'profile.respondToReview',
      entityType: 'review_remark',
      entityId: remark.id,
      before: { response: remark.response },
      after: { response: input.response },
    });
    const author = remark.authorUserId ? await getActiveUserContact(tx, remark.authorUserId) : null;
    if (author) {
      const school = await getSchool(tx, scope.schoolId);
      const params = { name: author.name, actor: auth.principal.name, year: profile.schoolYear, school: school?.name ?? '', body: remark.body, response: input.response, link: `${options.baseUrl}/profielen/${profile.id}/cyclus#remarks-heading` };
      await queueMail(tx, clock, { to: author.email, subject: mailT(author.locale)('responseMailSubject', params), text: mailT(author.locale)('responseMailBody', params) });
    }
  });
}
