import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { TemplateDefinition } from './model/template.js';
import { findPublishedForYear, findTemplateByKey, insertTemplate, insertTemplateVersion, latestVersion } from './repository.js';

/**
 * Stores a validated template as a new version of the SWV's template with the same key
 * (creating the template on first import). Published when `publishForYear` is given, else a draft.
 * Refused (AppError 'conflict', nothing changed) when that school year already has a published
 * version, when a draft is to be added while the template already has one (one draft at a time),
 * and when a version is to be published while a draft exists (publishing that older draft later
 * would undo the imported changes).
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
    if (options.publishForYear) {
      const taken = await findPublishedForYear(tx, template.id, options.publishForYear);
      if (taken) {
        throw new AppError('conflict', `Voor schooljaar ${options.publishForYear} is al versie ${taken.number} van "${template.name}" gepubliceerd. Kies een ander schooljaar, of importeer het bestand als conceptversie.`);
      }
      // A version published past an open draft would be undone when that (older) draft is published later.
      const draft = await latestVersion(tx, template.id, 'draft');
      if (draft) {
        throw new AppError(
          'conflict',
          `"${template.name}" heeft een conceptversie (versie ${draft.number}). Een bestand meteen publiceren kan pas als er geen conceptversie meer is: anders zou het later publiceren van die oudere conceptversie deze wijzigingen ongedaan maken. Publiceer eerst de conceptversie, of neem de wijzigingen over in die conceptversie.`,
        );
      }
    } else {
      const draft = await latestVersion(tx, template.id, 'draft');
      if (draft) {
        throw new AppError('conflict', `"${template.name}" heeft al een conceptversie (versie ${draft.number}). Publiceer die eerst, of werk in die conceptversie verder.`);
      }
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
