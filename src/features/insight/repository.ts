/**
 * The only code of the insight feature that queries the database. Every query is set-based: one query for all
 * schools of the place (an SWV, or one board's schools), never one per school, so a view costs the same few
 * round trips for 7 or 700 schools. Counts only: no pupil data exists anywhere.
 */
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { textArray } from '../../db/swv-tables.js';
import { cycles, profileTransitions } from '../cycle/schema.js';
import { boards, districts, partnerships, schools } from '../partnerships/schema.js';
import { answers, profiles } from '../questionnaire/schema.js';
import { schoolPupilCounts } from '../register/schema.js';
import { answerSummaries } from './schema.js';
import type { Ambition, AnswerValue, StoredNormStatus } from '../templates/model/answer.js';

/** Where the figures come from: every school of an SWV, or one board's schools. */
export interface PlaceFilter {
  partnershipId: string;
  boardId: string | null;
  /** Only this school of the place (one school's page needs no list of 7,000). */
  schoolId?: string | undefined;
}

const inPlace = (place: PlaceFilter) =>
  and(eq(schools.partnershipId, place.partnershipId), place.boardId ? eq(schools.boardId, place.boardId) : undefined, place.schoolId ? eq(schools.id, place.schoolId) : undefined);

export async function findPartnershipName(db: DbOrTx, id: string): Promise<{ id: string; name: string; slug: string } | null> {
  const [row] = await db.select({ id: partnerships.id, name: partnerships.name, slug: partnerships.slug }).from(partnerships).where(eq(partnerships.id, id));
  return row ?? null;
}

export async function findPartnershipBySlug(db: DbOrTx, slug: string): Promise<{ id: string; name: string; slug: string } | null> {
  const [row] = await db.select({ id: partnerships.id, name: partnerships.name, slug: partnerships.slug }).from(partnerships).where(eq(partnerships.slug, slug));
  return row ?? null;
}

export async function findBoardName(db: DbOrTx, id: string): Promise<{ id: string; name: string; partnershipId: string } | null> {
  const [row] = await db.select({ id: boards.id, name: boards.name, partnershipId: boards.partnershipId }).from(boards).where(eq(boards.id, id));
  return row ?? null;
}

export function listYearCycles(db: DbOrTx, partnershipId: string) {
  return db
    .select({
      schoolYear: cycles.schoolYear,
      opensOn: cycles.opensOn,
      submitDeadline: cycles.submitDeadline,
      closesOn: cycles.closesOn,
      templateVersionId: cycles.templateVersionId,
      openedAt: cycles.openedAt,
    })
    .from(cycles)
    .where(eq(cycles.partnershipId, partnershipId))
    .orderBy(desc(cycles.schoolYear));
}
export type YearCycle = Awaited<ReturnType<typeof listYearCycles>>[number];

export interface InsightSchool {
  id: string;
  name: string;
  locationCode: string;
  boardId: string;
  boardName: string;
  districtId: string | null;
  districtName: string | null;
  sector: string | null;
  schoolTypes: string[];
  /** The newest DUO pupil count as a range ("<5" is 1–4), or null without one. */
  pupils: { low: number; high: number } | null;
  /** This year's profile, if the school has one. */
  profileId: string | null;
  status: string | null;
  submittedAt: Date | null;
  templateVersionId: string | null;
}

/**
 * The place's schools with their board, district, newest pupil count and this year's profile — one query.
 * Archived schools count only where they had a profile that year (a closed year keeps its record).
 */
