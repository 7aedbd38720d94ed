/**
 * One app process of bench/autosave.bench.ts when APP_PROCESSES > 1 (node:cluster: the primary hands each
 * new connection to one of these processes). The same app and settings as the single-process run; server
 * time is measured around the fetch handler and sent to the primary on request, with this process's CPU.
 */
import { serve } from '@hono/node-server';
import { createApp } from '../src/app.js';
import { FixedClock } from '../src/config/clock.js';
import { loadConfig } from '../src/config/env.js';
import { createLogger } from '../src/config/logger.js';
import { openDatabase } from '../src/db/client.js';
import '../src/features/register.js';
import { MemoryMailer } from '../src/mail/mailer.js';
import { timedFetch } from './timed-fetch.js';

const url = process.env['BENCH_DATABASE_URL']!;
const database = await openDatabase({ kind: 'postgres', url, poolSize: Number(process.env['BENCH_POOL']) });
const clock = new FixedClock(process.env['BENCH_NOW']!);
const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: '/tmp/opensop-bench-unused', PUBLIC_BASE_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: url } as NodeJS.ProcessEnv);
const app = createApp({ deps: { db: database.db, clock, config, logger: createLogger('silent'), mailer: new MemoryMailer() } });

const recorded = { timings: [] as number[], parentTimings: [] as number[] };
let cpuStart = process.cpuUsage();
serve({
  fetch: timedFetch(app, recorded),
  hostname: '127.0.0.1',
  port: Number(process.env['BENCH_PORT']),
});

process.on('message', (message: { kind: 'reset' | 'collect' | 'stop' }) => {
  if (message.kind === 'reset') {
    recorded.timings = [];
    recorded.parentTimings = [];
    cpuStart = process.cpuUsage();
    process.send!({ kind: 'reset' });
  } else if (message.kind === 'collect') {
    const cpu = process.cpuUsage(cpuStart);
    process.send!({ kind: 'collect', timings: recorded.timings, parentTimings: recorded.parentTimings, cpuMs: (cpu.user + cpu.system) / 1000 });
  } else {
    void database.close().then(() => process.exit(0));
  }
});
