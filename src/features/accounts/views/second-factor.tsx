/** @jsxImportSource hono/jsx */
/** The account page with the second factor, the recovery codes shown once, and the code step of logging in. */
import { Alert, Button, CsrfField, ErrorSummary, TextField, type FieldErrors } from '../../../ui/components.js';
import { formatMomentDate } from '../../../ui/dates.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import type { AccountPage } from '../load-account-page.js';
import { secondFactorMessages } from '../second-factor-messages.js';
import { ACCOUNT_PATH } from '../second-factor-rule.js';

export const SECOND_FACTOR_PATH = `${ACCOUNT_PATH}/tweestapsverificatie`;
export const SECOND_STEP_PATH = '/inloggen/code';

export function AccountView(props: { page: AccountPage; locale: Locale; csrfToken: string; errors: FieldErrors; notice: string | undefined; forced: boolean }) {
  const { page, errors } = props;
  const t = translator(secondFactorMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  const factor = page.secondFactor;
  return (
    <div class="narrow">
      <h1 class="utrecht-heading-1">{t('accountTitle')}</h1>
      {props.notice && <Alert type="ok">{props.notice}</Alert>}
      {page.required && factor.state !== 'on' && <Alert type="warning">{t('requiredNotice')}</Alert>}
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['code']} />
      <p class="utrecht-paragraph">{t('accountIntro', { name: page.name, email: page.email })}</p>
      <h2 class="utrecht-heading-2">{t('heading')}</h2>
      {factor.state === 'off' && (
        <>
          <p class="utrecht-paragraph">{t('stateOff')}</p>
          <p class="utrecht-paragraph">{t('explain')}</p>
          <form method="post" action={SECOND_FACTOR_PATH}>
            <CsrfField token={props.csrfToken} />
            <Button>{t('setUpButton')}</Button>
          </form>
        </>
      )}
      {factor.state === 'setting_up' && (
        <>
          <p class="utrecht-paragraph">{t('explain')}</p>
          <p class="utrecht-paragraph">{t('step1')}</p>
          <p>
            <img class="qr-code" src={factor.qrSvgDataUrl} alt={t('qrAlt')} width="200" height="200" />
          </p>
          <p class="utrecht-paragraph">{t('step1Manual')}</p>
          <p class="utrecht-paragraph">
            <span class="visually-hidden">{t('secretLabel')}: </span>
            <code class="totp-secret" data-secret>
              {factor.secret}
            </code>
          </p>
          <p class="utrecht-paragraph">{t('step2')}</p>
          <form method="post" action={`${SECOND_FACTOR_PATH}/bevestigen`} novalidate>
            <CsrfField token={props.csrfToken} />
            <TextField name="code" label={t('code')} hint={t('codeHint')} autocomplete="one-time-code" error={errors['code']} maxLength={12} />
            <Button>{t('confirmButton')}</Button>
          </form>
          <form method="post" action={SECOND_FACTOR_PATH}>
            <CsrfField token={props.csrfToken} />
            <Button variant="secondary">{t('restartButton')}</Button>
          </form>
        </>
      )}
      {factor.state === 'on' && (
        <>
          <p class="utrecht-paragraph">{t('stateOn', { date: formatMomentDate(factor.since, props.locale) })}</p>
          <p class="utrecht-paragraph">{factor.recoveryCodesLeft <= 3 ? t('recoveryLow', { n: factor.recoveryCodesLeft }) : t('recoveryLeft', { n: factor.recoveryCodesLeft })}</p>
          <h3 class="utrecht-heading-3">{t('turnOffHeading')}</h3>
          <p class="utrecht-paragraph">{t('turnOffIntro')}</p>
          {page.required && <p class="utrecht-paragraph">{t('turnOffRequiredIntro')}</p>}
          <form method="post" action={`${SECOND_FACTOR_PATH}/uitzetten`} novalidate>
            <CsrfField token={props.csrfToken} />
            <TextField name="code" label={t('codeOrRecovery')} autocomplete="one-time-code" error={errors['code']} maxLength={24} />
            <Button variant="secondary">{t('turnOffButton')}</Button>
          </form>
        </>
      )}
    </div>
  );
}

export function RecoveryCodesView(props: { codes: string[]; locale: Locale }) {
  const t = translator(secondFactorMessages, props.locale);
  return (
    <div class="narrow">
      <h1 class="utrecht-heading-1">{t('enabledTitle')}</h1>
      <Alert type="ok">{t('enabledTitle')}</Alert>
      <p class="utrecht-paragraph">{t('recoveryIntro')}</p>
      <h2 class="utrecht-heading-2">{t('recoveryCaption')}</h2>
      <ul class="recovery-codes" data-recovery-codes>
        {props.codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p class="utrecht-paragraph">
        <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/">
          {t('continue')}
        </a>
      </p>
    </div>
  );
}

export function SecondStepView(props: { locale: Locale; csrfToken: string; errors: FieldErrors }) {
  const t = translator(secondFactorMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  return (
    <div class="narrow">
      <h1 class="utrecht-heading-1">{t('stepTitle')}</h1>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={props.errors} fieldOrder={['code']} />
      <p class="utrecht-paragraph">{t('stepIntro')}</p>
      <form method="post" action={SECOND_STEP_PATH} novalidate>
        <CsrfField token={props.csrfToken} />
        <TextField name="code" label={t('code')} hint={t('stepRecoveryHint')} autocomplete="one-time-code" error={props.errors['code']} maxLength={24} />
        <Button>{t('stepButton')}</Button>
      </form>
    </div>
  );
}
