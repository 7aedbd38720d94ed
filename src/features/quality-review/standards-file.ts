/**
 * The standards file (docs/quality-standards-format.md): read a YAML (or JSON) file into checked standards, or
 * every mistake with its line, in Dutch; and write the stored standards back as a file (export). A file from an
 * SWV is user input: nothing here throws on it.
 */
import { LineCounter, parseDocument, stringify } from 'yaml';
import type { z } from 'zod';
import { formatPath, locateInDocument } from '../templates/api.js';
import { duplicateKeyIssues, QUALITY_FORMAT, qualityStandardsSchema, type QualityStandards, type StandardsPath } from './model.js';

export interface StandardsFileError {
  /** Where in the file, e.g. "domains[1].indicators[2].text"; "" for the file as a whole. */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

export type ParseStandardsResult = { ok: true; standards: QualityStandards } | { ok: false; errors: StandardsFileError[] };

const TYPE_NAMES: Record<string, string> = { string: 'tekst', boolean: 'true of false', array: 'een lijst (regels die met "- " beginnen)', object: 'een blok met velden' };

function dutchIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `verwacht ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'unrecognized_keys':
      return `onbekend veld: ${issue.keys.join(', ')}`;
    default:
      return 'ongeldige waarde';
  }
}

export function parseStandardsFile(source: string): ParseStandardsResult {
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      const seen = new Set<number>();
      const errors: StandardsFileError[] = [];
      // Several codes for one place: the spilled-over key (a wrongly indented next line) says it best.
      const spilled = new Set(doc.errors.filter((error) => error.code === 'MULTILINE_IMPLICIT_KEY').map((error) => error.pos[0]));
      for (const error of doc.errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY' || !spilled.has(e.pos[0]))) {
        const at = lineCounter.linePos(error.pos[0]);
        // A key that spills onto the next line is nearly always a wrongly indented next line: point there.
        const line = error.code === 'MULTILINE_IMPLICIT_KEY' ? at.line + 1 : at.line;
        const col = error.code === 'MULTILINE_IMPLICIT_KEY' ? 1 : at.col;
        if (seen.has(line)) continue;
        seen.add(line);
        const message =
          error.code === 'DUPLICATE_KEY'
            ? 'dit veld staat twee keer in hetzelfde blok; houd er één over'
            : error.code === 'TAB_AS_INDENT'
              ? 'gebruik spaties om in te springen, geen tabs'
              : error.code === 'BAD_INDENT' || error.code === 'MULTILINE_IMPLICIT_KEY'
                ? 'de inspringing klopt niet; zet velden van hetzelfde niveau precies onder elkaar (met spaties)'
                : 'hier staat iets wat niet verwacht werd; controleer de inspringing, streepjes, dubbele punten en aanhalingstekens';
        errors.push({ path: '', line, column: col, message });
      }
      return { ok: false, errors };
    }
    const data: unknown = doc.toJS({ maxAliasCount: 100 });
    if (data === null || data === undefined) return { ok: false, errors: [{ path: '', line: 1, column: 1, message: `het bestand is leeg; verwacht format: ${QUALITY_FORMAT}, name, scale en domains` }] };
    const locate = (path: StandardsPath) => locateInDocument(doc.contents, path, lineCounter);
    const parsed = qualityStandardsSchema.safeParse(data, { error: dutchIssue });
    if (!parsed.success) {
      const errors: StandardsFileError[] = [];
      for (const issue of parsed.error.issues) {
        const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
        if (issue.code === 'unrecognized_keys') {
          for (const unknown of issue.keys) errors.push({ path: formatPath([...path, unknown]), ...locate([...path, unknown]), message: `onbekend veld "${unknown}"` });
          continue;
        }
        const field = path.at(-1);
        const missing = issue.code === 'invalid_type' && valueAt(data, path) === undefined && typeof field === 'string';
        errors.push({ path: formatPath(path), ...locate(path), message: missing ? `"${field}" ontbreekt; ${issue.message}` : issue.message });
      }
      return { ok: false, errors: sortByLine(errors) };
    }
    const duplicates = duplicateKeyIssues(parsed.data);
    if (duplicates.length) return { ok: false, errors: sortByLine(duplicates.map((issue) => ({ path: formatPath(issue.path), ...locate(issue.path), message: issue.message }))) };
    const { $schema: _schema, ...standards } = parsed.data;
    return { ok: true, standards };
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `het bestand kon niet worden gelezen (${error instanceof Error ? error.message : String(error)})` }] };
  }
}

function valueAt(data: unknown, path: StandardsPath): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function sortByLine(errors: StandardsFileError[]): StandardsFileError[] {
  return errors.map((error, index) => ({ error, index })).sort((a, b) => (a.error.line ?? 0) - (b.error.line ?? 0) || a.index - b.index).map(({ error }) => error);
}

/** The stored standards as a file, fields in the documented order; the example mark is kept when it is set. */
export function serializeStandards(standards: QualityStandards): string {
  const ordered = {
    format: QUALITY_FORMAT,
    ...(standards.example ? { example: true } : {}),
    name: standards.name,
    scale: standards.scale.map((level) => ({ key: level.key, label: level.label, ...(level.description ? { description: level.description } : {}) })),
    domains: standards.domains.map((domain) => ({ key: domain.key, title: domain.title, indicators: domain.indicators.map((indicator) => ({ key: indicator.key, text: indicator.text })) })),
  };
  return `# Standaarden van basiskwaliteit en beoordelingsschaal (OpenSOP, ${QUALITY_FORMAT}); zie docs/quality-standards-format.md\n${stringify(ordered, { lineWidth: 0 })}`;
}
