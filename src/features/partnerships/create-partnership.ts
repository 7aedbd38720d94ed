import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { isReservedSlug } from '../../ui/reserved-paths.js';
import type { PartnershipTranslate } from './messages.js';
import { getPartnershipBySlug, insertPartnership } from './repository.js';

/** The form's schema, with messages in the user's language. */
export function createPartnershipInput(t: PartnershipTranslate) {
  return z.object({
    name: z.string().trim().min(3, { error: t('partnershipNameInvalid') }).max(120, { error: t('partnershipNameTooLong') }),
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, { error: t('slugInvalid') }),
    sector: z.enum(['po', 'vo'], { error: t('sectorRequired') }),
  });
}
export type CreatePartnershipInput = z.infer<ReturnType<typeof createPartnershipInput>>;

/** A platform administrator adds a new SWV (tenant). */
export async function createPartnership(options: { db: Database; clock: Clock; auth: Authorized; input: CreatePartnershipInput; t: PartnershipTranslate }): Promise<string> {
  const { db, clock, auth, input, t } = options;
  return db.transaction(async (tx) => {
    // The SWV's public page is /<slug>: it may not take a first path segment of the app itself.
    if (isReservedSlug(input.slug)) throw new AppError('conflict', t('slugReserved', { slug: input.slug }), { field: 'slug' });
    if (await getPartnershipBySlug(tx, input.slug)) {
      throw new AppError('conflict', t('slugTaken', { slug: input.slug }), { field: 'slug' });
    }
    const id = crypto.randomUUID();
    await insertPartnership(tx, { id, name: input.name, slug: input.slug, sector: input.sector, createdAt: clock.now() });
    await recordAudit(tx, { at: clock.now(), actorUserId: auth.principal.userId, partnershipId: id, action: 'partnership.create', entityType: 'partnership', entityId: id, after: input });
    return id;
  });
}
