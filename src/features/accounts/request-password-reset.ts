import { randomToken, sha256 } from '../../auth/tokens.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { queueMail } from '../../mail/send-mail-job.js';
import { translator, type Locale } from '../../ui/i18n.js';
import { accountsMessages } from './messages.js';
import { findUserByEmail, insertUserToken } from './repository.js';

export const RESET_HOURS = 2;

/** Sends a reset link when the address belongs to an active account; says nothing either way. */
export async function requestPasswordReset(options: { db: Database; clock: Clock; email: string; baseUrl: string; locale: Locale }): Promise<void> {
  const { db, clock } = options;
  const user = await findUserByEmail(db, options.email);
  if (!user || user.disabledAt) return;
  const t = translator(accountsMessages, options.locale);
  const token = randomToken();
  const now = clock.now();
  await db.transaction(async (tx) => {
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
  });
}
