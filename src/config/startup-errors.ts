/**
 * Turns the usual start-up failures (database unreachable, port in use) into one line that says what is
 * wrong and what to do, instead of a stack trace. Unknown errors return null: the caller shows them in full.
 */
import type { Config } from './env.js';

interface ErrorLike {
  code?: unknown;
  syscall?: unknown;
  message?: unknown;
  errors?: unknown;
  cause?: unknown;
}

function codeOf(error: unknown): string | undefined {
  const e = error as ErrorLike | null;
  if (!e || typeof e !== 'object') return undefined;
  if (typeof e.code === 'string') return e.code;
  // Node reports a refused connection to every address of a host as an AggregateError.
  if (Array.isArray(e.errors)) return e.errors.map(codeOf).find(Boolean);
  return undefined;
}

/** Where the database lives, without the password. */
function databaseLabel(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** Where the database lives, as host:port. */
function hostAndPort(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * pg's words when connectionTimeoutMillis runs out (they carry no code): pg-pool ends the client and wraps its
 * error in the first; pg.Client's own timer says the second; waiting for a free pool connection the third.
 */
const CONNECT_TIMEOUT_MESSAGES = new Set(['Connection terminated due to connection timeout', 'timeout expired', 'timeout exceeded when trying to connect']);

function isConnectTimeout(error: unknown): boolean {
  for (let e = error as ErrorLike | null, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as ErrorLike | null, depth++) {
    if (typeof e.message === 'string' && CONNECT_TIMEOUT_MESSAGES.has(e.message)) return true;
  }
  return false;
}

/** 10000 → "10", 2500 → "2,5" (Dutch decimal comma). */
function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10).replace('.', ',');
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

export function describeStartupError(error: unknown, config: Pick<Config, 'DATABASE_URL' | 'DATABASE_CONNECT_TIMEOUT_MS' | 'PORT' | 'HOST'>): string | null {
  const code = codeOf(error);
  const syscall = (error as ErrorLike | null)?.syscall;
  if (syscall === 'listen' || code === 'EADDRINUSE') {
    if (code === 'EADDRINUSE') return `Poort ${config.PORT} op ${config.HOST} is al in gebruik (draait OpenSOP al, of een ander programma?). Stop dat programma, of kies een andere poort, bijvoorbeeld PORT=${config.PORT + 1}.`;
    if (code === 'EACCES') return `Geen toestemming om op poort ${config.PORT} te luisteren. Kies een poort boven 1024, bijvoorbeeld PORT=3000, en zet er zo nodig een reverse proxy voor.`;
    if (code === 'EADDRNOTAVAIL') return `Het adres HOST=${config.HOST} hoort niet bij deze computer. Gebruik 127.0.0.1 (alleen deze computer) of 0.0.0.0 (alle netwerken).`;
    return null;
  }
  if (!config.DATABASE_URL) return null;
  const fallback = 'of laat DATABASE_URL weg om de ingebouwde database te gebruiken.';
  if (isConnectTimeout(error)) {
    // A firewall that drops packets, a wrong host that swallows them, or a server too busy to answer.
    return (
      `De database op ${hostAndPort(config.DATABASE_URL)} antwoordt niet binnen ${seconds(config.DATABASE_CONNECT_TIMEOUT_MS)} s (DATABASE_URL). ` +
      'Controleer of host en poort kloppen en of een firewall de verbinding tegenhoudt; geef een trage server meer tijd met DATABASE_CONNECT_TIMEOUT_MS (in milliseconden), ' +
      fallback
    );
  }
  if (!code) return null;
  const where = databaseLabel(config.DATABASE_URL);
  if (UNREACHABLE.has(code)) {
    return `Kan de PostgreSQL-server in DATABASE_URL (${where}) niet bereiken (${code}). Controleer of de server draait en of host en poort kloppen, ${fallback}`;
  }
  if (code === '28P01' || code === '28000') {
    return `PostgreSQL (${where}) weigert de gebruiker of het wachtwoord in DATABASE_URL (${code}). Controleer gebruikersnaam en wachtwoord, en of pg_hba.conf verbindingen van deze computer toestaat.`;
  }
  if (code === '3D000') {
    return `De database in DATABASE_URL (${where}) bestaat niet. Maak hem aan, bijvoorbeeld met: createdb ${where.split('/').pop() || 'opensop'}`;
  }
  return null;
}
