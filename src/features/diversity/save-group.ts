import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { findSchoolPlace } from '../partnerships/api.js';
import { diversityT } from './messages.js';
import { findGroupByName, getGroup, insertGroup, listCategories, listCountsOfGroups, replaceCounts, updateGroup } from './repository.js';

type DiversityT = ReturnType<typeof diversityT>;

export const schoolYearInput = (t: DiversityT) =>
  z
    .string()
    .regex(/^\d{4}-\d{4}$/, { error: t('yearInvalid') })
    .refine((value) => Number(value.slice(5)) === Number(value.slice(0, 4)) + 1, { error: t('yearInvalid') });

const wholeNumber = (message: string) =>
  z
      .string()
      .trim()
      .transform((value) => value || '0')
      .refine((value) => /^\d{1,6}$/.test(value), { error: message })
      .transform(Number);

  /**
   * The school's form for one group: school year, name, size and `count_<categoryId>` per category (empty is 0).
   * Whole numbers ≥ 0; the pupils in the categories together at most the group size. Messages in `t`'s language.
   */
  export const saveGroupInput = (t: DiversityT) =>
    z
    .object({
      schoolYear: schoolYearInput(t),
      groupId: z
        .string()
        .trim()
        .optional()
        .transform((value) => value || null),
      name: z.string().trim().min(1, { error: t('groupNameRequired') }).max(40, { error: t('groupNameTooLong') }),
      pupilCount: z
        .string()
        .trim()
        .min(1, { error: t('pupilCountInvalid') })
        .pipe(wholeNumber(t('pupilCountInvalid')))
        .refine((value) => value <= 1000, { error: t('pupilCountTooLarge') }),
    })
    .catchall(z.string())
    .transform((value, ctx) => {
      const counts: Array<{ categoryId: string; pupils: number }> = [];
      for (const [key, raw] of Object.entries(value)) {
        if (!key.startsWith('count_')) continue;
        const parsed = wholeNumber(t('countInvalid')).safeParse(raw);
        if (!parsed.success) ctx.addIssue({ code: 'custom', path: [key], message: t('countInvalid') });
        else counts.push({ categoryId: key.slice('count_'.length), pupils: parsed.data });
      }
      const counted = counts.reduce((sum, entry) => sum + entry.pupils, 0);
      if (counted > value.pupilCount) ctx.addIssue({ code: 'custom', path: ['pupilCount'], message: t('countsTooMany', { counted, pupils: value.pupilCount }) });
      return { schoolYear: value.schoolYear, groupId: value.groupId, name: value.name, pupilCount: value.pupilCount, counts };
    });
export type SaveGroupInput = z.infer<ReturnType<typeof saveGroupInput>>;

/**
 * The school saves one group's size and counts per category for a school year: a new group, or (with `groupId`)
 * a change to one of its own groups. Categories must be the SWV's own; the audit log keeps the earlier counts.
 */
export async function saveGroup(options: { db: Database; clock: Clock; auth: Authorized; schoolId: string; input: SaveGroupInput }): Promise<{ groupId: string }> {
  const { db, auth, schoolId, input } = options;
  assertInScope('saveGroup', auth, { schoolId });
  const t = diversityT(auth.principal.locale);
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    const place = await findSchoolPlace(tx, schoolId);
    if (!place) throw new AppError('not_found');
    const categories = new Set((await listCategories(tx, place.partnershipId)).map((row) => row.id));
    for (const entry of input.counts) {
      if (!categories.has(entry.categoryId)) throw new AppError('invalid_input', t('unknownCategory'), { field: `count_${entry.categoryId}` });
    }
    const existing = input.groupId ? await getGroup(tx, input.groupId) : null;
    if (input.groupId && !existing) throw new AppError('not_found');
    if (existing) assertInScope('saveGroup', auth, { schoolId: existing.schoolId });
    const sameName = await findGroupByName(tx, schoolId, input.schoolYear, input.name);
    if (sameName && sameName.id !== existing?.id) throw new AppError('conflict', t('groupNameTaken'), { field: 'name' });
    const counts = input.counts.filter((entry) => entry.pupils > 0);
    let groupId: string;
    let before: unknown = null;
    if (existing) {
      groupId = existing.id;
      const oldCounts = await listCountsOfGroups(tx, [groupId]);
      before = { name: existing.name, schoolYear: existing.schoolYear, pupilCount: existing.pupilCount, counts: oldCounts.map(({ categoryId, pupils }) => ({ categoryId, pupils })) };
      await updateGroup(tx, groupId, { name: input.name, pupilCount: input.pupilCount, updatedBy: auth.principal.userId, updatedAt: now });
    } else {
      groupId = crypto.randomUUID();
      await insertGroup(tx, { id: groupId, partnershipId: place.partnershipId, schoolId, schoolYear: input.schoolYear, name: input.name, pupilCount: input.pupilCount, updatedBy: auth.principal.userId, updatedAt: now });
    }
    await replaceCounts(tx, groupId, counts);
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: place.partnershipId,
      action: 'diversity.group',
      entityType: 'diversity_group',
      entityId: groupId,
      before,
      after: { name: input.name, schoolYear: existing?.schoolYear ?? input.schoolYear, pupilCount: input.pupilCount, counts },
    });
    return { groupId };
  });
}
