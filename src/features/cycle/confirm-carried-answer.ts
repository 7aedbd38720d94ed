/**
 * One click on a reworded item ("Antwoord klopt nog"): last year's carried-over answer is confirmed as this
 * year's (prefill.ts carries an answer over when only the item's title, help text or hint changed, and marks it
 * "Gewijzigd – controleer uw antwoord"). Only while the school may edit, and only for an item marked so.
 */
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { markProfileInProgress } from '../questionnaire/api.js';
import { profileScope } from '../questionnaire/scopes.js';
import { loadTemplateDefinition } from '../questionnaire/template-cache.js';
import { profileEditability } from './editability.js';
import { listItemsToReview } from './items-to-review.js';
import { confirmCarriedAnswer as confirmRow, getCycleFor, lockProfile } from './repository.js';
import { cycleRulesT } from './transition-rules.js';

export async function confirmCarriedAnswer(options: { db: Database; clock: Clock; auth: Authorized; profileId: string; itemKey: string }): Promise<{ sectionKey: string; confirmed: boolean }> {
  const { db, auth, itemKey } = options;
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    const { scope } = await profileScope(tx, options.profileId);
    assertInScope('confirmCarriedAnswer', auth, { schoolId: scope.schoolId });
    // Locked like a submit does, so a confirmation cannot slip in after the profile became final.
    const profile = await lockProfile(tx, options.profileId);
    if (!profile) throw new AppError('not_found');
    const cycle = await getCycleFor(tx, profile.partnershipId, profile.schoolYear);
    const editability = profileEditability({ status: profile.status, opensOn: cycle?.opensOn ?? null, closesOn: cycle?.closesOn ?? null, now, locale: auth.principal.locale });
    if (!editability.editable) throw new AppError('invalid_state', editability.message);
    const template = await loadTemplateDefinition(tx, profile.templateVersionId);
    const section = template.sections.find((candidate) => candidate.items.some((item) => item.key === itemKey));
    if (!section) throw new AppError('not_found');
    if ((await listItemsToReview(tx, profile)).marks[itemKey] !== 'changed') throw new AppError('invalid_input', cycleRulesT(auth.principal.locale)('nothingToConfirm'));
    const confirmed = await confirmRow(tx, profile.id, itemKey, auth.principal.userId, now);
    if (confirmed) {
      await markProfileInProgress(tx, profile.id, now);
      await recordAudit(tx, {
        at: now,
        actorUserId: auth.principal.userId,
        partnershipId: profile.partnershipId,
        action: 'answer.confirmCarriedOver',
        entityType: 'answer',
        entityId: `${profile.id}:${itemKey}`,
        after: { itemKey, carriedOver: false },
      });
    }
    return { sectionKey: section.key, confirmed };
  });
}