export async function listPlaceSchools(db: DbOrTx, place: PlaceFilter, schoolYear: string): Promise<InsightSchool[]> {
  const latestCount = db
    .selectDistinctOn([schoolPupilCounts.schoolId], { schoolId: schoolPupilCounts.schoolId, low: schoolPupilCounts.low, high: schoolPupilCounts.high })
    .from(schoolPupilCounts)
    // One school's page sorts that school's counts only, not the whole place's (7,000 schools at national scale).
    .where(and(eq(schoolPupilCounts.partnershipId, place.partnershipId), place.schoolId ? eq(schoolPupilCounts.schoolId, place.schoolId) : undefined))
    .orderBy(schoolPupilCounts.schoolId, desc(schoolPupilCounts.countedOn))
    .as('latest_count');
  const rows = await db
    .select({
      id: schools.id,
      name: schools.name,
      locationCode: schools.locationCode,
      boardId: schools.boardId,
      boardName: boards.name,
      districtId: schools.districtId,
      districtName: districts.name,
      sector: schools.sector,
      schoolTypes: schools.schoolTypes,
      archivedAt: schools.archivedAt,
      low: latestCount.low,
      high: latestCount.high,
      profileId: profiles.id,
      status: profiles.status,
      submittedAt: profiles.submittedAt,
      templateVersionId: profiles.templateVersionId,
    })
    .from(schools)
    .innerJoin(boards, eq(boards.id, schools.boardId))
    .leftJoin(districts, eq(districts.id, schools.districtId))
    .leftJoin(latestCount, eq(latestCount.schoolId, schools.id))
    .leftJoin(profiles, and(eq(profiles.schoolId, schools.id), eq(profiles.schoolYear, schoolYear)))
    .where(inPlace(place))
    .orderBy(asc(schools.name), asc(schools.locationCode));
  return rows
    .filter((row) => row.archivedAt === null || row.profileId !== null)
    .map(({ low, high, archivedAt: _archived, ...row }) => ({ ...row, pupils: low !== null && high !== null ? { low, high } : null }));
}

export interface AnswerCell {
  schoolId: string;
  itemKey: string;
  normStatus: StoredNormStatus | null;
  nationalNormStatus: StoredNormStatus | null;
  hasAmbition: boolean;
}

/** The stored norm statuses of the given items for every school of the place in one year (the matrix's cells). */
export async function listAnswerCells(db: DbOrTx, place: PlaceFilter, schoolYear: string, itemKeys: string[], schoolId?: string): Promise<AnswerCell[]> {
  if (itemKeys.length === 0) return [];
  return db
    .select({
      schoolId: profiles.schoolId,
      itemKey: answers.itemKey,
      normStatus: answers.normStatus,
      nationalNormStatus: answers.nationalNormStatus,
      hasAmbition: sql<boolean>`(${answers.ambition} is not null and ${answers.ambition} <> 'null'::jsonb)`,
    })
    .from(answers)
    .innerJoin(profiles, eq(profiles.id, answers.profileId))
    .innerJoin(schools, eq(schools.id, profiles.schoolId))
    .where(
      and(eq(answers.partnershipId, place.partnershipId), eq(answers.schoolYear, schoolYear), inArray(answers.itemKey, itemKeys), inPlace(place), schoolId ? eq(profiles.schoolId, schoolId) : undefined),
    );
}

export interface NormCount {
  itemKey: string;
  normStatus: StoredNormStatus | null;
  nationalNormStatus: StoredNormStatus | null;
  hasAmbition: boolean;
  schools: number;
}

export interface AnswerValueRow {
  schoolId: string;
  itemKey: string;
  value: AnswerValue | null;
  ambition: Ambition | null;
}

/** The answers themselves (values and ambitions) of the given items for every school of the place. */
export async function listAnswerValues(db: DbOrTx, place: PlaceFilter, schoolYear: string, itemKeys: string[], schoolIds?: string[]): Promise<AnswerValueRow[]> {
  if (itemKeys.length === 0 || (schoolIds && schoolIds.length === 0)) return [];
  return db
    .select({ schoolId: profiles.schoolId, itemKey: answers.itemKey, value: answers.value, ambition: answers.ambition })
    .from(answers)
    .innerJoin(profiles, eq(profiles.id, answers.profileId))
    .innerJoin(schools, eq(schools.id, profiles.schoolId))
    .where(
      and(
        eq(answers.partnershipId, place.partnershipId),
        eq(answers.schoolYear, schoolYear),
        inArray(answers.itemKey, itemKeys),
        inPlace(place),
        schoolIds ? inArray(profiles.schoolId, schoolIds) : undefined,
      ),
    );
}

