/** @jsxImportSource hono/jsx */
/** Signing in and out, the language choice, a forgotten password and the home page; the one-time links are in token-routes.tsx. */
import { deleteCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../auth/app-error.js';
import type { FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { isLocale, translator } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { baseUrl, LOCALE_COOKIE, requestClientAddress } from '../../ui/request.js';
import { publicAccess, type RouteTable } from '../../ui/route.js';
import { changeLanguage } from './change-language.js';
import { landingAfterLogIn, setPendingLoginCookie, setSessionCookie } from './log-in-landing.js';
import { logIn } from './log-in.js';
import { requestPasswordReset } from './request-password-reset.js';
import { accountTexts, forgotSchema, loginSchema, safeReturnPath } from './route-input.js';
import { secondFactorMessages } from './second-factor-messages.js';
import { registerSecondFactorRoutes } from './second-factor-routes.js';
import { endSession, SESSION_COOKIE } from './sessions.js';
import { registerTokenRoutes } from './token-routes.js';
import { ForgotSentView, ForgotView, HomeView, LandingView, LoginView } from './views/account-pages.js';
import { SECOND_STEP_PATH } from './views/second-factor.js';

function forgotPage(c: AppContext, errors: FieldErrors, email: string | undefined) {
  return renderPage(c, {
    title: accountTexts(c)('forgotTitle'),
    status: Object.keys(errors).length ? 400 : 200,
    children: <ForgotView locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} email={email} />,
  });
}

function homePage(c: AppContext) {
  const t = accountTexts(c);
  const principal = c.var.principal;
  if (!principal) return renderPage(c, { title: t('landingTitle'), children: <LandingView locale={c.var.locale} /> });
  return renderPage(c, {
    title: t('homeTitle', { name: principal.name }),
    children: <HomeView locale={c.var.locale} principal={principal} welcome={Boolean(c.req.query('welkom'))} />,
  });
}

export function registerAccountRoutes(table: RouteTable): void {
  registerSecondFactorRoutes(table);
  table.get('/', publicAccess, async (c) => homePage(c));

  table.get('/inloggen', publicAccess, async (c) => {
    if (c.var.principal) return c.redirect('/', 302);
    const t = accountTexts(c);
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
      children: <LoginView locale={c.var.locale} csrfToken={c.var.csrfToken} errors={{}} returnTo={c.req.query('terug')} notice={notice} />,
    });
  });

  table.post('/inloggen', publicAccess, async (c) => {
    const t = accountTexts(c);
    const form = await readForm(c);
    const parsed = parseForm(loginSchema(t), form);
    const rerender = (errors: FieldErrors, status: number) =>
      renderPage(c, { title: t('loginTitle'), status, children: <LoginView locale={c.var.locale} csrfToken={c.var.csrfToken} email={form['email']} errors={errors} returnTo={form['terug']} /> });
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
    if (c.var.sessionTokenHash) await endSession(c.var.deps.db, c.var.sessionTokenHash);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/inloggen?uitgelogd=1', 303);
  });

  table.post('/taal', publicAccess, async (c) => {
    const form = await readForm(c);
    const locale = form['locale'];
    if (!isLocale(locale)) throw new AppError('invalid_input', accountTexts(c)('unknownLanguage'));
    setCookie(c, LOCALE_COOKIE, locale, { path: '/', sameSite: 'Lax', httpOnly: true, maxAge: 365 * 86_400 });
    if (c.var.principal) await changeLanguage({ db: c.var.deps.db, clock: c.var.deps.clock, userId: c.var.principal.userId, locale });
    return c.redirect(safeReturnPath(form['returnTo']), 303);
  });

  table.get('/wachtwoord-vergeten', publicAccess, async (c) => forgotPage(c, {}, undefined));
  table.post('/wachtwoord-vergeten', publicAccess, async (c) => {
    const form = await readForm(c);
    const parsed = parseForm(forgotSchema(accountTexts(c)), form);
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
      title: accountTexts(c)('forgotTitle'),
      status: outcome === 'rate_limited' ? 429 : 200,
      children: <ForgotSentView locale={c.var.locale} rateLimited={outcome === 'rate_limited'} />,
    });
  });

  registerTokenRoutes(table);
}
