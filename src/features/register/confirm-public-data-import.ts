/** Saves a previewed pupil-count or verdict import for the SWV's schools (replacing what an earlier file said). */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { ALREADY_APPLIED } from './messages.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { unsafeRefreshPublicSourceAnswers } from '../cycle/public-source-answers.js';
import { listSchoolsOfPartnership } from '../partnerships/api.js';
import type { PublicDataKind, PublicDataPayload } from './preview-public-data-import.js';
import { markRegisterImportApplied, findRegisterImport, replacePupilCounts, replaceVerdicts } from './repository.js';
import { publicContentChanged } from '../public/api.js';

export async function applyPublicData(options: { db: Database; clock: Clock; partnershipId: string; actorUserId: string | null; fileName: string; payload: PublicDataPayload }): Promise<number> {
  const { db, clock, partnershipId, payload, fileName } = options;
  const now = clock.now();
  const result = await db.transaction(async (tx) => {
    // Only schools still in this SWV's register (the tenant filter, also against an old preview).
    const own = new Set((await listSchoolsOfPartnership(tx, partnershipId)).map((s) => s.id));
    const schoolIds = [...new Set(payload.rows.map((r) => r.schoolId))].filter((id) => own.has(id));
    if (payload.kind === 'pupil_counts') {
      await replacePupilCounts(
        tx,
        payload.countedOn,
        payload.rows.filter((r) => own.has(r.schoolId)).map((r) => ({ schoolId: r.schoolId, partnershipId, countedOn: payload.countedOn, low: r.low, high: r.high, fileName, importedAt: now })),
      );
    } else {
      await replaceVerdicts(
        tx,
        schoolIds,
        payload.rows
          .filter((r) => own.has(r.schoolId))
          .map((r) => ({ id: crypto.randomUUID(), schoolId: r.schoolId, partnershipId, verdict: r.verdict, department: r.department, inspectedName: r.inspectedName, decidedOn: r.decidedOn, publishedOn: r.publishedOn, fileName, importedAt: now })),
      );
    }
    // Profiles still being filled in take the new facts where an item asks for them and no one answered yet.
    const answersFilled = await unsafeRefreshPublicSourceAnswers(tx, { partnershipId, schoolIds, now });
    await recordAudit(tx, {
      at: now,
      actorUserId: options.actorUserId,
      partnershipId,
      action: payload.kind === 'pupil_counts' ? 'register.import_pupil_counts' : 'register.import_verdicts',
      entityType: 'partnership',
      entityId: partnershipId,
      after: { file: fileName, schools: schoolIds.length, answersFilled, ...(payload.kind === 'pupil_counts' ? { countedOn: payload.countedOn } : {}) },
    });
    return schoolIds.length;
  });
  // Committed: the public pages cached in this process show the change from the next request (features/public/api.ts).
  publicContentChanged();
  return result;
}

export async function confirmPublicDataImport(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; kind: PublicDataKind; importId: string }): Promise<number> {
  assertInScope('applyPublicData', options.auth, { partnershipId: options.partnershipId });
  const partnershipId = options.partnershipId;
  const stored = await findRegisterImport(options.db, { partnershipId, id: options.importId, kind: options.kind, now: options.clock.now() });
  if (!stored) throw new AppError('not_found');
  if (stored.appliedAt) throw new AppError('invalid_state', ALREADY_APPLIED);
  const count = await applyPublicData({ db: options.db, clock: options.clock, partnershipId, actorUserId: options.auth.principal.userId, fileName: stored.fileName, payload: stored.payload as PublicDataPayload });
  await markRegisterImportApplied(options.db, stored.id, options.clock.now());
  return count;
}