/** Answers with an ambition ("not yet, but we intend to"), for the ambitions overview. */
export async function listAmbitions(db: DbOrTx, place: PlaceFilter, schoolYear: string): Promise<Array<{ schoolId: string; itemKey: string; ambition: Ambition }>> {
  const rows = await db
    .select({ schoolId: profiles.schoolId, itemKey: answers.itemKey, ambition: answers.ambition })
    .from(answers)
    .innerJoin(profiles, eq(profiles.id, answers.profileId))
    .innerJoin(schools, eq(schools.id, profiles.schoolId))
    .where(and(eq(answers.partnershipId, place.partnershipId), eq(answers.schoolYear, schoolYear), isNotNull(answers.ambition), sql`${answers.ambition} <> 'null'::jsonb`, inPlace(place)));
  return rows.filter((row): row is { schoolId: string; itemKey: string; ambition: Ambition } => row.ambition !== null);
}

export interface ActivityRow {
  at: Date;
  profileId: string;
  schoolName: string;
  kind: 'transition' | 'answers';
  toStatus: string | null;
}

/** The latest status changes of the place's profiles in one year, newest first (the saves come from the summary). */
export async function listRecentTransitions(db: DbOrTx, place: PlaceFilter, schoolYear: string, limit: number): Promise<ActivityRow[]> {
  const transitions = await db
      .select({ at: profileTransitions.at, profileId: profiles.id, schoolName: schools.name, toStatus: profileTransitions.toStatus })
      .from(profileTransitions)
      .innerJoin(profiles, eq(profiles.id, profileTransitions.profileId))
      .innerJoin(schools, eq(schools.id, profiles.schoolId))
      .where(and(eq(profiles.partnershipId, place.partnershipId), eq(profiles.schoolYear, schoolYear), inPlace(place)))
      .orderBy(desc(profileTransitions.at))
      .limit(limit);
  return transitions.map((row) => ({ ...row, kind: 'transition' as const }));
}

export interface AnswerSheetRow extends AnswerCell {
  value: AnswerValue | null;
}

export interface ProfileAnswerSheetRow extends Omit<AnswerSheetRow, 'schoolId'> {
  profileId: string;
}

/**
 * Every answer (value and statuses) of the given profiles: one query per batch of profiles (the all-answers export),
 * read through the answers' primary key (profile, item) — never a scan of the whole SWV's year per batch.
 */
export async function listAnswerRowsOfProfiles(db: DbOrTx, profileIds: string[]): Promise<ProfileAnswerSheetRow[]> {
  if (profileIds.length === 0) return [];
  return db
    .select({
      profileId: answers.profileId,
      itemKey: answers.itemKey,
      value: answers.value,
      normStatus: answers.normStatus,
      nationalNormStatus: answers.nationalNormStatus,
      hasAmbition: sql<boolean>`(${answers.ambition} is not null and ${answers.ambition} <> 'null'::jsonb)`,
    })
    .from(answers)
    .where(inArray(answers.profileId, profileIds));
}

/** One profile's packed summary (schema.ts `answer_summaries`: one character per item of its template version). */
export interface AnswerSummaryRow {
  profileId: string;
  templateVersionId: string;
  statuses: string;
  choices: string;
  lastSavedAt: Date | null;
}

/** The summaries of the given profiles of one SWV's year: one short row per school instead of its answer rows. */
export async function listAnswerSummaries(db: DbOrTx, partnershipId: string, schoolYear: string, profileIds: string[]): Promise<AnswerSummaryRow[]> {
  if (profileIds.length === 0) return [];
  return db
    .select({
      profileId: answerSummaries.profileId,
      templateVersionId: answerSummaries.templateVersionId,
      statuses: answerSummaries.statuses,
      choices: answerSummaries.choices,
      lastSavedAt: answerSummaries.lastSavedAt,
    })
    .from(answerSummaries)
    .where(and(eq(answerSummaries.partnershipId, partnershipId), eq(answerSummaries.schoolYear, schoolYear), sql`${answerSummaries.profileId} = any(${textArray(profileIds)}::text[])`));
}

