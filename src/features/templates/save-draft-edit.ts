import { translator, type Locale } from '../../ui/i18n.js';
import { templateMessages } from './messages.js';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import type { TemplateFileError } from './format/parse-template-file.js';
import type { TemplatePath } from './format/validate-template-references.js';
import { checkDefinition } from './editor/check-definition.js';
import { EditRefused, type TemplateEdit } from './editor/edits.js';
import type { TemplateDefinition } from './model/template.js';
import { findVersionInPartnership, updateDraftDefinition, updateTemplateName } from './repository.js';

export type SaveDraftEditResult =
  | { ok: true; revision: number; definition: TemplateDefinition }
  /** The edited definition fails the import checks; `at` is where the edited object sits. */
  | { ok: false; reason: 'invalid'; errors: TemplateFileError[]; at: TemplatePath | null; revision: number }
  /** Someone else saved the draft after the form was opened; nothing was saved. */
  | { ok: false; reason: 'conflict'; revision: number }
  | { ok: false; reason: 'refused'; message: string; field?: string | undefined; revision: number };

/**
 * Saves one change to a draft version of the SWV's template: applies the edit to the stored
 * definition, checks the whole result with the file-import checks, and stores it only when
 * valid and when nobody saved in between (template_versions.revision). Audited.
 * A published version is never changed (invalid_state).
 */
export async function saveDraftEdit(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  versionId: string;
  /** The revision the user's form was based on. */
  revision: number;
  edit: TemplateEdit;
}): Promise<SaveDraftEditResult> {
  const { auth } = options;
  if (auth.scope.level === 'platform') throw new AppError('not_found');
  return applyDraftEdit({ ...options, partnershipId: auth.scope.partnershipId, actorUserId: auth.principal.userId, locale: auth.principal.locale });
}

/** saveDraftEdit without a request: for the CLI (actor null) and for use cases that already checked access. */
export async function applyDraftEdit(options: {
  db: Database;
  clock: Clock;
  partnershipId: string;
  /** The language of the refusals (the CLI's are Dutch). */
  locale?: Locale;
  actorUserId: string | null;
  versionId: string;
  revision: number;
  edit: TemplateEdit;
}): Promise<SaveDraftEditResult> {
  const { db, clock, partnershipId, edit } = options;
  return db.transaction(async (tx) => {
    const version = await findVersionInPartnership(tx, partnershipId, options.versionId);
    if (!version) throw new AppError('not_found');
    if (version.status !== 'draft') {
      throw new AppError('invalid_state', translator(templateMessages, options.locale ?? 'nl')('versionIsPublished'));
    }
    if (version.revision !== options.revision) return { ok: false, reason: 'conflict', revision: version.revision };

    const draft = structuredClone(version.definition);
    let at: TemplatePath | null;
    try {
      at = edit.apply(draft);
    } catch (error) {
      if (error instanceof EditRefused) return { ok: false, reason: 'refused', message: error.message, field: error.field, revision: version.revision };
      throw error;
    }
    const checked = checkDefinition(draft);
    if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors, at, revision: version.revision };
    if (checked.template.key !== version.definition.key) {
      return { ok: false, reason: 'refused', message: translator(templateMessages, options.locale ?? 'nl')('templateKeyFixed'), revision: version.revision };
    }

    const saved = await updateDraftDefinition(tx, version.id, version.revision, checked.template);
    if (!saved) return { ok: false, reason: 'conflict', revision: version.revision + 1 };
    if (checked.template.name !== version.definition.name) await updateTemplateName(tx, version.templateId, checked.template.name);
    await recordAudit(tx, {
      at: clock.now(),
      actorUserId: options.actorUserId,
      partnershipId,
      action: `template.${edit.action}`,
      entityType: 'template_version',
      entityId: version.id,
      before: { revision: version.revision },
      after: { revision: version.revision + 1, target: edit.target },
    });
    return { ok: true, revision: version.revision + 1, definition: checked.template };
  });
}
