/**
 * One item's ambitions: which schools in view intend to develop it, by when, and in their own words — the details
 * behind a count on the coverage page. Paged like the matrix (MATRIX_PAGE_SIZE) so a popular item in a place of
 * 7,000 schools never puts thousands of notes on one page.
 */
import { AppError } from '../../auth/app-error.js';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { translator } from '../../ui/i18n.js';
import { listItems, type Item, type Section } from '../templates/model/template.js';
import { loadInsightContext, type InsightContext, type InsightFilters } from './insight-context.js';
import { MATRIX_PAGE_SIZE, type MatrixPaging } from './load-basic-support.js';
import { ambitionEntries, type AmbitionEntry } from './load-coverage.js';
import { insightMessages } from './messages.js';
import { listAmbitionsOfItems } from './repository.js';

export interface ItemAmbitionsPage {
  context: InsightContext;
  section: Section;
  item: Item;
  /** Every school in view with an ambition on the item. */
  total: number;
  byYear: Array<{ schoolYear: string; count: number }>;
  /** The page's schools (all of them when they fit on one page). */
  entries: AmbitionEntry[];
  paging?: MatrixPaging | undefined;
}

export async function loadItemAmbitions(options: {
  db: DbOrTx;
  clock: Clock;
  auth: Authorized;
  schoolYear?: string | undefined;
  filters: InsightFilters;
  itemKey: string;
  paging?: { page?: number | undefined; size?: number | undefined } | undefined;
}): Promise<ItemAmbitionsPage> {
  const context = await loadInsightContext(options);
  const t = translator(insightMessages, options.auth.principal.locale);
  const found = listItems(context.template).find(({ item }) => item.key === options.itemKey);
  if (!found) throw new AppError('not_found', t('itemNotInTemplate', { item: options.itemKey, year: context.schoolYear }));
  const profileIds = context.schools.flatMap((school) => (school.profileId ? [school.profileId] : []));
  const all = ambitionEntries(await listAmbitionsOfItems(options.db, context.place.partnershipId, context.schoolYear, [found.item.key], profileIds), context.schools);
  const years = new Map<string, number>();
  for (const entry of all) years.set(entry.schoolYear ?? '', (years.get(entry.schoolYear ?? '') ?? 0) + 1);
  const byYear = [...years].map(([schoolYear, count]) => ({ schoolYear, count }));
  const base = { context, section: found.section, item: found.item, total: all.length, byYear };
  const size = options.paging?.size ?? MATRIX_PAGE_SIZE;
  if (all.length <= size) {
    if ((options.paging?.page ?? 1) > 1) throw new AppError('invalid_input', t('badPage'));
    return { ...base, entries: all };
  }
  const pages = Math.ceil(all.length / size);
  const page = options.paging?.page ?? 1;
  if (page > pages) throw new AppError('invalid_input', t('badPage'));
  const entries = all.slice((page - 1) * size, page * size);
  return { ...base, entries, paging: { page, pages, size, first: (page - 1) * size + 1, last: (page - 1) * size + entries.length, total: all.length } };
}
