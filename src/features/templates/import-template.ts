import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { TemplateDefinition } from './model/template.js';
import { findTemplateByKey, insertTemplate, insertTemplateVersion, latestVersion } from './repository.js';

/**
 * Stores a validated template as a new version of the SWV's template with the same key
 * (creating the template on first import). Published when `publishForYear` is given, else a draft.
 */
export async function importTemplate(options: {
  db: Database;
  clock: Clock;
  partnershipId: string;
  definition: TemplateDefinition;
  actorUserId: string | null;
  publishForYear?: string;
}): Promise<{ templateId: string; versionId: string; number: number }> {
  const { db, clock, partnershipId, definition } = options;
  const now = clock.now();
  return db.transaction(async (tx) => {
    let template = await findTemplateByKey(tx, partnershipId, definition.key);
    if (!template) {
      const id = crypto.randomUUID();
      await insertTemplate(tx, { id, partnershipId, key: definition.key, name: definition.name, createdAt: now });
      template = { id, partnershipId, key: definition.key, name: definition.name, createdAt: now };
    }
    const previous = await latestVersion(tx, template.id);
    const number = (previous?.number ?? 0) + 1;
    const versionId = crypto.randomUUID();
    await insertTemplateVersion(tx, {
      id: versionId,
      templateId: template.id,
      partnershipId,
      number,
      status: options.publishForYear ? 'published' : 'draft',
      schoolYear: options.publishForYear ?? null,
      definition,
      createdBy: options.actorUserId,
      createdAt: now,
      publishedAt: options.publishForYear ? now : null,
    });
    await recordAudit(tx, {
      at: now,
      actorUserId: options.actorUserId,
      partnershipId,
      action: 'template.import',
      entityType: 'template_version',
      entityId: versionId,
      after: { key: definition.key, number, status: options.publishForYear ? 'published' : 'draft' },
    });
    return { templateId: template.id, versionId, number };
  });
}
