/** Wires configuration into the running pieces: database, clock, mailer, logger, jobs. Used by the server and the CLI. */
import { FixedClock, systemClock, type Clock } from './config/clock.js';
import type { Config } from './config/env.js';
import { createLogger, type Logger } from './config/logger.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import type { JobDefinition } from './jobs/queue.js';
import { createOutboxMailer, createSmtpMailer, type Mailer } from './mail/mailer.js';
import { sendMailJob } from './mail/send-mail-job.js';
import type { AppDeps } from './ui/context.js';

export interface Runtime {
  deps: AppDeps;
  database: DatabaseHandle;
  jobs: JobDefinition<any>[];
}

export function createClock(config: Config): Clock {
  return config.CLOCK_NOW ? new FixedClock(config.CLOCK_NOW) : systemClock;
}

export function createMailer(config: Config): Mailer {
  return config.SMTP_URL ? createSmtpMailer(config.SMTP_URL, config.MAIL_FROM) : createOutboxMailer(config.outboxDir);
}

/** Job kinds each feature contributes; registered at import time by the feature's module. */
export const jobProviders: Array<(deps: AppDeps) => JobDefinition<any>[]> = [(deps) => [sendMailJob(deps.mailer)]];

export async function openRuntime(config: Config, logger: Logger = createLogger(config.LOG_LEVEL)): Promise<Runtime> {
  const database = await openDatabase(
    config.DATABASE_URL ? { kind: 'postgres', url: config.DATABASE_URL, connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS } : { kind: 'pglite', dataDir: config.dataDir },
  );
  await database.migrate();
  const deps: AppDeps = { db: database.db, clock: createClock(config), config, logger, mailer: createMailer(config) };
  return { deps, database, jobs: jobProviders.flatMap((provider) => provider(deps)) };
}
