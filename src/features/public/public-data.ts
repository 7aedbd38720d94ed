/**
 * What the public may see of one SWV, read through the public read model (repository.ts): its schools with
 * their published profiles (newest first; the newest is current, older ones are the archive), and the
 * content of a published profile as plain rows in words. Shared by the pages, the API and the CSV.
 */
import { AppError } from '../../auth/app-error.js';
import type { DbOrTx } from '../../db/client.js';
import { loadTemplateDefinition } from '../questionnaire/template-cache.js';
import { describeAnswer, describeNorm, evaluateNorm, isAnswered, type Answer, type NormStatus } from '../templates/model/answer.js';
import { findChosenOption, listItems, parentTitleOf, type Item, type ItemRole, type Section, type TemplateDefinition } from '../templates/model/template.js';
import { publicContentGeneration } from './response-cache.js';
import {
  findPublicPartnership,
  listPublicContacts,
  listPublicSchools,
  listPublishedAnswers,
  listPublishedProfiles,
  type PublicAnswers,
  type PublicContactRow,
  type PublicPartnershipRow,
  type PublicSchoolRow,
  type PublishedProfileRow,
} from './repository.js';

export interface PublicSchool extends PublicSchoolRow {
  /** Published profiles, newest school year first; [0] is the one on the public pages. */
  published: PublishedProfileRow[];
}

export interface PublicSwv {
  partnership: PublicPartnershipRow;
  /** Schools with at least one published profile, by name. */
  schools: PublicSchool[];
  /** The schools' public contacts, read on first use per school and kept with this snapshot (see loadPublicContents). */
  contactsBySchool: Map<string, PublicContactRow[]>;
}

/**
 * The SWV as the public sees it, kept per database and slug for `cacheSeconds` (PUBLIC_CACHE_SECONDS) so that a
 * page which is not in the response cache yet costs no query for what every public page needs: the school list,
 * the published profiles and the contacts. It is exactly as fresh as the cached pages themselves: stale for at
 * most that long, and not at all in this process after `publicContentChanged()` (the same generation counter).
 * Concurrent first visits share one load; a failed load is not kept.
 */
interface SwvSnapshot {
  loadedAt: number;
  generation: number;
  swv: Promise<PublicSwv>;
}
const SNAPSHOTS_MAX = 200;
const snapshots = new WeakMap<object, Map<string, SwvSnapshot>>();

/** The SWV by slug with its schools that have something published; unknown slug: 404. */
export function loadPublicSwv(db: DbOrTx, slug: string, cacheSeconds = 0): Promise<PublicSwv> {
  if (cacheSeconds <= 0) return readPublicSwv(db, slug);
  let bySlug = snapshots.get(db);
  if (!bySlug) snapshots.set(db, (bySlug = new Map()));
  const key = slug.toLowerCase();
  const now = performance.now();
  const generation = publicContentGeneration();
  const kept = bySlug.get(key);
  if (kept && kept.generation === generation && now - kept.loadedAt < cacheSeconds * 1000) return kept.swv;
  const swv = readPublicSwv(db, slug);
  const snapshot: SwvSnapshot = { loadedAt: now, generation, swv };
  if (bySlug.size >= SNAPSHOTS_MAX) bySlug.delete(bySlug.keys().next().value!);
  bySlug.set(key, snapshot);
  // An unknown slug (404) or a failed read is not kept: the next visit asks the database again.
  swv.catch(() => {
    if (bySlug.get(key) === snapshot) bySlug.delete(key);
  });
  return swv;
}

async function readPublicSwv(db: DbOrTx, slug: string): Promise<PublicSwv> {
  const partnership = await findPublicPartnership(db, slug);
  if (!partnership) throw new AppError('not_found');
  const [schools, profiles] = await Promise.all([listPublicSchools(db, partnership.id), listPublishedProfiles(db, partnership.id)]);
  const bySchool = new Map<string, PublishedProfileRow[]>();
  for (const profile of profiles) {
    const list = bySchool.get(profile.schoolId) ?? [];
    list.push(profile);
    bySchool.set(profile.schoolId, list);
  }
  return {
    partnership,
    schools: schools.filter((school) => bySchool.has(school.id)).map((school) => ({ ...school, published: bySchool.get(school.id)! })),
    contactsBySchool: new Map(),
  };
}

export function findPublicSchool(swv: PublicSwv, locationCode: string): PublicSchool {
  const school = swv.schools.find((candidate) => candidate.locationCode.toLowerCase() === locationCode.toLowerCase());
  if (!school) throw new AppError('not_found');
  return school;
}

/** One item of a published profile, in words. */
export interface PublicItemRow {
  key: string;
  sectionKey: string;
  sectionTitle: string;
  /** The parent headline (B1) where the template has one. */
  title: string;
  /** The answer in words ('' when unanswered). */
  answer: string;
  status: NormStatus;
  /** The SWV's norm in words, or null for descriptive items. */
  norm: string | null;
  /** The school's text for parents (or the template's default). */
  parentText: string | null;
  /** The school does not offer this (an option marked notOffered). */
  notOffered: boolean;
  ambition: { target: string | null; schoolYear: string | null; note: string | null } | null;
  /** Free-text items: what the text is about (limits, extraSupport, ambitions, contact…). */
  role: ItemRole | null;
  isText: boolean;
  /** Marked for the parent poster in the template. */
  onParentPoster: boolean;
}

export interface PublicProfileContent {
  profile: PublishedProfileRow;
  template: TemplateDefinition;
  answers: Record<string, Answer>;
  rows: PublicItemRow[];
  /** "Wat kan de school niet", per section (the closing one last). */
  limits: Array<{ sectionTitle: string; text: string }>;
  /** The same limits by section key ("__overall" for the closing), as the documents take them. */
  limitsByKey: Record<string, string>;
  contacts: PublicContactRow[];
}

