/** @jsxImportSource hono/jsx */
/** Small form pieces the editor needs beyond src/ui/components.tsx: checkboxes, groups, an error summary with labels. */
import type { Child } from 'hono/jsx';
import { fieldId } from '../../../ui/components.js';
import type { TemplateFileError } from '../format/parse-template-file.js';

export interface EditorError {
  field: string;
  label: string;
  message: string;
}

/** The error summary: each error a link to its field, with the field's label so it reads on its own. */
export function EditorErrorSummary(props: { title: string; errors: EditorError[]; others?: TemplateFileError[]; othersTitle?: string; atPath?: (path: string) => string }) {
  const others = props.others ?? [];
  if (props.errors.length === 0 && others.length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2 class="utrecht-heading-2">{props.title}</h2>
      <ul class="utrecht-unordered-list">
        {props.errors.map((error) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={`#${fieldId(error.field)}`}>
              {error.label}: {error.message}
            </a>
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <>
          <p class="utrecht-paragraph">{props.othersTitle}</p>
          <ul class="utrecht-unordered-list">
            {others.map((error) => (
              <li class="utrecht-unordered-list__item">
                {error.message} {props.atPath && error.path ? `(${props.atPath(error.path)})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function FieldError(props: { id: string; message?: string | undefined }) {
  if (!props.message) return null;
  return (
    <div class="utrecht-form-field-error-message" id={`${props.id}-error`}>
      {props.message}
    </div>
  );
}

export function Checkbox(props: { name: string; label: string; checked: boolean; value?: string; id?: string; error?: string | undefined; hint?: string | undefined }) {
  const id = props.id ?? fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`utrecht-form-field utrecht-form-field--checkbox${props.error ? ' utrecht-form-field--invalid' : ''}`}>
      <FieldError id={id} message={props.error} />
      <input
        class="utrecht-checkbox utrecht-checkbox--html-input"
        type="checkbox"
        id={id}
        name={props.name}
        value={props.value ?? 'ja'}
        checked={props.checked}
        aria-describedby={describedBy || undefined}
      />{' '}
      <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
        {props.label}
      </label>
      {props.hint && (
        <div class="utrecht-form-field-description" id={`${id}-hint`}>
          {props.hint}
        </div>
      )}
    </div>
  );
}

/** A fieldset with a legend; `id` is where the error summary links to. */
export function Fieldset(props: { id: string; legend: string; hint?: string | undefined; error?: string | undefined; children: Child }) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset editor-fieldset${props.error ? ' utrecht-form-fieldset--invalid' : ''}`}
      id={props.id}
      tabindex={-1}
      aria-describedby={describedBy || undefined}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{props.legend}</legend>
      {props.hint && (
        <div class="utrecht-form-field-description" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      )}
      <FieldError id={props.id} message={props.error} />
      {props.children}
    </fieldset>
  );
}

export function Radio(props: { name: string; value: string; label: string; checked: boolean; id: string }) {
  return (
    <div class="utrecht-form-field utrecht-form-field--radio">
      <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id={props.id} name={props.name} value={props.value} checked={props.checked} />{' '}
      <label class="utrecht-form-label utrecht-form-label--radio" for={props.id}>
        {props.label}
      </label>
    </div>
  );
}

/** A small POST form with one button (move up/down), carrying the draft's revision; `label` names what it acts on (for screen readers). */
export function ActionButton(props: { action: string; csrf: string; revision: number; label: string; visibleLabel: string; name?: string; value?: string; variant?: 'secondary' | 'subtle' }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="revision" value={String(props.revision)} />
      <button
        class={`utrecht-button utrecht-button--${props.variant ?? 'secondary'}-action editor-small-button`}
        type="submit"
        name={props.name}
        value={props.value}
        aria-label={`${props.visibleLabel}: ${props.label}`}
      >
        {props.visibleLabel}
      </button>
    </form>
  );
}
