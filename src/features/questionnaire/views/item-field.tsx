/** @jsxImportSource hono/jsx */
/**
 * One questionnaire item as a school sees it: title, hint, the answer control for its kind,
 * the "i" help, the norm and the live norm status, the ambition option and the parent text.
 * Read-only it shows the answer in words. Used by the section page and by the template
 * editor's preview ("as a school sees it").
 *
 * The markup carries data attributes for src/client/autosave.ts (progressive enhancement);
 * without JavaScript the controls are ordinary form fields posted with the section.
 */
import { formatDutchNumberForInput } from '../../templates/model/dutch-number.js';
import type { Child } from 'hono/jsx';
import { fieldId } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { TextBlocks } from '../../../ui/text-blocks.js';
import { describeAnswer, describeNorm, evaluateNorm, type Ambition, type AnswerValue, type NormStatus } from '../../templates/model/answer.js';
import { findScale, isSingleChoiceKind, type Item, type TemplateDefinition } from '../../templates/model/template.js';
import { maxTextLength } from '../../templates/model/validate-answer.js';
import { LONG_SENTENCE_WORDS, type PlainLanguageHint } from '../../partnerships/plain-language.js';
import type { PublicSourceNote } from '../load-profile-page.js';
import { questionnaireMessages } from '../messages.js';
import { NationalNormBlock } from './national-norm.js';

/** What the field shows: a stored answer, or the values just posted (re-render after an error). */
export interface ItemFieldAnswer {
  value?: AnswerValue | null;
  ambition?: Ambition | null;
  parentText?: string | null;
  /** The stored revision the form is based on (optimistic concurrency); 0 = not saved yet. */
  revision?: number;
  /**
   * The answer the form starts from, posted back as `<key>.base`: only fields that differ from it are
   * changes (and checked for conflicts). Defaults to the shown answer.
   */
  base?: { value: AnswerValue | null; ambition: Ambition | null; parentText: string | null };
}

/** The value of the partners option "Geen van deze": an explicit, answered empty selection. */
export const NONE_OF_THESE = '_geen';

/** Errors per part of the item; a plain string is the error of the answer itself. */
export type ItemFieldError = string | Partial<Record<'value' | 'ambition' | 'parentText', string>>;

/** Another editor's change that refused this save (both values in words). */
export interface ItemConflict {
  theirs: string;
  yours: string;
  who: string;
  when: string;
  /** Without JavaScript: the value of the "Mijn antwoord gebruiken" / "Hun antwoord houden" submit buttons. */
  resolveKey?: string;
}

export interface ItemFieldProps {
  template: TemplateDefinition;
  item: Item;
  answer?: ItemFieldAnswer | null | undefined;
  error?: ItemFieldError | undefined;
  readOnly?: boolean;
  /** Prefix for the form field names, when several forms share a page. */
  namePrefix?: string;
  locale?: Locale;
  /** The profile's school year, to offer the following years for an ambition. */
  schoolYear?: string;
  conflict?: ItemConflict | undefined;
  /** Where this answer's history is shown ("Geschiedenis"); no link without it (e.g. the template preview). */
  historyHref?: string | undefined;
  /** New or changed since last year's questionnaire: the school should look at it again (cycle/items-to-review.ts). */
  reviewMark?: 'new' | 'changed' | undefined;
  /** Last year's answer in words, shown with a 'changed' mark when the question was left open. */
  previousAnswer?: string | undefined;
  /** The id of the form that confirms a carried-over answer of a reworded item ("Antwoord klopt nog"). */
  confirmForm?: string | undefined;
  /** The public fact this item is prefilled from (inspection verdict, pupil count), and whether the answer is still it. */
  publicSource?: PublicSourceNote | undefined;
  /** Plain-language tips for the saved texts that reach parents (the parent version, or the answer of an item with a role). */
  plainLanguage?: Partial<Record<'parentText' | 'value', PlainLanguageHint[]>> | undefined;
}

