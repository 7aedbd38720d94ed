/** @jsxImportSource hono/jsx */
/** Form pieces the register's upload pages share: a file field and a group of radio buttons. */
import { fieldId } from '../../../ui/components.js';

export function FileField(props: { name: string; label: string; hint?: string | undefined; error?: string | undefined; accept?: string }) {
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`utrecht-form-field${props.error ? ' utrecht-form-field--invalid' : ''}`}>
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
      <input type="file" id={id} name={props.name} accept={props.accept ?? '.csv,.txt,text/csv'} aria-describedby={describedBy} aria-invalid={props.error ? 'true' : undefined} />
    </div>
  );
}

export function RadioGroup(props: { name: string; legend: string; value: string | undefined; options: Array<{ value: string; label: string }>; error?: string | undefined }) {
  return (
    <fieldset class={`utrecht-form-fieldset${props.error ? ' utrecht-form-fieldset--invalid' : ''}`} id={fieldId(props.name)}>
      <legend class="utrecht-form-fieldset__legend">{props.legend}</legend>
      {props.error && <div class="utrecht-form-field-error-message">{props.error}</div>}
      {props.options.map((option) => (
        <div class="utrecht-form-field utrecht-form-field--radio">
          <input class="utrecht-radio-button" type="radio" id={fieldId(`${props.name}-${option.value}`)} name={props.name} value={option.value} checked={option.value === props.value} />{' '}
          <label class="utrecht-form-label utrecht-form-label--radio" for={fieldId(`${props.name}-${option.value}`)}>
            {option.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
