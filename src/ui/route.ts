/**
 * Every route is declared with its access rule. The rule is checked centrally
 * (src/app.ts) before the handler runs; the authorization matrix test
 * (test/authorization-matrix.test.ts) enumerates these declarations and fails on
 * any route the app serves that was not declared here.
 */
import type { Permission, ResourceState, Scope } from '../auth/policy.js';
import type { Principal } from '../auth/roles.js';
import type { AppContext } from './context.js';

export type Access =
  /** `cookieless`: a page for the public (src/features/public) — no session, no CSRF or language cookie, language from `?lang=`. */
  | {
      kind: 'public';
      cookieless?: boolean;
      /** `frameable`: other sites may show this page in an iframe (the embed); every other response refuses framing (src/app.ts). */
      frameable?: boolean;
      /**
       * `cached`: the 200 responses are kept in memory and served to every visitor (src/features/public/response-cache.ts):
       * the response may depend only on the path, the query and Accept-Encoding — no cookie, no nonce, no per-visitor data.
       */
      cached?: boolean;
    }
  | { kind: 'authenticated' }
  | {
      kind: 'permission';
      permission: Permission;
      /** Loads the resource's place (and state); throws AppError('not_found') when it does not exist. */
      scope: (c: AppContext) => Promise<{ scope: Scope; state?: ResourceState }>;
      /** What an insider without the permission is told instead of the generic 403 text (who can do it). */
      refusal?: (c: AppContext) => string;
    };

/** Proof that the central check passed; use cases take it instead of trusting a bare id. */
export interface Authorized {
  principal: Principal;
  scope: Scope;
  permission: Permission;
}

export type Handler = (c: AppContext, auth: Authorized | null) => Response | Promise<Response>;

export interface RouteOptions {
  /** Largest request body this route reads, in bytes, checked before anything parses it (src/ui/request-guards.ts). */
  maxBodyBytes?: number;
}

export interface RouteSpec {
  method: 'GET' | 'POST';
  path: string;
  access: Access;
  handler: Handler;
  options?: RouteOptions;
}

export class RouteTable {
  readonly routes: RouteSpec[] = [];
  get(path: string, access: Access, handler: Handler): void {
    this.routes.push({ method: 'GET', path, access, handler });
  }
  post(path: string, access: Access, handler: Handler, options?: RouteOptions): void {
    this.routes.push({ method: 'POST', path, access, handler, ...(options ? { options } : {}) });
  }
}

export const publicAccess: Access = { kind: 'public' };
/** Public and cookie-less: no session is read and no cookie is set; the language comes from the URL. */
export const publicPage: Access = { kind: 'public', cookieless: true };
/** A public, cookie-less page that any site may frame (the embed). */
export const publicEmbed: Access = { kind: 'public', cookieless: true, frameable: true };
/** A cookie-less public page whose 200 responses are cached for every visitor (the parents' pages, the API). */
export const publicCachedPage: Access = { kind: 'public', cookieless: true, cached: true };
/** The embed, cached like the public pages. */
export const publicCachedEmbed: Access = { kind: 'public', cookieless: true, frameable: true, cached: true };

/**
 * Which route a request will reach, the way Hono picks it (the first declared route of the method whose pattern
 * matches), and whether that route's access has the given property. Built once per route table. GET and POST only:
 * a cookie-less POST (the pupil poll's answer) reads no session and gets no CSRF cookie or token check; the route
 * guards itself against other sites' posts (src/features/pupil-poll/routes.tsx).
 */
function getRouteMatcher(table: RouteTable, has: (access: Access) => boolean): (method: string, pathname: string) => boolean {
  const patterns = table.routes.map((route) => {
    const parts = route.path.split('/').map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    return { method: route.method, pattern: new RegExp(`^${parts.join('/')}/?$`), matches: has(route.access) };
  });
  if (!patterns.some((p) => p.matches)) return () => false;
  return (method, pathname) => {
    const wanted = method === 'HEAD' ? 'GET' : method;
    if (wanted !== 'GET' && wanted !== 'POST') return false;
    return patterns.find((p) => p.method === wanted && p.pattern.test(pathname))?.matches ?? false;
  };
}

/** Whether a request reaches a cookie-less public page. */
export function cookielessMatcher(table: RouteTable): (method: string, pathname: string) => boolean {
  return getRouteMatcher(table, (access) => access.kind === 'public' && access.cookieless === true);
}

/** Whether a request reaches a page other sites may frame. */
export function frameableMatcher(table: RouteTable): (method: string, pathname: string) => boolean {
  return getRouteMatcher(table, (access) => access.kind === 'public' && access.frameable === true);
}
/** Whether a request reaches a route whose responses are cached for every visitor (and so carry no CSP nonce). */
export function cachedMatcher(table: RouteTable): (method: string, pathname: string) => boolean {
  return getRouteMatcher(table, (access) => access.kind === 'public' && access.cached === true);
}
export const signedIn: Access = { kind: 'authenticated' };

export function permission(
  name: Permission,
  scope: (c: AppContext) => Promise<{ scope: Scope; state?: ResourceState }>,
  options: { refusal?: (c: AppContext) => string } = {},
): Access {
  return { kind: 'permission', permission: name, scope, ...(options.refusal ? { refusal: options.refusal } : {}) };
}

/** For handlers behind a permission rule: the proof is always there. */
export function authorized(auth: Authorized | null): Authorized {
  if (!auth) throw new Error('route declared without a permission rule uses authorized()');
  return auth;
}
