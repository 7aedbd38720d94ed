/**
 * All configuration comes from the environment and is checked once at start.
 * A wrong setting stops the app with a message that names it (STYLE.md §5).
 */
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Public base URL, used in e-mailed links and to decide on Secure cookies. */
  PUBLIC_BASE_URL: z.url({ message: 'moet een volledig webadres zijn, bijvoorbeeld https://sop.swv-voorbeeld.nl' }).optional(),
  /** PostgreSQL server; when absent the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'moet beginnen met postgres:// of postgresql://' })
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Where e-mail goes when no SMTP server is configured. Defaults to DATA_DIR/outbox. */
  OUTBOX_DIR: z.string().min(1).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { message: 'moet beginnen met smtp:// of smtps://' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('OpenSOP <noreply@opensop.local>'),
  /** Load demo data into an empty database at start. */
  DEMO_DATA: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Fixed "now" (ISO date-time) for demos and browser tests that move through the school year. */
  CLOCK_NOW: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  /** Run background jobs (mail, reminders, document batches) in this process. */
  JOBS_ENABLED: booleanFlag.default(true),
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy. */
  TRUST_PROXY: booleanFlag.default(false),
});

export type Config = z.infer<typeof envSchema> & { outboxDir: string; dataDir: string; secureCookies: boolean };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(omgeving)'}: ${issue.message}`);
    throw new ConfigError(`Ongeldige configuratie in de omgevingsvariabelen:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  const dataDir = path.resolve(config.DATA_DIR);
  return {
    ...config,
    dataDir,
    outboxDir: path.resolve(config.OUTBOX_DIR ?? path.join(dataDir, 'outbox')),
    secureCookies: config.PUBLIC_BASE_URL?.startsWith('https://') ?? false,
  };
}
