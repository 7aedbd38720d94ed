/**
 * Hostile input, seeded and bounded (issue 16): malformed requests to every POST route of the app and to the
 * autosave endpoint, as an SWV administrator, a school editor, another SWV's administrator and anonymously, with
 * valid CSRF tokens (so requests get past the CSRF check): wrong types, huge strings, NUL and lone surrogates,
 * unknown and missing fields, broken JSON, broken multipart, broken percent-encoding, odd path parameters.
 *
 * Fails on any 5xx, on a stack trace, an internal error name or SQL text in a response body, and on any change to
 * the data by requests that were all refused (4xx, or sent to log in). Runs once, on PGlite.
 *
 * Replay: the seed is printed; FUZZ_SEED=<seed> repeats the run exactly. FUZZ_REQUESTS (default 3,000, at most
 * 20,000) sets the number of requests, FUZZ_BUDGET_SECONDS (default 240) the most time it may take.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRouteTable } from '../src/app.js';
import { postForms } from './support/form-fields.js';
import { matrixFixtures, type MatrixFixtures } from './support/matrix-fixtures.js';
import { seededRandom, seedFrom, type Random } from './support/prng.js';
import { changedTables, tableChecksums } from './support/table-checksums.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';

const SEED = seedFrom(process.env['FUZZ_SEED']);
const REQUESTS = Math.min(20_000, Math.max(100, Number(process.env['FUZZ_REQUESTS'] ?? 3_000) || 3_000));
/**
 * A bound on the run, not an assertion: on a busy machine the fuzzer stops sending after this long (and says how
 * far it got), so the suite stays within CI's time. The seed's sequence is the same; a replay on a quiet machine
 * sends all of it.
 */
const BUDGET_MS = (Number(process.env['FUZZ_BUDGET_SECONDS'] ?? 240) || 240) * 1000;

const PERSONAS = ['anonymous', 'swv_admin', 'school_editor', 'b_swv_admin'] as const;
type Persona = (typeof PERSONAS)[number];

/** Log-in bookkeeping: a refused log-in counts the failure (the throttle); that is its purpose. */
const MAY_CHANGE_ON_REFUSAL = new Set(['login_attempts']);
/**
 * The section form without JavaScript saves every valid field and answers 400 (or 409) for the rest, so nothing a
 * school typed is lost (docs/domain.md): a refusal there may have saved the other fields.
 */
const PARTIAL_SAVE: Record<string, Set<string>> = {
  '/profielen/:profileId/onderdelen/:sectionKey': new Set(['answers', 'answer_history', 'profiles', 'audit_log']),
};

const AUTOSAVE = '/profielen/:profileId/antwoorden';

/** What no response may contain: stack frames, internal error names, database error texts, unescaped input. */
const LEAKS: Array<[string, RegExp]> = [
  ['stack frame', /\n\s*at \S[^\n]*:\d+:\d+/],
  ['stack frame', /\bat (?:async )?[\w.$<>]+ \((?:file:\/\/|\/)[^)]*:\d+:\d+\)/],
  ['error name', /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|ZodError|DrizzleQueryError)\b/],
  ['source path', /node_modules\/|\/src\/(?:features|ui|auth|db)\//],
  ['SQL', /Failed query|syntax error at or near|violates (?:not-null|foreign key|unique|check) constraint|duplicate key value|invalid input syntax for type|invalid byte sequence for encoding/i],
  ['SQL', /\b(?:insert into|delete from|update) "[a-z_]+"/i],
  ['SQL', /\bselect\b[^<>]{0,300}\bfrom "[a-z_]+"/i],
  ['unescaped input', /<script>alert\(1\)<\/script>/],
];

/** Strings that have broken parsers, databases and renderers before. */
const HOSTILE_STRINGS = [
  '\u0000',
  'Dalton\u0000onderwijs',
  '\ud800',
  'een \udfff alleen',
  '\udbff\udbff',
  '😀'.repeat(500),
  '𝒳 ẞ Ĳ',
  '\u202eomgekeerd',
  '\r\n\r\n--',
  "' or 1=1 --",
  '"; drop table answers; --',
  '<script>alert(1)</script>',
  '-1',
  '0',
  '1e309',
  'NaN',
  '99999999999999999999999',
  '3.5',
  '',
  '   ',
  'true',
  '[]',
  '{}',
  'null',
  '../../../etc/passwd',
  '%00',
  'javascript:alert(1)',
  '2026-02-30',
  '9999-99-99',
  'x'.repeat(70_000),
  'Ondersteuning '.repeat(8_000),
];