/** Tips, not errors: the school decides. Reflects the saved text (the page after a save, and the check page). */
export function PlainLanguageTips(props: { hints: PlainLanguageHint[] | undefined; locale: Locale }) {
  if (!props.hints?.length) return null;
  const t = translator(questionnaireMessages, props.locale);
  return (
    <div class="q-plain-language" data-plain-language="">
      <p class="utrecht-paragraph q-plain-language__title">{t('plainLanguage.title')}</p>
      <ul class="utrecht-unordered-list">
        {props.hints.map((hint) => (
          <li class="utrecht-unordered-list__item">{describePlainLanguageHint(hint, props.locale)}</li>
        ))}
      </ul>
    </div>
  );
}

export function describePlainLanguageHint(hint: PlainLanguageHint, locale: Locale): string {
  const t = translator(questionnaireMessages, locale);
  if (hint.kind === 'jargon') return hint.instead ? t('plainLanguage.jargon', { word: hint.word, instead: hint.instead }) : t('plainLanguage.jargonPlain', { word: hint.word });
  if (hint.kind === 'longSentence') return t('plainLanguage.longSentence', { start: hint.start, words: hint.words, max: LONG_SENTENCE_WORDS });
  return t('plainLanguage.longWord', { word: hint.word });
}

function PublicSourceLine(props: { note: PublicSourceNote | undefined; locale: Locale }) {
  if (!props.note) return null;
  const t = translator(questionnaireMessages, props.locale);
  const { note } = props;
  return (
    <p class="utrecht-paragraph q-item__source" data-public-source={note.source}>
      <span class="status-tag status-tag--info">{t(`publicSource.${note.state}`)}</span>{' '}
      {t('publicSource.fact', { source: t(`publicSource.name.${note.source}`), fact: note.words })}
      {note.state === 'prefilled' && ` ${t('publicSource.mayCorrect')}`}
      {note.state === 'corrected' && ` ${t('publicSource.kept')}`}
    </p>
  );
}

/** The posted field names of one item. */
export function itemFieldNames(item: Pick<Item, 'key'>, namePrefix = '') {
  const base = `${namePrefix}${item.key}`;
  return {
    value: base,
    ambition: `${base}.ambition`,
    ambitionTarget: `${base}.ambitionTarget`,
    ambitionYear: `${base}.ambitionYear`,
    parentText: `${base}.parentText`,
    revision: `${base}.revision`,
    base: `${base}.base`,
  };
}

/** The anchor of an item on its section page (links from the check page and the task list). */
export function itemAnchor(itemKey: string): string {
  return `item-${itemKey}`;
}

export const NORM_STATUS_TONES: Record<NormStatus, 'success' | 'danger' | 'info' | 'warning' | 'neutral'> = {
  meets: 'success',
  below: 'danger',
  ambition: 'info',
  unanswered: 'neutral',
  'no-norm': 'neutral',
  'cannot-judge': 'warning',
};

/** The school years after `schoolYear` ("2026-2027" → 2027-2028 … 2030-2031); none without a school year (time comes from the profile, not the clock). */
export function followingSchoolYears(schoolYear: string | undefined, count = 4): string[] {
  if (!schoolYear || !/^\d{4}-\d{4}$/.test(schoolYear)) return [];
  const start = Number(schoolYear.slice(0, 4));
  return Array.from({ length: count }, (_, index) => `${start + index + 1}-${start + index + 2}`);
}

function errorsOf(error: ItemFieldError | undefined): Partial<Record<'value' | 'ambition' | 'parentText', string>> {
  if (error === undefined) return {};
  return typeof error === 'string' ? { value: error } : error;
}

export function NormStatusTag(props: { status: NormStatus; locale?: Locale | undefined }) {
  const t = translator(questionnaireMessages, props.locale ?? 'nl');
  if (props.status === 'no-norm') return null;
  return <span class={`status-tag status-tag--${NORM_STATUS_TONES[props.status]}`}>{t(`normStatus.${props.status}`)}</span>;
}

