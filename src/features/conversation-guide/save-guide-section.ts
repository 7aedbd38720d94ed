import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { FieldErrors } from '../../ui/components.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { GUIDE_FORMAT, guideSection, withSection, type ConversationGuide, type GuideSection } from './guide-format.js';
import { loadGuideTemplate } from './guide-template.js';
import { conversationGuideT } from './messages.js';
import { findGuideOfTemplate, upsertGuide } from './repository.js';

const LIMITS = { questions: 400, tips: 1000, examples: 2000 } as const;

/** The section form: `section` and three text areas (`questions_<section>`, `tips_…`, `examples_…`), one entry per line (empty lines skipped). Errors per field, in the user's language. */
export function parseGuideSectionForm(values: Record<string, string>, locale: Locale): { ok: true; section: GuideSection } | { ok: false; errors: FieldErrors } {
  const t = conversationGuideT(locale);
  const key = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/).safeParse(values['section'] ?? '');
  if (!key.success) return { ok: false, errors: { section: t('sectionInvalid') } };
  const errors: FieldErrors = {};
  const lists = {} as Record<keyof typeof LIMITS, string[]>;
  for (const field of Object.keys(LIMITS) as Array<keyof typeof LIMITS>) {
    const lines = (values[`${field}_${key.data}`] ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    const long = lines.findIndex((line) => line.length > LIMITS[field]);
    if (lines.length > 30) errors[`${field}_${key.data}`] = t('tooManyLines');
    else if (long >= 0) errors[`${field}_${key.data}`] = t('lineTooLong', { line: long + 1, max: LIMITS[field] });
    lists[field] = lines;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, section: { key: key.data, ...lists } };
}

/**
 * The SWV saves the guide's entry for one section of its template. The first save starts the SWV's own guide
 * (the example is adopted as a whole with importGuide); a guide that was the example is no longer marked as one
 * once the SWV writes its own words in it.
 */
export async function saveGuideSection(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; templateId: string; section: GuideSection }): Promise<{ title: string }> {
  const { db, auth } = options;
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    const template = await loadGuideTemplate(tx, auth, 'saveGuideSection', options.partnershipId, options.templateId);
    const target = template.sections.find((s) => s.key === options.section.key);
    if (!target) throw new AppError('invalid_input', conversationGuideT(auth.principal.locale)('unknownSection'), { field: 'section' });
    const saved = await findGuideOfTemplate(tx, template.id);
    const base: ConversationGuide = saved?.definition ?? { format: GUIDE_FORMAT, name: `Gespreksleidraad ${template.name}`, example: false, sections: [] };
    const before = guideSection(base, target.key);
    const next = { ...withSection(base, options.section, template.sections.map((s) => s.key)), example: false };
    await upsertGuide(tx, { partnershipId: template.partnershipId, templateId: template.id, definition: next, updatedBy: auth.principal.userId, updatedAt: now });
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId: template.partnershipId,
      action: 'conversationGuide.section',
      entityType: 'conversation_guide',
      entityId: template.id,
      before: saved ? before : null,
      after: options.section,
    });
    return { title: target.title };
  });
}
