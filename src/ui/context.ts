import type { Context } from 'hono';
import type { Principal } from '../auth/roles.js';
import type { Clock } from '../config/clock.js';
import type { Config } from '../config/env.js';
import type { Logger } from '../config/logger.js';
import type { Database } from '../db/client.js';
import type { Mailer } from '../mail/mailer.js';
import type { Locale } from './i18n.js';

/** What every request handler may use; built once in main.ts (or per test). */
export interface AppDeps {
  db: Database;
  clock: Clock;
  config: Config;
  logger: Logger;
  mailer: Mailer;
}

export interface RequestState {
  deps: AppDeps;
  principal: Principal | null;
  sessionTokenHash: string | null;
  csrfToken: string;
  locale: Locale;
  nonce: string;
  /**
   * CSP hash sources ('sha256-…') of inline <style> blocks a response carries without a nonce: the stand-alone document
   * pages served for every visitor from the public cache, where a per-request nonce cannot be part of stored bytes.
   */
  styleHashes?: readonly string[];
  /** The request path for logs, with one-time tokens redacted. */
  logPath: string;
}

export type AppEnv = { Variables: RequestState };
export type AppContext = Context<AppEnv>;
