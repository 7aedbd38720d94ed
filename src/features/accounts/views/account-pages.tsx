/** @jsxImportSource hono/jsx */
/** The pages of signing in: landing and home, log in, forgotten password, the one-time links, and answering an SWV's invitation. */
import { MIN_PASSWORD_LENGTH } from '../../../auth/password.js';
import type { Principal } from '../../../auth/roles.js';
import { Alert, Button, ButtonLink, CsrfField, ErrorSummary, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import type { InvitationPage } from '../load-invitation-page.js';
import { accountsMessages } from '../messages.js';

const texts = (locale: Locale) => ({ t: translator(accountsMessages, locale), ui: translator(uiMessages, locale) });

export function LoginView(props: { locale: Locale; csrfToken: string; email?: string | undefined; errors: FieldErrors; returnTo?: string | undefined; notice?: string | undefined }) {
  const { t, ui } = texts(props.locale);
  return (
    <div class="narrow">
      <h1 class="utrecht-heading-1">{t('loginTitle')}</h1>
      {props.notice && <Alert type="ok">{props.notice}</Alert>}
      <ErrorSummary title={ui('errorSummaryTitle')} errors={props.errors} fieldOrder={['_form', 'email', 'password']} />
      <p class="utrecht-paragraph">{t('loginIntro')}</p>
      <form method="post" action="/inloggen" novalidate>
        <CsrfField token={props.csrfToken} />
        {props.returnTo && <input type="hidden" name="terug" value={props.returnTo} />}
        <TextField name="email" label={t('email')} type="email" autocomplete="username" value={props.email} error={props.errors['email']} />
        <TextField name="password" label={t('password')} type="password" autocomplete="current-password" error={props.errors['password'] ?? props.errors['_form']} />
        <div class="button-row">
          <Button>{t('logInButton')}</Button>
          <a class="utrecht-link" href="/wachtwoord-vergeten">
            {t('forgotPassword')}
          </a>
        </div>
      </form>
    </div>
  );
}

/** The two password fields (with a hidden user name, so a password manager stores the new password under the right account). */
function NewPasswordFields(props: { locale: Locale; email: string; errors: FieldErrors }) {
  const { t } = texts(props.locale);
  return (
    <>
      <input type="hidden" name="username" autocomplete="username" value={props.email} />
      <TextField name="password" label={t('newPassword')} hint={t('newPasswordHint', { min: MIN_PASSWORD_LENGTH })} type="password" autocomplete="new-password" error={props.errors['password']} />
      <TextField name="passwordRepeat" label={t('repeatPassword')} type="password" autocomplete="new-password" error={props.errors['passwordRepeat']} />
    </>
  );
}

/** An invitation or reset link: choose a password. */
export function PasswordTokenView(props: { locale: Locale; csrfToken: string; purpose: 'invitation' | 'password_reset'; action: string; name: string; email: string; errors: FieldErrors }) {
  const { t, ui } = texts(props.locale);
  const invitation = props.purpose === 'invitation';
  return (
    <div class="narrow">
      <h1 class="utrecht-heading-1">{invitation ? t('invitationTitle') : t('resetTitle')}</h1>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={props.errors} fieldOrder={['password', 'passwordRepeat']} />
      <p class="utrecht-paragraph">{invitation ? t('invitationIntro', { name: props.name }) : `${t('forgotIntro').split('.')[0]}.`}</p>
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.csrfToken} />
        <NewPasswordFields locale={props.locale} email={props.email} errors={props.errors} />
        <Button>{invitation ? t('activateButton') : t('resetButton')}</Button>
      </form>
    </div>
  );
}

export function LinkInvalidView(props: { locale: Locale }) {
  const { t } = texts(props.locale);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('linkInvalidTitle')}</h1>
      <p class="utrecht-paragraph">{t('linkInvalidBody')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/wachtwoord-vergeten">
          {t('forgotPassword')}
        </a>
      </p>
    </>
  );
}

