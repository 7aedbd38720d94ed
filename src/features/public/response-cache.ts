/**
 * The finished public responses, kept in memory so a repeat visit costs a lookup instead of queries, rendering,
 * hashing and gzip (issue 13, "Speed"; docs/decisions/0027-public-page-cache.md).
 *
 * What is kept: the 200 responses of the routes declared `cached` (src/ui/route.ts: the public pages, the embed, the
 * open-data API, the brand style sheet), exactly as they left the app — compressed body and every header, security
 * headers included — keyed by the request's own path and query and its Accept-Encoding header, as sent. Keying on
 * the raw bytes instead of a normalised form means the cache can never disagree with the router about which page a
 * URL is (a different spelling is only a miss). Never kept: anything with Set-Cookie, anything but a 200, requests
 * that carry a session cookie.
 *
 * Served from two places, both through `serveHit`: the Node request listener (`wrapRequestListener`, before Hono
 * builds Request and Response objects: the path that must be nearly as cheap as a static file server) and the first
 * middleware of the app (`cacheMiddleware`, for in-process `app.request` and as the place that fills the cache).
 * A hit still counts against the client's rate limit; a refused client falls through to the app, which answers 429.
 *
 * Stale for at most `ttlSeconds` (PUBLIC_CACHE_SECONDS), and not at all in this process after `publicContentChanged()`,
 * which the use cases that change public content call once their transaction committed. Other processes of the same
 * installation only see a change when their copy expires (README, "Several processes").
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../ui/context.js';
import type { RateLimiter } from './rate-limit.js';

/** Bumped by `publicContentChanged()`: every entry stored under an older generation is stale. */
let contentGeneration = 0;

/**
 * Public content changed (a profile published, withdrawn or replaced, an SWV's public settings, a school's contacts,
 * the register): every public response cached in this process is stale from now on. Cheap (a counter), so callers
 * need not be precise about whether the change was visible.
 */
export function publicContentChanged(): void {
  contentGeneration++;
}

/** The counter `publicContentChanged()` bumps, for the other in-process copies of public content (public-data.ts). */
export function publicContentGeneration(): number {
  return contentGeneration;
}

