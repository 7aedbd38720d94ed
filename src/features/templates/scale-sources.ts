/**
 * Where an SWV can copy a scale from ("Schaal overnemen uit…"): every version of its own templates
 * and the shipped example templates. Scales are data, reusable across templates (issue 3).
 */
import type { DbOrTx } from '../../db/client.js';
import { EXAMPLE_TEMPLATES, loadExampleTemplate, type ExampleTemplateName } from './example-templates.js';
import type { Scale } from './model/template.js';
import { findVersionInPartnership, listTemplates, listTemplateVersions } from './repository.js';

export interface ScaleSource {
  /** "versie:<version id>" or "voorbeeld:<example name>". */
  id: string;
  /** What the view names it by, e.g. "Vragenlijst X, versie 2 (2026-2027)" or "Voorbeeld: de-eem-po". */
  origin: { kind: 'version'; name: string; number: number; schoolYear: string | null } | { kind: 'example'; name: string };
  scales: Scale[];
}

export async function listScaleSources(db: DbOrTx, partnershipId: string): Promise<ScaleSource[]> {
  const sources: ScaleSource[] = [];
  for (const template of await listTemplates(db, partnershipId)) {
    for (const version of await listTemplateVersions(db, template.id)) {
      if (version.definition.scales.length === 0) continue;
      sources.push({
        id: `versie:${version.id}`,
        origin: { kind: 'version', name: version.definition.name, number: version.number, schoolYear: version.schoolYear },
        scales: version.definition.scales,
      });
    }
  }
  for (const name of EXAMPLE_TEMPLATES) sources.push({ id: `voorbeeld:${name}`, origin: { kind: 'example', name }, scales: loadExampleTemplate(name).scales });
  return sources;
}

/** The scale `scaleKey` of source `sourceId`, or null when either does not exist (or is another SWV's). */
export async function findSourceScale(db: DbOrTx, partnershipId: string, sourceId: string, scaleKey: string): Promise<Scale | null> {
  const [kind, id] = [sourceId.slice(0, sourceId.indexOf(':')), sourceId.slice(sourceId.indexOf(':') + 1)];
  let scales: Scale[] = [];
  if (kind === 'versie' && /^[0-9a-f-]{36}$/i.test(id)) {
    scales = (await findVersionInPartnership(db, partnershipId, id))?.definition.scales ?? [];
  } else if (kind === 'voorbeeld' && (EXAMPLE_TEMPLATES as readonly string[]).includes(id)) {
    scales = loadExampleTemplate(id as ExampleTemplateName).scales;
  }
  return scales.find((scale) => scale.key === scaleKey) ?? null;
}
