import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { adoptNationalSet, nationalSetItemCount } from './editor/adopt-national-set.js';
import { parseNationalSetFile } from './format/national-set.js';
import type { TemplateFileError } from './format/parse-template-file.js';
import { findTemplateByKey, findVersionInPartnership, latestVersion, listTemplates } from './repository.js';
import { applyDraftEdit } from './save-draft-edit.js';

export type AdoptNationalSetFileResult =
  | { ok: true; versionNumber: number; itemCount: number; setName: string; templateName: string }
  | { ok: false; errors: TemplateFileError[] };

/**
 * Merges a national item set file into the SWV's draft (editor/adopt-national-set.ts), with the
 * checks of every editor change; nothing changes when the file or the merge has a mistake.
 * The draft is the given version (the editor) or the draft of the SWV's template (`templateKey`
 * when the SWV has several; the CLI). Access is checked by the caller (route table or CLI).
 */
export async function adoptNationalSetFile(options: {
  db: Database;
  clock: Clock;
  partnershipId: string;
  actorUserId: string | null;
  source: string;
  fileName: string;
  versionId?: string | undefined;
  templateKey?: string | undefined;
  intoSection?: string | undefined;
}): Promise<AdoptNationalSetFileResult> {
  const { db, partnershipId } = options;
  const fail = (message: string): AdoptNationalSetFileResult => ({ ok: false, errors: [{ path: '', message }] });
  const parsed = parseNationalSetFile(options.source, options.fileName);
  if (!parsed.ok) return parsed;

  let version;
  if (options.versionId) {
    version = await findVersionInPartnership(db, partnershipId, options.versionId);
    if (!version) return fail('Deze versie bestaat niet (meer).');
  } else {
    let key = options.templateKey;
    if (!key) {
      const all = await listTemplates(db, partnershipId);
      if (all.length === 0) return fail('Dit samenwerkingsverband heeft nog geen vragenlijst; importeer eerst een vragenlijst.');
      if (all.length > 1) return fail(`Dit samenwerkingsverband heeft meer vragenlijsten; kies er een met --key: ${all.map((t) => t.key).join(', ')}`);
      key = all[0]!.key;
    }
    const template = await findTemplateByKey(db, partnershipId, key);
    if (!template) return fail(`Vragenlijst "${key}" bestaat niet bij dit samenwerkingsverband.`);
    version = await latestVersion(db, template.id, 'draft');
    if (!version) return fail(`"${template.name}" heeft geen conceptversie. Start eerst een nieuwe conceptversie (in de app: "Nieuwe conceptversie"); een gepubliceerde versie verandert niet.`);
  }
  if (version.status !== 'draft') return fail('Deze versie is gepubliceerd en verandert niet meer. Start een nieuwe conceptversie om de landelijke set over te nemen.');

  const saved = await applyDraftEdit({
    db,
    clock: options.clock,
    partnershipId,
    actorUserId: options.actorUserId,
    versionId: version.id,
    revision: version.revision,
    edit: adoptNationalSet(parsed.set, { intoSection: options.intoSection }),
  });
  if (saved.ok) {
    return { ok: true, versionNumber: version.number, itemCount: nationalSetItemCount(parsed.set), setName: parsed.set.name, templateName: saved.definition.name };
  }
  if (saved.reason === 'invalid') return { ok: false, errors: saved.errors };
  if (saved.reason === 'refused') return fail(saved.message);
  return fail('Iemand anders heeft de conceptversie net gewijzigd; probeer het opnieuw.');
}