/**
 * Recomputes every item slot and every summary from the template versions and the answer rows (the migration's
 * backfill; `npm run cli -- insight rebuild`). The triggers keep them on every write; this repairs by hand.
 */
export async function rebuildAnswerSummaries(db: DbOrTx): Promise<{ profiles: number }> {
  await db.execute(sql`select opensop_refresh_item_slots(array(select id from template_versions))`);
  await db.execute(sql`delete from answer_summaries`);
  await db.execute(sql`select opensop_refresh_answer_summaries(array(select distinct profile_id from answers))`);
  const [row] = await db.select({ profiles: sql<number>`count(*)::int` }).from(answerSummaries);
  return { profiles: Number(row?.profiles ?? 0) };
}

/** Per item and intended school year ('' when none is given): how many of these profiles carry an ambition. */
export interface AmbitionCount {
  itemKey: string;
  schoolYear: string;
  schools: number;
}

/**
 * The ambitions counted per item and intended year, in the database (the coverage page's professionalisation needs):
 * one grouped query over the partial ambition index instead of ~70,000 ambitions with their texts for 7,000 schools.
 */
export async function countAmbitionsPerItem(db: DbOrTx, partnershipId: string, schoolYear: string, profileIds: string[]): Promise<AmbitionCount[]> {
  if (profileIds.length === 0) return [];
  const intended = sql<string>`coalesce(${answers.ambition}->>'schoolYear', '')`;
  const rows = await db
    .select({ itemKey: answers.itemKey, schoolYear: intended, schools: sql<number>`count(*)::int` })
    .from(answers)
    .where(
      and(
        eq(answers.partnershipId, partnershipId),
        eq(answers.schoolYear, schoolYear),
        isNotNull(answers.ambition),
        sql`${answers.ambition} <> 'null'::jsonb`,
        sql`${answers.profileId} = any(${textArray(profileIds)}::text[])`,
      ),
    )
    .groupBy(answers.itemKey, intended);
  return rows.map((row) => ({ ...row, schools: Number(row.schools) }));
}

/** The ambitions of the given profiles on the given items (one item's details page, the coverage export a few items at a time). */
export async function listAmbitionsOfItems(db: DbOrTx, partnershipId: string, schoolYear: string, itemKeys: string[], profileIds: string[]): Promise<Array<{ profileId: string; itemKey: string; ambition: Ambition }>> {
  if (itemKeys.length === 0 || profileIds.length === 0) return [];
  const rows = await db
    .select({ profileId: answers.profileId, itemKey: answers.itemKey, ambition: answers.ambition })
    .from(answers)
    .where(
      and(
        eq(answers.partnershipId, partnershipId),
        eq(answers.schoolYear, schoolYear),
        inArray(answers.itemKey, itemKeys),
        isNotNull(answers.ambition),
        sql`${answers.ambition} <> 'null'::jsonb`,
        sql`${answers.profileId} = any(${textArray(profileIds)}::text[])`,
      ),
    );
  return rows.filter((row): row is { profileId: string; itemKey: string; ambition: Ambition } => row.ambition !== null);
}

/** Which schools of the place had a profile in a year, and its id (year over year's earlier year: no names, no counts). */
export async function listProfilesOfYear(db: DbOrTx, place: PlaceFilter, schoolYear: string): Promise<Array<{ schoolId: string; profileId: string }>> {
  return db
    .select({ schoolId: profiles.schoolId, profileId: profiles.id })
    .from(profiles)
    .innerJoin(schools, eq(schools.id, profiles.schoolId))
    .where(and(eq(profiles.partnershipId, place.partnershipId), eq(profiles.schoolYear, schoolYear), inPlace(place)));
}
