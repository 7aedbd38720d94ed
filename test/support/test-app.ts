/** A complete app on a fresh test database with demo data and a second tenant, plus a small HTTP client. */
import { eq } from 'drizzle-orm';
import { createApp } from '../../src/app.js';
import { FixedClock } from '../../src/config/clock.js';
import { loadConfig } from '../../src/config/env.js';
import { createLogger } from '../../src/config/logger.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { sha256 } from '../../src/auth/tokens.js';
import { startSession } from '../../src/features/accounts/sessions.js';
import { sessions } from '../../src/features/accounts/schema.js';
import { seedDemoData, type DemoIds } from '../../src/features/demo/seed-demo-data.js';
import '../../src/features/register.js';
import { runDueJobs } from '../../src/jobs/queue.js';
import { MemoryMailer } from '../../src/mail/mailer.js';
import { jobProviders } from '../../src/runtime.js';
import type { AppDeps } from '../../src/ui/context.js';
import type { RouteTable } from '../../src/ui/route.js';
import { seedSecondTenant, type SecondTenantIds } from './second-tenant.js';
import { openTestDatabase, type TestDatabaseKind } from './test-db.js';

export interface TestApp {
  deps: AppDeps;
  clock: FixedClock;
  mailer: MemoryMailer;
  database: DatabaseHandle;
  demo: DemoIds;
  other: SecondTenantIds;
  app: ReturnType<typeof createApp>;
  /** Builds another app on the same database, e.g. with a changed route table. */
  appWith(routes: RouteTable): ReturnType<typeof createApp>;
  runJobs(): Promise<number>;
  close(): Promise<void>;
}

/** `env`: extra configuration, e.g. `{ REQUIRE_ADMIN_2FA: 'true' }` (the demo data switches it off by default). */
export async function createTestApp(kind: TestDatabaseKind, options: { now?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const clock = new FixedClock(options.now ?? '2026-03-02T09:00:00+01:00');
  const mailer = new MemoryMailer();
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/opensop-unused', PUBLIC_BASE_URL: 'http://opensop.test', LOG_LEVEL: 'silent', ...options.env } as NodeJS.ProcessEnv);
  const deps: AppDeps = { db: database.db, clock, config, logger: createLogger(process.env['TEST_LOG_LEVEL'] ?? 'silent'), mailer };
  const demo = await seedDemoData({ db: database.db, clock });
  const other = await seedSecondTenant(database.db, clock);
  const jobs = jobProviders.flatMap((provider) => provider(deps));
  return {
    deps,
    clock,
    mailer,
    database,
    demo,
    other,
    app: createApp({ deps }),
    appWith: (routes) => createApp({ deps, routes }),
    runJobs: () => runDueJobs({ db: database.db, clock, logger: deps.logger, definitions: jobs }),
    close: () => database.close(),
  };
}

/** A signed-in (or anonymous) HTTP client against an app, with its session cookie and CSRF token. */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken = '';

  constructor(private readonly app: { request: (input: string, init?: RequestInit) => Response | Promise<Response> }) {}

  static async signedIn(testApp: TestApp, userId: string, app = testApp.app): Promise<TestClient> {
    const client = new TestClient(app);
    const { token } = await startSession(testApp.deps.db, testApp.clock, userId);
    client.cookies.set('sop_session', token);
    const [session] = await testApp.deps.db.select().from(sessions).where(eq(sessions.tokenHash, sha256(token)));
    client.csrfToken = session!.csrfToken;
    return client;
  }

  static async anonymous(app: TestApp['app']): Promise<TestClient> {
    const client = new TestClient(app);
    await client.get('/inloggen');
    return client;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { ...(cookie ? { cookie } : {}), ...extra };
  }

  private remember(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (header.includes('Max-Age=0') || value === '') this.cookies.delete(name!);
      else this.cookies.set(name!, value);
    }
    const csrf = this.cookies.get('sop_csrf');
    if (!this.cookies.has('sop_session') && csrf) this.csrfToken = csrf;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await this.app.request(`http://opensop.test${path}`, { headers: this.headers(headers), redirect: 'manual' });
    this.remember(response);
    return response;
  }

  async post(path: string, form: Record<string, string | string[]> = {}, options: { csrf?: string | null } = {}): Promise<Response> {
    const body = new URLSearchParams();
    const csrf = options.csrf === undefined ? this.csrfToken : options.csrf;
    if (csrf !== null) body.append('_csrf', csrf);
    for (const [key, value] of Object.entries(form)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    const response = await this.app.request(`http://opensop.test${path}`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }),
      body,
      redirect: 'manual',
    });
    this.remember(response);
    return response;
  }

  /** Any request with this client's cookies (hand-made bodies and headers: the fuzz test). */
  async request(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
    const response = await this.app.request(`http://opensop.test${path}`, { redirect: 'manual', ...init, headers: this.headers(init.headers) });
    this.remember(response);
    return response;
  }

  async postJson(path: string, json: unknown): Promise<Response> {
    const response = await this.app.request(`http://opensop.test${path}`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': this.csrfToken }),
      body: JSON.stringify(json),
    });
    this.remember(response);
    return response;
  }
}
