import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { queueMail } from '../../mail/send-mail-job.js';
import type { Authorized } from '../../ui/route.js';
import { getSchool } from '../partnerships/api.js';
import type { CouncilOutcome, CouncilSay } from '../questionnaire/api.js';
import { amsterdamDate } from './editability.js';
import { changeProfileStatus, insertTransition, listMembersAt } from './repository.js';
import { beginTransition, changedMeanwhile } from './transition-context.js';
import { cycleRulesT, mailT, type CycleRulesT } from './transition-rules.js';
import type { Locale } from '../../ui/i18n.js';

export const isoDate = (message: string) => z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: message }).refine((value) => !Number.isNaN(Date.parse(value)), { error: message });

/**
 * The form's choices: advice on the SOP (positive / positive with remarks / negative) or the consent of the
 * council's parents' section to the support offer in the school guide (given / withheld).
 */
export const COUNCIL_CHOICES = {
  positief: { say: 'advice', outcome: 'positive' },
  'positief-met-opmerkingen': { say: 'advice', outcome: 'positive_with_remarks' },
  negatief: { say: 'advice', outcome: 'negative' },
  'instemming-gegeven': { say: 'consent', outcome: 'given' },
  'instemming-onthouden': { say: 'consent', outcome: 'withheld' },
} as const satisfies Record<string, { say: CouncilSay; outcome: CouncilOutcome }>;
export type CouncilChoice = keyof typeof COUNCIL_CHOICES;

/** Outcomes that need the council's words (what to change, why not). */
const NEEDS_TEXT: readonly CouncilOutcome[] = ['positive_with_remarks', 'negative', 'withheld'];

export const recordAdviceInput = (t: CycleRulesT) =>
  z
    .object({
      adviceDate: isoDate(t('dateRequired')),
      outcome: z.enum(Object.keys(COUNCIL_CHOICES) as [CouncilChoice, ...CouncilChoice[]], { error: t('outcomeRequired') }),
      adviceText: z.string().trim().max(8000, { error: t('adviceTextRequired') }).optional().default(''),
    })
    .superRefine((value, ctx) => {
      if (!value.adviceText && NEEDS_TEXT.includes(COUNCIL_CHOICES[value.outcome].outcome)) ctx.addIssue({ code: 'custom', path: ['adviceText'], message: t('adviceTextRequired') });
    })
    .transform(({ outcome, ...rest }) => ({ ...rest, say: COUNCIL_CHOICES[outcome].say as CouncilSay, outcome: COUNCIL_CHOICES[outcome].outcome as CouncilOutcome }));
export type RecordAdviceInput = z.infer<ReturnType<typeof recordAdviceInput>>;

export function assertNotFuture(date: string, now: Date, field: string, locale: Locale): void {
  if (date > amsterdamDate(now)) throw new AppError('invalid_input', cycleRulesT(locale)('dateNotFuture'), { field });
}

/** The outcome's words, as on the form ("Positief advies over het SOP"), for the mail to the board. */
export function councilOutcomeLabel(outcome: CouncilOutcome | null, locale: Locale): string {
  return outcome ? mailT(locale)(`outcome_${outcome}`) : mailT(locale)('outcomeUnknown');
}

/**
 * The council's say on a submitted profile — advice on the SOP or the parents' section's consent to the school
 * guide, with its outcome — recorded by a council member or the school team. Where the SWV has the board told
 * after the council (the default), the board's users now hear they can adopt.
 */
export async function recordAdvice(options: { db: Database; clock: Clock; auth: Authorized; profileId: string; input: RecordAdviceInput; baseUrl: string }): Promise<void> {
  const { db, clock, auth, profileId, input } = options;
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { profile, cycle, scope } = await beginTransition(tx, auth, profileId, 'recordAdvice', now);
    assertNotFuture(input.adviceDate, now, 'adviceDate', auth.principal.locale);
    const fields = { adviceDate: input.adviceDate, adviceText: input.adviceText || null, councilSay: input.say, councilOutcome: input.outcome };
    if (!(await changeProfileStatus(tx, profile.id, profile.status, 'advised', fields, now))) throw changedMeanwhile(auth.principal.locale);
    await insertTransition(tx, { profileId: profile.id, fromStatus: profile.status, toStatus: 'advised', byUserId: auth.principal.userId, at: now });
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: profile.partnershipId,
      action: 'profile.recordAdvice',
      entityType: 'profile',
      entityId: profile.id,
      before: { status: profile.status },
      after: { status: 'advised', adviceDate: input.adviceDate, councilSay: input.say, councilOutcome: input.outcome },
    });
    if (cycle.boardNotice !== 'after_council') return;
    const school = await getSchool(tx, scope.schoolId);
    for (const person of await listMembersAt(tx, 'board_user', { boardId: scope.boardId })) {
      const params = { name: person.name, year: profile.schoolYear, school: school?.name ?? '', outcome: councilOutcomeLabel(input.outcome, person.locale), link: `${options.baseUrl}/profielen/${profile.id}/cyclus#adopt-heading` };
      await queueMail(tx, clock, { to: person.email, subject: mailT(person.locale)('councilSaidMailSubject', params), text: mailT(person.locale)('councilSaidMailBody', params) });
    }
  });
}