/** Headers that belong to one delivery, not to the stored response. */
const PER_DELIVERY = new Set(['date', 'server-timing', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
/** Left out of a 304, which has no body. */
const BODY_HEADERS = new Set(['content-type', 'content-encoding', 'content-length', 'content-disposition']);

interface CachedResponse {
  key: string;
  body: Buffer;
  /** Header names and values as Node's writeHead takes them (flat list), without the per-delivery ones. */
  headers: string[];
  /** `headers` plus Content-Length: what the Node listener sends (the cached body goes out in one piece). */
  sendHeaders: string[];
  notModifiedHeaders: string[];
  /** The ETag without a W/ prefix, for If-None-Match. */
  etag: string | null;
  expiresAt: number;
  generation: number;
  bytes: number;
}

export interface PublicResponseCacheOptions {
  /** Seconds a response is served from memory (PUBLIC_CACHE_SECONDS); 0 turns the cache off. */
  ttlSeconds: number;
  /** Upper bound of the bodies, headers and keys kept (PUBLIC_CACHE_MEGABYTES). */
  maxBytes: number;
  /** The public routes' per-client limiter: a hit counts like any other request. */
  limiter: RateLimiter;
  /** TRUST_PROXY: the client address is the right-most X-Forwarded-For hop (src/ui/request.ts). */
  trustProxy: boolean;
  /** The session cookie's name: a request that carries one is never answered from the cache. */
  sessionCookie: string;
  now?: () => number;
}

export interface PublicResponseCache {
  readonly limiter: RateLimiter;
  /** The Node listener with the cache in front of it. */
  wrapRequestListener(listener: RequestListener): RequestListener;
  /** First middleware of the app: answers hits, stores the cacheable 200 responses of `isCached` routes. */
  cacheMiddleware(isCached: (method: string, pathname: string) => boolean): MiddlewareHandler<AppEnv>;
  stats(): { entries: number; bytes: number; hits: number; misses: number };
  clear(): void;
}

/** Entries larger than this share of the cap are not kept: one big download must not empty the cache. */
const LARGEST_SHARE = 8;
/** Rough cost of an entry's bookkeeping beyond its bytes (object, Map slot, strings' headers). */
const ENTRY_OVERHEAD = 200;

export function createPublicResponseCache(options: PublicResponseCacheOptions): PublicResponseCache {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlSeconds * 1000;
  // A Map iterates in insertion order; a hit moves its entry to the end, so the first entry is the least recently used.
  const entries = new Map<string, CachedResponse>();
  const sessionPrefix = `${options.sessionCookie}=`;
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  const remove = (entry: CachedResponse) => {
    entries.delete(entry.key);
    bytes -= entry.bytes;
  };

  const lookup = (key: string): CachedResponse | null => {
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.generation !== contentGeneration || entry.expiresAt <= now()) {
      remove(entry);
      return null;
    }
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  };

  const store = (entry: CachedResponse) => {
    if (entry.bytes > options.maxBytes / LARGEST_SHARE) return;
    const old = entries.get(entry.key);
    if (old) remove(old);
    entries.set(entry.key, entry);
    bytes += entry.bytes;
    for (const oldest of entries.values()) {
      if (bytes <= options.maxBytes) break;
      remove(oldest);
    }
  };

  const carriesSession = (cookie: string | undefined) => cookie?.includes(sessionPrefix) === true;

  /** The entry that may answer this request, or null (off, not a plain GET, signed in, not cached, stale). */
  const hitFor = (method: string | undefined, url: string, acceptEncoding: string | undefined, cookie: string | undefined): CachedResponse | null => {
    if (ttlMs <= 0 || method !== 'GET' || carriesSession(cookie)) return null;
    return lookup(keyOf(url, acceptEncoding));
  };

  const matches = (entry: CachedResponse, ifNoneMatch: string | undefined) =>
    entry.etag !== null && ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === entry.etag) === true;

  const serverTiming = (started: number) => `app;dur=${(performance.now() - started).toFixed(1)}`;

  return {
    limiter: options.limiter,

    wrapRequestListener(listener) {
      return (req: IncomingMessage, res: ServerResponse) => {
        const started = performance.now();
        const entry = hitFor(req.method, req.url ?? '', req.headers['accept-encoding'], req.headers.cookie);
        if (!entry || !options.limiter.take(clientAddress(req, options.trustProxy), now())) {
          listener(req, res);
          return;
        }
        hits++;
        if (matches(entry, req.headers['if-none-match'])) {
          res.writeHead(304, [...entry.notModifiedHeaders, 'server-timing', serverTiming(started)]);
          res.end();
          return;
        }
        const headers = entry.sendHeaders.slice();
        headers.push('server-timing', serverTiming(started));
        res.writeHead(200, headers);
        res.end(entry.body);
      };
    },

    cacheMiddleware(isCached) {
      return async (c, next) => {
        if (ttlMs <= 0 || c.req.method !== 'GET') return next();
        const url = pathAndQuery(c.req.url);
        const pathname = c.req.path;
        if (!isCached('GET', pathname)) return next();
        const acceptEncoding = c.req.header('accept-encoding');
        const cookie = c.req.header('cookie');
        const entry = hitFor('GET', url, acceptEncoding, cookie);
        if (entry) {
          const client = clientAddressOf(c.req.header('x-forwarded-for'), (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress, options.trustProxy);
          if (options.limiter.take(client, now())) {
            hits++;
            if (matches(entry, c.req.header('if-none-match'))) {
              c.res = new Response(null, { status: 304, headers: pairs(entry.notModifiedHeaders) });
              return;
            }
            c.res = new Response(new Uint8Array(entry.body), { status: 200, headers: pairs(entry.headers) });
            return;
          }
          // Over the limit: the route answers 429 (it counts again; the client stays over).
          return next();
        }
        if (carriesSession(cookie)) return next();
        misses++;
        // Taken before rendering: a change published while this page renders makes the stored copy stale at once.
        const generation = contentGeneration;
        await next();
        const response = c.res;
        if (response.status !== 200 || response.headers.has('set-cookie') || !response.body) return;
        const body = Buffer.from(await response.arrayBuffer());
        const headers: string[] = [];
        const notModifiedHeaders: string[] = [];
        let headerBytes = 0;
        response.headers.forEach((value, name) => {
          if (PER_DELIVERY.has(name)) return;
          headers.push(name, value);
          if (!BODY_HEADERS.has(name)) notModifiedHeaders.push(name, value);
          headerBytes += name.length + value.length;
        });
        const etag = response.headers.get('etag')?.replace(/^W\//, '') ?? null;
        store({ key: keyOf(url, acceptEncoding), body, headers, sendHeaders: [...headers, 'content-length', String(body.length)], notModifiedHeaders, etag, expiresAt: now() + ttlMs, generation, bytes: body.length + headerBytes + url.length + ENTRY_OVERHEAD });
        c.res = new Response(new Uint8Array(body), response);
      };
    },

    stats: () => ({ entries: entries.size, bytes, hits, misses }),
    clear() {
      entries.clear();
      bytes = 0;
    },
  };
}

const keyOf = (url: string, acceptEncoding: string | undefined) => `${acceptEncoding ?? ''}\n${url}`;

/** `http://host/path?query` → `/path?query`: what the Node request carried as its URL. */
function pathAndQuery(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  return start < 0 ? '/' : url.slice(start);
}

function pairs(flat: string[]): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  for (let i = 0; i < flat.length; i += 2) result.push([flat[i]!, flat[i + 1]!]);
  return result;
}

function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  return clientAddressOf(Array.isArray(forwarded) ? forwarded.join(',') : forwarded, req.socket.remoteAddress, trustProxy);
}

/** The same rule as requestClientAddress (src/ui/request.ts), on bare headers. */
function clientAddressOf(forwardedFor: string | undefined, remote: string | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = forwardedFor?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return remote ?? 'unknown';
}