function ReviewMarkTag(props: { mark: 'new' | 'changed' | undefined; previousAnswer?: string | undefined; confirmForm?: string | undefined; locale: Locale }) {
  if (!props.mark) return null;
  const t = translator(questionnaireMessages, props.locale);
  if (props.mark === 'changed' && props.confirmForm) {
    // Reworded only, last year's answer carried over: one click confirms it (a form outside the section form; cycle feature).
    return (
      <p class="q-item__mark">
        <span class="status-tag status-tag--warning">{t('reviewMark.changed')}</span> {t('reviewMark.carried')}{' '}
        <button type="submit" form={props.confirmForm} class="utrecht-button utrecht-button--secondary-action q-item__confirm">
          {t('reviewMark.confirm')}
        </button>
      </p>
    );
  }
  return (
    <p class="q-item__mark">
      <span class={`status-tag status-tag--${props.mark === 'new' ? 'info' : 'warning'}`}>{t(`reviewMark.${props.mark}`)}</span>
      {props.mark === 'changed' && props.previousAnswer && (
        <span class="q-item__previous" data-previous-answer="">
          {' '}
          {t('reviewMark.previousAnswer', { answer: props.previousAnswer })}
        </span>
      )}
    </p>
  );
}

export function ItemField(props: ItemFieldProps) {
  const { template, item } = props;
  const locale = props.locale ?? 'nl';
  const t = translator(questionnaireMessages, locale);
  const names = itemFieldNames(item, props.namePrefix);
  const ids = Object.fromEntries(Object.entries(names).map(([part, name]) => [part, fieldId(name)])) as Record<keyof typeof names, string>;
  const errors = errorsOf(props.error);
  const answer = props.answer ?? {};
  const normText = describeNorm(template, item);
  const status = evaluateNorm(item, { value: answer.value ?? null, ambition: answer.ambition ?? null });
  const hasError = Object.values(errors).some(Boolean);

  const nationalNorm = <NationalNormBlock template={template} item={item} answer={answer} locale={locale} />;
  const normBlock = normText ? (
    <div class="q-norm">
      <p class="utrecht-paragraph q-norm__text">{t('norm', { norm: normText })}</p>
      <p
        class="q-norm__status"
        data-norm-status=""
        data-label-meets={t('normStatus.meets')}
        data-label-below={t('normStatus.below')}
        data-label-ambition={t('normStatus.ambition')}
        data-label-unanswered={t('normStatus.unanswered')}
        data-label-cannot-judge={t('normStatus.cannot-judge')}
        aria-live="polite"
      >
        <NormStatusTag status={status} locale={locale} />
      </p>
      {nationalNorm}
    </div>
  ) : (
    nationalNorm
  );

  const help = item.help ? (
    <details class="q-help">
      <summary>
        <span class="q-help__icon" aria-hidden="true">
          i
        </span>{' '}
        {t('help')}
        <span class="visually-hidden">: {item.title}</span>
      </summary>
      <div class="q-help__body">
        <TextBlocks text={item.help} />
      </div>
    </details>
  ) : null;

  const history = props.historyHref ? (
    <p class="utrecht-paragraph q-history-link">
      <a class="utrecht-link" href={props.historyHref}>
        {t('historyLink')}
        <span class="visually-hidden">: {item.title}</span>
      </a>
    </p>
  ) : null;

  if (props.readOnly) {
    const words = describeAnswer(template, item, answer.value);
    return (
      <div class="q-item q-item--read-only" id={itemAnchor(item.key)}>
        <h3 class="utrecht-heading-4 q-item__title">{item.title}</h3>
        <ReviewMarkTag mark={props.reviewMark} previousAnswer={props.previousAnswer} locale={locale} />
        <PublicSourceLine note={props.publicSource} locale={locale} />
        <p class="utrecht-paragraph q-item__answer">{words || <em>{t('notAnswered')}</em>}</p>
        {answer.ambition && <p class="utrecht-paragraph">{describeAmbition(template, item, answer.ambition, locale)}</p>}
        {normBlock}
        {item.parentTextEditable && answer.parentText && (
          <p class="utrecht-paragraph">
            <strong>{t('parentText')}:</strong> {answer.parentText}
          </p>
        )}
        {help}
        {history}
      </div>
    );
  }

  const describedBy = (...parts: Array<string | false | undefined>) => parts.filter(Boolean).join(' ') || undefined;
  const hintId = item.hint ? `${ids.value}-hint` : undefined;
  const errorId = errors.value ? `${ids.value}-error` : undefined;
  const hint = item.hint ? (
    <div class="utrecht-form-field-description" id={hintId}>
      {item.hint}
    </div>
  ) : null;
  const valueError = errors.value ? (
    <div class="utrecht-form-field-error-message" id={errorId}>
      {errors.value}
    </div>
  ) : null;

  let control: Child;
  if (isSingleChoiceKind(item.kind) || item.kind === 'partners' || item.kind === 'yesno') {
    const multiple = item.kind === 'partners';
    const options =
      item.kind === 'yesno'
        ? [
            { value: 'ja', label: t('yes'), description: undefined as string | undefined },
            { value: 'nee', label: t('no'), description: undefined as string | undefined },
          ]
        : [
            ...(findScale(template, item.scale)?.options ?? []),
            ...(multiple ? [{ value: NONE_OF_THESE, label: t('noneOfThese'), description: undefined as string | undefined }] : []),
          ];
    const current = answer.value;
    const isChecked = (value: string) =>
      value === NONE_OF_THESE
        ? Array.isArray(current) && current.length === 0
        : Array.isArray(current) ? current.includes(value) : item.kind === 'yesno' ? (current === true && value === 'ja') || (current === false && value === 'nee') || current === value : current === value;
    control = (
      <fieldset
        class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset q-choice${errors.value ? ' utrecht-form-fieldset--invalid' : ''}`}
        aria-describedby={describedBy(hintId, errorId)}
        data-field="value"
        data-kind={multiple ? 'multi' : 'single'}
      >
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend q-item__title">{item.title}</legend>
        {hint}
        {valueError}
        {options.map((option, index) => {
          const id = index === 0 ? ids.value : `${ids.value}-${option.value}`;
          return (
            <div class={`utrecht-form-field utrecht-form-field--${multiple ? 'checkbox' : 'radio'} q-option`}>
              <div class="utrecht-form-field__input">
                <input
                  class={multiple ? 'utrecht-checkbox utrecht-checkbox--html-input' : 'utrecht-radio-button utrecht-radio-button--html-input'}
                  type={multiple ? 'checkbox' : 'radio'}
                  id={id}
                  name={names.value}
                  value={option.value}
                  checked={isChecked(option.value)}
                  aria-invalid={errors.value ? 'true' : undefined}
                  aria-describedby={option.description ? `${id}-description` : undefined}
                />
              </div>
              <div class="utrecht-form-field__label">
                <label class="utrecht-form-label" for={id}>
                  {option.label}
                </label>
                {option.description && (
                  <span class="utrecht-form-field-description q-option__description" id={`${id}-description`}>
                    {option.description}
                  </span>
                )}
              </div>
            </div>
          );
        })}
      </fieldset>
    );
  } else {
    const value =
      answer.value === null || answer.value === undefined ? '' : item.kind === 'number' && typeof answer.value === 'number' ? formatDutchNumberForInput(answer.value) : String(answer.value);
    const max = item.kind === 'number' ? undefined : maxTextLength(item);
    const counterId = `${ids.value}-counter`;
    const input =
      item.kind === 'longtext' ? (
        <textarea
          class={`utrecht-textarea utrecht-textarea--html-textarea${errors.value ? ' utrecht-textarea--invalid' : ''}`}
          id={ids.value}
          name={names.value}
          rows={6}
          maxlength={max}
          data-field="value"
          data-counter={counterId}
          aria-invalid={errors.value ? 'true' : undefined}
          aria-describedby={describedBy(hintId, errorId, counterId)}
        >
          {value}
        </textarea>
      ) : (
        <input
          class={`utrecht-textbox utrecht-textbox--html-input${item.kind === 'number' ? ' q-number' : ''}${errors.value ? ' utrecht-textbox--invalid' : ''}`}
          id={ids.value}
          name={names.value}
          type="text"
          inputmode={item.kind === 'number' ? 'decimal' : undefined}
          data-min={item.kind === 'number' ? item.min : undefined}
          data-max={item.kind === 'number' ? item.max : undefined}
          data-number={item.kind === 'number' ? '' : undefined}
          maxlength={max}
          value={value}
          data-field="value"
          aria-invalid={errors.value ? 'true' : undefined}
          aria-describedby={describedBy(hintId, errorId)}
        />
      );
    control = (
      <div class={`utrecht-form-field${errors.value ? ' utrecht-form-field--invalid' : ''}`}>
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label q-item__title" for={ids.value}>
            {item.title}
            {item.kind === 'number' && item.unit ? ` ${t('unit', { unit: item.unit })}` : ''}
          </label>
        </div>
        {hint}
        {valueError}
        <div class="utrecht-form-field__input">{input}</div>
        {item.kind === 'longtext' && max !== undefined && (
          <p class="q-counter" id={counterId} data-max={String(max)} data-label-left={t('charsLeft')} data-label-over={t('charsOver')} aria-live="polite">
            {t('maxChars', { max })}
          </p>
        )}
      </div>
    );
  }

  const ambitionBlock = item.ambition ? (
    <AmbitionFields {...props} names={names} ids={ids} error={errors.ambition} locale={locale} />
  ) : null;

  const parentTextBlock = item.parentTextEditable ? (
    <div class={`utrecht-form-field q-parent-text${errors.parentText ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={ids.parentText}>
          {t('parentText')}
        </label>
      </div>
      <div class="utrecht-form-field-description" id={`${ids.parentText}-hint`}>
        {t('parentTextHint', { max: item.parentTextMaxLength })}
        {item.parentText ? ` ${t('parentTextDefault', { text: item.parentText })}` : ''}
      </div>
      {errors.parentText && (
        <div class="utrecht-form-field-error-message" id={`${ids.parentText}-error`}>
          {errors.parentText}
        </div>
      )}
      <div class="utrecht-form-field__input">
        <textarea
          class="utrecht-textarea utrecht-textarea--html-textarea"
          id={ids.parentText}
          name={names.parentText}
          rows={3}
          maxlength={item.parentTextMaxLength}
          data-field="parentText"
          data-counter={`${ids.parentText}-counter`}
          aria-invalid={errors.parentText ? 'true' : undefined}
          aria-describedby={describedBy(`${ids.parentText}-hint`, errors.parentText && `${ids.parentText}-error`, `${ids.parentText}-counter`)}
        >
          {answer.parentText ?? ''}
        </textarea>
      </div>
      <p
        class="q-counter"
        id={`${ids.parentText}-counter`}
        data-max={String(item.parentTextMaxLength)}
        data-label-left={t('charsLeft')}
        data-label-over={t('charsOver')}
        aria-live="polite"
      >
        {t('maxChars', { max: item.parentTextMaxLength })}
      </p>
      <PlainLanguageTips hints={props.plainLanguage?.parentText} locale={locale} />
    </div>
  ) : null;

  return (
    <div
      class={`q-item${hasError ? ' q-item--invalid' : ''}${props.conflict ? ' q-item--conflict' : ''}`}
      id={itemAnchor(item.key)}
      data-item-key={item.key}
      data-required={item.required ? 'true' : 'false'}
      data-revision={String(answer.revision ?? 0)}
    >
      <input type="hidden" name={names.revision} value={String(answer.revision ?? 0)} data-revision-input="" />
      <input
        type="hidden"
        name={names.base}
        value={JSON.stringify(answer.base ?? { value: answer.value ?? null, ambition: answer.ambition ?? null, parentText: answer.parentText ?? null })}
        data-base-input=""
      />
      {props.conflict && <ConflictMessage conflict={props.conflict} locale={locale} />}
      <ReviewMarkTag mark={props.reviewMark} previousAnswer={props.previousAnswer} confirmForm={props.confirmForm} locale={locale} />
      <PublicSourceLine note={props.publicSource} locale={locale} />
      {control}
      <PlainLanguageTips hints={props.plainLanguage?.value} locale={locale} />
      {help}
      {normBlock}
      {ambitionBlock}
      {parentTextBlock}
      {history}
      <p class="q-save-state" data-save-state="" role="status" aria-live="polite"></p>
      <div class="q-conflict-slot" data-conflict-slot=""></div>
    </div>
  );
}

function AmbitionFields(
  props: ItemFieldProps & { names: ReturnType<typeof itemFieldNames>; ids: Record<string, string>; error: string | undefined; locale: Locale },
) {
  const t = translator(questionnaireMessages, props.locale);
  const ambition = props.answer?.ambition ?? null;
  const scale = isSingleChoiceKind(props.item.kind) ? findScale(props.template, props.item.scale) : undefined;
  const years = followingSchoolYears(props.schoolYear);
  if (ambition?.schoolYear && !years.includes(ambition.schoolYear)) years.unshift(ambition.schoolYear);
  const ids = props.ids;
  return (
    <div class={`q-ambition${props.error ? ' utrecht-form-field--invalid' : ''}`} data-field="ambition">
      {props.error && (
        <div class="utrecht-form-field-error-message" id={`${ids['ambition']}-error`}>
          {props.error}
        </div>
      )}
      <div class="utrecht-form-field utrecht-form-field--checkbox">
        <div class="utrecht-form-field__input">
          <input
            class="utrecht-checkbox utrecht-checkbox--html-input"
            type="checkbox"
            id={ids['ambition']}
            name={props.names.ambition}
            value="ja"
            checked={ambition !== null}
            data-ambition-toggle=""
            aria-controls={`${ids['ambition']}-details`}
          />
        </div>
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for={ids['ambition']}>
            {t('ambition')}
          </label>
        </div>
      </div>
      <div class="q-ambition__details" id={`${ids['ambition']}-details`}>
        {scale && (
          <div class="utrecht-form-field">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for={ids['ambitionTarget']}>
                {t('ambitionTarget')}
              </label>
            </div>
            <div class="utrecht-form-field__input">
              <select class="utrecht-select utrecht-select--html-select" id={ids['ambitionTarget']} name={props.names.ambitionTarget}>
                <option value="">{t('ambitionTargetEmpty')}</option>
                {scale.options.map((option) => (
                  <option value={option.value} selected={ambition?.target === option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}
        <div class="utrecht-form-field">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for={ids['ambitionYear']}>
              {t('ambitionYear')}
            </label>
          </div>
          <div class="utrecht-form-field__input">
            <select class="utrecht-select utrecht-select--html-select" id={ids['ambitionYear']} name={props.names.ambitionYear}>
              <option value="">{t('ambitionYearEmpty')}</option>
              {years.map((year) => (
                <option value={year} selected={ambition?.schoolYear === year}>
                  {year}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
    </div>
  );
}

export function ConflictMessage(props: { conflict: ItemConflict; locale?: Locale | undefined }) {
  const t = translator(questionnaireMessages, props.locale ?? 'nl');
  const { conflict } = props;
  return (
    <div class="utrecht-alert utrecht-alert--warning q-conflict" role="alert">
      <p class="utrecht-paragraph">
        <strong>{t('conflictTitle')}</strong>
      </p>
      <p class="utrecht-paragraph">{t('conflictBody', { who: conflict.who, when: conflict.when })}</p>
      <ul class="utrecht-unordered-list">
        <li>{t('conflictTheirs', { value: conflict.theirs })}</li>
        <li>{t('conflictYours', { value: conflict.yours })}</li>
      </ul>
      {conflict.resolveKey && (
        <p class="q-conflict__actions">
          <button class="utrecht-button utrecht-button--primary-action" type="submit" name="_useMine" value={conflict.resolveKey}>
            {t('useMine')}
          </button>{' '}
          <button class="utrecht-button utrecht-button--secondary-action" type="submit" name="_keepTheirs" value={conflict.resolveKey}>
            {t('keepTheirs')}
          </button>
        </p>
      )}
    </div>
  );
}

/** The ambition in words, e.g. "Ambitie: Actief toegepast in schooljaar 2027-2028". */
export function describeAmbition(template: TemplateDefinition, item: Item, ambition: Ambition, locale: Locale = 'nl'): string {
  const t = translator(questionnaireMessages, locale);
  const target = ambition.target ? describeAnswer(template, item, ambition.target) : t('ambition');
  const year = ambition.schoolYear ? t('ambitionReadOnlyYear', { year: ambition.schoolYear }) : '';
  return t('ambitionReadOnly', { target, year });
}
