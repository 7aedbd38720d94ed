/** Starts the web server: checks configuration, opens and migrates the database, loads demo data when empty, serves. */
import { createServer, type RequestListener, type ServerOptions } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, createPublicResponses } from './app.js';
import { ConfigError, loadConfig, type Config } from './config/env.js';
import { describeStartupError } from './config/startup-errors.js';
import { createLogger } from './config/logger.js';
import { DataDirLockedError } from './db/lock.js';
import { demoAccountsText, isDatabaseEmpty, seedDemoData } from './features/demo/seed-demo-data.js';
import { startJobWorker } from './jobs/queue.js';
import { openRuntime } from './runtime.js';
import './features/register.js';

/** Known start-up problems end the process with one line that says what to do; anything else in full. */
function exitWith(error: unknown, config: Config | null): never {
  const line = error instanceof ConfigError || error instanceof DataDirLockedError ? error.message : config ? describeStartupError(error, config) : null;
  console.error(line ?? error);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    exitWith(error, null);
  }
  const logger = createLogger(config.LOG_LEVEL);
  let runtime;
  try {
    runtime = await openRuntime(config, logger);
  } catch (error) {
    exitWith(error, config);
  }
  const { deps, database } = runtime;
  logger.info({ database: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined }, 'database ready');

  if (config.DEMO_DATA && (await isDatabaseEmpty(deps.db))) {
    await seedDemoData({ db: deps.db, clock: deps.clock });
    logger.info('demo data loaded');
  }

  const worker = config.JOBS_ENABLED ? startJobWorker({ db: deps.db, clock: deps.clock, logger, definitions: runtime.jobs }) : null;
  const publicResponses = createPublicResponses(config);
  const app = createApp({ deps, publicResponses });
  // Cached public pages are answered in the Node listener itself, before Hono builds Request and Response objects:
  // that path costs about what a static file server costs (bench/README.md, "Public page cache").
  const createServerWithCache = ((options: ServerOptions, listener: RequestListener) => createServer(options, publicResponses.wrapRequestListener(listener))) as typeof createServer;
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST, createServer: createServerWithCache }, (info) => {
    logger.info({ port: info.port, host: config.HOST }, 'listening');
    const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST === '127.0.0.1' ? 'localhost' : config.HOST}:${info.port}`;
    console.log(`\nOpenSOP draait op ${url}\n`);
    if (config.DEMO_DATA) console.log(`${demoAccountsText()}\n`);
    if (deps.mailer.kind === 'outbox') console.log(`E-mail gaat naar de map ${config.outboxDir} (stel SMTP_URL in om echt te versturen).\n`);
  });

  server.on('error', (error) => exitWith(error, config));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    server.close();
    await worker?.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
