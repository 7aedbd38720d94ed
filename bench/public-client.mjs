/**
 * Load generator for bench/public.bench.ts, in its own process (plain JavaScript, no tsx loader), so its work is
 * neither the app's CPU nor on the app's event loop. Every visitor (or, at saturation, every connection) keeps one
 * keep-alive HTTP/1.1 connection (bench/http1-connection.mjs); responses are counted, not decompressed or parsed:
 * a load generator must cost far less than what it measures.
 *
 * Protocol (IPC), one job at a time:
 * - { kind: 'browse', port, visitors, seconds, seed, addressBase, slug, codes, supportTerms, postcodes }: visitors
 *   browsing like people (1–3 s between pages, seeded random): the SWV page → a search (by support or by postcode)
 *   → maybe the other search → a school page → maybe a comparison of 2–4 schools → the API (school or SWV).
 *   Answers { requests, byKind: { kind: { serverMs[], clientMs[] } }, statuses, errors, firstError, bytes, cpuMs }.
 * - { kind: 'saturate', port, path, connections, seconds, addressBase }: every connection requests `path` again as
 *   soon as the answer is in (no pause), the requests spread over SATURATION_ADDRESSES client addresses in turn
 *   (X-Forwarded-For) so the rate limit counts every request but never refuses one. Fewer addresses than the
 *   limiter's 50 000 per minute: beyond that it puts new clients in one shared bucket, which would refuse (at
 *   ~8 000 req/s one address per request passes 50 000 within a round). Answers { requests, statuses, errors, firstError, bytes, cpuMs }.
 */
import { connection } from './http1-connection.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** mulberry32: a small seeded generator, so every run browses the same way. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An IPv4 address for client number n (10.0.0.0/8). */
const address = (n) => `10.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

const requestText = (path, client) =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: opensop-bench\r\nAccept: text/html,application/json\r\nAccept-Encoding: br, gzip\r\nX-Forwarded-For: ${client}\r\n\r\n`;

const serverTime = (head) => {
  const match = /\r\nserver-timing: *app;dur=([0-9.]+)/i.exec(head);
  return match ? Number(match[1]) : null;
};

async function browse({ port, visitors, seconds, seed, addressBase, slug, codes, supportTerms, postcodes }) {
  const cpuStart = process.cpuUsage();
  const end = Date.now() + seconds * 1000;
  const byKind = {};
  const statuses = {};
  let requests = 0;
  let errors = 0;
  let bytes = 0;
  let firstError = null;
  const note = (kind, status, server, client) => {
    const entry = (byKind[kind] ??= { serverMs: [], clientMs: [] });
    if (server !== null) entry.serverMs.push(server);
    entry.clientMs.push(client);
    statuses[status] = (statuses[status] || 0) + 1;
  };
  await Promise.all(
    Array.from({ length: visitors }, async (_, index) => {
      const rand = random(seed * 7919 + index);
      const pick = (list) => list[Math.floor(rand() * list.length)];
      const conn = connection(port);
      const client = address(addressBase + index);
      const english = rand() < 0.1;
      const href = (path, params = []) => {
        const search = new URLSearchParams(params);
        if (english) search.set('lang', 'en');
        const query = search.toString();
        return query ? `${path}?${query}` : path;
      };
      const visit = async (kind, path) => {
        if (Date.now() >= end) return false;
        const started = performance.now();
        try {
          const { status, head, bytes: size } = await conn.request(requestText(path, client));
          requests += 1;
          bytes += size;
          note(kind, status, serverTime(head), performance.now() - started);
          if (status !== 200) {
            errors += 1;
            firstError ??= `${status} ${path}`;
          }
        } catch (error) {
          errors += 1;
          firstError ??= `${path}: ${error}`;
        }
        // Reading the page: 1–3 s.
        await sleep(1000 + rand() * 2000);
        return Date.now() < end;
      };
      // Visitors arrive spread over the first three seconds.
      await sleep(rand() * 3000);
      const bySupport = () => visit('search by support', href(`/${slug}/zoeken`, [['ondersteuning', pick(supportTerms)]]));
      const byPostcode = () => visit('search by postcode', href(`/${slug}/zoeken`, [['postcode', pick(postcodes)]]));
      while (Date.now() < end) {
        if (!(await visit('SWV page', href(`/${slug}`)))) break;
        const supportFirst = rand() < 0.5;
        if (!(await (supportFirst ? bySupport() : byPostcode()))) break;
        if (rand() < 0.4 && !(await (supportFirst ? byPostcode() : bySupport()))) break;
        const code = pick(codes);
        if (!(await visit('school page', href(`/${slug}/scholen/${code}`)))) break;
        if (rand() < 0.5) {
          const count = 2 + Math.floor(rand() * 3);
          const chosen = new Set([code]);
          while (chosen.size < count) chosen.add(pick(codes));
          if (!(await visit('compare', href(`/${slug}/vergelijk`, [...chosen].map((c) => ['school', c]))))) break;
        }
        if (rand() < 0.8) {
          if (!(await visit('API school (JSON)', `/api/${slug}/scholen/${pick(codes)}`))) break;
        } else if (!(await visit('API SWV (JSON)', `/api/${slug}`))) break;
      }
      conn.close();
    }),
  );
  const cpu = process.cpuUsage(cpuStart);
  return { requests, byKind, statuses, errors, firstError, bytes, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Client addresses of a saturation round: ≤ 600 requests each per minute at 10 000 req/s, and far below the limiter's client cap. */
const SATURATION_ADDRESSES = 10_000;

async function saturate({ port, path, connections, seconds, addressBase }) {
  const cpuStart = process.cpuUsage();
  const end = Date.now() + seconds * 1000;
  const statuses = {};
  let requests = 0;
  let errors = 0;
  let bytes = 0;
  let firstError = null;
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const conn = connection(port);
      while (Date.now() < end) {
        try {
          const { status, bytes: size } = await conn.request(requestText(path, address(addressBase + (next++ % SATURATION_ADDRESSES))));
          requests += 1;
          bytes += size;
          statuses[status] = (statuses[status] || 0) + 1;
          if (status !== 200) {
            errors += 1;
            firstError ??= `${status} ${path}`;
          }
        } catch (error) {
          errors += 1;
          firstError ??= `${path}: ${error}`;
        }
      }
      conn.close();
    }),
  );
  const cpu = process.cpuUsage(cpuStart);
  return { requests, statuses, errors, firstError, bytes, cpuMs: (cpu.user + cpu.system) / 1000 };
}

process.on('message', (message) => {
  (message.kind === 'browse' ? browse(message) : saturate(message)).then(
    (result) => process.send(result),
    (error) => process.send({ error: String(error?.stack ?? error) }),
  );
});
