/** The search form's fields (GET, no JavaScript): one zod schema for the form and the API. */
import { z } from 'zod';
import type { PublicTranslate } from './messages.js';
import type { PublicSwv } from './public-data.js';

export function searchQuerySchema(t: PublicTranslate) {
  const field = z.string().trim().max(100, { error: t('searchTooLong') }).optional().default('');
  return z.object({
    naam: field,
    plaats: field,
    wijk: field,
    postcode: z
      .string()
      .trim()
      .optional()
      .default('')
      .transform((value) => value.replace(/\s+/g, '').toUpperCase())
      .refine((value) => value === '' || /^[1-9][0-9]{1,3}$/.test(value) || /^[1-9][0-9]{3}[A-Z]{1,2}$/.test(value), { error: t('postcodeInvalid') }),
    soort: field,
    richting: field,
    ondersteuning: field,
  });
}
export type SearchQuery = z.infer<ReturnType<typeof searchQuerySchema>>;

export const EMPTY_QUERY: SearchQuery = { naam: '', plaats: '', wijk: '', postcode: '', soort: '', richting: '', ondersteuning: '' };

export function isEmptyQuery(query: SearchQuery): boolean {
  return Object.values(query).every((value) => value === '');
}

/** The choices of the select fields, from the data (never a fixed list): places, districts, sectors, denominations. */
export interface FilterOptions {
  places: string[];
  districts: string[];
  sectors: string[];
  denominations: string[];
}

export function filterOptionsOf(swv: PublicSwv): FilterOptions {
  const distinct = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b, 'nl'));
  return {
    places: distinct(swv.schools.map((s) => s.city)),
    districts: distinct(swv.schools.map((s) => s.districtName)),
    sectors: distinct(swv.schools.map((s) => s.sector)),
    denominations: distinct(swv.schools.map((s) => s.denomination)),
  };
}

/** The search fields of a query that did not parse, as typed (cut at 100 characters), to show them back in the form. */
export function pickSearchStrings(query: Record<string, string>): Partial<Record<keyof typeof EMPTY_QUERY, string>> {
  const result: Partial<Record<keyof typeof EMPTY_QUERY, string>> = {};
  for (const key of Object.keys(EMPTY_QUERY) as Array<keyof typeof EMPTY_QUERY>) {
    if (typeof query[key] === 'string') result[key] = query[key].slice(0, 100);
  }
  return result;
}
