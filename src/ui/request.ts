import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppContext } from './context.js';

export const ANON_CSRF_COOKIE = 'sop_csrf';
export const LOCALE_COOKIE = 'sop_lang';

/**
 * The client's address for rate limiting; X-Forwarded-For only behind a trusted proxy, and then its
 * right-most hop: the one our proxy appended. Hops to the left come from the client and can be forged.
 */
export function requestClientAddress(c: AppContext): string {
  if (c.var.deps.config.TRUST_PROXY) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Absolute base for links in e-mails: always the configured PUBLIC_BASE_URL (or the local default), never the
 * request's Host header, which an attacker controls (a reset link to their own site would leak the token).
 */
export function baseUrl(c: AppContext): string {
  return c.var.deps.config.PUBLIC_BASE_URL;
}
