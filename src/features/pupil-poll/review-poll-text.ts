import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { pupilPollT } from './messages.js';
import { MIN_RESPONSES } from './poll-rules.js';
import { countResponses, findPollText, reviewPollText as saveReview } from './repository.js';
import { pollOfSchool } from './school-polls.js';

/** The review form, with its message in `t`'s language. */
export const reviewPollTextInput = (t: ReturnType<typeof pupilPollT>) => z.object({ decision: z.enum(['released', 'rejected'], { error: t('decisionRequired') }) });

/**
 * Someone at the school has read a pupil's free text and releases or rejects it. Audited without the text itself
 * (it may hold a name; a rejected text stays out of every log).
 */
export async function reviewPollText(options: { db: Database; clock: Clock; auth: Authorized; schoolId: string; pollId: string; textId: string; input: z.infer<ReturnType<typeof reviewPollTextInput>> }): Promise<void> {
  const { db, auth } = options;
  const now = options.clock.now();
  await db.transaction(async (tx) => {
    const poll = await pollOfSchool(tx, auth, 'reviewPollText', options.schoolId, options.pollId);
    const text = await findPollText(tx, poll.id, options.textId);
    // Texts are not shown below 5 answers, so they cannot be reviewed then either.
    if (!text || (await countResponses(tx, poll.id)) < MIN_RESPONSES) throw new AppError('not_found');
    if (text.status !== 'pending') throw new AppError('invalid_state', pupilPollT(auth.principal.locale)('textAlreadyReviewed'));
    await saveReview(tx, text.id, { status: options.input.decision, reviewedBy: auth.principal.userId, reviewedAt: now });
    await recordAudit(tx, { at: now, actorUserId: auth.principal.userId, partnershipId: poll.partnershipId, action: `poll.text.${options.input.decision === 'released' ? 'release' : 'reject'}`, entityType: 'poll_text', entityId: text.id, before: { status: 'pending' }, after: { status: options.input.decision, pollId: poll.id } });
  });
}
