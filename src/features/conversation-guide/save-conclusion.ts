import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { getProfile } from '../questionnaire/api.js';
import { loadTemplateDefinition } from '../questionnaire/template-cache.js';
import { conversationGuideT } from './messages.js';
import { deleteConclusion, findConclusion, upsertConclusion } from './repository.js';

/**
 * The conclusion form: `section`, the text (`conclusion_<section>`) and the text the form was opened with
 * (`previous_<section>`, to detect another's change). Errors are keyed by the text's field name, in the user's language.
 */
export function parseConclusionForm(values: Record<string, string>, locale: Locale): { ok: true; data: SaveConclusionInput } | { ok: false; errors: Record<string, string> } {
  const t = conversationGuideT(locale);
  const section = values['section'] ?? '';
  if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(section)) return { ok: false, errors: { section: t('sectionInvalid') } };
  const conclusion = (values[`conclusion_${section}`] ?? '').trim();
  if (conclusion.length > 2000) return { ok: false, errors: { [`conclusion_${section}`]: t('conclusionTooLong') } };
  return { ok: true, data: { section, conclusion, previous: (values[`previous_${section}`] ?? '').trim() } };
}
export interface SaveConclusionInput {
  section: string;
  conclusion: string;
  previous: string;
}

/**
 * The school records the team's conclusion on one section of its profile. It stays with this profile whatever
 * its status; an empty text removes it. When someone else changed it since the form was opened, nothing is
 * overwritten: a conflict with the stored text, so the user keeps both.
 */
export async function saveConclusion(options: { db: Database; clock: Clock; auth: Authorized; profileId: string; input: SaveConclusionInput }): Promise<void> {
  const { db, auth, input } = options;
  const now = options.clock.now();
  const t = conversationGuideT(auth.principal.locale);
  await db.transaction(async (tx) => {
    const profile = await getProfile(tx, options.profileId);
    if (!profile) throw new AppError('not_found');
    assertInScope('saveConclusion', auth, { schoolId: profile.schoolId });
    const definition = await loadTemplateDefinition(tx, profile.templateVersionId);
    if (!definition.sections.some((s) => s.key === input.section)) throw new AppError('invalid_input', t('sectionInvalid'), { field: 'section' });
    const stored = await findConclusion(tx, profile.id, input.section);
    if ((stored?.text ?? '') !== input.previous) throw new AppError('conflict', t('conclusionConflict'), { field: `conclusion_${input.section}`, stored: stored?.text ?? '' });
    if ((stored?.text ?? '') === input.conclusion) return;
    if (input.conclusion) await upsertConclusion(tx, { profileId: profile.id, sectionKey: input.section, text: input.conclusion, updatedBy: auth.principal.userId, updatedAt: now });
    else await deleteConclusion(tx, profile.id, input.section);
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: profile.partnershipId,
      action: 'conversationGuide.conclusion',
      entityType: 'profile',
      entityId: profile.id,
      before: stored ? { section: input.section, text: stored.text } : null,
      after: input.conclusion ? { section: input.section, text: input.conclusion } : null,
    });
  });
}
