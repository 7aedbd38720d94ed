/** @jsxImportSource hono/jsx */
/** The editor's forms. They work without JavaScript: every save posts the whole form. */
import { Button, CsrfField, fieldId, SelectField, TextAreaField, TextField } from '../../../ui/components.js';
import type { Translate } from '../../../ui/i18n.js';
import { list, needsScale, optionCount, panelCount, type FormValues } from '../editor/form-input.js';
import { findScale, ITEM_KINDS, ITEM_ROLES, isSingleChoiceKind, PUBLIC_SOURCE_KINDS, PUBLIC_SOURCES, SECTION_KINDS, type ItemKind, type TemplateDefinition } from '../model/template.js';
import type { templateMessages } from '../messages.js';
import { Checkbox, Fieldset, Radio } from './fields.js';

type T = Translate<keyof typeof templateMessages.nl>;

export interface FormProps {
  t: T;
  csrf: string;
  action: string;
  revision: number;
  values: FormValues;
  errors: Record<string, string>;
  saveLabel: string;
  cancelHref: string;
  cancelLabel: string;
}

const v = (values: FormValues, name: string): string => {
  const value = values[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

function FormEnd(props: FormProps) {
  return (
    <div class="editor-actions">
      <Button>{props.saveLabel}</Button>{' '}
      <a class="utrecht-link" href={props.cancelHref}>
        {props.cancelLabel}
      </a>
    </div>
  );
}

function Hidden(props: { csrf: string; revision: number }) {
  return (
    <>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="revision" value={String(props.revision)} />
    </>
  );
}

export function GeneralForm(props: FormProps) {
  const { t, values, errors } = props;
  const rows = panelCount(values) + 1;
  return (
    <form method="post" action={props.action} novalidate class="editor-form">
      <Hidden csrf={props.csrf} revision={props.revision} />
      <TextField name="name" label={t('name')} value={v(values, 'name')} error={errors['name']} />
      <TextAreaField name="description" label={t('description')} value={v(values, 'description')} error={errors['description']} rows={4} />
      <SelectField
        name="sector"
        label={t('sector')}
        value={v(values, 'sector')}
        error={errors['sector']}
        options={[
          { value: 'po', label: t('sectorPo') },
          { value: 'vo', label: t('sectorVo') },
        ]}
      />
      <Fieldset id={fieldId('nationalSet')} legend={t('nationalSetLegend')} hint={t('nationalSetHint')} error={errors['nationalSet']}>
        <TextField name="nationalSetKey" label={t('nationalSetKey')} value={v(values, 'nationalSetKey')} error={errors['nationalSetKey']} autocomplete="off" />
        <TextField name="nationalSetName" label={t('nationalSetName')} value={v(values, 'nationalSetName')} error={errors['nationalSetName']} />
        <TextField name="nationalSetVersion" label={t('nationalSetVersion')} value={v(values, 'nationalSetVersion')} error={errors['nationalSetVersion']} />
      </Fieldset>
      <TextField name="welcomeTitle" label={t('welcomeTitle')} value={v(values, 'welcomeTitle')} error={errors['welcomeTitle']} />
      <TextAreaField name="welcomeIntro" label={t('welcomeIntro')} value={v(values, 'welcomeIntro')} error={errors['welcomeIntro']} rows={4} />
      <Fieldset id={fieldId('panels')} legend={t('panelsLegend')} hint={t('panelsHint')} error={errors['panels']}>
        {Array.from({ length: rows }, (_, index) => (
          <div class="editor-row">
            <TextField name={`panels.${index}.title`} label={t('panelTitle', { n: index + 1 })} value={v(values, `panels.${index}.title`)} error={errors[`panels.${index}.title`]} />
            <TextAreaField name={`panels.${index}.body`} label={t('panelBody', { n: index + 1 })} value={v(values, `panels.${index}.body`)} error={errors[`panels.${index}.body`]} rows={5} />
          </div>
        ))}
      </Fieldset>
      <FormEnd {...props} />
    </form>
  );
}

export function SectionForm(props: FormProps & { isNew: boolean }) {
  const { t, values, errors } = props;
  return (
    <form method="post" action={props.action} novalidate class="editor-form">
      <Hidden csrf={props.csrf} revision={props.revision} />
      {props.isNew ? (
        <TextField name="key" label={t('sectionKey')} hint={t('sectionKeyHint')} value={v(values, 'key')} error={errors['key']} autocomplete="off" />
      ) : (
        <p class="utrecht-paragraph">{t('keyFixed', { key: v(values, 'key') })}</p>
      )}
      <SelectField
        name="kind"
        label={t('sectionKind')}
        value={v(values, 'kind')}
        error={errors['kind']}
        options={SECTION_KINDS.map((kind) => ({ value: kind, label: t(`kind_${kind}`) }))}
      />
      <TextField name="title" label={t('sectionTitle')} hint={t('sectionTitleHint')} value={v(values, 'title')} error={errors['title']} />
      <TextAreaField name="promise" label={t('promise')} value={v(values, 'promise')} error={errors['promise']} rows={3} />
      <TextAreaField name="intro" label={t('intro')} value={v(values, 'intro')} error={errors['intro']} rows={5} />
      <Checkbox name="asksLimits" label={t('asksLimits')} checked={v(values, 'asksLimits') === 'ja'} error={errors['asksLimits']} />
      <FormEnd {...props} />
    </form>
  );
}

/** The norm fields that fit the item's kind; `prefix` is "norm" or "nationalNorm". */
function NormFields(props: { t: T; prefix: 'norm' | 'nationalNorm'; kind: string; template: TemplateDefinition; values: FormValues; errors: Record<string, string> }) {
  const { t, prefix, kind, values, errors } = props;
  const legend = prefix === 'norm' ? t('normLegend') : t('nationalNormLegend');
  const id = fieldId(prefix);
  const label = (
    <TextField name={`${prefix}Label`} label={t('normLabel')} hint={t('normLabelHint')} value={v(values, `${prefix}Label`)} error={errors[`${prefix}Label`]} />
  );
  if (isSingleChoiceKind(kind as ItemKind) || kind === 'partners') {
    const scale = findScale(props.template, v(values, 'scale') || undefined);
    const name = kind === 'partners' ? `${prefix}Includes` : `${prefix}Accept`;
    const chosen = new Set(list(values, name));
    return (
      <Fieldset id={id} legend={legend} hint={scale ? t(kind === 'partners' ? 'normIncludesHint' : 'normAcceptHint') : t('normChooseScale')} error={errors[prefix]}>
        {scale?.options.map((option) => (
          <Checkbox name={name} value={option.value} id={`${id}-${option.value}`} label={option.notOffered ? `${option.label} (${t('optionNotOfferedShort')})` : option.label} checked={chosen.has(option.value)} />
        ))}
        {scale && label}
      </Fieldset>
    );
  }
  if (kind === 'yesno') {
    const current = v(values, `${prefix}Equals`);
    return (
      <Fieldset id={id} legend={legend} hint={t('normEqualsHint')} error={errors[prefix]}>
        <Radio name={`${prefix}Equals`} value="true" id={`${id}-true`} label={t('yes')} checked={current === 'true'} />
        <Radio name={`${prefix}Equals`} value="false" id={`${id}-false`} label={t('no')} checked={current === 'false'} />
        <Radio name={`${prefix}Equals`} value="" id={`${id}-none`} label={t('normNone')} checked={current !== 'true' && current !== 'false'} />
        {label}
      </Fieldset>
    );
  }
  if (kind === 'number') {
    return (
      <Fieldset id={id} legend={legend} hint={t('normNumberHint')} error={errors[prefix]}>
        <TextField name={`${prefix}Min`} label={t('normMin')} value={v(values, `${prefix}Min`)} error={errors[`${prefix}Min`]} />
        <TextField name={`${prefix}Max`} label={t('normMax')} value={v(values, `${prefix}Max`)} error={errors[`${prefix}Max`]} />
        {label}
      </Fieldset>
    );
  }
  return (
    <Fieldset id={id} legend={legend} error={errors[prefix]}>
      <p class="utrecht-paragraph">{t('normNotForKind')}</p>
    </Fieldset>
  );
}

export function ItemForm(props: FormProps & { isNew: boolean; template: TemplateDefinition }) {
  const { t, values, errors, template } = props;
  const kind = v(values, 'kind');
  return (
    <form method="post" action={props.action} novalidate class="editor-form">
      <Hidden csrf={props.csrf} revision={props.revision} />
      <TextAreaField name="title" label={t('itemTitle')} value={v(values, 'title')} error={errors['title']} rows={2} />
      {props.isNew ? (
        <TextField name="key" label={t('itemKeyOptional')} hint={t('itemKeyFromTitleHint')} value={v(values, 'key')} error={errors['key']} autocomplete="off" />
      ) : (
        <p class="utrecht-paragraph">{t('keyFixed', { key: v(values, 'key') })}</p>
      )}
      <TextField name="parentTitle" label={t('itemParentTitle')} hint={t('itemParentTitleHint')} value={v(values, 'parentTitle')} error={errors['parentTitle']} />
      <SelectField
        name="kind"
        label={t('itemKind')}
        value={kind}
        error={errors['kind']}
        options={ITEM_KINDS.map((k) => ({ value: k, label: t(`itemkind_${k}`) }))}
      />
      {needsScale(kind) && (
        <SelectField
          name="scale"
          label={t('scale')}
          value={v(values, 'scale')}
          error={errors['scale']}
          emptyLabel={t('noScale')}
          options={template.scales.map((scale) => ({ value: scale.key, label: scale.name }))}
        />
      )}
      <p class="utrecht-form-field-description editor-refresh">{t('refreshHint')}</p>
      <NormFields t={t} prefix="norm" kind={kind} template={template} values={values} errors={errors} />
      {kind === 'number' && (
        <>
          <TextField name="min" label={t('min')} value={v(values, 'min')} error={errors['min']} />
          <TextField name="max" label={t('max')} value={v(values, 'max')} error={errors['max']} />
          <TextField name="unit" label={t('unit')} value={v(values, 'unit')} error={errors['unit']} />
        </>
      )}
      {(kind === 'text' || kind === 'longtext') && (
        <>
          <TextField name="maxLength" label={t('maxLength')} value={v(values, 'maxLength')} error={errors['maxLength']} />
          <SelectField
            name="role"
            label={t('itemRole')}
            hint={t('itemRoleHint')}
            value={v(values, 'role')}
            error={errors['role']}
            emptyLabel={t('itemRoleNone')}
            options={ITEM_ROLES.map((role) => ({ value: role, label: t(`itemRole_${role}`) }))}
          />
        </>
      )}
      {PUBLIC_SOURCES.some((source) => PUBLIC_SOURCE_KINDS[source].includes(kind as ItemKind)) && (
        <SelectField
          name="publicSource"
          label={t('itemPublicSource')}
          hint={t('itemPublicSourceHint')}
          value={v(values, 'publicSource')}
          error={errors['publicSource']}
          emptyLabel={t('itemPublicSourceNone')}
          options={PUBLIC_SOURCES.filter((source) => PUBLIC_SOURCE_KINDS[source].includes(kind as ItemKind)).map((source) => ({ value: source, label: t(`itemPublicSource_${source}`) }))}
        />
      )}
      <Checkbox name="required" label={t('required')} checked={v(values, 'required') === 'ja'} error={errors['required']} />
      <TextField name="hint" label={t('hint')} value={v(values, 'hint')} error={errors['hint']} />
      <TextAreaField name="help" label={t('help')} hint={t('helpHint')} value={v(values, 'help')} error={errors['help']} rows={5} />
      <TextField name="group" label={t('group')} hint={t('groupHint')} value={v(values, 'group')} error={errors['group']} />
      <SelectField
        name="sectionKey"
        label={t('itemSection')}
        hint={props.isNew ? undefined : t('itemSectionHint')}
        value={v(values, 'sectionKey')}
        error={errors['sectionKey']}
        options={template.sections.map((section) => ({ value: section.key, label: section.title }))}
      />
      <Checkbox name="ambition" label={t('ambition')} checked={v(values, 'ambition') === 'ja'} error={errors['ambition']} />
      <TextAreaField name="parentText" label={t('parentText')} hint={t('parentTextHint')} value={v(values, 'parentText')} error={errors['parentText']} rows={3} />
      <Checkbox name="parentTextEditable" label={t('parentTextEditable')} checked={v(values, 'parentTextEditable') === 'ja'} error={errors['parentTextEditable']} />
      <TextField name="parentTextMaxLength" label={t('parentTextMaxLength')} value={v(values, 'parentTextMaxLength')} error={errors['parentTextMaxLength']} />
      <Fieldset id={fieldId('posters')} legend={t('postersLegend')} error={errors['posters']}>
        <Checkbox name="posterParent" label={t('posterParent')} checked={v(values, 'posterParent') === 'ja'} />
        <Checkbox name="posterTeacher" label={t('posterTeacher')} checked={v(values, 'posterTeacher') === 'ja'} />
      </Fieldset>
      <Fieldset id={fieldId('origin')} legend={t('origin')} error={errors['origin']}>
        <Radio name="origin" value="swv" id={`${fieldId('origin')}-swv`} label={t('origin_swv')} checked={v(values, 'origin') !== 'national'} />
        <Radio name="origin" value="national" id={`${fieldId('origin')}-national`} label={t('origin_national')} checked={v(values, 'origin') === 'national'} />
      </Fieldset>
      {/* The national norm only for items from a national set (or one that already has a national norm: nothing is dropped). */}
      {(v(values, 'origin') === 'national' || Object.keys(values).some((name) => name.startsWith('nationalNorm') && v(values, name) !== '')) && (
        <NormFields t={t} prefix="nationalNorm" kind={kind} template={template} values={values} errors={errors} />
      )}
      {/* Save comes first, so Enter in a text field saves; "refresh" re-renders the form for another kind or scale. */}
      <div class="editor-actions">
        <Button>{props.saveLabel}</Button>{' '}
        <Button variant="secondary" name="_action" value="refresh">
          {t('refresh')}
        </Button>{' '}
        <a class="utrecht-link" href={props.cancelHref}>
          {props.cancelLabel}
        </a>
      </div>
    </form>
  );
}

export function ScaleForm(props: FormProps & { isNew: boolean }) {
  const { t, values, errors } = props;
  const rows = Math.max(optionCount(values), 0) + 2;
  return (
    <form method="post" action={props.action} novalidate class="editor-form">
      <Hidden csrf={props.csrf} revision={props.revision} />
      {props.isNew ? (
        <TextField name="key" label={t('scaleKey')} hint={t('scaleKeyHint')} value={v(values, 'key')} error={errors['key']} autocomplete="off" />
      ) : (
        <p class="utrecht-paragraph">{t('keyFixed', { key: v(values, 'key') })}</p>
      )}
      <TextField name="name" label={t('scaleName')} value={v(values, 'name')} error={errors['name']} />
      <Fieldset id={fieldId('options')} legend={t('optionsLegend')} hint={`${t('optionsHint')} ${props.isNew ? '' : t('optionValueChangeWarning')}`} error={errors['options']}>
        {Array.from({ length: rows }, (_, index) => (
          <Fieldset id={fieldId(`options.${index}`)} legend={t('optionLegend', { n: index + 1 })} error={errors[`options.${index}`]}>
            <div class="editor-option-row">
              <TextField name={`options.${index}.value`} label={t('optionValue')} value={v(values, `options.${index}.value`)} error={errors[`options.${index}.value`]} autocomplete="off" />
              <TextField name={`options.${index}.label`} label={t('optionLabel')} value={v(values, `options.${index}.label`)} error={errors[`options.${index}.label`]} />
              <TextField
                name={`options.${index}.description`}
                label={t('optionDescription')}
                value={v(values, `options.${index}.description`)}
                error={errors[`options.${index}.description`]}
              />
              <TextField
                name={`options.${index}.parentLabel`}
                label={t('optionParentLabel')}
                value={v(values, `options.${index}.parentLabel`)}
                error={errors[`options.${index}.parentLabel`]}
              />
            </div>
            <Checkbox
              name={`options.${index}.notOffered`}
              label={t('optionNotOffered')}
              checked={v(values, `options.${index}.notOffered`) === 'ja'}
              error={errors[`options.${index}.notOffered`]}
            />
          </Fieldset>
        ))}
      </Fieldset>
      <FormEnd {...props} />
    </form>
  );
}

/** "Schaal overnemen uit…": copy a scale of another template, version or example, by key. */
export function ScaleCopyForm(props: {
  t: T;
  csrf: string;
  action: string;
  revision: number;
  sources: Array<{ id: string; label: string; scales: Array<{ key: string; name: string; options: unknown[] }> }>;
  values: FormValues;
  errors: Record<string, string>;
}) {
  const { t, values, errors } = props;
  const options = props.sources.flatMap((source) =>
    source.scales.map((scale) => ({ value: `${source.id}|${scale.key}`, label: `${source.label} — ${scale.name} (${scale.key}, ${scale.options.length} opties)` })),
  );
  return (
    <form method="post" action={props.action} novalidate class="editor-form editor-copy-scale">
      <Hidden csrf={props.csrf} revision={props.revision} />
      <h2 class="utrecht-heading-2">{t('copyScaleHeading')}</h2>
      <p class="utrecht-paragraph">{t('copyScaleIntro')}</p>
      <SelectField name="bron" label={t('copyScaleSource')} value={v(values, 'bron')} error={errors['bron']} emptyLabel={t('copyScaleChoose')} options={options} />
      <TextField name="copyKey" label={t('copyScaleKey')} hint={t('copyScaleKeyHint')} value={v(values, 'copyKey')} error={errors['copyKey']} autocomplete="off" />
      <Button>{t('copyScaleButton')}</Button>
    </form>
  );
}
