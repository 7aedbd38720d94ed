import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { listItems } from '../templates/model/template.js';
import { getTemplateVersion } from '../templates/api.js';
import { queueMail } from '../../mail/send-mail-job.js';
import { getSchool } from '../partnerships/api.js';
import { insertReviewRemark, listMembersAt } from './repository.js';
import { beginTransition } from './transition-context.js';
import { cycleRulesT, mailT, type CycleRulesT } from './transition-rules.js';

export const addReviewRemarkInput = (t: CycleRulesT) =>
  z.object({
    itemKey: z.string().trim().max(120).optional(),
    body: z.string().trim().min(1, { error: t('remarkBodyRequired') }).max(4000, { error: t('remarkBodyRequired') }),
  });
export type AddReviewRemarkInput = z.infer<ReturnType<typeof addReviewRemarkInput>>;

/** An SWV adviser's plausibility remark on a submitted profile, optionally about one item; the school's editors get an e-mail. */
export async function addReviewRemark(options: { db: Database; clock: Clock; auth: Authorized; profileId: string; input: AddReviewRemarkInput; baseUrl: string }): Promise<string> {
  const { db, clock, auth, profileId, input } = options;
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { profile, scope } = await beginTransition(tx, auth, profileId, 'review', now);
    const itemKey = input.itemKey || null;
    if (itemKey) {
      const version = await getTemplateVersion(tx, profile.templateVersionId);
      if (!version || !listItems(version.definition).some(({ item }) => item.key === itemKey)) throw new AppError('invalid_input', cycleRulesT(auth.principal.locale)('remarkBodyRequired'), { field: 'itemKey' });
    }
    const id = crypto.randomUUID();
    await insertReviewRemark(tx, { id, profileId: profile.id, itemKey, body: input.body, authorUserId: auth.principal.userId, createdAt: now });
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: profile.partnershipId,
      action: 'profile.review',
      entityType: 'review_remark',
      entityId: id,
      after: { profileId: profile.id, itemKey, body: input.body },
    });
    const school = await getSchool(tx, scope.schoolId);
    for (const editor of await listMembersAt(tx, 'school_editor', { schoolId: scope.schoolId })) {
      const params = { name: editor.name, actor: auth.principal.name, year: profile.schoolYear, school: school?.name ?? '', body: input.body, link: `${options.baseUrl}/profielen/${profile.id}/cyclus#remarks-heading` };
      await queueMail(tx, clock, { to: editor.email, subject: mailT(editor.locale)('remarkMailSubject', params), text: mailT(editor.locale)('remarkMailBody', params) });
    }
    return id;
  });
}
