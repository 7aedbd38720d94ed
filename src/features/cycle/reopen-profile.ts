import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { queueMail } from '../../mail/send-mail-job.js';
import type { Authorized } from '../../ui/route.js';
import { getSchool } from '../partnerships/api.js';
import { changeProfileStatus, insertTransition, listMembersAt } from './repository.js';
import { beginTransition, changedMeanwhile } from './transition-context.js';
import { mailT, type CycleRulesT } from './transition-rules.js';
import { publicContentChanged } from '../public/api.js';

export const reopenProfileInput = (t: CycleRulesT) =>
  z.object({
    reason: z.string().trim().min(5, { error: t('reasonRequired') }).max(2000, { error: t('reasonRequired') }),
  });
export type ReopenProfileInput = z.infer<ReturnType<typeof reopenProfileInput>>;

/**
 * The SWV sends a final profile back to the school: it becomes editable again, advice and adoption lapse
 * (they were about the old answers); every school editor gets the reason by e-mail, and the council members
 * and board users of the school are told that their advice and adoption lapsed.
 */
export async function reopenProfile(options: { db: Database; clock: Clock; auth: Authorized; profileId: string; input: ReopenProfileInput; baseUrl: string }): Promise<void> {
  const { db, clock, auth, profileId, input } = options;
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { profile, scope } = await beginTransition(tx, auth, profileId, 'reopen', now);
    const cleared = { submittedAt: null, submittedBy: null, adviceDate: null, adviceText: null, councilSay: null, councilOutcome: null, adoptedOn: null, adoptedByName: null, adoptedByUser: null };
    if (!(await changeProfileStatus(tx, profile.id, profile.status, 'in_progress', cleared, now))) throw changedMeanwhile(auth.principal.locale);
    await insertTransition(tx, { profileId: profile.id, fromStatus: profile.status, toStatus: 'in_progress', reason: input.reason, byUserId: auth.principal.userId, at: now });
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: profile.partnershipId,
      action: 'profile.reopen',
      entityType: 'profile',
      entityId: profile.id,
      before: { status: profile.status, submittedAt: profile.submittedAt, adviceDate: profile.adviceDate, adoptedOn: profile.adoptedOn },
      after: { status: 'in_progress', reason: input.reason },
    });
    const school = await getSchool(tx, scope.schoolId);
    for (const editor of await listMembersAt(tx, 'school_editor', { schoolId: scope.schoolId })) {
      const params = { name: editor.name, actor: auth.principal.name, year: profile.schoolYear, school: school?.name ?? '', reason: input.reason, link: `${options.baseUrl}/profielen/${profile.id}` };
      await queueMail(tx, clock, { to: editor.email, subject: mailT(editor.locale)('reopenMailSubject', params), text: mailT(editor.locale)('reopenMailBody', params) });
    }
    // The council and the board: their advice and adoption were about the old answers and lapse.
    const lapsed = (mail: ReturnType<typeof mailT>) => [profile.adviceDate && mail('lapsedAdvice'), profile.adoptedOn && mail('lapsedAdoption')].filter(Boolean).join(' ');
    const others = [...(await listMembersAt(tx, 'council_member', { schoolId: scope.schoolId })), ...(await listMembersAt(tx, 'board_user', { boardId: scope.boardId }))];
    for (const person of others) {
      const mail = mailT(person.locale);
      const params = { name: person.name, actor: auth.principal.name, year: profile.schoolYear, school: school?.name ?? '', reason: input.reason, lapsed: lapsed(mail) || mail('lapsedNothing'), link: `${options.baseUrl}/profielen/${profile.id}/cyclus` };
      await queueMail(tx, clock, { to: person.email, subject: mail('reopenMailSubject', params), text: mail('reopenLapsedMailBody', params) });
    }
  });
  // Committed: the public pages cached in this process show the change from the next request (features/public/api.ts).
  publicContentChanged();
}
