import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import { findUserById, updateLocale } from './repository.js';

/** A signed-in user's interface language (also used for their e-mails); audited like every user change. */
export async function changeLanguage(options: { db: Database; clock: Clock; userId: string; locale: Locale }): Promise<void> {
  await options.db.transaction(async (tx) => {
    const user = await findUserById(tx, options.userId);
    if (!user || user.locale === options.locale) return;
    await updateLocale(tx, options.userId, options.locale);
    await recordAudit(tx, {
      at: options.clock.now(),
      actorUserId: options.userId,
      partnershipId: null,
      action: 'user.change_language',
      entityType: 'user',
      entityId: options.userId,
      before: { locale: user.locale },
      after: { locale: options.locale },
    });
  });
}
