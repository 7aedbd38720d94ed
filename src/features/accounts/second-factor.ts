/**
 * The second factor's rules, without a database (docs/decisions/0023-two-factor-login.md):
 * TOTP codes (RFC 6238: SHA-1, 6 digits, 30 seconds) through `otpauth`, secrets encrypted at rest when
 * TOTP_ENCRYPTION_KEY is set, and one-time recovery codes stored as SHA-256.
 */
import { AppError } from '../../auth/app-error.js';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { sha256 } from '../../auth/tokens.js';

export const TOTP_PERIOD_SECONDS = 30;
/** One step either side, so a phone whose clock is half a minute off still works. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/** Wrong codes one pending log-in may try before the password has to be typed again. */
export const MAX_CODES_PER_PENDING_LOGIN = 5;
export const PENDING_LOGIN_MINUTES = 5;
export const ISSUER = 'OpenSOP';

/** A new random secret of 160 bits (RFC 4226's recommendation), as base32 for authenticator apps. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** The `otpauth://` address an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, label: string): string {
  return totp(secretBase32, label).toString();
}

/** The base32 secret in groups of four, easier to type over. */
export function groupedSecret(secretBase32: string): string {
  return secretBase32.replace(/(.{4})/g, '$1 ').trim();
}

/** A code as people type it: spaces and dashes dropped. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * The time step of a valid code at `now`, or null. A code of a step at or before `lastUsedStep` is refused,
 * so an observed code cannot be used again.
 */
export function verifyTotp(secretBase32: string, code: string, now: Date, lastUsedStep: number | null): number | null {
  const token = normalizeCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const timestamp = now.getTime();
  const delta = totp(secretBase32, ISSUER).validate({ token, timestamp, window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp }) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}

/** For tests and the e2e spec: the code an authenticator app shows at `now`. */
export function totpCodeAt(secretBase32: string, now: Date): string {
  return totp(secretBase32, ISSUER).generate({ timestamp: now.getTime() });
}

// Recovery codes: 10 characters from an alphabet without look-alikes (0/O, 1/I/L), shown as xxxxx-xxxxx (50 bits).
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`.toLowerCase();
  });
}

export function hashRecoveryCode(code: string): string {
  return sha256(`recovery:${normalizeCode(code)}`);
}

/** Does the typed text look like a recovery code rather than a six-digit code? */
export function looksLikeRecoveryCode(code: string): boolean {
  // Six digits is a TOTP code; ten characters a recovery code (which may, rarely, be all digits).
  return /^[A-Z0-9]{10}$/.test(normalizeCode(code));
}

// Secrets at rest: AES-256-GCM with a key derived (HKDF-SHA256) from TOTP_ENCRYPTION_KEY; plain when no key is set.
const PLAIN = 'plain:';
const SEALED = 'aes-256-gcm:';

function keyFrom(encryptionKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', encryptionKey, 'opensop', 'totp-secret', 32));
}

export function sealSecret(secretBase32: string, encryptionKey: string | undefined): string {
  if (!encryptionKey) return PLAIN + secretBase32;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(encryptionKey), iv);
  const data = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final()]);
  return SEALED + [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url')).join(':');
}

/**
 * The stored secret cannot be opened with this server's key. An operator problem, not the user's: the user sees a
 * calm page that points to a recovery code (which does not need the key), the operator finds this message in the log.
 */
export class SecretKeyError extends AppError {
  constructor(readonly operatorMessage: string) {
    super('second_factor_key', undefined, { operatorMessage });
    this.name = 'SecretKeyError';
  }
}

export function openSecret(stored: string, encryptionKey: string | undefined): string {
  if (stored.startsWith(PLAIN)) return stored.slice(PLAIN.length);
  if (!stored.startsWith(SEALED)) throw new SecretKeyError('unknown second-factor secret format');
  if (!encryptionKey) throw new SecretKeyError('second-factor secrets are encrypted but TOTP_ENCRYPTION_KEY is not set');
  const [iv, tag, data] = stored.slice(SEALED.length).split(':').map((part) => Buffer.from(part, 'base64url'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(encryptionKey), iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretKeyError('TOTP_ENCRYPTION_KEY does not open the stored second-factor secrets (was the key changed?)');
  }
}
