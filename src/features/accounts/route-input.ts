/** What the account routes share: their form schemas and the safe return address (the session cookie: log-in-landing.ts). */
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../../auth/password.js';
import type { AppContext } from '../../ui/context.js';
import { translator } from '../../ui/i18n.js';
import { accountsMessages } from './messages.js';

export const accountTexts = (c: AppContext) => translator(accountsMessages, c.var.locale);
type AccountsTranslate = ReturnType<typeof accountTexts>;

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
