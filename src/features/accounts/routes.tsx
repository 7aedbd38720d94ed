/** @jsxImportSource hono/jsx */
import { deleteCookie, setCookie } from 'hono/cookie';
import { landingAfterLogIn, setPendingLoginCookie, setSessionCookie } from './log-in-landing.js';
import { registerSecondFactorRoutes } from './second-factor-routes.js';
import { SECOND_STEP_PATH } from './views/second-factor.js';
import { secondFactorMessages } from './second-factor-messages.js';
import { z } from 'zod';
import { baseUrl, LOCALE_COOKIE, requestClientAddress } from '../../ui/request.js';
import { AppError } from '../../auth/app-error.js';
import { MIN_PASSWORD_LENGTH } from '../../auth/password.js';
import { sha256 } from '../../auth/tokens.js';
import { Alert, Button, ButtonLink, CsrfField, ErrorSummary, TextField, type FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { isLocale, translator } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { uiMessages } from '../../ui/messages.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { publicAccess, type RouteTable } from '../../ui/route.js';
import { logIn } from './log-in.js';
import { accountsMessages } from './messages.js';
import { changeLanguage } from './change-language.js';
import { deleteSession, findUsableUserToken, findUserById } from './repository.js';
import { requestPasswordReset } from './request-password-reset.js';
import { SESSION_COOKIE } from './sessions.js';
import { setPasswordWithToken } from './set-password-with-token.js';
import { answerInvitation } from './answer-invitation.js';
import { loadInvitationPage } from './load-invitation-page.js';

const messages = (c: AppContext) => translator(accountsMessages, c.var.locale);

/**
 * Only paths on this site, so a crafted link cannot send someone elsewhere after logging in. Resolved the
 * way a browser would (which drops tabs and newlines and reads "\\" as "/"), then checked for the same origin.
 */
export function safeReturnPath(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  const base = 'http://opensop.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return '/';
  }
  if (url.origin !== base || !url.pathname.startsWith('/') || url.pathname.startsWith('//')) return '/';
  return url.pathname + url.search + url.hash;
}

function loginSchema(t: ReturnType<typeof messages>) {
  return z.object({
    email: z.string({ error: t('emailRequired') }).trim().min(1, { error: t('emailRequired') }).pipe(z.email({ error: t('emailInvalid') })),
    password: z.string({ error: t('passwordRequired') }).min(1, { error: t('passwordRequired') }),
    terug: z.string().optional(),
  });
}

function passwordSchema(t: ReturnType<typeof messages>) {
  return z
    .object({
      password: z
        .string()
        .min(MIN_PASSWORD_LENGTH, { error: t('passwordTooShort', { min: MIN_PASSWORD_LENGTH }) })
        .max(200, { error: t('passwordTooLong') }),
      passwordRepeat: z.string(),
    })
    .refine((v) => v.password === v.passwordRepeat, { error: t('passwordsDiffer'), path: ['passwordRepeat'] });
}

