import { translator } from '../../ui/i18n.js';
import { templateMessages } from './messages.js';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { findTemplateInPartnership, insertTemplateVersion, latestVersion } from './repository.js';

/**
 * "Nieuwe conceptversie": copies the latest published version into a new draft with the next
 * version number. Only one draft at a time: with a draft present this is refused (conflict,
 * with the draft's id in `details` so the page can link to it).
 */
export async function startNewDraft(options: { db: Database; clock: Clock; auth: Authorized; templateId: string }): Promise<{ versionId: string; number: number }> {
  const { db, clock, auth } = options;
  if (auth.scope.level === 'platform') throw new AppError('not_found');
  const partnershipId = auth.scope.partnershipId;
  const now = clock.now();
  return db.transaction(async (tx) => {
    const template = await findTemplateInPartnership(tx, partnershipId, options.templateId);
    if (!template) throw new AppError('not_found');
    const draft = await latestVersion(tx, template.id, 'draft');
    if (draft) {
      throw new AppError('conflict', translator(templateMessages, auth.principal.locale)('draftExistsNumbered', { number: draft.number }), { versionId: draft.id });
    }
    const published = await latestVersion(tx, template.id, 'published');
    if (!published) throw new AppError('invalid_state', translator(templateMessages, auth.principal.locale)('noPublishedToStartFrom'));
    const latest = await latestVersion(tx, template.id);
    const number = (latest?.number ?? 0) + 1;
    const versionId = crypto.randomUUID();
    await insertTemplateVersion(tx, {
      id: versionId,
      templateId: template.id,
      partnershipId,
      number,
      status: 'draft',
      definition: structuredClone(published.definition),
      createdBy: auth.principal.userId,
      createdAt: now,
    });
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId,
      action: 'template.draft.start',
      entityType: 'template_version',
      entityId: versionId,
      after: { number, copiedFrom: published.number },
    });
    return { versionId, number };
  });
}
