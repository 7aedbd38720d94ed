/** The SWV's public page: its norm of basic support in plain words, the support point, its own texts, the search form. */
import type { DbOrTx } from '../../db/client.js';
import { loadTemplateDefinition } from '../questionnaire/template-cache.js';
import { describeNorm } from '../templates/model/answer.js';
import { parentTitleOf, type TemplateDefinition } from '../templates/model/template.js';
import { loadPublicSwv, type PublicSwv } from './public-data.js';
import { filterOptionsOf, type FilterOptions } from './search-query.js';

export interface NormSection {
  title: string;
  promise: string | null;
  items: Array<{ title: string; norm: string }>;
}

export interface SwvPage {
  swv: PublicSwv;
  /** The norm of the newest published school year (every school of that year answered the same version). */
  norm: NormSection[];
  filters: FilterOptions;
}

export async function loadSwvPage(options: { db: DbOrTx; slug: string; cacheSeconds?: number }): Promise<SwvPage> {
  const swv = await loadPublicSwv(options.db, options.slug, options.cacheSeconds);
  const newest = swv.schools.map((school) => school.published[0]!).sort((a, b) => b.schoolYear.localeCompare(a.schoolYear))[0];
  const norm = newest ? normOf(await loadTemplateDefinition(options.db, newest.templateVersionId)) : [];
  return { swv, norm, filters: filterOptionsOf(swv) };
}

/** The norm in words, once per published template version (its definition is cached and never changes). */
const norms = new WeakMap<TemplateDefinition, NormSection[]>();
function normOf(template: TemplateDefinition): NormSection[] {
  const cached = norms.get(template);
  if (cached) return cached;
  const norm: NormSection[] = [];
  for (const section of template.sections) {
    const items = section.items.flatMap((item) => {
      const words = describeNorm(template, item);
      return words ? [{ title: parentTitleOf(item), norm: words }] : [];
    });
    if (items.length > 0) norm.push({ title: section.title, promise: section.promise ?? null, items });
  }
  norms.set(template, norm);
  return norm;
}
