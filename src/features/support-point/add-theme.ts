import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { supportPointT } from './messages.js';
import { insertTheme, listThemes } from './repository.js';

/** The theme form, with its message in `t`'s language. */
export const addThemeInput = (t: ReturnType<typeof supportPointT>) =>
  z.object({ name: z.string({ error: t('themeNameRequired') }).trim().min(2, { error: t('themeNameRequired') }).max(80, { error: t('themeNameRequired') }) });

/** The SWV adds a theme to the list its support point files signals under (data, not code). */
export async function addTheme(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; input: z.infer<ReturnType<typeof addThemeInput>> }): Promise<void> {
  const { db, clock, auth, partnershipId, input } = options;
  assertInScope('addTheme', auth, { partnershipId });
  const now = clock.now();
  await db.transaction(async (tx) => {
    const themes = await listThemes(tx, partnershipId);
    if (themes.some((theme) => theme.name.toLowerCase() === input.name.toLowerCase())) throw new AppError('invalid_input', supportPointT(auth.principal.locale)('themeExists'), { field: 'name' });
    const id = crypto.randomUUID();
    await insertTheme(tx, { id, partnershipId, name: input.name, position: themes.length + 1, createdAt: now });
    await recordAudit(tx, { at: now, actorUserId: auth.principal.userId, partnershipId, action: 'signal.addTheme', entityType: 'support_point_theme', entityId: id, after: { name: input.name } });
  });
}