function parentTextOf(item: Item, answer: Answer | undefined): string | null {
  const own = item.parentTextEditable ? answer?.parentText?.trim() : undefined;
  return own || item.parentText || null;
}

export function describeRow(template: TemplateDefinition, section: Section, item: Item, answer: Answer | undefined): PublicItemRow {
  const option = findChosenOption(template, item, answer?.value);
  const ambition = answer?.ambition
    ? {
        target: answer.ambition.target ? describeAnswer(template, item, answer.ambition.target) : null,
        schoolYear: answer.ambition.schoolYear ?? null,
        note: answer.ambition.note ?? null,
      }
    : null;
  return {
    key: item.key,
    sectionKey: section.key,
    sectionTitle: section.title,
    title: parentTitleOf(item),
    answer: describeAnswer(template, item, answer?.value),
    status: evaluateNorm(item, answer),
    norm: describeNorm(template, item),
    parentText: parentTextOf(item, answer),
    notOffered: option?.notOffered === true,
    ambition,
    role: item.role ?? null,
    isText: item.kind === 'text' || item.kind === 'longtext',
    onParentPoster: item.posters.parent === true,
  };
}

/**
 * What a published profile says, in words, cached per database: a published profile's answers do not change
 * while it stays published (a change of status or a new publication changes `updatedAt`/`publishedAt`, which
 * are part of the key), and the profiles asked for always come from the per-request list of published profiles,
 * so nothing unpublished is ever served from here. Entries are also re-read after CONTENT_CACHE_MS, the public
 * pages' own `max-age`, so a change made outside the workflow (a restore) shows as soon as a browser would see it.
 * Contacts are not part of it: they belong to the SWV snapshot (loadPublicSwv), which is as fresh as the pages.
 */
type CachedContent = Omit<PublicProfileContent, 'contacts'>;
const CONTENT_CACHE_MS = 300_000;
const CONTENT_CACHE_MAX = 5_000;
const contentCache = new WeakMap<object, Map<string, { at: number; content: CachedContent }>>();

const contentKey = (profile: PublishedProfileRow) => `${profile.id}|${profile.templateVersionId}|${profile.updatedAt.getTime()}|${profile.publishedAt?.getTime() ?? ''}`;

/** The content of several published profiles of one SWV at once (one query for the answers not cached yet). */
export async function loadPublicContents(
  db: DbOrTx,
  swv: PublicSwv,
  profiles: PublishedProfileRow[],
  options: { contacts?: boolean } = {},
): Promise<Map<string, PublicProfileContent>> {
  let cache = contentCache.get(db);
  if (!cache) contentCache.set(db, (cache = new Map()));
  const now = performance.now();
  const cached = new Map<string, CachedContent>();
  for (const profile of profiles) {
    const hit = cache.get(contentKey(profile));
    if (hit && now - hit.at < CONTENT_CACHE_MS) cached.set(profile.id, hit.content);
  }
  const missing = profiles.filter((profile) => !cached.has(profile.id));
  const withoutContacts = options.contacts === false ? [] : [...new Set(profiles.map((p) => p.schoolId))].filter((id) => !swv.contactsBySchool.has(id));
  const [answersByProfile, contacts, templates] = await Promise.all([
    missing.length > 0 ? listPublishedAnswers(db, swv.partnership.id, missing.map((p) => p.id)) : Promise.resolve(new Map<string, PublicAnswers>()),
    withoutContacts.length > 0 ? listPublicContacts(db, swv.partnership.id, withoutContacts) : Promise.resolve([]),
    loadTemplates(db, missing),
  ]);
  for (const schoolId of withoutContacts) swv.contactsBySchool.set(schoolId, []);
  for (const contact of contacts) swv.contactsBySchool.get(contact.schoolId)!.push(contact);
  for (const profile of missing) {
    const content = contentOf(profile, templates.get(profile.templateVersionId)!, answersByProfile.get(profile.id) ?? { answers: {}, limits: {} });
    cached.set(profile.id, content);
    if (cache.size >= CONTENT_CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(contentKey(profile), { at: now, content });
  }
  const result = new Map<string, PublicProfileContent>();
  for (const profile of profiles) {
    result.set(profile.id, { ...cached.get(profile.id)!, contacts: swv.contactsBySchool.get(profile.schoolId) ?? [] });
  }
  return result;
}

async function loadTemplates(db: DbOrTx, profiles: PublishedProfileRow[]): Promise<Map<string, TemplateDefinition>> {
  const ids = [...new Set(profiles.map((p) => p.templateVersionId))];
  const definitions = await Promise.all(ids.map((id) => loadTemplateDefinition(db, id)));
  return new Map(ids.map((id, i) => [id, definitions[i]!]));
}

function contentOf(profile: PublishedProfileRow, template: TemplateDefinition, stored: PublicAnswers): CachedContent {
  const rows = listItems(template).map(({ section, item }) => describeRow(template, section, item, stored.answers[item.key]));
  const limits: PublicProfileContent['limits'] = [];
  for (const section of template.sections) {
    const text = stored.limits[section.key];
    if (text) limits.push({ sectionTitle: section.title, text });
  }
  if (stored.limits['__overall']) limits.push({ sectionTitle: '', text: stored.limits['__overall'] });
  return { profile, template, answers: stored.answers, rows, limits, limitsByKey: stored.limits };
}

/** Items the school answered (text items only with text). */
export function answeredRows(content: PublicProfileContent): PublicItemRow[] {
  return content.rows.filter((row) => row.answer !== '' && isAnswered(content.answers[row.key]?.value));
}
