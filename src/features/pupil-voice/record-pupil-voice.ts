import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { amsterdamDate } from '../cycle/editability.js';
import { profileScope } from '../questionnaire/scopes.js';
import { findPersonalData } from '../support-point/personal-data.js';
import { pupilVoiceT } from './messages.js';
import { savePupilVoice } from './repository.js';
import { PUPIL_VOICE_METHODS } from './schema.js';

const text = (min: number, message: string) => z.string({ error: message }).trim().min(min, { error: message }).max(2000, { error: message });

/** The record's form, with messages in `t`'s language. */
export const recordPupilVoiceInput = (t: ReturnType<typeof pupilVoiceT>) =>
  z.object({
    methods: z.preprocess((value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]), z.array(z.enum(PUPIL_VOICE_METHODS, { error: t('methodsRequired') })).min(1, { error: t('methodsRequired') })),
    consultedOn: z.string({ error: t('consultedOnRequired') }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: t('consultedOnRequired') }).refine((value) => !Number.isNaN(Date.parse(value)), { error: t('consultedOnRequired') }),
    summary: text(10, t('summaryRequired')),
    followUp: text(5, t('followUpRequired')),
  });
export type RecordPupilVoiceInput = z.infer<ReturnType<typeof recordPupilVoiceInput>>;

/** Statuses in which the school may still record or change how pupils were heard (not after adoption). */
const OPEN_STATUSES = new Set(['not_started', 'in_progress', 'submitted', 'advised']);

/**
 * The school records how its pupils were heard on the profile (Kamerstuk 36443): how, when, what they said and
 * what the school did with it. No personal data: text that looks like an e-mail address, phone number, BSN or
 * date of birth is refused with a message that says what to remove.
 */
export async function recordPupilVoice(options: { db: Database; clock: Clock; auth: Authorized; profileId: string; input: RecordPupilVoiceInput }): Promise<void> {
  const { db, clock, auth, profileId, input } = options;
  const now = clock.now();
  const t = pupilVoiceT(auth.principal.locale);
  if (input.consultedOn > amsterdamDate(now)) throw new AppError('invalid_input', t('consultedOnFuture'), { field: 'consultedOn' });
  for (const field of ['summary', 'followUp'] as const) {
    const found = findPersonalData(input[field], now.getUTCFullYear());
    if (found) throw new AppError('invalid_input', t(`personal.${found}`), { field });
  }
  await db.transaction(async (tx) => {
    const { scope, state } = await profileScope(tx, profileId);
    assertInScope('recordPupilVoice', auth, { schoolId: scope.schoolId });
    if (!state.profileStatus || !OPEN_STATUSES.has(state.profileStatus)) throw new AppError('invalid_state', t('locked'));
    await savePupilVoice(tx, { profileId, methods: input.methods, consultedOn: input.consultedOn, summary: input.summary, followUp: input.followUp, updatedBy: auth.principal.userId, updatedAt: now });
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: scope.partnershipId,
      action: 'profile.recordPupilVoice',
      entityType: 'profile',
      entityId: profileId,
      after: { methods: input.methods, consultedOn: input.consultedOn, summary: input.summary, followUp: input.followUp },
    });
  });
}
