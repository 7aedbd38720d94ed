/** The national view as CSV or XLSX: one row per SWV and the totals row (a few dozen rows: built in memory). */
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { nationalTables } from './export-tables.js';
import { loadNationalInsight, type NationalSort, type SortDirection } from './load-national-insight.js';
import { tablesToCsv, tablesToXlsx, type ExportFormat } from './sheets.js';
import type { ViewExport } from './export-view.js';

export async function exportNationalInsight(options: {
  db: DbOrTx;
  clock: Clock;
  auth: Authorized;
  format: ExportFormat;
  locale: Locale;
  schoolYear?: string | undefined;
  sort?: NationalSort | undefined;
  direction?: SortDirection | undefined;
}): Promise<ViewExport> {
  const page = await loadNationalInsight(options);
  const tables = nationalTables(page, options.locale);
  const body = options.format === 'csv' ? tablesToCsv(tables) : await tablesToXlsx(tables);
  return { fileName: `landelijk-inzicht-${page.schoolYear}.${options.format}`, format: options.format, body };
}