/** Path parameter values, already URL-encoded as they would arrive. */
const ODD_PARAMS = ['%00', '%ED%A0%80', '%FF', '%E2%80%AE', '..%2F..%2Fbeheer', 'x'.repeat(3_000), '0', '-1', 'null', '%27%22', '%20', crypto.randomUUID(), '00000000-0000-0000-0000-000000000000'];

/** A JSON value of a random, usually wrong, type. */
function oddJson(random: Random): unknown {
  return random.pick<() => unknown>([
    () => random.pick(HOSTILE_STRINGS),
    () => random.int(2) === 0 ? -1 : 2 ** 53 + 7,
    () => 3.25,
    () => true,
    () => null,
    () => [],
    () => [random.pick(HOSTILE_STRINGS), 7, null],
    () => ({}),
    () => ({ value: random.pick(HOSTILE_STRINGS), __proto__: { admin: true } }),
    () => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}'),
    () => ({ target: random.pick(HOSTILE_STRINGS), schoolYear: random.pick(HOSTILE_STRINGS) }),
  ])();
}

interface Attempt {
  description: string;
  path: string;
  init: RequestInit & { headers?: Record<string, string> };
}

type Body = Record<string, string | string[]>;

function urlencoded(body: Body): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  return params.toString();
}

/**
 * A file's bytes from the seeded sequence (a replay repeats them): half of them any byte, which a reader
 * mostly refuses as binary; half of them text-like (letters, delimiters, quotes, line ends), which reaches the parser.
 */
function randomFileBytes(random: Random): Uint8Array<ArrayBuffer> {
  const textLike = random.chance(0.5);
  const alphabet = 'ab;,\t"\r\n 12AB\u00e9';
  const alphabetBytes = new TextEncoder().encode(alphabet);
  return Uint8Array.from({ length: random.int(4096) }, () => (textLike ? alphabetBytes[random.int(alphabetBytes.length)]! : random.int(256)));
}

