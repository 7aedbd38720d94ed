import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { TemplateFileError } from '../templates/api.js';
import type { Authorized } from '../../ui/route.js';
import { exampleGuide } from './example-guide.js';
import { parseGuideFile, type ConversationGuide } from './guide-format.js';
import { loadGuideTemplate } from './guide-template.js';
import { findGuideOfTemplate, upsertGuide } from './repository.js';

export type ImportGuideResult = { ok: true; sections: number; warnings: TemplateFileError[] } | { ok: false; errors: TemplateFileError[] };

/**
 * The SWV replaces its template's guide with a file (or with the shipped example, `source: null`). Every mistake
 * is reported with its line and nothing changes; a section the template does not have is a warning.
 */
export async function importGuide(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; templateId: string; source: string | null }): Promise<ImportGuideResult> {
  const { db, auth } = options;
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    const template = await loadGuideTemplate(tx, auth, 'importGuide', options.partnershipId, options.templateId);
    const keys = template.sections.map((s) => s.key);
    let guide: ConversationGuide;
    let warnings: TemplateFileError[] = [];
    if (options.source === null) {
      guide = exampleGuide();
    } else {
      const parsed = parseGuideFile(options.source, keys);
      if (!parsed.ok) return { ok: false, errors: parsed.errors };
      guide = parsed.value;
      warnings = parsed.warnings;
    }
    const before = await findGuideOfTemplate(tx, template.id);
    await upsertGuide(tx, { partnershipId: template.partnershipId, templateId: template.id, definition: guide, updatedBy: auth.principal.userId, updatedAt: now });
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: template.partnershipId,
      action: options.source === null ? 'conversationGuide.adoptExample' : 'conversationGuide.import',
      entityType: 'conversation_guide',
      entityId: template.id,
      before: before?.definition ?? null,
      after: guide,
    });
    return { ok: true, sections: guide.sections.filter((s) => keys.includes(s.key) && s.questions.length > 0).length, warnings };
  });
}
