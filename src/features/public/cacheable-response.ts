/**
 * A public response the same for every visitor: a strong ETag over its bytes (304 when it matches), Cache-Control,
 * and gzip in one piece when the client accepts it (the compress middleware leaves a response with a
 * Content-Encoding alone), so the response leaves in one write with its length, as a cached copy does later.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { parseAccept } from 'hono/utils/accept';
import type { AppContext } from '../../ui/context.js';

/** Browsers and proxies may reuse a public page this long; after that they revalidate with the ETag. */
export const CACHE_CONTROL = 'public, max-age=300';

export function cacheable(c: AppContext, content: string | Buffer, contentType: string, cacheControl = CACHE_CONTROL): Response {
  // To bytes once: the hash and gzip below would each convert a page's string (a rope of many pieces) again.
  const body = typeof content === 'string' ? Buffer.from(content) : content;
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  c.header('Cache-Control', cacheControl);
  c.header('ETag', etag);
  c.header('Vary', 'Accept-Encoding');
  const match = c.req.header('if-none-match');
  if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return c.body(null, 304);
  c.header('Content-Type', contentType);
  if (body.length >= COMPRESS_FROM_BYTES && COMPRESSIBLE.test(contentType) && c.req.method !== 'HEAD' && acceptsGzip(c.req.header('accept-encoding'))) {
    // Compressed here in one piece instead of by the compress middleware's stream (which skips a response that
    // already has a Content-Encoding): the page leaves in one write with its length, as a cached copy does later.
    c.header('Content-Encoding', 'gzip');
    return c.body(new Uint8Array(gzipSync(body)), 200);
  }
  return c.body(new Uint8Array(body.buffer, body.byteOffset, body.byteLength) as Uint8Array<ArrayBuffer>, 200);
}

/** Public responses worth compressing: pages, style sheets, the API's JSON and the CSV. Smaller ones go as they are. */
const COMPRESSIBLE = /^(text\/(html|css|csv)|application\/json)\b/;
const COMPRESS_FROM_BYTES = 1024;

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const accepts = parseAccept(header);
  const q = accepts.find((a) => a.type.toLowerCase() === 'gzip')?.q ?? accepts.find((a) => a.type === '*')?.q ?? 0;
  return q > 0;
}