function LoginForm(props: { c: AppContext; email?: string; errors: FieldErrors; returnTo?: string; notice?: string }) {
  const t = messages(props.c);
  const ui = translator(uiMessages, props.c.var.locale);
  return (
    <div class="narrow">
      <h1 class="utrecht-heading-1">{t('loginTitle')}</h1>
      {props.notice && <Alert type="ok">{props.notice}</Alert>}
      <ErrorSummary title={ui('errorSummaryTitle')} errors={props.errors} fieldOrder={['_form', 'email', 'password']} />
      <p class="utrecht-paragraph">{t('loginIntro')}</p>
      <form method="post" action="/inloggen" novalidate>
        <CsrfField token={props.c.var.csrfToken} />
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

function SetPasswordForm(props: { c: AppContext; action: string; intro: string; button: string; errors: FieldErrors; email: string }) {
  const t = messages(props.c);
  const ui = translator(uiMessages, props.c.var.locale);
  return (
    <>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={props.errors} fieldOrder={['password', 'passwordRepeat']} />
      <p class="utrecht-paragraph">{props.intro}</p>
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.c.var.csrfToken} />
        {/* Lets password managers store the new password under the right account. */}
        <input type="hidden" name="username" autocomplete="username" value={props.email} />
        <TextField
          name="password"
          label={t('newPassword')}
          hint={t('newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
          type="password"
          autocomplete="new-password"
          error={props.errors['password']}
        />
        <TextField name="passwordRepeat" label={t('repeatPassword')} type="password" autocomplete="new-password" error={props.errors['passwordRepeat']} />
        <Button>{props.button}</Button>
      </form>
    </>
  );
}

async function linkInvalidPage(c: AppContext) {
  const t = messages(c);
  return renderPage(c, {
    title: t('linkInvalidTitle'),
    // 410 Gone: the link existed or never did; either way it will not work again.
    status: 410,
    children: (
      <>
        <h1 class="utrecht-heading-1">{t('linkInvalidTitle')}</h1>
        <p class="utrecht-paragraph">{t('linkInvalidBody')}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/wachtwoord-vergeten">
            {t('forgotPassword')}
          </a>
        </p>
      </>
    ),
  });
}

/** Invitation and reset links look the same: a token in the path that sets a password. */
function registerTokenRoute(table: RouteTable, basePath: string, purpose: 'invitation' | 'password_reset') {
  const page = async (c: AppContext, errors: FieldErrors) => {
    const t = messages(c);
    const tokenValue = c.req.param('token') ?? '';
    const token = await findUsableUserToken(c.var.deps.db, sha256(tokenValue), c.var.deps.clock.now());
    if (!token || token.purpose !== purpose) return null;
    const user = await findUserById(c.var.deps.db, token.userId);
    if (!user) return null;
    const title = purpose === 'invitation' ? t('invitationTitle') : t('resetTitle');
    return renderPage(c, {
      title,
      status: Object.keys(errors).length ? 400 : 200,
      children: (
        <div class="narrow">
          <h1 class="utrecht-heading-1">{title}</h1>
          <SetPasswordForm
            c={c}
            action={`${basePath}/${tokenValue}`}
            intro={purpose === 'invitation' ? t('invitationIntro', { name: user.name }) : t('forgotIntro').split('.')[0] + '.'}
            button={purpose === 'invitation' ? t('activateButton') : t('resetButton')}
            errors={errors}
            email={user.email}
          />
        </div>
      ),
    });
  };
  table.get(`${basePath}/:token`, publicAccess, async (c) => (await page(c, {})) ?? linkInvalidPage(c));
  table.post(`${basePath}/:token`, publicAccess, async (c) => {
    const parsed = parseForm(passwordSchema(messages(c)), await readForm(c));
    if (!parsed.ok) return (await page(c, parsed.errors)) ?? linkInvalidPage(c);
    const token = await findUsableUserToken(c.var.deps.db, sha256(c.req.param('token') ?? ''), c.var.deps.clock.now());
    if (!token || token.purpose !== purpose) return linkInvalidPage(c);
    try {
      const result = await setPasswordWithToken({ db: c.var.deps.db, clock: c.var.deps.clock, token: c.req.param('token') ?? '', password: parsed.data.password });
      // With a second factor the new password is followed by the log-in with a code.
      if (!result.session) return c.redirect('/inloggen?wachtwoord-gewijzigd=1', 303);
      setSessionCookie(c, result.session.token, result.session.expiresAt);
      return c.redirect('/?welkom=1', 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return linkInvalidPage(c);
      throw error;
    }
  });
}

/**
 * An SWV's invitation of an existing account: the person accepts (choosing a password if the account has none)
 * or declines. Nothing about the account changes before that answer (issue 16).
 */
function registerInvitationConsentRoutes(table: RouteTable) {
  const basePath = '/uitnodiging-rol';
  const page = async (c: AppContext, errors: FieldErrors) => {
    const t = messages(c);
    const ui = translator(uiMessages, c.var.locale);
    const tokenValue = c.req.param('token') ?? '';
    const invitation = await loadInvitationPage({ db: c.var.deps.db, clock: c.var.deps.clock, token: tokenValue });
    if (!invitation) return linkInvalidPage(c);
    const role = ui(`role.${invitation.role}`);
    return renderPage(c, {
      title: t('consentTitle'),
      status: Object.keys(errors).length ? 400 : 200,
      children: (
        <div class="narrow">
          <h1 class="utrecht-heading-1">{t('consentTitle')}</h1>
          <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['password', 'passwordRepeat']} />
          <p class="utrecht-paragraph">{t('consentIntro', { partnership: invitation.partnershipName, role, place: invitation.placeName })}</p>
          <p class="utrecht-paragraph">{t('consentExplain', { email: invitation.email })}</p>
          <form method="post" action={`${basePath}/${tokenValue}`} novalidate>
            <CsrfField token={c.var.csrfToken} />
            {invitation.needsPassword && (
              <>
                <p class="utrecht-paragraph">{t('consentPasswordIntro')}</p>
                <input type="hidden" name="username" autocomplete="username" value={invitation.email} />
                <TextField name="password" label={t('newPassword')} hint={t('newPasswordHint', { min: MIN_PASSWORD_LENGTH })} type="password" autocomplete="new-password" error={errors['password']} />
                <TextField name="passwordRepeat" label={t('repeatPassword')} type="password" autocomplete="new-password" error={errors['passwordRepeat']} />
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
      ),
    });
  };
  table.get(`${basePath}/:token`, publicAccess, (c) => page(c, {}));
  table.post(`${basePath}/:token`, publicAccess, async (c) => {
    const t = messages(c);
    const form = await readForm(c);
    const token = c.req.param('token') ?? '';
    const answer = form['antwoord'] === 'afwijzen' ? 'decline' : form['antwoord'] === 'aannemen' ? 'accept' : null;
    if (!answer) return page(c, {});
    const invitation = await loadInvitationPage({ db: c.var.deps.db, clock: c.var.deps.clock, token });
    if (!invitation) return linkInvalidPage(c);
    let password: string | undefined;
    if (answer === 'accept' && invitation.needsPassword) {
      const parsed = parseForm(passwordSchema(t), form);
      if (!parsed.ok) return page(c, parsed.errors);
      password = parsed.data.password;
    }
    try {
      const result = await answerInvitation({ db: c.var.deps.db, clock: c.var.deps.clock, token, answer, ...(password ? { password } : {}) });
      if (result.kind === 'accepted' && result.session) {
        setSessionCookie(c, result.session.token, result.session.expiresAt);
        return c.redirect('/?welkom=1', 303);
      }
      const ui = translator(uiMessages, c.var.locale);
      const text = result.kind === 'accepted' ? t('consentAccepted', { role: ui(`role.${invitation.role}`), place: invitation.placeName }) : t('consentDeclined');
      return renderPage(c, {
        title: t('consentTitle'),
        children: (
          <div class="narrow">
            <h1 class="utrecht-heading-1">{t('consentTitle')}</h1>
            <Alert type="ok">{text}</Alert>
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={c.var.principal ? '/' : '/inloggen'}>
                {c.var.principal ? ui('home') : t('consentLogIn')}
              </a>
            </p>
          </div>
        ),
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return linkInvalidPage(c);
      throw error;
    }
  });
}

export function registerAccountRoutes(table: RouteTable): void {
  registerInvitationConsentRoutes(table);
  registerSecondFactorRoutes(table);
  table.get('/', publicAccess, async (c) => homePage(c));

  table.get('/inloggen', publicAccess, async (c) => {
    if (c.var.principal) return c.redirect('/', 302);
    const t = messages(c);
    const f = translator(secondFactorMessages, c.var.locale);
    const again = c.req.query('opnieuw');
    const notice = c.req.query('uitgelogd')
      ? t('loggedOut')
      : c.req.query('wachtwoord-gewijzigd')
        ? f('passwordSavedLogIn')
        : again === 'codes'
          ? f('stepStartOver')
          : again === 'verlopen'
            ? f('stepExpired')
            : undefined;
    return renderPage(c, {
      title: t('loginTitle'),
      children: <LoginForm c={c} errors={{}} returnTo={c.req.query('terug')} notice={notice} />,
    });
  });

  table.post('/inloggen', publicAccess, async (c) => {
    const t = messages(c);
    const form = await readForm(c);
    const parsed = parseForm(loginSchema(t), form);
    const rerender = (errors: FieldErrors, status: number) =>
      renderPage(c, { title: t('loginTitle'), status, children: <LoginForm c={c} email={form['email']} errors={errors} returnTo={form['terug']} /> });
    if (!parsed.ok) return rerender(parsed.errors, 400);
    const result = await logIn({
      db: c.var.deps.db,
      clock: c.var.deps.clock,
      email: parsed.data.email,
      password: parsed.data.password,
      clientAddress: requestClientAddress(c),
      returnTo: parsed.data.terug ? safeReturnPath(parsed.data.terug) : null,
    });
    if (!result.ok) {
      if (result.reason === 'rate_limited') {
        const seconds = result.retryAfterSeconds;
        c.header('Retry-After', String(seconds));
        const wait = seconds < 60 ? t('waitSeconds', { n: seconds }) : t('waitMinutes', { n: Math.ceil(seconds / 60) });
        return rerender({ _form: t('tooManyAttempts', { wait }) }, 429);
      }
      return rerender({ _form: t('wrongCredentials') }, 401);
    }
    const returnTo = parsed.data.terug ? safeReturnPath(parsed.data.terug) : null;
    if (result.secondStep) {
      // The password was right; the session starts only after the code (second-factor-routes.tsx).
      setPendingLoginCookie(c, result.token);
      return c.redirect(SECOND_STEP_PATH, 303);
    }
    setSessionCookie(c, result.token, result.expiresAt);
    return c.redirect(await landingAfterLogIn(c, result.token, returnTo), 303);
  });

  table.post('/uitloggen', publicAccess, async (c) => {
    if (c.var.sessionTokenHash) await deleteSession(c.var.deps.db, c.var.sessionTokenHash);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/inloggen?uitgelogd=1', 303);
  });

  table.post('/taal', publicAccess, async (c) => {
    const form = await readForm(c);
    const locale = form['locale'];
    if (!isLocale(locale)) throw new AppError('invalid_input', messages(c)('unknownLanguage'));
    setCookie(c, LOCALE_COOKIE, locale, { path: '/', sameSite: 'Lax', httpOnly: true, maxAge: 365 * 86_400 });
    if (c.var.principal) await changeLanguage({ db: c.var.deps.db, clock: c.var.deps.clock, userId: c.var.principal.userId, locale });
    return c.redirect(safeReturnPath(form['returnTo']), 303);
  });

  table.get('/wachtwoord-vergeten', publicAccess, async (c) => forgotPage(c, {}, undefined));
  table.post('/wachtwoord-vergeten', publicAccess, async (c) => {
    const t = messages(c);
    const form = await readForm(c);
    const parsed = parseForm(z.object({ email: z.string().trim().min(1, { error: t('emailRequired') }).pipe(z.email({ error: t('emailInvalid') })) }), form);
    if (!parsed.ok) return forgotPage(c, parsed.errors, form['email']);
    const outcome = await requestPasswordReset({
      db: c.var.deps.db,
      clock: c.var.deps.clock,
      email: parsed.data.email,
      baseUrl: baseUrl(c),
      locale: c.var.locale,
      clientAddress: requestClientAddress(c),
    });
    return renderPage(c, {
      title: t('forgotTitle'),
      status: outcome === 'rate_limited' ? 429 : 200,
      children: (
        <div class="narrow">
          <h1 class="utrecht-heading-1">{t('forgotTitle')}</h1>
          {outcome === 'rate_limited' ? <Alert type="warning">{t('forgotTooMany')}</Alert> : <Alert type="ok">{t('forgotSent')}</Alert>}
        </div>
      ),
    });
  });

  registerTokenRoute(table, '/uitnodiging', 'invitation');
  registerTokenRoute(table, '/wachtwoord-herstellen', 'password_reset');
}

async function forgotPage(c: AppContext, errors: FieldErrors, email: string | undefined) {
  const t = messages(c);
  const ui = translator(uiMessages, c.var.locale);
  return renderPage(c, {
    title: t('forgotTitle'),
    status: Object.keys(errors).length ? 400 : 200,
    children: (
      <div class="narrow">
        <h1 class="utrecht-heading-1">{t('forgotTitle')}</h1>
        <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} />
        <p class="utrecht-paragraph">{t('forgotIntro')}</p>
        <form method="post" action="/wachtwoord-vergeten" novalidate>
          <CsrfField token={c.var.csrfToken} />
          <TextField name="email" label={t('email')} type="email" autocomplete="email" value={email} error={errors['email']} />
          <Button>{t('sendLink')}</Button>
        </form>
      </div>
    ),
  });
}

async function homePage(c: AppContext) {
  const t = messages(c);
  const ui = translator(uiMessages, c.var.locale);
  const principal = c.var.principal;
  if (!principal) {
    return renderPage(c, {
      title: t('landingTitle'),
      children: (
        <>
          <h1 class="utrecht-heading-1">{t('landingTitle')}</h1>
          <p class="utrecht-paragraph">{t('landingIntro')}</p>
          <ButtonLink href="/inloggen">{t('logInButton')}</ButtonLink>
        </>
      ),
    });
  }
  const placeHref = (m: (typeof principal.memberships)[number]) =>
    m.role === 'platform_admin'
      ? '/beheer'
      : m.role === 'partnership_admin'
        ? `/swv/${m.partnershipId}`
        : m.role === 'board_user'
          ? `/besturen/${m.boardId}`
          : `/scholen/${m.schoolId}`;
  return renderPage(c, {
    title: t('homeTitle', { name: principal.name }),
    children: (
      <>
        <h1 class="utrecht-heading-1">{t('homeTitle', { name: principal.name })}</h1>
        {c.req.query('welkom') && <Alert type="ok">{t('passwordChanged')}</Alert>}
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
    ),
  });
}
