/**
 * Builds the web app: shared middleware (security headers, session, locale, CSRF),
 * then every feature's routes, each behind its declared access rule.
 */
import { compress } from 'hono/compress';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { getCookie } from 'hono/cookie';
import path from 'node:path';
import { AppError } from './auth/app-error.js';
import { requireAccess } from './auth/policy.js';
import { randomToken, safeEqual, sha256 } from './auth/tokens.js';
import { projectRoot } from './config/project-root.js';
import { findSession, SESSION_COOKIE } from './features/accounts/sessions.js';
import { registerAccountRoutes } from './features/accounts/routes.js';
import { ACCOUNT_PATH, heldForSecondFactorSetup } from './features/accounts/second-factor-rule.js';
import { secondFactorMessages } from './features/accounts/second-factor-messages.js';
import { registerUserManagementRoutes } from './features/accounts/user-management-routes.js';
import { registerPartnershipRoutes } from './features/partnerships/routes.js';
import { registerQuestionnaireRoutes } from './features/questionnaire/routes.js';
import { registerTemplateRoutes } from './features/templates/routes.js';
import { registerCycleRoutes } from './features/cycle/routes.js';
import { registerDocumentRoutes } from './features/documents/routes.js';
import { registerRegisterRoutes } from './features/register/routes.js';
import { registerPlausibilityRoutes } from './features/plausibility/routes.js';
import { registerPupilVoiceRoutes } from './features/pupil-voice/routes.js';
import { registerSupportPointRoutes } from './features/support-point/routes.js';
import { registerInsightRoutes } from './features/insight/routes.js';
import { registerDiversityRoutes } from './features/diversity/routes.js';
import { registerPupilPollRoutes } from './features/pupil-poll/routes.js';
import { registerConversationGuideRoutes } from './features/conversation-guide/routes.js';
import { registerQualityReviewRoutes } from './features/quality-review/routes.js';
import { registerAuditLogRoutes } from './features/audit-log/routes.js';
import type { AppContext, AppDeps, AppEnv } from './ui/context.js';
import { renderError } from './ui/error-pages.js';
import { isLocale, translator } from './ui/i18n.js';
import { RouteTable, cachedMatcher, cookielessMatcher, frameableMatcher, publicAccess, type RouteSpec } from './ui/route.js';
import { registerPublicRoutes } from './features/public/routes.js';
import { createPublicResponseCache, type PublicResponseCache } from './features/public/response-cache.js';
import { createRateLimiter, type RateLimiter } from './features/public/rate-limit.js';
import type { Config } from './config/env.js';
import { ANON_CSRF_COOKIE, LOCALE_COOKIE } from './ui/request.js';
import { requestGuards } from './ui/request-guards.js';
import { pingDatabase } from './db/client.js';
import { setCookie } from 'hono/cookie';


export interface RouteTableOptions {
  /** Requests per client per minute on the public routes (config PUBLIC_RATE_LIMIT_PER_MINUTE; default 600). */
  publicRequestsPerMinute?: number;
  /** The public routes' limiter, shared with the response cache (createApp passes its cache's). */
  publicRateLimiter?: RateLimiter;
}

/** Every route of the app, in one table: the authorization matrix test reads the same list. */
export function buildRouteTable(options: RouteTableOptions = {}): RouteTable {
  const table = new RouteTable();
  table.get('/health', publicAccess, async (c) => {
    try {
      await pingDatabase(c.var.deps.db);
      return c.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      c.var.deps.logger.error({ err: error }, 'health check failed');
      return c.json({ status: 'error', database: 'unreachable' }, 503);
    }
  });
  table.get('/static/*', publicAccess, async (c) => (await staticFiles(c, async () => {})) ?? (await sourceStaticFiles(c, async () => {})) ?? c.notFound());
  registerAccountRoutes(table);
  registerPartnershipRoutes(table);
  registerUserManagementRoutes(table);
  registerQuestionnaireRoutes(table);
  registerTemplateRoutes(table);
  registerCycleRoutes(table);
  registerDocumentRoutes(table);
  registerRegisterRoutes(table);
  registerPlausibilityRoutes(table);
  registerPupilVoiceRoutes(table);
  registerSupportPointRoutes(table);
  registerInsightRoutes(table);
  registerDiversityRoutes(table);
  registerPupilPollRoutes(table);
  registerConversationGuideRoutes(table);
  registerQualityReviewRoutes(table);
  registerAuditLogRoutes(table);
  // Last: `/:swvSlug` must not shadow any route above (src/ui/reserved-paths.ts keeps SWV slugs off them).
  registerPublicRoutes(table, { requestsPerMinute: options.publicRequestsPerMinute, limiter: options.publicRateLimiter });
  return table;
}

const staticRoot = path.relative(process.cwd(), path.join(projectRoot(), 'dist', 'public'));
const staticFiles = serveStatic<AppEnv>({
  root: staticRoot,
  rewriteRequestPath: (p) => p.replace(/^\/static/, ''),
  onFound: (_path, c) => {
    c.header('Cache-Control', 'public, max-age=3600');
  },
});

