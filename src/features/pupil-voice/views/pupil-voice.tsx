/** @jsxImportSource hono/jsx */
import { Alert, Button, CsrfField, ErrorSummary, TextAreaField, TextField, fieldId, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import { formatDate, formatMomentDate } from '../../../ui/dates.js';
import type { PupilVoiceView } from '../load-pupil-voice.js';
import { pupilVoiceT } from '../messages.js';
import { PUPIL_VOICE_METHODS } from '../schema.js';

/** On the cycle page: the school, its council, the board (before adopting) and the SWV read how pupils were heard. */
export function PupilVoiceSection(props: { view: PupilVoiceView; locale: Locale }) {
  const t = pupilVoiceT(props.locale);
  const { record, required, profile } = props.view;
  return (
    <section aria-labelledby="pupil-voice-heading" class="pupil-voice-section">
      <h2 class="utrecht-heading-2" id="pupil-voice-heading">
        {t('sectionHeading')}
      </h2>
      {required === 'before_submission' && <p class="utrecht-paragraph">{t('sectionRequiredSubmit')}</p>}
      {required === 'before_adoption' && <p class="utrecht-paragraph">{t('sectionRequiredAdopt')}</p>}
      {record ? (
        <>
          <dl class="facts">
            <dt>{t('methods')}</dt>
            <dd>{record.methods.map((method) => t(`method.${method}`)).join(', ')}</dd>
            <dt>{t('consultedOn')}</dt>
            <dd>{formatDate(record.consultedOn, props.locale)}</dd>
            <dt>{t('summary')}</dt>
            <dd class="preserve-lines">{record.summary}</dd>
            <dt>{t('followUp')}</dt>
            <dd class="preserve-lines">{record.followUp}</dd>
          </dl>
          <p class="muted">{t('recordedOn', { date: formatMomentDate(record.updatedAt, props.locale) })}</p>
        </>
      ) : (
        <p class="utrecht-paragraph">{t('sectionNone')}</p>
      )}
      {props.view.canRecord && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/profielen/${profile.id}/stem-van-leerlingen`}>
            {record ? t('change') : t('record')}
          </a>
        </p>
      )}
    </section>
  );
}

export function PupilVoiceFormView(props: { view: PupilVoiceView; locale: Locale; csrfToken: string; errors: FieldErrors; values: Record<string, string | string[]>; saved: boolean }) {
  const t = pupilVoiceT(props.locale);
  const ui = translator(uiMessages, props.locale);
  const { view, errors } = props;
  const record = view.record;
  const fromPoll = view.fromPoll;
  const single = (name: 'consultedOn' | 'summary' | 'followUp') => {
    const posted = props.values[name];
    if (typeof posted === 'string') return posted;
    // A poll's results are added to what was recorded before, never in its place.
    if (fromPoll && name === 'summary') return [record?.summary, fromPoll.summary].filter(Boolean).join('\n\n');
    if (fromPoll && name === 'consultedOn' && !record) return fromPoll.consultedOn;
    return record?.[name] ?? '';
  };
  const postedMethods = props.values['methods'];
  const stored: string[] = [...(record?.methods ?? []), ...(fromPoll && !record?.methods.includes('poll') ? ['poll'] : [])];
  const methods: string[] = postedMethods === undefined ? stored : Array.isArray(postedMethods) ? postedMethods : [postedMethods];
  const methodsId = fieldId('methods');
  return (
    <>
      <h1 class="utrecht-heading-1">{t('formTitle')}</h1>
      <p class="utrecht-paragraph">
        {view.schoolName} — SOP {view.profile.schoolYear}
      </p>
      {props.saved && <Alert type="ok">{t('saved')}</Alert>}
      {fromPoll && <Alert type="info">{t('fromPoll')}</Alert>}
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['methods', 'consultedOn', 'summary', 'followUp']} />
      <p class="utrecht-paragraph">{t('formIntro')}</p>
      {view.canRecord ? (
        <form method="post" action={`/profielen/${view.profile.id}/stem-van-leerlingen`} novalidate>
          <CsrfField token={props.csrfToken} />
          <fieldset
            class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset choice-group${errors['methods'] ? ' utrecht-form-fieldset--invalid' : ''}`}
            aria-describedby={`${methodsId}-hint${errors['methods'] ? ` ${methodsId}-error` : ''}`}
          >
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('methods')}</legend>
            <div class="utrecht-form-field-description" id={`${methodsId}-hint`}>
              {t('methodsHint')}
            </div>
            {errors['methods'] && (
              <div class="utrecht-form-field-error-message" id={`${methodsId}-error`}>
                {errors['methods']}
              </div>
            )}
            {PUPIL_VOICE_METHODS.map((method, index) => {
              const id = index === 0 ? methodsId : `${methodsId}-${method}`;
              return (
                <div class="utrecht-form-field utrecht-form-field--checkbox choice">
                  <div class="utrecht-form-field__input">
                    <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={id} name="methods" value={method} checked={methods.includes(method)} />
                  </div>
                  <div class="utrecht-form-field__label">
                    <label class="utrecht-form-label" for={id}>
                      {t(`method.${method}`)}
                    </label>
                  </div>
                </div>
              );
            })}
          </fieldset>
          <TextField name="consultedOn" type="date" label={t('consultedOn')} hint={t('consultedOnHint')} value={single('consultedOn')} error={errors['consultedOn']} />
          <TextAreaField name="summary" label={t('summary')} hint={t('summaryHint')} value={single('summary')} error={errors['summary']} maxLength={2000} />
          <TextAreaField name="followUp" label={t('followUp')} hint={t('followUpHint')} value={single('followUp')} error={errors['followUp']} maxLength={2000} />
          <Button>{t('save')}</Button>
        </form>
      ) : (
        <Alert type="info">{t('locked')}</Alert>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/profielen/${view.profile.id}/cyclus#pupil-voice-heading`}>
          {t('toCyclePage')}
        </a>
      </p>
    </>
  );
}