/** One malformed request to a form route, built from a valid body. */
function formAttempt(random: Random, path: string, oddPaths: string[], valid: Body, csrf: string): Attempt {
  const body: Body = { ...valid, _csrf: csrf };
  const fields = Object.keys(valid).filter((key) => key !== '_csrf');
  const field = fields.length > 0 && random.chance(0.8) ? random.pick(fields) : random.pick(['naam', 'email', 'value', 'id']);
  const form = (description: string, posted: Body, target = path): Attempt => ({
    description,
    path: target,
    init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: urlencoded(posted) },
  });
  const kind = random.int(13);
  switch (kind) {
    case 0:
    case 1:
    case 2: {
      const value = random.pick(HOSTILE_STRINGS);
      return form(`field ${field} = ${JSON.stringify(value.slice(0, 40))}${value.length > 40 ? `… (${value.length} chars)` : ''}`, { ...body, [field]: value });
    }
    case 3:
      return form(`field ${field} twice`, { ...body, [field]: [random.pick(HOSTILE_STRINGS), random.pick(HOSTILE_STRINGS)] });
    case 4: {
      const without = { ...body };
      delete without[field];
      return form(`without field ${field}`, without);
    }
    case 5:
      return form('only the CSRF token', { _csrf: csrf });
    case 6:
      return form('unknown fields', { ...body, __proto__x: 'x', constructor: 'y', 'contacts.99.name': 'Z', 'a[b][c]': 'd', ['k'.repeat(500)]: 'v', [`${field}.base`]: '{"value":' });
    case 7:
      return {
        description: 'broken percent-encoding',
        path,
        init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${encodeURIComponent(csrf)}&${encodeURIComponent(field)}=%ZZ%E0%A4%&%=%%` },
      };
    case 8: {
      const data = new FormData();
      for (const [key, value] of Object.entries(body)) for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
      data.set(field, random.chance(0.5) ? new File([randomFileBytes(random)], 'bestand.bin', { type: 'application/octet-stream' }) : random.pick(HOSTILE_STRINGS));
      return { description: `multipart with field ${field} replaced`, path, init: { method: 'POST', body: data } };
    }
    case 9: {
      const boundary = random.chance(0.5) ? 'grens' : '';
      const raw = `--grens\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--grens\r\nContent-Disposition: form-data; name="${field}"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nVESTIGING;NAAM\r\n--gr`;
      return { description: `broken multipart${boundary ? '' : ' without boundary'}`, path, init: { method: 'POST', headers: { 'content-type': `multipart/form-data${boundary ? `; boundary=${boundary}` : ''}` }, body: raw } };
    }
    case 10: {
      const json = random.chance(0.5) ? JSON.stringify({ ...body, [field]: oddJson(random) }) : '{"_csrf":';
      return { description: `JSON to a form route: ${json.slice(0, 60)}`, path, init: { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: json } };
    }
    case 11: {
      const type = random.pick(['text/plain', 'application/xml', 'application/octet-stream', 'x/y; charset=utf-99', '']);
      return { description: `content-type ${JSON.stringify(type)}`, path, init: { method: 'POST', headers: { 'content-type': type, 'x-csrf-token': csrf }, body: urlencoded(body) } };
    }
    default: {
      if (oddPaths.length === 0) return form(`field ${field} = NUL`, { ...body, [field]: '\u0000' });
      const odd = random.pick(oddPaths);
      return form(`odd path ${odd.slice(0, 80)}`, body, odd);
    }
  }
}

/** One malformed request to the autosave endpoint (JSON), built from a valid change. */
function autosaveAttempt(random: Random, path: string, oddPaths: string[], valid: Record<string, unknown>, csrf: string): Attempt {
  const json = (description: string, body: string, target = path): Attempt => ({
    description,
    path: target,
    init: { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf }, body },
  });
  const key = random.pick(['itemKey', 'field', 'value', 'baseRevision', 'baseValue']);
  switch (random.int(9)) {
    case 0:
    case 1:
    case 2:
      return json(`${key} of an odd type`, JSON.stringify({ ...valid, [key]: oddJson(random) }));
    case 3: {
      const without = { ...valid };
      delete without[key];
      return json(`without ${key}`, JSON.stringify(without));
    }
    case 4:
      return json('unknown keys', JSON.stringify({ ...valid, extra: 1, ['k'.repeat(300)]: true, nested: { deeper: [1, 2, 3] } }));
    case 5:
      return json('broken JSON', random.pick(['{"itemKey":', '{', '[', 'null', '""', '{"value": NaN}', '\u0000', '{"a":"\\ud800"}', `{"value":"${'\\u0000'}"}`]));
    case 6: {
      const depth = random.pick([100, 5_000, 50_000]);
      return json(`nested ${depth} deep`, `{"itemKey":"x","field":"value","baseRevision":0,"value":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    }
    case 7:
      return { description: 'form body to the JSON endpoint', path, init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf }, body: `itemKey=%ZZ&value=${'a'.repeat(1000)}` } };
    default: {
      if (oddPaths.length === 0) return json('NUL value', JSON.stringify({ ...valid, value: '\u0000' }));
      return json('odd path', JSON.stringify(valid), random.pick(oddPaths));
    }
  }
}

