/** What the account routes share: their form schemas, the session cookie and the safe return address. */
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../../auth/password.js';
import type { AppContext } from '../../ui/context.js';
import { translator } from '../../ui/i18n.js';
import { accountsMessages } from './messages.js';
import { SESSION_COOKIE } from './sessions.js';

export const accountTexts = (c: AppContext) => translator(accountsMessages, c.var.locale);
type AccountsTranslate = ReturnType<typeof accountTexts>;

export function setSessionCookie(c: AppContext, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.config.secureCookies,
    path: '/',
    // Relative lifetime: the server enforces the real expiry, and the injectable clock may differ from the browser's.
    maxAge: Math.max(60, Math.round((expiresAt.getTime() - c.var.deps.clock.now().getTime()) / 1000)),
  });
}

/**
 * Only paths on this site, so a crafted link cannot send someone elsewhere after logging in. Resolved the
 * way a browser would (which drops tabs and newlines and reads "\\" as "/"), then checked for the same origin.
 */
export function safeReturnPath(value: string | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
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

export function loginSchema(t: AccountsTranslate) {
  return z.object({
    email: z.string({ error: t('emailRequired') }).trim().min(1, { error: t('emailRequired') }).pipe(z.email({ error: t('emailInvalid') })),
    password: z.string({ error: t('passwordRequired') }).min(1, { error: t('passwordRequired') }),
    terug: z.string().optional(),
  });
}

export function forgotSchema(t: AccountsTranslate) {
  return z.object({ email: z.string().trim().min(1, { error: t('emailRequired') }).pipe(z.email({ error: t('emailInvalid') })) });
}

export function passwordSchema(t: AccountsTranslate) {
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
