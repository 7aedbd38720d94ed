/**
 * The insight home or the coverage view as an A4 PDF (a board meeting's printout), with the same year and filters
 * as on screen. The place comes from the authorized scope, as for the pages (the loaders check it).
 */
import { AppError } from '../../auth/app-error.js';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { amsterdamDate } from '../cycle/editability.js';
import type { InsightFilters } from './insight-context.js';
import { loadCoverage } from './load-coverage.js';
import { loadInsightHome } from './load-insight-home.js';
import { insightMessages } from './messages.js';
import { renderCoveragePdf, renderInsightHomePdf } from './render-insight-pdf.js';

export const PDF_KINDS = ['overzicht', 'dekking'] as const;

export async function exportInsightPdf(options: {
  db: DbOrTx;
  clock: Clock;
  auth: Authorized;
  kind: string;
  locale: Locale;
  schoolYear?: string | undefined;
  filters: InsightFilters;
  by: 'district' | 'board';
}): Promise<{ fileName: string; bytes: Buffer }> {
  if (!(PDF_KINDS as readonly string[]).includes(options.kind)) throw new AppError('not_found', insightMessages[options.locale].badPdfKind);
  const today = amsterdamDate(options.clock.now());
  const noDistrict = insightMessages[options.locale].noDistrict;
  if (options.kind === 'overzicht') {
    const home = await loadInsightHome({ ...options, noDistrict });
    return { fileName: `inzicht-${home.context.schoolYear}.pdf`, bytes: await renderInsightHomePdf(home, options.locale, today) };
  }
  const page = await loadCoverage({ ...options, noDistrict });
  return { fileName: `dekking-${page.context.schoolYear}.pdf`, bytes: await renderCoveragePdf(page, options.locale, today) };
}
