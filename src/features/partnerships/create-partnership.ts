import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnershipBySlug, insertPartnership } from './repository.js';

export const createPartnershipInput = z.object({
  name: z.string().trim().min(3, { error: 'Vul de naam van het samenwerkingsverband in (minstens 3 tekens)' }).max(120, { error: 'De naam mag hoogstens 120 tekens lang zijn' }),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, { error: 'Kies een korte naam voor in adressen en opdrachten: kleine letters, cijfers en streepjes, bijvoorbeeld "swv-de-eem"' }),
  sector: z.enum(['po', 'vo'], { error: 'Kies primair onderwijs (po) of voortgezet onderwijs (vo)' }),
});
export type CreatePartnershipInput = z.infer<typeof createPartnershipInput>;

/** A platform administrator adds a new SWV (tenant). */
export async function createPartnership(options: { db: Database; clock: Clock; auth: Authorized; input: CreatePartnershipInput }): Promise<string> {
  const { db, clock, auth, input } = options;
  return db.transaction(async (tx) => {
    if (await getPartnershipBySlug(tx, input.slug)) {
      throw new AppError('conflict', `De korte naam "${input.slug}" is al in gebruik. Kies een andere.`, { field: 'slug' });
    }
    const id = crypto.randomUUID();
    await insertPartnership(tx, { id, name: input.name, slug: input.slug, sector: input.sector, createdAt: clock.now() });
    await recordAudit(tx, { at: clock.now(), actorUserId: auth.principal.userId, partnershipId: id, action: 'partnership.create', entityType: 'partnership', entityId: id, after: input });
    return id;
  });
}
