/**
 * Checks a whole definition after an edit with exactly the checks of a file import.
 * JSON is YAML, so the file parser runs unchanged: the zod schema (templateSchema),
 * then validateTemplateReferences, with the same Dutch messages and paths.
 */
import { formatPath, parseTemplateFile, type ParseTemplateFileResult, type TemplateFileError } from '../format/parse-template-file.js';
import type { TemplatePath } from '../format/validate-template-references.js';

export function checkDefinition(raw: unknown): ParseTemplateFileResult {
  return parseTemplateFile(JSON.stringify(raw));
}

export interface LocatedErrors {
  /** Errors under the edited object, by its field path relative to it ("title", "norm", "options.2.label"). */
  fields: Array<{ field: string; message: string }>;
  /** Errors elsewhere in the template (e.g. a norm that used an option just removed from a scale). */
  others: TemplateFileError[];
}

/** Splits check errors into those of the edited object (relative dotted paths) and the rest. */
export function locateErrors(errors: TemplateFileError[], prefix: TemplatePath | null): LocatedErrors {
  const result: LocatedErrors = { fields: [], others: [] };
  const base = prefix ? formatPath(prefix) : null;
  for (const error of errors) {
    if (base !== null && (base === '' || error.path === base || error.path.startsWith(`${base}.`) || error.path.startsWith(`${base}[`))) {
      const rest = (base === '' ? error.path : error.path.slice(base.length)).replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
      result.fields.push({ field: rest, message: error.message });
    } else {
      result.others.push(error);
    }
  }
  return result;
}
