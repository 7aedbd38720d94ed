import { recordAudit } from '../../audit/record-audit.js';
import { randomToken, sha256 } from '../../auth/tokens.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { queueMail } from '../../mail/send-mail-job.js';
import { translator, type Locale } from '../../ui/i18n.js';
import { accountsMessages } from './messages.js';
import { recordAndCheckAttempt } from './rate-limit.js';
import { expireUserTokens, findUserByEmail, insertUserToken, normalizeEmail } from './repository.js';

export const RESET_HOURS = 2;
export const MAX_RESETS_PER_ADDRESS = 3;
export const MAX_RESETS_PER_CLIENT = 10;
export const RESET_WINDOW_MINUTES = 15;

/**
 * Sends a reset link when the address belongs to an active account; says nothing either way. Limited per
 * e-mail address and per client, whether or not the account exists, so the limit reveals nothing either.
 */
export async function requestPasswordReset(options: {
  db: Database;
  clock: Clock;
  email: string;
  baseUrl: string;
  locale: Locale;
  clientAddress: string;
}): Promise<'sent' | 'rate_limited'> {
  const { db, clock } = options;
  const email = normalizeEmail(options.email);
  const { allowed } = await recordAndCheckAttempt({
    db,
    clock,
    limits: [
      { key: `reset-address:${email}`, max: MAX_RESETS_PER_ADDRESS },
      { key: `reset-client:${options.clientAddress}`, max: MAX_RESETS_PER_CLIENT },
    ],
    windowMinutes: RESET_WINDOW_MINUTES,
  });
  if (!allowed) return 'rate_limited';
  const user = await findUserByEmail(db, email);
  if (!user || user.disabledAt) return 'sent';
  const t = translator(accountsMessages, options.locale);
  const token = randomToken();
  const now = clock.now();
  await db.transaction(async (tx) => {
    // A newer link voids every older one: a mail lying around must not set a password for two more hours.
    await expireUserTokens(tx, user.id, 'password_reset', now);
    await insertUserToken(tx, {
      tokenHash: sha256(token),
      userId: user.id,
      purpose: 'password_reset',
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_HOURS * 3_600_000),
    });
    await queueMail(tx, clock, {
      to: user.email,
      subject: t('resetMailSubject'),
      text: t('resetMailBody', { name: user.name, link: `${options.baseUrl}/wachtwoord-herstellen/${token}` }),
    });
    // Only for existing accounts: the audit log belongs to the user, and the token itself is never stored in it.
    await recordAudit(tx, { actorUserId: null, partnershipId: null, action: 'user.request_password_reset', entityType: 'user', entityId: user.id, after: { expiresAt: new Date(now.getTime() + RESET_HOURS * 3_600_000).toISOString() }, at: now });
  });
  return 'sent';
}
