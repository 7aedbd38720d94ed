/**
 * The public read model: the only queries behind the pages for parents, the API and the embed.
 * Read-only, and every query is filtered twice — by the SWV and by `status = 'published'` — so nothing
 * unpublished, and nothing of another SWV, can reach a public route (test/public.test.ts proves it per field).
 * It reads other features' tables on purpose (documented in ARCHITECTURE.md, "Public read model").
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { boards, districts, partnerships, schoolContacts, schools } from '../partnerships/schema.js';
import { answers, profiles } from '../questionnaire/schema.js';
import { LIMITS_KEY_PREFIX } from '../questionnaire/api.js';
import type { Answer } from '../templates/model/answer.js';

export type PublicPartnershipRow = Pick<typeof partnerships.$inferSelect, 'id' | 'slug' | 'name' | 'sector' | 'primaryColor' | 'parentSupportPoint' | 'publicInfo'>;

/** The SWV by its public slug (only the fields a public page may show). */
export async function findPublicPartnership(db: DbOrTx, slug: string): Promise<PublicPartnershipRow | null> {
  const [row] = await db
    .select({
      id: partnerships.id,
      slug: partnerships.slug,
      name: partnerships.name,
      sector: partnerships.sector,
      primaryColor: partnerships.primaryColor,
      parentSupportPoint: partnerships.parentSupportPoint,
      publicInfo: partnerships.publicInfo,
    })
    .from(partnerships)
    .where(eq(partnerships.slug, slug));
  return row ?? null;
}

export interface PublicSchoolRow {
  id: string;
  name: string;
  locationCode: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  website: string | null;
  denomination: string | null;
  sector: string | null;
  schoolTypes: string[];
  boardName: string;
  districtName: string | null;
}

/** The SWV's schools in its register (archived ones have left it). */
export function listPublicSchools(db: DbOrTx, partnershipId: string): Promise<PublicSchoolRow[]> {
  return db
    .select({
      id: schools.id,
      name: schools.name,
      locationCode: schools.locationCode,
      street: schools.street,
      postalCode: schools.postalCode,
      city: schools.city,
      website: schools.website,
      denomination: schools.denomination,
      sector: schools.sector,
      schoolTypes: schools.schoolTypes,
      boardName: boards.name,
      districtName: districts.name,
    })
    .from(schools)
    .innerJoin(boards, eq(boards.id, schools.boardId))
    .leftJoin(districts, eq(districts.id, schools.districtId))
    .where(and(eq(schools.partnershipId, partnershipId), isNull(schools.archivedAt)))
    .orderBy(asc(schools.name));
}

export interface PublishedProfileRow {
  id: string;
  schoolId: string;
  schoolYear: string;
  templateVersionId: string;
  adoptedOn: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
}

/** Every published profile of the SWV, newest school year first per school. */
export function listPublishedProfiles(db: DbOrTx, partnershipId: string): Promise<PublishedProfileRow[]> {
  return db
    .select({
      id: profiles.id,
      schoolId: profiles.schoolId,
      schoolYear: profiles.schoolYear,
      templateVersionId: profiles.templateVersionId,
      adoptedOn: profiles.adoptedOn,
      publishedAt: profiles.publishedAt,
      updatedAt: profiles.updatedAt,
    })
    .from(profiles)
    .where(and(eq(profiles.partnershipId, partnershipId), eq(profiles.status, 'published')))
    .orderBy(asc(profiles.schoolId), desc(profiles.schoolYear));
}

export interface PublicAnswers {
  answers: Record<string, Answer>;
  limits: Record<string, string>;
}

/** Answers of published profiles of this SWV only (the join repeats both filters). */
export async function listPublishedAnswers(db: DbOrTx, partnershipId: string, profileIds: string[]): Promise<Map<string, PublicAnswers>> {
  const result = new Map<string, PublicAnswers>(profileIds.map((id) => [id, { answers: {}, limits: {} }]));
  if (profileIds.length === 0) return result;
  const rows = await db
    .select({ profileId: answers.profileId, itemKey: answers.itemKey, value: answers.value, ambition: answers.ambition, parentText: answers.parentText })
    .from(answers)
    .innerJoin(profiles, eq(profiles.id, answers.profileId))
    .where(and(inArray(answers.profileId, profileIds), eq(profiles.partnershipId, partnershipId), eq(profiles.status, 'published')));
  for (const row of rows) {
    const entry = result.get(row.profileId)!;
    if (row.itemKey.startsWith(LIMITS_KEY_PREFIX)) {
      if (typeof row.value === 'string' && row.value.trim()) entry.limits[row.itemKey.slice(LIMITS_KEY_PREFIX.length)] = row.value;
      continue;
    }
    entry.answers[row.itemKey] = { value: row.value ?? null, ambition: row.ambition ?? null, parentText: row.parentText ?? null };
  }
  return result;
}

export interface PublicContactRow {
  schoolId: string;
  name: string;
  role: string;
  topic: string | null;
  email: string | null;
}

/** Only the contacts the school chose to show to parents. */
export function listPublicContacts(db: DbOrTx, partnershipId: string, schoolIds: string[]): Promise<PublicContactRow[]> {
  if (schoolIds.length === 0) return Promise.resolve([]);
  return db
    .select({ schoolId: schoolContacts.schoolId, name: schoolContacts.name, role: schoolContacts.role, topic: schoolContacts.topic, email: schoolContacts.email })
    .from(schoolContacts)
    .where(and(eq(schoolContacts.partnershipId, partnershipId), inArray(schoolContacts.schoolId, schoolIds), eq(schoolContacts.showToParents, true)))
    .orderBy(asc(schoolContacts.schoolId), asc(schoolContacts.position));
}

/** The SWV's logo (a data URL), only for rendering downloads. */
export async function findPartnershipLogo(db: DbOrTx, partnershipId: string): Promise<string | null> {
  const [row] = await db.select({ logo: partnerships.logoDataUrl }).from(partnerships).where(eq(partnerships.id, partnershipId));
  return row?.logo ?? null;
}
