/** @jsxImportSource hono/jsx */
/** The SWV's settings: name, brand colour, logo, parent support point. */
import { Alert, Button, CsrfField, ErrorSummary, TextAreaField, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import type { SettingsPage } from '../load-settings-page.js';
import { partnershipMessages } from '../messages.js';
import { PUBLIC_TEXT_MAX } from '../update-partnership-settings.js';

export function SettingsView(props: { page: SettingsPage; locale: Locale; csrfToken: string; errors: FieldErrors; values: Record<string, string> | null; notice: string | undefined }) {
  const { page, errors } = props;
  const { partnership } = page;
  const v = props.values ?? page.values;
  const t = translator(partnershipMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('settingsTitle')}</h1>
      {props.notice && <Alert type="ok">{props.notice}</Alert>}
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} />
      <form method="post" action={`/swv/${partnership.id}/instellingen`} enctype="multipart/form-data" novalidate>
        <CsrfField token={props.csrfToken} />
        <TextField name="name" label={t('partnershipName')} value={v['name']} error={errors['name']} />
        <TextField name="primaryColor" type="color" label={t('primaryColor')} hint={t('primaryColorHint')} value={v['primaryColor']} error={errors['primaryColor']} />
        <div class={`utrecht-form-field${errors['logo'] ? ' utrecht-form-field--invalid' : ''}`}>
          <label class="utrecht-form-label" for="field-logo">
            {t('logo')}
          </label>
          <div class="utrecht-form-field-description" id="field-logo-hint">
            {t('logoHint')}
          </div>
          {errors['logo'] && (
            <div class="utrecht-form-field-error-message" id="field-logo-error">
              {errors['logo']}
            </div>
          )}
          <input type="file" id="field-logo" name="logo" accept="image/png,image/jpeg" aria-describedby={errors['logo'] ? 'field-logo-hint field-logo-error' : 'field-logo-hint'} />
          {partnership.logoDataUrl && (
            <p>
              <img class="logo-preview" src={partnership.logoDataUrl} alt={t('currentLogoAlt', { name: partnership.name })} />
              <label>
                <input type="checkbox" name="removeLogo" value="1" /> {t('removeLogo')}
              </label>
            </p>
          )}
        </div>
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t('supportPoint')}</legend>
          <p class="utrecht-paragraph">{t('supportPointIntro')}</p>
          <TextField name="supportPointName" label={t('supportPointName')} value={v['supportPointName']} error={errors['supportPointName']} />
          <TextField name="supportPointPhone" label={t('supportPointPhone')} value={v['supportPointPhone']} error={errors['supportPointPhone']} />
          <TextField name="supportPointEmail" type="email" label={t('supportPointEmail')} value={v['supportPointEmail']} error={errors['supportPointEmail']} />
          <TextField name="supportPointWebsite" type="url" label={t('supportPointWebsite')} value={v['supportPointWebsite']} error={errors['supportPointWebsite']} />
        </fieldset>
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t('publicInfo')}</legend>
          <p class="utrecht-paragraph">{t('publicInfoIntro', { path: `/${partnership.slug}` })}</p>
          <TextAreaField name="publicRegistration" label={t('publicRegistration')} hint={t('publicRegistrationHint')} value={v['publicRegistration']} error={errors['publicRegistration']} maxLength={PUBLIC_TEXT_MAX} rows={5} />
          <TextAreaField name="publicDutyOfCare" label={t('publicDutyOfCare')} hint={t('publicDutyOfCareHint')} value={v['publicDutyOfCare']} error={errors['publicDutyOfCare']} maxLength={PUBLIC_TEXT_MAX} rows={5} />
          <TextAreaField name="publicWhereToTurn" label={t('publicWhereToTurn')} hint={t('publicWhereToTurnHint')} value={v['publicWhereToTurn']} error={errors['publicWhereToTurn']} maxLength={PUBLIC_TEXT_MAX} rows={5} />
        </fieldset>
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t('wordList')}</legend>
          <p class="utrecht-paragraph">{t('wordListIntro')}</p>
          {page.wordListIsExample && <p class="utrecht-paragraph">{t('wordListIsExample')}</p>}
          <TextAreaField name="parentWordList" label={t('wordListField')} hint={t('wordListHint')} value={v['parentWordList']} error={errors['parentWordList']} rows={12} />
        </fieldset>
        <Button>{ui('save')}</Button>
      </form>
    </>
  );
}