// Hand-written assets (app.css, favicon) also straight from the source folder, so they are served before a build.
const sourceStaticFiles = serveStatic<AppEnv>({
  root: path.relative(process.cwd(), path.join(projectRoot(), 'static')),
  rewriteRequestPath: (p) => p.replace(/^\/static/, ''),
});

/** What is worth compressing: HTML, CSS, JavaScript, SVG and plain text. */
const COMPRESSED_TYPES = /^(text\/(html|css|javascript|plain)|application\/javascript|image\/svg\+xml)\b/;

/** The per-request nonce (set by the first middleware) as a CSP source: inline <style>/<script> carry it. */
const nonceSource = (c: Context<AppEnv>): string => `'nonce-${c.var.nonce}'`;

/**
 * Security headers (hono/secure-headers). Every response refuses framing, except the pages a route declares
 * `frameable` (the public embed), which any site may frame. Responses cached for every visitor (`cached` routes)
 * carry no nonce: their CSP allows only the app's own style sheets and scripts, and no inline ones at all.
 */
function securityHeaders(options: { secureCookies: boolean; frameable: boolean; nonce: boolean }): MiddlewareHandler<AppEnv> {
  const own = options.nonce ? ["'self'", nonceSource] : ["'self'"];
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: own,
      styleSrc: own,
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: [options.frameable ? '*' : "'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    xFrameOptions: options.frameable ? false : 'DENY',
    referrerPolicy: 'same-origin',
    // Public pages, the open-data API and the embed are meant to be used from other sites.
    crossOriginResourcePolicy: false,
    strictTransportSecurity: options.secureCookies ? 'max-age=31536000; includeSubDomains' : false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}

/** Adds the response's own inline-style hashes (set by its route as `styleHashes`) to the CSP's style-src. */
function allowStyleHashes(c: Context<AppEnv>): void {
  const hashes = c.get('styleHashes');
  const policy = c.res.headers.get('Content-Security-Policy');
  if (!hashes?.length || !policy) return;
  const sources = hashes.map((hash) => `'${hash}'`).join(' ');
  c.res.headers.set('Content-Security-Policy', policy.replace(/style-src ([^;]*)/, (directive) => `${directive} ${sources}`));
}

export interface CreateAppOptions {
  deps: AppDeps;
  /** The public response cache; main.ts passes the one its Node listener also answers from. */
  publicResponses?: PublicResponseCache;
  routes?: RouteTable;
}

/** The public response cache as the settings say (PUBLIC_CACHE_SECONDS, PUBLIC_CACHE_MEGABYTES, the rate limit). */
export function createPublicResponses(config: Config): PublicResponseCache {
  return createPublicResponseCache({
    ttlSeconds: config.PUBLIC_CACHE_SECONDS,
    maxBytes: config.PUBLIC_CACHE_MEGABYTES * 1024 * 1024,
    limiter: createRateLimiter({ perMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE }),
    trustProxy: config.TRUST_PROXY,
    sessionCookie: SESSION_COOKIE,
  });
}

/**
 * One-time links carry their secret in the path (`/uitnodiging/:token`); the request log must not keep it,
 * or anyone who reads the logs can set a password. Every route with a `:token` parameter is redacted.
 */
export function pathRedactor(routes: RouteTable): (pathname: string) => string {
  const patterns = routes.routes
    .filter((route) => route.path.split('/').includes(':token'))
    .map((route) => {
      const parts = route.path.split('/').map((part) => (part === ':token' ? '([^/]+)' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      return new RegExp(`^${parts.join('/')}/?$`);
    });
  return (pathname) => {
    for (const pattern of patterns) {
      const match = pattern.exec(pathname);
      if (match?.[1]) return pathname.replace(`/${match[1]}`, '/[token]');
    }
    return pathname;
  };
}

export function createApp({
  deps,
  publicResponses = createPublicResponses(deps.config),
  routes = buildRouteTable({ publicRateLimiter: publicResponses.limiter }),
}: CreateAppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const redactPath = pathRedactor(routes);
  const isCookieless = cookielessMatcher(routes);

  app.use('*', async (c, next) => {
    const started = performance.now();
    const nonce = randomToken(16);
    c.set('deps', deps);
    c.set('nonce', nonce);
    c.set('principal', null);
    c.set('sessionTokenHash', null);
    c.set('locale', 'nl');
    c.set('csrfToken', '');
    const pathname = new URL(c.req.url).pathname;
    c.set('logPath', redactPath(pathname));
    await next();
    const elapsed = performance.now() - started;
    // Public pages for parents say how long the server took (Server-Timing, shown in the browser's developer tools;
    // bench/public.bench.ts reads it). Only there: signed-in pages do not publish their timings.
    if (isCookieless(c.req.method, pathname)) c.res.headers.set('Server-Timing', `app;dur=${elapsed.toFixed(1)}`);
    if (!pathname.startsWith('/static/')) {
      deps.logger.info({ method: c.req.method, path: c.get('logPath'), status: c.res.status, ms: Math.round(elapsed), userId: c.get('principal')?.userId }, 'request');
    }
  });

  // Public responses kept for every visitor: answered from memory here, or stored once the layers below (security
  // headers, compression) have finished them. Outside those layers, so the stored copy has their headers and bytes.
  const isCached = cachedMatcher(routes);
  app.use('*', publicResponses.cacheMiddleware(isCached));

  // Security headers on every response, set on the finished response's own headers (no copy of the response).
  const isFrameable = frameableMatcher(routes);
  const { secureCookies } = deps.config;
  const headers = securityHeaders({ secureCookies, frameable: false, nonce: true });
  const cachedHeaders = securityHeaders({ secureCookies, frameable: false, nonce: false });
  const frameableHeaders = securityHeaders({ secureCookies, frameable: true, nonce: false });
  app.use('*', async (c, next) => {
    await (isFrameable(c.req.method, c.req.path) ? frameableHeaders : isCached(c.req.method, c.req.path) ? cachedHeaders : headers)(c, next);
    allowStyleHashes(c);
  });

  // Pages, CSS and JavaScript go out compressed (gzip, or deflate): the section page with its CSS and script is
  // about a tenth of its size (test/compression.test.ts). Not the small autosave JSON answers, which would only
  // be streamed for nothing (bench/README.md, Autosave), nor documents (already compressed formats).
  app.use('*', compress({ contentTypeFilter: COMPRESSED_TYPES }));

  // Session, locale and CSRF token for everything except static files and the health check.
  app.use('*', async (c, next) => {
    const pathname = new URL(c.req.url).pathname;
    if (pathname.startsWith('/static/') || pathname === '/health') return next();
    // Public pages for parents read no session and set no cookie; their language comes from the URL.
    if (isCookieless(c.req.method, pathname)) {
      const lang = c.req.query('lang');
      if (isLocale(lang)) c.set('locale', lang);
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const tokenHash = sha256(token);
      const session = await findSession(deps.db, tokenHash, deps.clock.now());
      if (session) {
        c.set('principal', session.principal);
        c.set('sessionTokenHash', tokenHash);
        c.set('csrfToken', session.csrfToken);
        c.set('locale', session.principal.locale);
      }
    }
    if (!c.var.principal) {
      let anonymousToken = getCookie(c, ANON_CSRF_COOKIE);
      if (!anonymousToken || anonymousToken.length < 20) {
        anonymousToken = randomToken();
        setCookie(c, ANON_CSRF_COOKIE, anonymousToken, { httpOnly: true, sameSite: 'Lax', path: '/', secure: deps.config.secureCookies });
      }
      c.set('csrfToken', anonymousToken);
    }
    const cookieLocale = getCookie(c, LOCALE_COOKIE);
    if (isLocale(cookieLocale)) c.set('locale', cookieLocale);
    return next();
  });

  // Body size limit (per route, before anything reads the body), malformed bodies, NUL and lone surrogates.
  app.use('*', requestGuards(routes));

  app.use('*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const pathname = new URL(c.req.url).pathname;
    if (pathname.startsWith('/static/') || pathname === '/health') return next();
    // A cookie-less public POST (the pupil poll) has no session and no CSRF cookie; it checks the Origin itself.
    if (isCookieless(c.req.method, pathname)) return next();
    const headerToken = c.req.header('x-csrf-token');
    let sent = headerToken;
    if (!sent) {
      const contentType = c.req.header('content-type') ?? '';
      if (contentType.includes('form')) {
        const body = await c.req.parseBody({ all: true });
        const value = body['_csrf'];
        sent = typeof value === 'string' ? value : undefined;
      }
    }
    if (!sent || !safeEqual(sent, c.var.csrfToken)) throw new AppError('csrf');
    return next();
  });

  // An administrator who must use a second factor and has none reaches only the account page until it is set up.
  app.use('*', async (c, next) => {
    if (!heldForSecondFactorSetup(c.var.principal, deps.config.REQUIRE_ADMIN_2FA, new URL(c.req.url).pathname)) return next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return c.redirect(`${ACCOUNT_PATH}?verplicht=1`, 303);
    throw new AppError('forbidden', translator(secondFactorMessages, c.var.locale)('forcedForbidden'));
  });

  for (const route of routes.routes) {
    const handler = async (c: AppContext) => {
      if (route.access.kind === 'public') return route.handler(c, null);
      if (!c.var.principal) throw new AppError('unauthenticated');
      if (route.access.kind === 'authenticated') return route.handler(c, null);
      const { scope, state } = await route.access.scope(c);
      const options = { principal: c.var.principal, permission: route.access.permission, scope, state, refusal: route.access.refusal?.(c) };
      requireAccess(options);
      return route.handler(c, { principal: options.principal, permission: options.permission, scope });
    };
    if (route.method === 'GET') app.get(route.path, handler);
    else app.post(route.path, handler);
  }

  app.notFound((c) => renderError(c as AppContext, new AppError('not_found')));
  app.onError((error, c) => renderError(c as AppContext, error));
  return app;
}

export type { RouteSpec };
