/** What the browser gets once a log-in succeeds (after the password, or after the code): the cookie and a page to go to. */
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sha256 } from '../../auth/tokens.js';
import type { AppContext } from '../../ui/context.js';
import { homeLandings } from './home-landings.js';
import { loadSessionPrincipal } from './repository.js';
import { PENDING_LOGIN_MINUTES } from './second-factor.js';
import { SESSION_COOKIE } from './sessions.js';

/** The pending log-in between password and code (verify-second-step.ts); only sent to the log-in pages. */
export const PENDING_LOGIN_COOKIE = 'sop_login';

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

export function setPendingLoginCookie(c: AppContext, token: string): void {
  setCookie(c, PENDING_LOGIN_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: c.var.deps.config.secureCookies, path: '/inloggen', maxAge: PENDING_LOGIN_MINUTES * 60 });
}

export function pendingLoginToken(c: AppContext): string | undefined {
  return getCookie(c, PENDING_LOGIN_COOKIE);
}

export function clearPendingLoginCookie(c: AppContext): void {
  deleteCookie(c, PENDING_LOGIN_COOKIE, { path: '/inloggen' });
}

/** Where to go after logging in: the page asked for, else the one obvious place to work (home-landings.ts), else home. */
export async function landingAfterLogIn(c: AppContext, sessionToken: string, returnTo: string | null): Promise<string> {
  if (returnTo) return returnTo;
  const session = await loadSessionPrincipal(c.var.deps.db, sha256(sessionToken), c.var.deps.clock.now());
  for (const landing of session ? homeLandings : []) {
    const href = await landing(c, session!.principal);
    if (href) return href;
  }
  return '/';
}
