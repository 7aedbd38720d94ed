import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { queueMail } from '../../mail/send-mail-job.js';
import type { Authorized } from '../../ui/route.js';
import { requestDocumentSnapshot } from '../documents/request-document-snapshot.js';
import { getSchool } from '../partnerships/api.js';
import { listAnswers } from '../questionnaire/api.js';
import { computeCompleteness } from '../questionnaire/completeness.js';
import { getTemplateVersion } from '../templates/api.js';
import { amsterdamDate, formatDateIn } from './editability.js';
import { runTransitionGuards } from './profile-cycle-sections.js';
import { changeProfileStatus, insertTransition, listMembersAt } from './repository.js';
import { beginTransition, changedMeanwhile } from './transition-context.js';
import { cycleRulesT, isLate, mailT } from './transition-rules.js';
import type { Locale } from '../../ui/i18n.js';

/**
 * The school makes its profile final: only when complete, from the open date until the deadline (inclusive);
 * after it only when the cycle allows late submission (until the close date, marked late).
 * The documents are snapshotted and the council told (the board too when the SWV wants it at submission).
 * beginTransition locks the profile row (FOR UPDATE) before the completeness check, in this transaction:
 * an autosave that checks the status FOR SHARE waits for the submit, or the submit waits for the autosave.
 */
export async function submitProfile(options: { db: Database; clock: Clock; auth: Authorized; profileId: string; baseUrl: string }): Promise<{ late: boolean }> {
  const { db, clock, auth, profileId } = options;
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { profile, cycle, scope } = await beginTransition(tx, auth, profileId, 'submit', now);
    if (amsterdamDate(now) > cycle.submitDeadline && !cycle.allowLateSubmission) {
      throw new AppError('invalid_state', cycleRulesT(auth.principal.locale)('lateRefusal', { date: formatDateIn(cycle.submitDeadline, auth.principal.locale) }));
    }
    const version = await getTemplateVersion(tx, profile.templateVersionId);
    if (!version) throw new AppError('not_found');
    const stored = await listAnswers(tx, profile.id);
    const completeness = computeCompleteness(version.definition, stored.answers, stored.limits);
    if (completeness.missingCount > 0) throw new AppError('invalid_state', cycleRulesT(auth.principal.locale)('incomplete', { count: completeness.missingCount }));
    await runTransitionGuards(tx, { action: 'submit', profileId: profile.id, cycle, locale: auth.principal.locale });

    if (!(await changeProfileStatus(tx, profile.id, profile.status, 'submitted', { submittedAt: now, submittedBy: auth.principal.userId }, now))) throw changedMeanwhile(auth.principal.locale);
    const late = isLate(now, cycle.submitDeadline);
    await insertTransition(tx, { profileId: profile.id, fromStatus: profile.status, toStatus: 'submitted', reason: late ? 'te laat' : null, byUserId: auth.principal.userId, at: now });
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: profile.partnershipId,
      action: 'profile.submit',
      entityType: 'profile',
      entityId: profile.id,
      before: { status: profile.status },
      after: { status: 'submitted', late },
    });
    await requestDocumentSnapshot(tx, clock, { profileId: profile.id, reason: 'submitted', actorUserId: auth.principal.userId });

    const school = await getSchool(tx, scope.schoolId);
    const link = `${options.baseUrl}/profielen/${profile.id}/cyclus`;
    const tell = async (people: Array<{ email: string; name: string; locale: Locale }>, task: 'submittedTaskCouncil' | 'submittedTaskBoard') => {
      for (const person of people) {
        const mail = mailT(person.locale);
        const params = { name: person.name, year: profile.schoolYear, school: school?.name ?? '', task: mail(task), link };
        await queueMail(tx, clock, { to: person.email, subject: mail('submittedMailSubject', params), text: mail('submittedMailBody', params) });
      }
    };
    await tell(await listMembersAt(tx, 'council_member', { schoolId: scope.schoolId }), 'submittedTaskCouncil');
    // The board hears it can adopt now only where the SWV wants that at submission; otherwise once the council has spoken (record-advice.ts).
    if (cycle.boardNotice === 'at_submission') await tell(await listMembersAt(tx, 'board_user', { boardId: scope.boardId }), 'submittedTaskBoard');
    return { late };
  });
}
