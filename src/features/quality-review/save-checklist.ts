import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { FieldErrors } from '../../ui/components.js';
import type { Authorized } from '../../ui/route.js';
import { isSchoolYear } from '../templates/school-year.js';
import { qualityT } from './messages.js';
import { parseRatings } from './rating-form.js';
import { insertAssessment, listRatings, replaceRatings, updateAssessment } from './repository.js';
import { loadSchoolChecklists } from './school-checklist.js';
import type { QualityAssessmentKind } from './schema.js';

const t = qualityT('nl');

export const checklistHeader = z.object({
  schoolYear: z.string().trim().refine(isSchoolYear, { error: t('yearInvalid') }),
});

export const reviewHeader = checklistHeader.extend({
  visitedOn: z
    .string({ error: t('visitRequired') })
    .trim()
    .min(1, { error: t('visitRequired') })
    .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)), { error: t('visitInvalid') }),
  share: z.string().optional(),
});

/**
 * Saves a school's checklist for a school year: the school's self-assessment (`self`) or the reviewer's checklist
 * on a visit (`review`, with the visit date; `share` makes it visible to the school). One of each per school and
 * year; saving again replaces the ratings, the audit log keeps the earlier ones.
 */
export async function saveChecklist(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  schoolId: string;
  kind: QualityAssessmentKind;
  values: Record<string, string>;
}): Promise<{ ok: true; schoolYear: string; shared: boolean } | { ok: false; errors: FieldErrors }> {
  const { db, auth, schoolId, kind, values } = options;
  assertInScope(kind === 'self' ? 'saveSelfAssessment' : 'saveReview', auth, { schoolId });
  const header = kind === 'self' ? checklistHeader.safeParse(values) : reviewHeader.safeParse(values);
  if (!header.success) {
    const errors: FieldErrors = {};
    for (const issue of header.error.issues) errors[String(issue.path[0] ?? 'schoolYear')] ??= issue.message;
    return { ok: false, errors };
  }
  const data: { schoolYear: string; visitedOn?: string; share?: string | undefined } = header.data;
  const { schoolYear } = data;
  const visitedOn = data.visitedOn ?? null;
  const share = data.share === '1';
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    const checklists = await loadSchoolChecklists(tx, schoolId, schoolYear);
    if (!checklists.standards) throw new AppError('invalid_input', t('noStandards'), { field: 'schoolYear' });
    const parsed = parseRatings(checklists.standards, values);
    if (!parsed.ok) return parsed;
    const existing = kind === 'self' ? checklists.self : checklists.review;
    const id = existing?.id ?? crypto.randomUUID();
    const before = existing ? { visitedOn: existing.visitedOn, shared: !!existing.sharedAt, ratings: (await listRatings(tx, [id])).map(({ indicatorKey, levelKey, remark }) => ({ indicatorKey, levelKey, remark })) } : null;
    const sharedAt = existing?.sharedAt ?? (share ? now : null);
    if (existing) {
      await updateAssessment(tx, id, { visitedOn, sharedAt, updatedBy: auth.principal.userId, updatedByName: auth.principal.name, updatedAt: now });
    } else {
      const inserted = await insertAssessment(tx, { id, partnershipId: checklists.school.partnershipId, schoolId, schoolYear, kind, visitedOn, sharedAt, updatedBy: auth.principal.userId, updatedByName: auth.principal.name, updatedAt: now });
      // Two first saves at once: the other one won. Overwriting it unseen would lose its ratings, so this one asks
      // its writer to look first (409), as a stale edit does.
      if (!inserted) throw new AppError('conflict', qualityT(auth.principal.locale)('checklistSavedMeanwhile'));
    }
    await replaceRatings(tx, id, parsed.ratings);
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: checklists.school.partnershipId,
      action: kind === 'self' ? 'quality.selfAssess' : 'quality.review',
      entityType: 'quality_assessment',
      entityId: id,
      before,
      after: { schoolYear, visitedOn, shared: !!sharedAt, ratings: parsed.ratings.filter((r) => r.levelKey || r.remark) },
    });
    return { ok: true as const, schoolYear, shared: !!sharedAt };
  });
}
