/**
 * All configuration comes from the environment and is checked once at start.
 * A wrong setting stops the app with a message that names it (README "Configuration").
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
  /**
   * Public base URL, used in e-mailed links and to decide on Secure cookies. Required in production and
   * when listening on a non-loopback address; never taken from the request's Host header (link poisoning).
   */
  PUBLIC_BASE_URL: z.url({ message: 'moet een volledig webadres zijn, bijvoorbeeld https://sop.swv-voorbeeld.nl' }).optional(),
  /** PostgreSQL server; when absent the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'moet beginnen met postgres:// of postgresql://' })
    .optional(),
  /** How long to wait for the PostgreSQL server to accept a new connection before giving up (start-up stops with a clear message). */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce
    .number({ message: 'moet een aantal milliseconden zijn, bijvoorbeeld 10000 (10 seconden)' })
    .int({ message: 'moet een geheel aantal milliseconden zijn, bijvoorbeeld 10000 (10 seconden)' })
    .min(100, { message: 'moet minstens 100 milliseconden zijn; gebruikelijk is 10000 (10 seconden)' })
    .max(600_000, { message: 'mag hoogstens 600000 milliseconden (10 minuten) zijn' })
    .default(10_000),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Where e-mail goes when no SMTP server is configured. Defaults to DATA_DIR/outbox. */
  OUTBOX_DIR: z.string().min(1).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { message: 'moet beginnen met smtp:// of smtps://' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('OpenSOP <noreply@opensop.local>'),
  /**
   * Load demo data into an empty database at start. Default: on only for a local first run
   * (not production, embedded database); never allowed in production (known demo password).
   */
  DEMO_DATA: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Fixed "now" (ISO date-time) for demos and browser tests that move through the school year. */
  CLOCK_NOW: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  /** Run background jobs (mail, reminders, document batches) in this process. */
  JOBS_ENABLED: booleanFlag.default(true),
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy. */
  TRUST_PROXY: booleanFlag.default(false),
  /**
   * Requests per client address per minute on the public pages, embeds and open-data API (counted in memory per
   * process). There is no "off": 0 or less is refused at start.
   */
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ message: 'moet een aantal verzoeken per minuut zijn, bijvoorbeeld 600' })
    .int({ message: 'moet een geheel aantal verzoeken per minuut zijn, bijvoorbeeld 600' })
    .min(1, { message: 'moet minstens 1 verzoek per minuut zijn (0 zet de begrenzing niet uit); gebruikelijk is 600' })
    .max(1_000_000, { message: 'mag hoogstens 1000000 verzoeken per minuut zijn' })
    .default(600),
  /**
   * Seconds a finished public page (parents' pages, embed, open-data API) is served from memory before it is made
   * again (src/features/public/response-cache.ts). Changes made in this process show at once; another process of
   * the same installation shows them at most this late. 0 turns the cache off.
   */
  PUBLIC_CACHE_SECONDS: z.coerce
    .number({ message: 'moet een aantal seconden zijn, bijvoorbeeld 10 (0 zet de cache uit)' })
    .int({ message: 'moet een geheel aantal seconden zijn, bijvoorbeeld 10' })
    .min(0, { message: 'mag niet negatief zijn; 0 zet de cache uit, gebruikelijk is 10' })
    .max(3600, { message: 'mag hoogstens 3600 seconden zijn (een uur); gebruikelijk is 10' })
    .default(10),
  /** Memory the public page cache may use per process, in megabytes (least recently used pages go first). */
  PUBLIC_CACHE_MEGABYTES: z.coerce
    .number({ message: 'moet een aantal megabytes zijn, bijvoorbeeld 64' })
    .int({ message: 'moet een geheel aantal megabytes zijn, bijvoorbeeld 64' })
    .min(1, { message: 'moet minstens 1 megabyte zijn; zet PUBLIC_CACHE_SECONDS=0 om de cache uit te zetten' })
    .max(65_536, { message: 'mag hoogstens 65536 megabytes zijn' })
    .default(64),
  /**
   * Platform and SWV administrators must log in with a second factor (TOTP). Default: on, except with demo data
   * (a first local run with known demo passwords); docs/decisions/0023-two-factor-login.md.
   */
  REQUIRE_ADMIN_2FA: booleanFlag.optional(),
  /** Encrypts the TOTP secrets at rest (AES-256-GCM, key derived with HKDF); at least 32 characters. */
  TOTP_ENCRYPTION_KEY: z.string().min(32, { message: 'moet minstens 32 tekens zijn, bijvoorbeeld de uitvoer van: openssl rand -base64 32' }).optional(),
});

export type Config = Omit<z.infer<typeof envSchema>, 'PUBLIC_BASE_URL' | 'DEMO_DATA' | 'REQUIRE_ADMIN_2FA'> & {
  /** Always set: the configured address, or http://localhost:PORT for a local (loopback) development run. */
  PUBLIC_BASE_URL: string;
  DEMO_DATA: boolean;
  REQUIRE_ADMIN_2FA: boolean;
  outboxDir: string;
  dataDir: string;
  secureCookies: boolean;
};

export class ConfigError extends Error {}

/** Addresses only this machine can reach: a Host-less default base URL is safe only there. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // `DATABASE_URL=` (empty) means "not set", as in most tools; otherwise it fails a format check with a confusing message.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) throw configError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(omgeving)'}: ${issue.message}`));
  const config = parsed.data;
  const problems: string[] = [];
  const isProduction = config.NODE_ENV === 'production';
  if (!config.PUBLIC_BASE_URL && (isProduction || !isLoopbackHost(config.HOST))) {
    problems.push(
      `PUBLIC_BASE_URL: is verplicht ${isProduction ? 'met NODE_ENV=production' : `als HOST (${config.HOST}) geen lokaal adres is`}; ` +
        'stel het publieke webadres in, bijvoorbeeld PUBLIC_BASE_URL=https://sop.swv-voorbeeld.nl (het wordt gebruikt in links in e-mails)',
    );
  }
  if (isProduction && config.DEMO_DATA === true) {
    problems.push('DEMO_DATA: demodata (met een bekend wachtwoord) mag niet met NODE_ENV=production; laat DEMO_DATA weg of zet DEMO_DATA=false');
  }
  if (problems.length > 0) throw configError(problems);
  const dataDir = path.resolve(config.DATA_DIR);
  const publicBaseUrl = (config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
  const demoData = config.DEMO_DATA ?? (!isProduction && !config.DATABASE_URL);
  return {
    ...config,
    PUBLIC_BASE_URL: publicBaseUrl,
    DEMO_DATA: demoData,
    REQUIRE_ADMIN_2FA: config.REQUIRE_ADMIN_2FA ?? !demoData,
    dataDir,
    outboxDir: path.resolve(config.OUTBOX_DIR ?? path.join(dataDir, 'outbox')),
    secureCookies: publicBaseUrl.startsWith('https://'),
  };
}

function configError(lines: string[]): ConfigError {
  return new ConfigError(`Ongeldige configuratie in de omgevingsvariabelen:\n${lines.map((line) => `  ${line}`).join('\n')}`);
}