/** A request now and then that every route must refuse the same way: no CSRF token, or a body over the limit. */
function rareAttempt(random: Random, path: string, csrf: string): Attempt {
  if (random.chance(0.5)) return { description: 'no CSRF token', path, init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'naam=zonder-token' } };
  return {
    description: 'a body over the limit (2 MB)',
    path,
    init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${encodeURIComponent(csrf)}&tekst=${'a'.repeat(2 * 1024 * 1024)}` },
  };
}

/** Paths with one parameter replaced by an odd value (each parameter in turn). */
function oddPathsOf(routePath: string, fixtures: MatrixFixtures): string[] {
  const names = (routePath.match(/:(\w+)/g) ?? []).map((name) => name.slice(1));
  return names.flatMap((name) => ODD_PARAMS.map((odd) => fixtures.fillPath(routePath, { [name]: odd }) + (odd === '%00' ? '?terug=%00' : '')));
}

function isRefusal(response: Response): boolean {
  if (response.status >= 400 && response.status < 500) return true;
  return response.status >= 300 && response.status < 400 && (response.headers.get('location') ?? '').startsWith('/inloggen');
}

describe('fuzz: malformed requests to every POST route', () => {
  let t: TestApp;
  let fixtures: MatrixFixtures;
  let userIds: Record<Exclude<Persona, 'anonymous'>, string>;
  const bodies = new Map<string, Body>();

  async function clientFor(persona: Persona): Promise<TestClient> {
    if (persona === 'anonymous') return TestClient.anonymous(t.app);
    return TestClient.signedIn(t, userIds[persona]);
  }

  beforeAll(async () => {
    // Mid-cycle: profiles take answers, so the fuzzer reaches the use cases behind the forms.
    t = await createTestApp('pglite', { now: '2026-10-12T10:00:00+02:00' });
    fixtures = await matrixFixtures(t);
    userIds = {
      swv_admin: t.demo.userIds['swv@voorbeeldstad.example']!,
      school_editor: t.demo.userIds['ib@regenboog.example']!,
      b_swv_admin: t.other.userIds.partnership_admin,
    };
    // Valid bodies: the forms of every page these personas open (as the authorization matrix reads them).
    for (const route of buildRouteTable().routes) {
      if (route.method !== 'GET' || route.path.includes('*')) continue;
      const pagePath = fixtures.fillPath(route.path);
      for (const persona of ['swv_admin', 'school_editor', 'anonymous'] as const) {
        const response = await (await clientFor(persona)).get(pagePath);
        if (response.status !== 200 || !(response.headers.get('content-type') ?? '').includes('text/html')) continue;
        for (const form of postForms(await response.text(), pagePath)) {
          const action = form.action.split('?')[0]!;
          if (!bodies.has(action)) bodies.set(action, form.fields);
        }
      }
    }
  }, 240_000);
  afterAll(async () => t?.close());

  it(`answers every malformed request with a 4xx (or a redirect), leaks nothing, and changes nothing when it refuses (seed ${SEED})`, async () => {
    console.log(`fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${REQUESTS} requests, ${bodies.size} form bodies harvested`);
    const random = seededRandom(SEED);
    // In a seeded order, so a run cut short by the time budget still reaches different routes per seed.
    const routes = buildRouteTable().routes.filter((route) => route.method === 'POST');
    for (let i = routes.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [routes[i], routes[j]] = [routes[j]!, routes[i]!];
    }
    const perBatch = Math.max(1, Math.ceil(REQUESTS / (routes.length * PERSONAS.length)));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    let checkedBatches = 0;
    let batches = 0;
    const started = performance.now();
    let before = await tableChecksums(t.deps.db);

    for (const route of routes) {
      const path = fixtures.fillPath(route.path);
      const oddPaths = oddPathsOf(route.path, fixtures);
      for (const persona of PERSONAS) {
        if (sent >= REQUESTS || performance.now() - started > BUDGET_MS) break;
        const client = await clientFor(persona);
        const refused: boolean[] = [];
        for (let i = 0; i < perBatch && sent < REQUESTS; i++) {
          let attempt: Attempt;
          if (random.chance(0.01)) attempt = rareAttempt(random, path, client.csrfToken);
          else if (route.path === AUTOSAVE) {
            const valid = { itemKey: fixtures.fillPath(':sectionKey'), field: 'limits', value: 'Wij bieden geen intensieve medische zorg.', baseRevision: 0 };
            attempt = autosaveAttempt(random, path, oddPaths, valid, client.csrfToken);
          } else attempt = formAttempt(random, path, oddPaths, bodies.get(path) ?? {}, client.csrfToken);
          sent++;
          const label = `${route.path} as ${persona}: ${attempt.description}`;
          let response: Response;
          try {
            response = await client.request(attempt.path, attempt.init);
          } catch (error) {
            failures.push(`${label}: the app threw ${(error as Error).name}`);
            continue;
          }
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const text = await response.text();
          if (response.status >= 500) failures.push(`${label}: ${response.status}`);
          for (const [what, pattern] of LEAKS) if (pattern.test(text)) failures.push(`${label}: ${what} in the response (${response.status}): ${pattern.exec(text)![0].slice(0, 120)}`);
          refused.push(isRefusal(response));
        }
        batches++;
        const after = await tableChecksums(t.deps.db);
        if (refused.every(Boolean)) {
          checkedBatches++;
          const allowed = PARTIAL_SAVE[route.path];
          const changed = changedTables(before, after).filter((name) => !MAY_CHANGE_ON_REFUSAL.has(name) && !allowed?.has(name));
          if (changed.length > 0) failures.push(`${route.path} as ${persona}: refused requests changed ${changed.join(', ')}`);
        }
        before = after;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    if (sent < REQUESTS) console.log(`fuzz: stopped after ${sent} of ${REQUESTS} requests: the time budget of ${BUDGET_MS / 1000} s ran out (a busy machine)`);
    console.log(
      `fuzz: ${sent} requests in ${seconds.toFixed(1)} s; ${checkedBatches} of ${batches} batches all refused and checked for changes; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
    expect(failures.slice(0, 40), `seed ${SEED}: ${failures.length} failures`).toEqual([]);
    // The run reached the routes: most batches were refusals (checked for changes), and some requests got through.
    expect(checkedBatches).toBeGreaterThan(batches / 2);
  }, 600_000);
});
