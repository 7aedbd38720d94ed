import type { DbOrTx } from '../../db/client.js';
import { serializeTemplate } from './format/serialize-template.js';
import { findTemplateByKey, findVersionByNumber, latestVersion, listTemplates, type TemplateVersionRow } from './repository.js';

export type ExportTemplateResult =
  | { ok: true; yaml: string; fileName: string; version: TemplateVersionRow }
  | { ok: false; message: string };

/** A version as a template file; file name "<key>-v<number>.yaml". */
export function templateFile(version: TemplateVersionRow): { yaml: string; fileName: string } {
  return { yaml: serializeTemplate(version.definition), fileName: `${version.definition.key}-v${version.number}.yaml` };
}

/**
 * The CLI's `template export`: one version of one of the SWV's templates (default: the only
 * template, and its latest version, draft or published).
 */
export async function exportTemplate(options: { db: DbOrTx; partnershipId: string; key?: string | undefined; number?: number | undefined }): Promise<ExportTemplateResult> {
  const { db, partnershipId } = options;
  let key = options.key;
  if (!key) {
    const all = await listTemplates(db, partnershipId);
    if (all.length === 0) return { ok: false, message: 'Dit samenwerkingsverband heeft nog geen vragenlijst.' };
    if (all.length > 1) return { ok: false, message: `Dit samenwerkingsverband heeft meer vragenlijsten; kies er een met --key: ${all.map((t) => t.key).join(', ')}` };
    key = all[0]!.key;
  }
  const template = await findTemplateByKey(db, partnershipId, key);
  if (!template) return { ok: false, message: `Vragenlijst "${key}" bestaat niet bij dit samenwerkingsverband.` };
  const version = options.number === undefined ? await latestVersion(db, template.id) : await findVersionByNumber(db, template.id, options.number);
  if (!version) return { ok: false, message: options.number === undefined ? 'Deze vragenlijst heeft nog geen versie.' : `Versie ${options.number} van "${key}" bestaat niet.` };
  return { ok: true, ...templateFile(version), version };
}
