/**
 * A school's public page: its current published profile (or an older published year, as an archive) as the
 * parent poster on the web, with extra support, ambitions, limits, whom to ask, the board's adoption date,
 * what changed since the year before, and the downloads.
 */
import { AppError } from '../../auth/app-error.js';
import type { DbOrTx } from '../../db/client.js';
import { findPublicSchool, loadPublicContents, loadPublicSwv, type PublicItemRow, type PublicProfileContent, type PublicSchool, type PublicSwv } from './public-data.js';
import type { PublishedProfileRow } from './repository.js';

/** An item's answer in words and its ambition in words ('' when none); the view joins them in the page's language. */
export interface InWords {
  answer: string;
  ambition: string;
}

export interface ChangeRow {
  title: string;
  previous: InWords;
  current: InWords;
}

export interface SchoolPage {
  swv: PublicSwv;
  school: PublicSchool;
  content: PublicProfileContent;
  /** True when this is an older published year (the archive). */
  isArchive: boolean;
  /** The published year before this one, if any, and what changed since. */
  previousYear: string | null;
  changes: ChangeRow[];
  /** Items on the parent poster. */
  poster: PublicItemRow[];
  extraSupport: PublicItemRow[];
  ambitions: PublicItemRow[];
  limits: Array<{ title: string; text: string }>;
  /** The school's own "whom to ask" texts (items with role contact). */
  contactTexts: PublicItemRow[];
}

function inWords(row: PublicItemRow | undefined): InWords {
  if (!row) return { answer: '', ambition: '' };
  const ambition = row.ambition ? [row.ambition.target, row.ambition.schoolYear].filter(Boolean).join(', ') : '';
  return { answer: row.answer, ambition };
}

/** Items whose answer or ambition (in words) differs from the year before; items new or gone count as changed. */
export function changesBetween(previous: PublicProfileContent, current: PublicProfileContent): ChangeRow[] {
  const before = new Map(previous.rows.map((row) => [row.key, row]));
  const rows: ChangeRow[] = [];
  for (const row of current.rows) {
    const was = inWords(before.get(row.key));
    const now = inWords(row);
    if (was.answer !== now.answer || was.ambition !== now.ambition) rows.push({ title: row.title, previous: was, current: now });
  }
  return rows;
}

export async function loadSchoolPage(options: { db: DbOrTx; slug: string; locationCode: string; schoolYear?: string | undefined; cacheSeconds?: number }): Promise<SchoolPage> {
  const swv = await loadPublicSwv(options.db, options.slug, options.cacheSeconds);
  const school = findPublicSchool(swv, options.locationCode);
  const index = options.schoolYear ? school.published.findIndex((p) => p.schoolYear === options.schoolYear) : 0;
  if (index < 0) throw new AppError('not_found');
  const profile = school.published[index]!;
  const previous: PublishedProfileRow | undefined = school.published[index + 1];
  const contents = await loadPublicContents(options.db, swv, previous ? [profile, previous] : [profile]);
  const content = contents.get(profile.id)!;
  const previousContent = previous ? contents.get(previous.id)! : null;
  const answered = content.rows.filter((row) => row.answer !== '');
  return {
    swv,
    school,
    content,
    isArchive: index > 0,
    previousYear: previous?.schoolYear ?? null,
    changes: previousContent ? changesBetween(previousContent, content) : [],
    poster: content.rows.filter((row) => row.onParentPoster),
    extraSupport: answered.filter((row) => row.role === 'extraSupport' || (!row.isText && !row.notOffered && row.sectionKey !== '' && isExtraSection(content, row.sectionKey))),
    ambitions: content.rows.filter((row) => row.ambition !== null || (row.role === 'ambitions' && row.answer !== '')),
    limits: [
      ...content.limits.map((limit) => ({ title: limit.sectionTitle, text: limit.text })),
      ...answered.filter((row) => row.role === 'limits').map((row) => ({ title: row.title, text: row.answer })),
    ],
    contactTexts: answered.filter((row) => row.role === 'contact'),
  };
}

function isExtraSection(content: PublicProfileContent, sectionKey: string): boolean {
  return content.template.sections.find((section) => section.key === sectionKey)?.kind === 'extra';
}
