/**
 * A view as a download: the matrix or the coverage page as CSV/XLSX (with the same filters as on screen), or all
 * answers of the year as one sheet (streamed). The place comes from the authorized scope, as for the pages.
 */
import { PassThrough, type Readable } from 'node:stream';
import { AppError } from '../../auth/app-error.js';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Logger } from '../../config/logger.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { exportAnswers } from './export-answers.js';
import { ambitionRowCells, ambitionsSheetHeaders, compareTables, coverageTables, itemTotalsTable, matrixHeaders, matrixRowCells } from './export-tables.js';
import { loadYearComparison } from './load-year-comparison.js';
import type { InsightFilters } from './insight-context.js';
import { loadBasicSupportInBatches } from './load-basic-support.js';
import { ambitionEntries, loadCoverage } from './load-coverage.js';
import { listAmbitionsOfItems } from './repository.js';
import { insightMessages } from './messages.js';
import { openTablesWriter, type ExportFormat } from './sheets.js';
import { translator } from '../../ui/i18n.js';

/** Items per query of the coverage export's ambitions: ~20 × 350 ambitions at 7,000 schools, a few MB at a time. */
const AMBITION_ITEMS_PER_QUERY = 20;

export const EXPORT_KINDS = ['antwoorden', 'basisondersteuning', 'dekking', 'jaarvergelijking'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ViewExport {
  fileName: string;
  format: ExportFormat;
  /** Every view streams its sheet (the all-answers export and the matrix in batches of schools); the type allows a whole file. */
  body: Uint8Array | string | Readable;
}

export async function exportView(options: {
  db: DbOrTx;
  clock: Clock;
  logger: Logger;
  auth: Authorized;
  kind: string;
  format: ExportFormat;
  locale: Locale;
  schoolYear?: string | undefined;
  filters: InsightFilters;
  which: 'swv' | 'national';
  by: 'district' | 'board';
  previousYear?: string | undefined;
}): Promise<ViewExport> {
  if (!(EXPORT_KINDS as readonly string[]).includes(options.kind)) throw new AppError('not_found');
  const kind = options.kind as ExportKind;
  if (kind === 'antwoorden') {
    const answers = await exportAnswers(options);
    const stream = new PassThrough();
    answers.write(stream).catch((error: unknown) => {
      options.logger.error({ err: error }, 'insight: the answers export failed while streaming');
      stream.destroy(error as Error);
    });
    return { fileName: answers.fileName, format: options.format, body: stream };
  }
  if (kind === 'basisondersteuning') {
    // Streamed: the rows a batch of schools at a time (a place of 7,000 never holds its matrix in memory).
    const { page, batches } = await loadBasicSupportInBatches(options);
    const stream = new PassThrough();
    const writer = openTablesWriter(options.format, stream);
    (async () => {
      await writer.startTable(translator(insightMessages, options.locale)('exportMatrix'), matrixHeaders(page, options.locale));
      for await (const rows of batches()) for (const row of rows) await writer.addRow(matrixRowCells(row, options.locale));
      const totals = itemTotalsTable(page, options.locale);
      await writer.startTable(totals.name, totals.headers);
      for (const row of totals.rows) await writer.addRow(row);
      await writer.finish();
    })().catch((error: unknown) => {
      options.logger.error({ err: error }, 'insight: the matrix export failed while streaming');
      stream.destroy(error as Error);
    });
    return { fileName: `basisondersteuning-${page.context.schoolYear}.${options.format}`, format: options.format, body: stream };
  }
  if (kind === 'dekking') {
    // Streamed: the holes and the offer from the page, then every ambition read a few items at a time (the page
    // counts them; at 7,000 schools the sheet holds ~70,000 with their notes, never all in memory at once).
    const page = await loadCoverage({ ...options, noDistrict: insightMessages[options.locale].noDistrict });
    const profileIds = page.context.schools.flatMap((school) => (school.profileId ? [school.profileId] : []));
    const stream = new PassThrough();
    const writer = openTablesWriter(options.format, stream);
    (async () => {
      for (const table of coverageTables(page, options.locale)) {
        await writer.startTable(table.name, table.headers);
        for (const row of table.rows) await writer.addRow(row);
      }
      const ambitions = ambitionsSheetHeaders(options.locale);
      await writer.startTable(ambitions.name, ambitions.headers);
      for (let start = 0; start < page.ambitions.length; start += AMBITION_ITEMS_PER_QUERY) {
        const needs = page.ambitions.slice(start, start + AMBITION_ITEMS_PER_QUERY);
        const rows = await listAmbitionsOfItems(options.db, page.context.place.partnershipId, page.context.schoolYear, needs.map((need) => need.item.key), profileIds);
        for (const need of needs) {
          const entries = ambitionEntries(rows.filter((row) => row.itemKey === need.item.key), page.context.schools);
          for (const entry of entries) await writer.addRow(ambitionRowCells(page.context.template, need, entry, options.locale));
        }
      }
      await writer.finish();
    })().catch((error: unknown) => {
      options.logger.error({ err: error }, 'insight: the coverage export failed while streaming');
      stream.destroy(error as Error);
    });
    return { fileName: `dekking-${page.context.schoolYear}.${options.format}`, format: options.format, body: stream };
  }
  // Year over year: both years come from the summaries (one short row per school); the sheet, with every name of who
  // rose or fell, is written to the stream as it goes.
  const page = await loadYearComparison(options);
  const stream = new PassThrough();
  const writer = openTablesWriter(options.format, stream);
  (async () => {
    for (const table of compareTables(page, options.locale)) {
      await writer.startTable(table.name, table.headers);
      for (const row of table.rows) await writer.addRow(row);
    }
    await writer.finish();
  })().catch((error: unknown) => {
    options.logger.error({ err: error }, 'insight: the year-over-year export failed while streaming');
    stream.destroy(error as Error);
  });
  return { fileName: `jaarvergelijking-${page.previousYear ?? 'geen'}-${page.context.schoolYear}.${options.format}`, format: options.format, body: stream };
}