/** An SWV's invitation of an existing account: accept (choosing a password if the account has none) or decline. */
export function ConsentView(props: { locale: Locale; csrfToken: string; action: string; invitation: InvitationPage; errors: FieldErrors }) {
  const { t, ui } = texts(props.locale);
  const { invitation } = props;
  return (
    <div class="narrow">
      <h1 class="utrecht-heading-1">{t('consentTitle')}</h1>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={props.errors} fieldOrder={['password', 'passwordRepeat']} />
      <p class="utrecht-paragraph">{t('consentIntro', { partnership: invitation.partnershipName, role: ui(`role.${invitation.role}`), place: invitation.placeName })}</p>
      <p class="utrecht-paragraph">{t('consentExplain', { email: invitation.email })}</p>
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.csrfToken} />
        {invitation.needsPassword && (
          <>
            <p class="utrecht-paragraph">{t('consentPasswordIntro')}</p>
            <NewPasswordFields locale={props.locale} email={invitation.email} errors={props.errors} />
          </>
        )}
        <p class="button-row">
          <Button name="antwoord" value="aannemen">
            {t('acceptButton')}
          </Button>
          <button class="utrecht-button utrecht-button--secondary-action" type="submit" name="antwoord" value="afwijzen">
            {t('declineButton')}
          </button>
        </p>
      </form>
    </div>
  );
}

export function ConsentAnsweredView(props: { locale: Locale; invitation: InvitationPage; accepted: boolean; signedIn: boolean }) {
  const { t, ui } = texts(props.locale);
  return (
    <div class="narrow">
      <h1 class="utrecht-heading-1">{t('consentTitle')}</h1>
      <Alert type="ok">{props.accepted ? t('consentAccepted', { role: ui(`role.${props.invitation.role}`), place: props.invitation.placeName }) : t('consentDeclined')}</Alert>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={props.signedIn ? '/' : '/inloggen'}>
          {props.signedIn ? ui('home') : t('consentLogIn')}
        </a>
      </p>
    </div>
  );
}

export function ForgotView(props: { locale: Locale; csrfToken: string; errors: FieldErrors; email: string | undefined }) {
  const { t, ui } = texts(props.locale);
  return (
    <div class="narrow">
      <h1 class="utrecht-heading-1">{t('forgotTitle')}</h1>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={props.errors} />
      <p class="utrecht-paragraph">{t('forgotIntro')}</p>
      <form method="post" action="/wachtwoord-vergeten" novalidate>
        <CsrfField token={props.csrfToken} />
        <TextField name="email" label={t('email')} type="email" autocomplete="email" value={props.email} error={props.errors['email']} />
        <Button>{t('sendLink')}</Button>
      </form>
    </div>
  );
}

export function ForgotSentView(props: { locale: Locale; rateLimited: boolean }) {
  const { t } = texts(props.locale);
  return (
    <div class="narrow">
      <h1 class="utrecht-heading-1">{t('forgotTitle')}</h1>
      {props.rateLimited ? <Alert type="warning">{t('forgotTooMany')}</Alert> : <Alert type="ok">{t('forgotSent')}</Alert>}
    </div>
  );
}

export function LandingView(props: { locale: Locale }) {
  const { t } = texts(props.locale);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('landingTitle')}</h1>
      <p class="utrecht-paragraph">{t('landingIntro')}</p>
      <ButtonLink href="/inloggen">{t('logInButton')}</ButtonLink>
    </>
  );
}

function placeHref(m: Principal['memberships'][number]): string {
  if (m.role === 'platform_admin') return '/beheer';
  if (m.role === 'partnership_admin') return `/swv/${m.partnershipId}`;
  if (m.role === 'board_user') return `/besturen/${m.boardId}`;
  return `/scholen/${m.schoolId}`;
}

/** A signed-in user's places (one card per role). */
export function HomeView(props: { locale: Locale; principal: Principal; welcome: boolean }) {
  const { t, ui } = texts(props.locale);
  const { principal } = props;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('homeTitle', { name: principal.name })}</h1>
      {props.welcome && <Alert type="ok">{t('passwordChanged')}</Alert>}
      {principal.memberships.length === 0 ? (
        <p class="utrecht-paragraph">{t('noRoles')}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('homeIntro')}</p>
          <h2 class="utrecht-heading-2">{ui('myPlaces')}</h2>
          <ul class="card-list">
            {principal.memberships.map((m) => (
              <li class="card">
                <a class="utrecht-link" href={placeHref(m)}>
                  <strong>{m.placeName}</strong>
                </a>
                <div>{ui(`role.${m.role}`)}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
