/** @jsxImportSource hono/jsx */
/** The one place where error codes become HTTP statuses and calm, translated pages (docs/conventions.md, "A route, step by step"). */
import { AppError } from '../auth/app-error.js';
import type { AppContext } from './context.js';
import { translator } from './i18n.js';
import { renderPage } from './layout.js';
import { uiMessages } from './messages.js';

const TITLES = {
  not_found: ['notFoundTitle', 'notFoundBody'],
  forbidden: ['forbiddenTitle', 'forbiddenBody'],
  unauthenticated: ['forbiddenTitle', 'forbiddenBody'],
  csrf: ['csrfTitle', 'csrfBody'],
  too_many_requests: ['tooManyTitle', 'errorBody'],
  payload_too_large: ['tooLargeTitle', 'tooLargeBody'],
  conflict: ['conflictTitle', 'errorBody'],
  invalid_state: ['invalidStateTitle', 'errorBody'],
  invalid_input: ['invalidInputTitle', 'errorBody'],
  second_factor_key: ['secondFactorKeyTitle', 'secondFactorKeyBody'],
} as const;

export async function renderError(c: AppContext, error: unknown): Promise<Response> {
  const t = translator(uiMessages, c.var.locale ?? 'nl');
  if (error instanceof AppError) {
    if (error.code === 'second_factor_key') c.var.deps?.logger.error({ details: error.details }, 'second-factor secrets cannot be opened: check TOTP_ENCRYPTION_KEY');
    if (error.code === 'unauthenticated') {
      const path = new URL(c.req.url).pathname;
      if (c.req.method === 'GET') return c.redirect(`/inloggen?terug=${encodeURIComponent(path)}`, 302);
    }
    const [titleKey, bodyKey] = TITLES[error.code];
    if (wantsJson(c)) {
      // An expired session or token: the client keeps its changes and asks the user to sign in again.
      const reauth = error.code === 'unauthenticated' || error.code === 'csrf';
      return c.json({ error: error.code, message: error.userMessage ?? t(bodyKey), ...(reauth ? { reauth: true } : {}) }, error.status as 400);
    }
    return renderPage(c, {
      title: t(titleKey),
      status: error.status,
      children: (
        <>
          <h1 class="utrecht-heading-1">{t(titleKey)}</h1>
          <p class="utrecht-paragraph">{error.userMessage ?? t(bodyKey)}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/">
              {t('backHome')}
            </a>
          </p>
        </>
      ),
    });
  }
  c.var.deps?.logger.error({ err: error, method: c.req.method, path: c.var.logPath, userId: c.var.principal?.userId }, 'unexpected error');
  if (wantsJson(c)) return c.json({ error: 'internal', message: t('errorBody') }, 500);
  try {
    return await renderPage(c, {
      title: t('errorTitle'),
      status: 500,
      children: (
        <>
          <h1 class="utrecht-heading-1">{t('errorTitle')}</h1>
          <p class="utrecht-paragraph">{t('errorBody')}</p>
        </>
      ),
    });
  } catch {
    // The database may be what failed: fall back to a page that needs nothing.
    return c.html(`<!doctype html><html lang="nl"><title>Er ging iets mis</title><h1>${t('errorTitle')}</h1><p>${t('errorBody')}</p></html>`, 500);
  }
}

export function wantsJson(c: AppContext): boolean {
  return (c.req.header('accept') ?? '').includes('application/json') && !(c.req.header('accept') ?? '').includes('text/html');
}
