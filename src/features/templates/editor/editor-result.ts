/**
 * What an editor save tells its page: saved, or why not — field by field (the form's own field
 * names), problems elsewhere in the template, or someone else's save in between. The view puts
 * each message next to its field and in the error summary, with the field's label.
 */
import type { TemplateFileError } from '../format/parse-template-file.js';
import type { SaveDraftEditResult } from '../save-draft-edit.js';
import { locateErrors } from './check-definition.js';

/** Messages the view takes from the catalogue (the others come from the template checks). */
export type EditorMessageKey = 'notANumber' | 'copyScaleMissing' | 'copyScaleGone';

export type EditorFieldError = { field: string; message: string } | { field: string; messageKey: EditorMessageKey };

export interface EditorFailure {
  ok: false;
  status: 400 | 409;
  /** Someone else saved the draft after the form was opened: nothing was saved, the form is shown again. */
  conflict: boolean;
  /** In the order to show them; the first message per field is the one shown at the field. */
  errors: EditorFieldError[];
  /** Problems elsewhere in the template caused by this change. */
  others: TemplateFileError[];
  /** The draft's current revision, for the form shown again. */
  revision: number;
}

export type EditorResult<T extends object = object> = ({ ok: true; revision: number } & T) | EditorFailure;

type FailedSave = Exclude<SaveDraftEditResult, { ok: true }>;

/** A failed save in the form's terms: `fieldOf` maps a path inside the edited object to a form field. */
export function editorFailure(result: FailedSave, options: { fieldOf: (path: string) => string; numberErrors?: string[] | undefined }): EditorFailure {
  if (result.reason === 'conflict') return { ok: false, status: 409, conflict: true, errors: [], others: [], revision: result.revision };
  const errors: EditorFieldError[] = (options.numberErrors ?? []).map((field) => ({ field, messageKey: 'notANumber' }));
  if (result.reason === 'refused') {
    errors.push({ field: result.field ?? '_form', message: result.message });
    return { ok: false, status: 409, conflict: false, errors, others: [], revision: result.revision };
  }
  const located = locateErrors(result.errors, result.at);
  for (const { field, message } of located.fields) errors.push({ field: options.fieldOf(field), message });
  return { ok: false, status: 400, conflict: false, errors, others: located.others, revision: result.revision };
}

/** A refusal before anything is applied (e.g. no scale chosen to copy). */
export function editorRefusal(field: string, messageKey: EditorMessageKey, revision: number): EditorFailure {
  return { ok: false, status: 400, conflict: false, errors: [{ field, messageKey }], others: [], revision };
}
