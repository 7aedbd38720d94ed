import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { amsterdamDate } from '../cycle/editability.js';
import { supportPointT } from './messages.js';
import { findPersonalData } from './personal-data.js';
import { listSignalItems } from './profile-items.js';
import { findSchoolOfPartnership, insertSignal, listThemes } from './repository.js';

/** The signal form, with messages in `t`'s language. */
export const recordSignalInput = (t: ReturnType<typeof supportPointT>) =>
  z.object({
    themeId: z.string({ error: t('themeRequired') }).trim().min(1, { error: t('themeRequired') }),
    schoolId: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || null),
    occurredOn: z.string({ error: t('occurredOnRequired') }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: t('occurredOnRequired') }).refine((value) => !Number.isNaN(Date.parse(value)), { error: t('occurredOnRequired') }),
    itemKey: z
      .string()
      .trim()
      .max(120)
      .optional()
      .transform((value) => value || null),
    description: z.string({ error: t('descriptionRequired') }).trim().min(10, { error: t('descriptionRequired') }).max(1000, { error: t('descriptionRequired') }),
  });
export type RecordSignalInput = z.infer<ReturnType<typeof recordSignalInput>>;

/**
 * The support point records a signal: a theme of the SWV's list, optionally a school of the SWV, the date and a
 * short description without personal data (an e-mail address, phone number, BSN or date of birth is refused).
 */
export async function recordSignal(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; input: RecordSignalInput }): Promise<string> {
  const { db, clock, auth, partnershipId, input } = options;
  assertInScope('recordSignal', auth, { partnershipId });
  const t = supportPointT(auth.principal.locale);
  const now = clock.now();
  if (input.occurredOn > amsterdamDate(now)) throw new AppError('invalid_input', t('occurredOnRequired'), { field: 'occurredOn' });
  const found = findPersonalData(input.description, now.getUTCFullYear());
  if (found) throw new AppError('invalid_input', t(`personal.${found}`), { field: 'description' });
  return db.transaction(async (tx) => {
    if (!(await listThemes(tx, partnershipId)).some((theme) => theme.id === input.themeId)) throw new AppError('invalid_input', t('themeRequired'), { field: 'themeId' });
    if (input.schoolId && !(await findSchoolOfPartnership(tx, partnershipId, input.schoolId))) throw new AppError('invalid_input', t('schoolUnknown'), { field: 'schoolId' });
    // The item of the school's profile it touches: only with a school, and one of the SWV's template items.
    if (input.itemKey && !input.schoolId) throw new AppError('invalid_input', t('itemNeedsSchool'), { field: 'itemKey' });
    if (input.itemKey && !(await listSignalItems(tx, partnershipId)).some((item) => item.key === input.itemKey)) throw new AppError('invalid_input', t('itemUnknown'), { field: 'itemKey' });
    const id = crypto.randomUUID();
    await insertSignal(tx, { id, partnershipId, themeId: input.themeId, schoolId: input.schoolId, itemKey: input.itemKey, occurredOn: input.occurredOn, description: input.description, recordedBy: auth.principal.userId, recordedAt: now });
    // The audit keeps what happened, not the description (it stays in the support point's own view).
    await recordAudit(tx, { at: now, actorUserId: auth.principal.userId, partnershipId, action: 'signal.record', entityType: 'support_point_signal', entityId: id, after: { themeId: input.themeId, schoolId: input.schoolId, itemKey: input.itemKey, occurredOn: input.occurredOn } });
    return id;
  });
}
