import { AppError } from '../../auth/app-error.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { parseTemplateFile, type TemplateFileError } from './format/parse-template-file.js';
import { importTemplate } from './import-template.js';

export type UploadTemplateResult =
  | { ok: true; templateId: string; versionId: string; number: number; name: string }
  | { ok: false; errors: TemplateFileError[] };

/**
 * An SWV admin uploads a template file: every mistake in it is reported at once with its
 * line, and nothing changes; a valid file becomes a new draft version (import-template.ts).
 */
export async function uploadTemplate(options: { db: Database; clock: Clock; auth: Authorized; fileName: string; source: string }): Promise<UploadTemplateResult> {
  const { auth } = options;
  if (auth.scope.level === 'platform') throw new AppError('not_found');
  const parsed = parseTemplateFile(options.source, options.fileName);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  try {
    const result = await importTemplate({
      db: options.db,
      clock: options.clock,
      partnershipId: auth.scope.partnershipId,
      definition: parsed.template,
      actorUserId: auth.principal.userId,
    });
    return { ok: true, ...result, name: parsed.template.name };
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') return { ok: false, errors: [{ path: '', message: error.userMessage ?? error.message }] };
    throw error;
  }
}
