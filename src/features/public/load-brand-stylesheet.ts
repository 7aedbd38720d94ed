import { AppError } from '../../auth/app-error.js';
import type { DbOrTx } from '../../db/client.js';
import { findPublicPartnership } from './repository.js';
import { brandColor } from './views/layout.js';

/** The SWV's colour as the style sheet its public pages link (views/layout.tsx, brandStylesheetHref). */
export async function loadBrandStylesheet(options: { db: DbOrTx; slug: string }): Promise<{ css: string; color: string }> {
  const partnership = await findPublicPartnership(options.db, options.slug);
  if (!partnership) throw new AppError('not_found');
  const color = brandColor(partnership.primaryColor);
  return { css: `:root{--brand-color:${color};}\n`, color };
}
