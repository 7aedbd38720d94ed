/**
 * An SWV admin asks for one ZIP with every school's documents of a school year. The export row
 * and its job are stored in one transaction (audited); the job builds the ZIP in the background.
 */
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit.js';
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { defineJobKind, enqueueJob } from '../../jobs/queue.js';
import { translator, type Translate } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { listCycles } from '../cycle/api.js';
import { listProfilesOfPartnership } from '../questionnaire/api.js';
import { documentMessages } from './messages.js';
import { insertExport } from './repository.js';

export const batchExportJobKind = defineJobKind('documents.batch-export', z.object({ exportId: z.uuid() }));

/** The export form, with its message in `t`'s language. */
export const batchExportInput = (t: Translate<keyof typeof documentMessages.nl>) =>
  z.object({
    schoolYear: z.string({ error: t('chooseYear') }).regex(/^\d{4}-\d{4}$/, { error: t('chooseYear') }),
  });

export async function requestBatchExport(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; schoolYear: string }): Promise<string> {
  const { db, clock, auth, partnershipId, schoolYear } = options;
  assertInScope('requestBatchExport', auth, { partnershipId });
  // Only a school year the SWV ran a round for (the form offers exactly those); the route names the field.
  if (!(await listCycles(db, partnershipId)).some((cycle) => cycle.schoolYear === schoolYear)) throw new AppError('invalid_input');
  const profiles = await listProfilesOfPartnership(db, partnershipId, schoolYear);
  if (profiles.length === 0) throw new AppError('invalid_input', translator(documentMessages, auth.principal.locale)('noProfilesForYear'));
  const id = crypto.randomUUID();
  const now = clock.now();
  await db.transaction(async (tx) => {
    await insertExport(tx, { id, partnershipId, schoolYear, requestedBy: auth.principal.userId, status: 'queued', progress: { done: 0, total: profiles.length }, createdAt: now });
    await enqueueJob(tx, batchExportJobKind, { exportId: id }, { now, maxAttempts: 2 });
    await recordAudit(tx, { actorUserId: auth.principal.userId, partnershipId, action: 'documents.export', entityType: 'document_export', entityId: id, after: { schoolYear }, at: now });
  });
  return id;
}
