/**
 * Guards at the edge, before CSRF parsing and before any route: the body size limit of the route (checked
 * before anything reads the body), a malformed form body, and text no database column can hold — a NUL
 * character or half of a UTF-16 surrogate pair — in the path, the query, a form field or a JSON body.
 * Each answers 4xx with a Dutch message; without these guards they reached a query and became a 500 whose log
 * line carried the user's text (issue 16).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../auth/app-error.js';
import type { AppContext, AppEnv } from './context.js';
import { translator, type Translate } from './i18n.js';
import { uiMessages } from './messages.js';
import type { RouteTable } from './route.js';

/** Default for every route that does not declare more: forms and autosave are small. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const NUL_OR_LONE_SURROGATE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True for text PostgreSQL cannot store (NUL) or that is not valid Unicode (a lone surrogate). */
export function hasUnstorableText(text: string): boolean {
  return NUL_OR_LONE_SURROGATE.test(text);
}

/** Walks a parsed JSON value (keys and strings), bounded in depth so a hostile nesting cannot stall us. */
function jsonHasUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return hasUnstorableText(value);
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((entry) => jsonHasUnstorableText(entry, depth + 1));
  return Object.entries(value).some(([key, entry]) => hasUnstorableText(key) || jsonHasUnstorableText(entry, depth + 1));
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} kB`;
}

/** The body limit per POST route, from the route table (`maxBodyBytes`), matched like the router does. */
export function bodyLimits(routes: RouteTable): (method: string, pathname: string) => number {
  const declared = routes.routes
    .filter((route) => route.method === 'POST' && route.options?.maxBodyBytes)
    .map((route) => {
      const parts = route.path.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      return { pattern: new RegExp(`^${parts.join('/')}/?$`), max: route.options!.maxBodyBytes! };
    });
  return (method, pathname) => {
    if (method !== 'POST') return DEFAULT_MAX_BODY_BYTES;
    return declared.find((route) => route.pattern.test(pathname))?.max ?? DEFAULT_MAX_BODY_BYTES;
  };
}

export function requestGuards(routes: RouteTable): MiddlewareHandler<AppEnv> {
  const limitFor = bodyLimits(routes);
  return async (c, next) => {
    const t = translator(uiMessages, c.var.locale);
    const url = new URL(c.req.url);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      throw new AppError('invalid_input', t('malformedAddress'));
    }
    if (hasUnstorableText(pathname)) throw new AppError('invalid_input', t('malformedAddress'));
    for (const [key, value] of url.searchParams) if (hasUnstorableText(key) || hasUnstorableText(value)) throw new AppError('invalid_input', t('malformedAddress'));
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();

    const max = limitFor(c.req.method, url.pathname);
    // Only upload routes take more than the default, and only from a signed-in session: an anonymous visitor's
    // large body is refused before a byte of it is read (uploads carry their CSRF token inside the body).
    if (max > DEFAULT_MAX_BODY_BYTES && !c.var.principal) throw new AppError('unauthenticated');
    const limited = bodyLimit({
      maxSize: max,
      onError: () => {
        throw new AppError('payload_too_large', t('tooLargeBody', { max: formatBytes(max) }));
      },
    });
    return limited(c, async () => {
      await checkBody(c as AppContext, t);
      await next();
    });
  };
}

async function checkBody(c: AppContext, t: Translate<keyof (typeof uiMessages)['nl'] & string>): Promise<void> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'multipart/form-data' || mediaType === 'application/x-www-form-urlencoded') {
    let body: Record<string, unknown>;
    try {
      // Parsed once here; Hono keeps the parsed form, so the CSRF check and the route read the same one.
      body = await c.req.parseBody({ all: true });
    } catch {
      throw new AppError('invalid_input', t('malformedBody'));
    }
    for (const [key, value] of Object.entries(body)) {
      if (hasUnstorableText(key)) throw new AppError('invalid_input', t('unstorableText'));
      for (const entry of Array.isArray(value) ? value : [value]) {
        if (typeof entry === 'string' && hasUnstorableText(entry)) throw new AppError('invalid_input', t('unstorableText'));
        // An uploaded file's name is text we show and store; its content is the feature's to judge (encoding, format).
        if (entry instanceof File && hasUnstorableText(entry.name)) throw new AppError('invalid_input', t('unstorableText'));
      }
    }
  } else if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      return; // Malformed JSON: the route answers it in its own words.
    }
    if (jsonHasUnstorableText(json)) throw new AppError('invalid_input', t('unstorableText'));
  }
}
