/**
 * A national item set (e.g. a landelijke norm basisondersteuning) as a file an SWV can adopt
 * beside its own items (docs/domain.md, "Facts that shape the design"). The file holds the set's
 * name and version, the scales its items answer with, and its items grouped in sections;
 * each item carries the national norm (`nationalNorm`). Adopting it (editor/adopt-national-set.ts)
 * copies the items into the SWV's draft as `origin: national`.
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { itemSchema, scaleSchema } from '../model/template.js';
import { formatPath, locateInDocument, parseTemplateFile, type TemplateFileError } from './parse-template-file.js';

export const NATIONAL_SET_FORMAT = 'opensop-national-set/1' as const;

const setKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: 'een sleutel bestaat uit kleine letters, cijfers en streepjes' });

/** Items of a set have only the national norm; the SWV adds its own norm later, in its draft. */
const nationalItemSchema = itemSchema.omit({ norm: true, origin: true });

export const nationalSetFileSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(NATIONAL_SET_FORMAT, { error: `verwacht format: ${NATIONAL_SET_FORMAT}` }),
  key: setKey,
  name: z.string().trim().min(1).max(200),
  version: z.string().trim().min(1).max(40),
  description: z.string().trim().max(4000).optional(),
  scales: z.array(scaleSchema).default([]),
  sections: z
    .array(
      z.strictObject({
        key: setKey,
        title: z.string().trim().min(1).max(120),
        promise: z.string().trim().min(1).max(1000).optional(),
        intro: z.string().trim().min(1).max(4000).optional(),
        items: z.array(nationalItemSchema).min(1, { error: 'een onderdeel van de landelijke set heeft minstens één vraag' }),
      }),
    )
    .min(1, { error: 'een landelijke set heeft minstens één onderdeel' }),
});
export type NationalSet = z.infer<typeof nationalSetFileSchema>;

export type ParseNationalSetResult = { ok: true; set: NationalSet } | { ok: false; errors: TemplateFileError[] };

/**
 * Reads a national set file. The set is checked with the template checks too (as a template of
 * its own sections), so a set with a norm that names an unknown option is refused with the same
 * messages and lines as a template file.
 */
export function parseNationalSetFile(source: string, fileName?: string): ParseNationalSetResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    // Same YAML messages and lines as a template file.
    const asTemplate = parseTemplateFile(source, fileName);
    return { ok: false, errors: asTemplate.ok ? [{ path: '', message: 'het bestand is geen geldige YAML' }] : asTemplate.errors };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const parsed = nationalSetFileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const segments = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
        const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
        const where = locateInDocument(doc.contents, unknownKey ? [...segments, unknownKey] : segments, lineCounter);
        const path = formatPath(segments);
        const message =
          issue.code === 'unrecognized_keys'
            ? `onbekend veld ${issue.keys.map((k) => `"${k}"`).join(', ')}${issue.keys.includes('norm') ? '; een landelijke set heeft alleen "nationalNorm" (de eigen norm van het SWV vult u later in de conceptversie in)' : ''}`
            : issue.code === 'invalid_type' && issue.input === undefined
              ? `"${String(issue.path.at(-1) ?? 'veld')}" ontbreekt`
              : issue.message;
        return { path, ...where, message };
      }),
    };
  }
  // The template checks on the set as if it were a template: scales, norms, unique keys.
  const asTemplate = parseTemplateFile(
    JSON.stringify({
      format: 'opensop-template/1',
      key: parsed.data.key,
      name: parsed.data.name,
      nationalSet: { key: parsed.data.key, name: parsed.data.name, version: parsed.data.version },
      scales: parsed.data.scales,
      sections: parsed.data.sections.map((section) => ({
        key: section.key,
        kind: 'promise',
        title: section.title,
        items: section.items.map((item) => ({ ...item, origin: 'national' })),
      })),
    }),
  );
  if (!asTemplate.ok) {
    // Same paths as in the set file (sections → items), so the lines can be found in it.
    const located = (path: string) => locateInDocument(doc.contents, pathSegments(path), lineCounter);
    return { ok: false, errors: asTemplate.errors.map((error) => ({ path: error.path, ...located(error.path), message: error.message })) };
  }
  return { ok: true, set: parsed.data };
}

/** "sections[0].items[1].nationalNorm.accept[0]" → ["sections", 0, "items", 1, "nationalNorm", "accept", 0] */
function pathSegments(path: string): Array<string | number> {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] !== undefined ? Number(match[2]) : match[1]!));
}
