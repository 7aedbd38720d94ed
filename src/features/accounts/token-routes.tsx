/** @jsxImportSource hono/jsx */
/** The one-time links: an invitation or a password reset sets a password; an SWV's invitation of an existing account is accepted or declined. */
import { AppError } from '../../auth/app-error.js';
import type { FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { renderPage } from '../../ui/layout.js';
import { publicAccess, type RouteTable } from '../../ui/route.js';
import { answerInvitation } from './answer-invitation.js';
import { loadInvitationPage } from './load-invitation-page.js';
import { loadPasswordTokenPage } from './load-password-token-page.js';
import { setSessionCookie } from './log-in-landing.js';
import { accountTexts, passwordSchema } from './route-input.js';
import { setPasswordWithToken } from './set-password-with-token.js';
import { ConsentAnsweredView, ConsentView, LinkInvalidView, PasswordTokenView } from './views/account-pages.js';

/** 410 Gone: the link existed or never did; either way it will not work again. */
function linkInvalidPage(c: AppContext) {
  return renderPage(c, { title: accountTexts(c)('linkInvalidTitle'), status: 410, children: <LinkInvalidView locale={c.var.locale} /> });
}

function isNotFound(error: unknown): boolean {
  return error instanceof AppError && error.code === 'not_found';
}

/** Invitation and reset links look the same: a token in the path that sets a password. */
function registerTokenRoute(table: RouteTable, basePath: string, purpose: 'invitation' | 'password_reset') {
  const page = async (c: AppContext, errors: FieldErrors) => {
    const t = accountTexts(c);
    const token = c.req.param('token') ?? '';
    const person = await loadPasswordTokenPage({ db: c.var.deps.db, clock: c.var.deps.clock, token, purpose });
    if (!person) return linkInvalidPage(c);
    return renderPage(c, {
      title: purpose === 'invitation' ? t('invitationTitle') : t('resetTitle'),
      status: Object.keys(errors).length ? 400 : 200,
      children: <PasswordTokenView locale={c.var.locale} csrfToken={c.var.csrfToken} purpose={purpose} action={`${basePath}/${token}`} name={person.name} email={person.email} errors={errors} />,
    });
  };
  table.get(`${basePath}/:token`, publicAccess, (c) => page(c, {}));
  table.post(`${basePath}/:token`, publicAccess, async (c) => {
    const parsed = parseForm(passwordSchema(accountTexts(c)), await readForm(c));
    if (!parsed.ok) return page(c, parsed.errors);
    try {
      const result = await setPasswordWithToken({ db: c.var.deps.db, clock: c.var.deps.clock, token: c.req.param('token') ?? '', password: parsed.data.password, purpose, locale: c.var.locale });
      // With a second factor the new password is followed by the log-in with a code.
      if (!result.session) return c.redirect('/inloggen?wachtwoord-gewijzigd=1', 303);
      setSessionCookie(c, result.session.token, result.session.expiresAt);
      return c.redirect('/?welkom=1', 303);
    } catch (error) {
      if (isNotFound(error)) return linkInvalidPage(c);
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
    const token = c.req.param('token') ?? '';
    const invitation = await loadInvitationPage({ db: c.var.deps.db, clock: c.var.deps.clock, token });
    if (!invitation) return linkInvalidPage(c);
    return renderPage(c, {
      title: accountTexts(c)('consentTitle'),
      status: Object.keys(errors).length ? 400 : 200,
      children: <ConsentView locale={c.var.locale} csrfToken={c.var.csrfToken} action={`${basePath}/${token}`} invitation={invitation} errors={errors} />,
    });
  };
  table.get(`${basePath}/:token`, publicAccess, (c) => page(c, {}));
  table.post(`${basePath}/:token`, publicAccess, async (c) => {
    const t = accountTexts(c);
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
      return renderPage(c, {
        title: t('consentTitle'),
        children: <ConsentAnsweredView locale={c.var.locale} invitation={invitation} accepted={result.kind === 'accepted'} signedIn={Boolean(c.var.principal)} />,
      });
    } catch (error) {
      if (isNotFound(error)) return linkInvalidPage(c);
      throw error;
    }
  });
}

export function registerTokenRoutes(table: RouteTable): void {
  registerInvitationConsentRoutes(table);
  registerTokenRoute(table, '/uitnodiging', 'invitation');
  registerTokenRoute(table, '/wachtwoord-herstellen', 'password_reset');
}
