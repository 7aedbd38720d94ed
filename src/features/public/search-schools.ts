/**
 * Search and filter the SWV's schools with a published profile: name, place, district, postcode (the first four
 * digits are enough), sector, denomination, and the support offered (a text match on the items, the answers in
 * words and the parent texts). Every result says why it matches.
 */
import type { DbOrTx } from '../../db/client.js';
import { answeredRows, loadPublicContents, loadPublicSwv, type PublicItemRow, type PublicProfileContent, type PublicSchool, type PublicSwv } from './public-data.js';
import { filterOptionsOf, isEmptyQuery, type FilterOptions, type SearchQuery } from './search-query.js';

export type MatchReason =
  | { kind: 'name' | 'place' | 'district' | 'postcode' | 'sector' | 'denomination'; text: string }
  | { kind: 'support'; title: string; answer: string };

export interface SearchResult {
  school: PublicSchool;
  reasons: MatchReason[];
}

export interface SearchPage {
  swv: PublicSwv;
  filters: FilterOptions;
  query: SearchQuery;
  /** null when nothing was asked: the page lists every school. */
  results: SearchResult[];
}

const normalise = (text: string) => text.toLocaleLowerCase('nl').normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Search words of two letters or more; "op schoolniveau" → ["op", "schoolniveau"]. */
export function searchWords(text: string): string[] {
  return normalise(text).split(/[^\p{L}\p{N}-]+/u).filter((word) => word.length >= 2);
}

const MAX_SUPPORT_REASONS = 3;

/**
 * What a published profile offers, ready to search: its answered rows that are not "not offered", each with its
 * text normalised, and all of them joined, so a school without every word is passed over with one look. Built once
 * per profile content (those are cached: public-data.ts) and kept as long as that content is.
 */
interface SupportIndex {
  joined: string;
  rows: Array<{ row: PublicItemRow; text: string }>;
}
const supportIndexes = new WeakMap<PublicItemRow[], SupportIndex>();
function supportIndexOf(content: PublicProfileContent): SupportIndex {
  let index = supportIndexes.get(content.rows);
  if (!index) {
    const rows = answeredRows(content)
      .filter((row) => !row.notOffered)
      .map((row) => ({ row, text: normalise(`${row.title} ${row.sectionTitle} ${row.answer} ${row.parentText ?? ''}`) }));
    index = { joined: rows.map((entry) => entry.text).join('\u0000'), rows };
    supportIndexes.set(content.rows, index);
  }
  return index;
}

/** The first `max` rows that hold every word (a word may not span two rows). */
function supportMatches(index: SupportIndex, words: string[], max: number): PublicItemRow[] {
  if (!words.every((word) => index.joined.includes(word))) return [];
  const matches: PublicItemRow[] = [];
  for (const { row, text } of index.rows) {
    if (words.every((word) => text.includes(word)) && matches.push(row) >= max) break;
  }
  return matches;
}

/** `swv`: the SWV as the page already loaded it for this request (saves loading it twice). */
export async function searchSchools(options: { db: DbOrTx; slug: string; query: SearchQuery; swv?: PublicSwv; cacheSeconds?: number }): Promise<SearchPage> {
  const { query } = options;
  const swv = options.swv ?? (await loadPublicSwv(options.db, options.slug, options.cacheSeconds));
  const filters = filterOptionsOf(swv);
  if (isEmptyQuery(query)) return { swv, filters, query, results: swv.schools.map((school) => ({ school, reasons: [] })) };

  const equals = (a: string | null, b: string) => a !== null && normalise(a) === normalise(b);
  const candidates: SearchResult[] = [];
  for (const school of swv.schools) {
    const reasons: MatchReason[] = [];
    if (query.naam) {
      if (!normalise(school.name).includes(normalise(query.naam))) continue;
      reasons.push({ kind: 'name', text: query.naam });
    }
    if (query.plaats) {
      if (!equals(school.city, query.plaats)) continue;
      reasons.push({ kind: 'place', text: school.city! });
    }
    if (query.wijk) {
      if (!equals(school.districtName, query.wijk)) continue;
      reasons.push({ kind: 'district', text: school.districtName! });
    }
    if (query.postcode) {
      const code = (school.postalCode ?? '').replace(/\s+/g, '').toUpperCase();
      if (!code.startsWith(query.postcode)) continue;
      reasons.push({ kind: 'postcode', text: school.postalCode! });
    }
    if (query.soort) {
      if (!equals(school.sector, query.soort)) continue;
      reasons.push({ kind: 'sector', text: school.sector! });
    }
    if (query.richting) {
      if (!equals(school.denomination, query.richting)) continue;
      reasons.push({ kind: 'denomination', text: school.denomination! });
    }
    candidates.push({ school, reasons });
  }

  const words = searchWords(query.ondersteuning);
  if (words.length === 0) return { swv, filters, query, results: candidates };

  // Only the candidates' current profiles are read, in one query.
  const contents = await loadPublicContents(options.db, swv, candidates.map((c) => c.school.published[0]!), { contacts: false });
  const results: SearchResult[] = [];
  for (const candidate of candidates) {
    const matches = supportMatches(supportIndexOf(contents.get(candidate.school.published[0]!.id)!), words, MAX_SUPPORT_REASONS);
    if (matches.length === 0) continue;
    results.push({
      school: candidate.school,
      reasons: [...candidate.reasons, ...matches.map((row): MatchReason => ({ kind: 'support', title: row.title, answer: shorten(row.answer) }))],
    });
  }
  return { swv, filters, query, results };
}

function shorten(text: string, max = 140): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
