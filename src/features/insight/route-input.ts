/** The query string of the insight views, checked with zod at the edge: a wrong value is a 400 with a Dutch message. */
import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import type { InsightFilters } from './insight-context.js';
import { NATIONAL_SORTS } from './load-national-insight.js';
import { insightMessages } from './messages.js';

const nl = insightMessages.nl;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const empty = (value: unknown) => (value === '' ? undefined : value);

export const schoolYearParam = z.preprocess(
  empty,
  z
    .string()
    .regex(/^\d{4}-\d{4}$/, { error: nl.badYear })
    .refine((year) => Number(year.slice(5)) === Number(year.slice(0, 4)) + 1, { error: nl.badYear })
    .optional(),
);

export const insightQuerySchema = z.object({
  jaar: schoolYearParam,
  vorig: schoolYearParam,
  bestuur: z.preprocess(empty, z.string().regex(UUID, { error: nl.badFilter }).optional()),
  wijk: z.preprocess(empty, z.union([z.literal('none'), z.string().regex(UUID, { error: nl.badFilter })]).optional()),
  sector: z.preprocess(empty, z.string().max(20, { error: nl.badFilter }).optional()),
  onderdeel: z.preprocess(empty, z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: nl.badFilter }).optional()),
  norm: z.preprocess(empty, z.enum(['swv', 'landelijk'], { error: nl.badFilter }).optional()),
  per: z.preprocess(empty, z.enum(['wijk', 'bestuur'], { error: nl.badFilter }).optional()),
  formaat: z.preprocess(empty, z.enum(['csv', 'xlsx'], { error: nl.badFormat }).optional()),
  /** A page of schools in a big place (load-basic-support.ts, MATRIX_PAGE_SIZE), and how many schools a page shows. */
  pagina: z.preprocess(empty, z.coerce.number({ error: nl.badPage }).int({ error: nl.badPage }).min(1, { error: nl.badPage }).max(100_000, { error: nl.badPage }).optional()),
  aantal: z.preprocess(empty, z.coerce.number({ error: nl.badPage }).int({ error: nl.badPage }).min(5, { error: nl.badPage }).max(1000, { error: nl.badPage }).optional()),
});
export type InsightQuery = z.infer<typeof insightQuerySchema>;

export function parseInsightQuery(query: Record<string, string>): InsightQuery {
  const parsed = insightQuerySchema.safeParse(query);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0]?.message ?? nl.badFilter);
  return parsed.data;
}

export function filtersOf(query: InsightQuery): InsightFilters {
  return { boardId: query.bestuur, districtId: query.wijk, sector: query.sector, sectionKey: query.onderdeel };
}

/** The national view's query: the school year, the column to sort by and its direction, the export's format. */
export const nationalQuerySchema = z.object({
  jaar: schoolYearParam,
  sorteer: z.preprocess(empty, z.enum(NATIONAL_SORTS, { error: nl.badFilter }).optional()),
  richting: z.preprocess(empty, z.enum(['op', 'af'], { error: nl.badFilter }).optional()),
  formaat: z.preprocess(empty, z.enum(['csv', 'xlsx'], { error: nl.badFormat }).optional()),
});
export type NationalQuery = z.infer<typeof nationalQuerySchema>;

export function parseNationalQuery(query: Record<string, string>): NationalQuery {
  const parsed = nationalQuerySchema.safeParse(query);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0]?.message ?? nl.badFilter);
  return parsed.data;
}
