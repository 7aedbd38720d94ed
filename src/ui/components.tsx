/** @jsxImportSource hono/jsx */
/**
 * Form and page building blocks with NL Design System (Utrecht) classes.
 * Error messages are shown both in the summary at the top and next to the field (GOV.UK / NL Design System error summary pattern).
 */
import type { Child } from 'hono/jsx';

export type FieldErrors = Record<string, string>;

export function ErrorSummary(props: { title: string; errors: FieldErrors; fieldOrder?: string[] }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  const ordered = props.fieldOrder
    ? entries.sort(([a], [b]) => props.fieldOrder!.indexOf(a) - props.fieldOrder!.indexOf(b))
    : entries;
  return (
    <div class="utrecht-alert utrecht-alert--error error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2 class="utrecht-heading-2">{props.title}</h2>
      <ul class="utrecht-unordered-list">
        {ordered.map(([field, message]) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={`#${fieldId(field)}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** Label, hint and error around one input; the input receives `id` and `describedBy`. */
function FieldShell(props: {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  extraClass?: string;
  input: (a11y: { id: string; describedBy: string | undefined; invalid: boolean }) => Child;
}) {
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`utrecht-form-field${props.extraClass ?? ''}${props.error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {props.label}
        </label>
      </div>
      {props.hint && (
        <div class="utrecht-form-field-description" id={`${id}-hint`}>
          {props.hint}
        </div>
      )}
      {props.error && (
        <div class="utrecht-form-field-error-message" id={`${id}-error`}>
          {props.error}
        </div>
      )}
      <div class="utrecht-form-field__input">{props.input({ id, describedBy, invalid: !!props.error })}</div>
    </div>
  );
}

export function TextField(props: {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'url' | 'color';
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
}) {
  return (
    <FieldShell
      {...props}
      extraClass=" utrecht-form-field--text"
      input={({ id, describedBy, invalid }) => (
        <input
          class={`utrecht-textbox utrecht-textbox--html-input${invalid ? ' utrecht-textbox--invalid' : ''}`}
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value ?? ''}
          autocomplete={props.autocomplete}
          required={props.required}
          maxlength={props.maxLength}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      )}
    />
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  options: Array<{ value: string; label: string }>;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  emptyLabel?: string;
}) {
  return (
    <FieldShell
      {...props}
      input={({ id, describedBy, invalid }) => (
        <select
          class={`utrecht-select utrecht-select--html-select${invalid ? ' utrecht-select--invalid' : ''}`}
          id={id}
          name={props.name}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy}
        >
          {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
          {props.options.map((option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function TextAreaField(props: {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  maxLength?: number;
  rows?: number;
}) {
  return (
    <FieldShell
      {...props}
      input={({ id, describedBy, invalid }) => (
        <textarea
          class={`utrecht-textarea utrecht-textarea--html-textarea${invalid ? ' utrecht-textarea--invalid' : ''}`}
          id={id}
          name={props.name}
          rows={props.rows ?? 4}
          maxlength={props.maxLength}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy}
        >
          {props.value ?? ''}
        </textarea>
      )}
    />
  );
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export function Button(props: { children: Child; variant?: 'primary' | 'secondary' | 'subtle'; name?: string; value?: string; type?: 'submit' | 'button' }) {
  return (
    <button
      class={`utrecht-button utrecht-button--${props.variant ?? 'primary'}-action`}
      type={props.type ?? 'submit'}
      name={props.name}
      value={props.value}
    >
      {props.children}
    </button>
  );
}

export function ButtonLink(props: { href: string; children: Child; variant?: 'primary' | 'secondary' }) {
  return (
    <a class={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${props.variant ?? 'primary'}-action`} href={props.href}>
      {props.children}
    </a>
  );
}

/** A status shown in words with a matching colour, never colour alone. */
export function StatusTag(props: { tone: 'neutral' | 'info' | 'success' | 'warning' | 'danger'; children: Child }) {
  return <span class={`status-tag status-tag--${props.tone}`}>{props.children}</span>;
}

export function Alert(props: { type: 'info' | 'ok' | 'warning' | 'error'; children: Child; role?: 'status' | 'alert' }) {
  return (
    <div class={`utrecht-alert utrecht-alert--${props.type}`} role={props.role ?? 'status'}>
      {props.children}
    </div>
  );
}

/** One choice of several as radio buttons in a fieldset (the legend is the question); hint and error as on other fields. */
export function RadioGroupField(props: {
  name: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset choice-group${props.error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{props.legend}</legend>
      {props.hint && (
        <div class="utrecht-form-field-description" id={`${id}-hint`}>
          {props.hint}
        </div>
      )}
      {props.error && (
        <div class="utrecht-form-field-error-message" id={`${id}-error`}>
          {props.error}
        </div>
      )}
      {props.options.map((option, index) => {
        // The first option carries the field's id, so the error summary's link lands on the group.
        const optionId = index === 0 ? id : `${id}-${option.value.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
        return (
          <div class="utrecht-form-field utrecht-form-field--radio choice">
            <div class="utrecht-form-field__input">
              <input
                class="utrecht-radio-button utrecht-radio-button--html-input"
                type="radio"
                id={optionId}
                name={props.name}
                value={option.value}
                checked={option.value === props.value}
                aria-invalid={props.error ? 'true' : undefined}
              />
            </div>
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for={optionId}>
                {option.label}
              </label>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A single checkbox (e.g. "I have seen these points"); the value is posted only when ticked. */
export function CheckboxField(props: { name: string; label: string; value?: string; checked?: boolean; error?: string | undefined }) {
  const id = fieldId(props.name);
  return (
    <div class={`utrecht-form-field utrecht-form-field--checkbox choice${props.error ? ' utrecht-form-field--invalid' : ''}`}>
      {props.error && (
        <div class="utrecht-form-field-error-message choice__error" id={`${id}-error`}>
          {props.error}
        </div>
      )}
      <div class="utrecht-form-field__input">
        <input
          class="utrecht-checkbox utrecht-checkbox--html-input"
          type="checkbox"
          id={id}
          name={props.name}
          value={props.value ?? 'ja'}
          checked={props.checked}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? `${id}-error` : undefined}
        />
      </div>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {props.label}
        </label>
      </div>
    </div>
  );
}
