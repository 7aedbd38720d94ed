/**
 * Reads a small instrument file (the conversation guide, the diversity index; issue 15) written in YAML (so JSON
 * too) against a zod schema, the way template files are read: YAML mistakes first (same Dutch messages and lines
 * as a template file), then every schema mistake at once, each with its path, line and column, then the file's
 * own cross-checks. Nothing throws on bad input: the file comes from an SWV.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { formatPath, locateInDocument, parseTemplateFile, type TemplateFileError } from './parse-template-file.js';
import type { TemplatePath } from './validate-template-references.js';

export type DataFileResult<T> = { ok: true; value: T; warnings: TemplateFileError[] } | { ok: false; errors: TemplateFileError[] };

/** A finding of a file's own checks: where (as a path into the data) and what, in Dutch. */
export interface DataFileIssue {
  path: TemplatePath;
  message: string;
}

export function parseDataFile<S extends z.ZodType>(
  source: string,
  schema: S,
  options: { emptyMessage: string; check?: (value: z.infer<S>) => { errors: DataFileIssue[]; warnings: DataFileIssue[] } },
): DataFileResult<z.infer<S>> {
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      const asTemplate = parseTemplateFile(source);
      return { ok: false, errors: asTemplate.ok ? [{ path: '', message: 'het bestand is geen geldige YAML' }] : asTemplate.errors };
    }
    const data: unknown = doc.toJS({ maxAliasCount: 100 });
    if (data === null || data === undefined) return { ok: false, errors: [{ path: '', line: 1, column: 1, message: options.emptyMessage }] };
    const locate = (path: TemplatePath) => locateInDocument(doc.contents, path, lineCounter);
    const parsed = schema.safeParse(data, { reportInput: true });
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue): TemplateFileError => {
        const segments: TemplatePath = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
        if (issue.code === 'unrecognized_keys') {
          const where = [...segments, issue.keys[0]!];
          return { path: formatPath(where), ...locate(where), message: `onbekend veld ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
        }
        const missing = issue.code !== 'custom' && typeof issue.path.at(-1) === 'string' && valueAt(data, segments) === undefined;
        return { path: formatPath(segments), ...locate(segments), message: missing ? `"${String(issue.path.at(-1) ?? 'veld')}" ontbreekt` : issue.message };
      });
      return { ok: false, errors: sortByLine(errors) };
    }
    const checked = options.check?.(parsed.data) ?? { errors: [], warnings: [] };
    const located = (issues: DataFileIssue[]) => sortByLine(issues.map((issue) => ({ path: formatPath(issue.path), ...locate(issue.path), message: issue.message })));
    if (checked.errors.length > 0) return { ok: false, errors: located(checked.errors) };
    return { ok: true, value: parsed.data, warnings: located(checked.warnings) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ path: '', message: `het bestand kon niet worden gelezen (${detail})` }] };
  }
}

function valueAt(data: unknown, path: TemplatePath): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function sortByLine(errors: TemplateFileError[]): TemplateFileError[] {
  return [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** "regel 12, kolom 5: sections[0].questions[1] — …", the way the app lists a file's mistakes. */
export function describeFileError(error: TemplateFileError): string {
  const where = error.line ? `regel ${error.line}${error.column ? `, kolom ${error.column}` : ''}: ` : '';
  return `${where}${error.path ? `${error.path} — ` : ''}${error.message}`;
}
