import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getTemplateVersion } from '../templates/api.js';
import { calendarDates, DEFAULT_CALENDAR, type RoundDates } from './calendars.js';
import { isoDate } from './record-advice.js';
import { amsterdamDate, formatDateIn } from './editability.js';
import { getCycleFor, insertCycle, listCycles, updateCycleSettings, type CycleRow } from './repository.js';
import type { BoardNotice } from './schema.js';
import { cycleRulesT, type CycleRulesT } from './transition-rules.js';
import type { Locale } from '../../ui/i18n.js';

/** "2027-2028": two consecutive years. */
export const schoolYearSchema = (t: CycleRulesT) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{4}$/, { error: t('yearFormat') })
    .refine((year) => Number(year.slice(5)) === Number(year.slice(0, 4)) + 1, { error: t('yearFormat') });

export const cycleSettingsInput = (t: CycleRulesT) =>
  z
    .object({
      schoolYear: schoolYearSchema(t),
      opensOn: isoDate(t('dateRequired')),
      submitDeadline: isoDate(t('dateRequired')),
      closesOn: isoDate(t('dateRequired')),
      templateVersionId: z.uuid({ error: t('versionRequired') }),
      /** "ja" / "nee" from the form; absent means not allowed. */
      allowLateSubmission: z
        .enum(['ja', 'nee'], { error: t('allowLateRequired') })
        .optional()
        .transform((value) => value === 'ja'),
      /** "na-mr" / "bij-indienen" from the form; absent means once the council has given its say. */
      boardNotice: z
        .enum(['na-mr', 'bij-indienen'], { error: t('boardNoticeRequired') })
        .optional()
        .transform((value): BoardNotice => (value === 'bij-indienen' ? 'at_submission' : 'after_council')),
      /** Is the pupils' voice record required, and before which step? Absent: not required. */
      pupilVoiceRequired: z
        .enum(['none', 'before_submission', 'before_adoption'], { error: t('pupilVoiceRequiredChoice') })
        .optional()
        .transform((value) => value ?? 'none'),
    })
    .superRefine((value, ctx) => {
      if (value.submitDeadline <= value.opensOn) ctx.addIssue({ code: 'custom', path: ['submitDeadline'], message: t('deadlineAfterOpen') });
      if (value.closesOn < value.submitDeadline) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: t('closeAfterDeadline') });
    });
export type CycleSettingsInput = Omit<z.infer<ReturnType<typeof cycleSettingsInput>>, 'allowLateSubmission' | 'boardNotice' | 'pupilVoiceRequired'> & {
  allowLateSubmission?: boolean;
  boardNotice?: BoardNotice;
  pupilVoiceRequired?: 'none' | 'before_submission' | 'before_adoption';
};

/** The default calendar's dates of a school year (calendars.ts: finished before the school year starts, as the law asks). */
export function defaultCycleDates(schoolYear: string): RoundDates {
  return calendarDates(DEFAULT_CALENDAR, schoolYear);
}

/**
 * Cycles of one SWV follow each other without overlap: a cycle opens only once the previous school
 * year's cycle has closed, or the prefill (last final answers) would miss the profiles still being finished.
 */
function assertNoOverlap(others: CycleRow[], input: { schoolYear: string; opensOn: string; closesOn: string }, locale: Locale): void {
  const t = cycleRulesT(locale);
  const before = others.filter((other) => other.schoolYear < input.schoolYear).sort((a, b) => b.schoolYear.localeCompare(a.schoolYear))[0];
  const after = others.filter((other) => other.schoolYear > input.schoolYear).sort((a, b) => a.schoolYear.localeCompare(b.schoolYear))[0];
  if (before && input.opensOn < before.closesOn) {
    throw new AppError('invalid_input', t('overlapsPrevious', { year: before.schoolYear, date: formatDateIn(before.closesOn, locale) }), { field: 'opensOn' });
  }
  if (after && input.closesOn > after.opensOn) {
    throw new AppError('invalid_input', t('overlapsNext', { year: after.schoolYear, date: formatDateIn(after.opensOn, locale) }), { field: 'closesOn' });
  }
}

/**
 * Creates a cycle, or changes the dates (and, before opening, the template version) of an existing one.
 * One cycle per SWV per school year; the first may open on any date.
 */
export async function saveCycle(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; input: CycleSettingsInput; mode: 'create' | 'update' }): Promise<string> {
  const { db, clock, auth, partnershipId, input } = options;
  assertInScope('saveCycle', auth, { partnershipId });
  const t = cycleRulesT(auth.principal.locale);
  const now = clock.now();
  const today = amsterdamDate(now);
  const allowLateSubmission = input.allowLateSubmission ?? false;
  const boardNotice = input.boardNotice ?? 'after_council';
  const pupilVoiceRequired = input.pupilVoiceRequired ?? 'none';
  return db.transaction(async (tx) => {
    const version = await getTemplateVersion(tx, input.templateVersionId);
    if (!version || version.partnershipId !== partnershipId || version.status !== 'published') {
      throw new AppError('invalid_input', t('versionRequired'), { field: 'templateVersionId' });
    }
    const existing = await getCycleFor(tx, partnershipId, input.schoolYear);
    if (existing && options.mode === 'update') {
      // A closed year stays closed: its documents are the record (issue 5: "after the close date nothing can be edited").
      if (today >= existing.closesOn) throw new AppError('invalid_state', t('closedCycleLocked', { year: existing.schoolYear, date: formatDateIn(existing.closesOn, auth.principal.locale) }));
      if (existing.openedAt && input.closesOn <= today) throw new AppError('invalid_input', t('closeNotInPast'), { field: 'closesOn' });
    }
    assertNoOverlap((await listCycles(tx, partnershipId)).filter((other) => other.schoolYear !== input.schoolYear), input, auth.principal.locale);
    if (options.mode === 'create') {
      if (existing) throw new AppError('conflict', t('yearExists', { year: input.schoolYear }), { field: 'schoolYear' });
      const id = crypto.randomUUID();
      await insertCycle(tx, { id, partnershipId, ...input, allowLateSubmission, boardNotice, pupilVoiceRequired, createdAt: now });
      await recordAudit(tx, { at: now, actorUserId: auth.principal.userId, partnershipId, action: 'cycle.create', entityType: 'cycle', entityId: id, after: input });
      return id;
    }
    if (!existing) throw new AppError('not_found');
    if (existing.openedAt && existing.templateVersionId !== input.templateVersionId) {
      throw new AppError('invalid_input', t('versionLocked'), { field: 'templateVersionId' });
    }
    const values = { opensOn: input.opensOn, submitDeadline: input.submitDeadline, closesOn: input.closesOn, templateVersionId: input.templateVersionId, allowLateSubmission, boardNotice, pupilVoiceRequired };
    await updateCycleSettings(tx, existing.id, values);
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId,
      action: 'cycle.update',
      entityType: 'cycle',
      entityId: existing.id,
      before: {
        opensOn: existing.opensOn,
        submitDeadline: existing.submitDeadline,
        closesOn: existing.closesOn,
        templateVersionId: existing.templateVersionId,
        allowLateSubmission: existing.allowLateSubmission,
        boardNotice: existing.boardNotice,
        pupilVoiceRequired: existing.pupilVoiceRequired,
      },
      after: values,
    });
    return existing.id;
  });
}
