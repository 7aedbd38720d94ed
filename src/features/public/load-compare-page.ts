/** Two to four schools side by side, on the same items (in the order of the first school's questionnaire). */
import { AppError } from '../../auth/app-error.js';
import type { DbOrTx } from '../../db/client.js';
import { findPublicSchool, loadPublicContents, loadPublicSwv, type PublicItemRow, type PublicSchool, type PublicSwv } from './public-data.js';

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

export interface ComparePage {
  swv: PublicSwv;
  schools: PublicSchool[];
  /** One row per item; a cell is null where that school's questionnaire has no such item. */
  rows: Array<{ key: string; sectionTitle: string; title: string; cells: Array<PublicItemRow | null> }>;
}

export async function loadComparePage(options: { db: DbOrTx; slug: string; locationCodes: string[]; cacheSeconds?: number }): Promise<ComparePage> {
  const codes = [...new Set(options.locationCodes.map((code) => code.toUpperCase()))];
  const swv = await loadPublicSwv(options.db, options.slug, options.cacheSeconds);
  if (codes.length < COMPARE_MIN || codes.length > COMPARE_MAX) throw new AppError('invalid_input');
  const schools = codes.map((code) => findPublicSchool(swv, code));
  const profiles = schools.map((school) => school.published[0]!);
  const contents = await loadPublicContents(options.db, swv, profiles);
  const perSchool = profiles.map((profile) => new Map(contents.get(profile.id)!.rows.map((row) => [row.key, row])));
  const rows: ComparePage['rows'] = [];
  const seen = new Set<string>();
  for (const profile of profiles) {
    for (const row of contents.get(profile.id)!.rows) {
      if (seen.has(row.key) || row.role === 'limits' || (row.isText && row.role === null)) continue;
      seen.add(row.key);
      rows.push({ key: row.key, sectionTitle: row.sectionTitle, title: row.title, cells: perSchool.map((map) => map.get(row.key) ?? null) });
    }
  }
  return { swv, schools, rows };
}
