/**
 * The only module that reads and writes cycles, profile transitions and review remarks.
 * It also holds the cycle's writes to profiles and answers (status changes, prefill on opening):
 * those are the cycle's transitions, kept together so each use case runs them in one transaction.
 */
import { and, asc, desc, eq, inArray, lt, lte, isNull, sql } from 'drizzle-orm';
import type { Locale } from '../../ui/i18n.js';
import type { DbOrTx } from '../../db/client.js';
import { auditLog } from '../../audit/schema.js';
import { memberships, users } from '../accounts/schema.js';
import { boards, districts, schools } from '../partnerships/schema.js';
import { answerHistory, answers, profiles, type ProfileStatus } from '../questionnaire/schema.js';
import type { Ambition, AnswerValue, StoredNormStatus } from '../templates/model/answer.js';
import { cycles, profileTransitions, reviewRemarks, type BoardNotice } from './schema.js';

export type CycleRow = typeof cycles.$inferSelect;
export type TransitionRow = typeof profileTransitions.$inferSelect;
export type ReviewRemarkRow = typeof reviewRemarks.$inferSelect;
export type CycleProfileRow = typeof profiles.$inferSelect;

export const FINAL_STATUSES = ['submitted', 'advised', 'adopted', 'published'] as const satisfies readonly ProfileStatus[];

export async function getCycleFor(db: DbOrTx, partnershipId: string, schoolYear: string): Promise<CycleRow | null> {
  const [row] = await db.select().from(cycles).where(and(eq(cycles.partnershipId, partnershipId), eq(cycles.schoolYear, schoolYear)));
  return row ?? null;
}

export function listCycles(db: DbOrTx, partnershipId: string): Promise<CycleRow[]> {
  return db.select().from(cycles).where(eq(cycles.partnershipId, partnershipId)).orderBy(desc(cycles.schoolYear));
}

export async function insertCycle(db: DbOrTx, row: typeof cycles.$inferInsert): Promise<void> {
  await db.insert(cycles).values(row);
}

export async function updateCycleSettings(
  db: DbOrTx,
  id: string,
  values: { opensOn: string; submitDeadline: string; closesOn: string; templateVersionId: string; allowLateSubmission: boolean; boardNotice: BoardNotice; pupilVoiceRequired: 'none' | 'before_submission' | 'before_adoption' },
): Promise<void> {
  await db.update(cycles).set(values).where(eq(cycles.id, id));
}

/** Cycles not yet opened whose open date has come (every SWV). */
export function listCyclesDueToOpen(db: DbOrTx, today: string): Promise<CycleRow[]> {
  return db.select().from(cycles).where(and(isNull(cycles.openedAt), lte(cycles.opensOn, today)));
}

/** Opened cycles that have not closed yet (every SWV), for reminders. */
export function listRunningCycles(db: DbOrTx, today: string): Promise<CycleRow[]> {
  return db
    .select()
    .from(cycles)
    .where(and(sql`${cycles.openedAt} is not null`, lte(cycles.opensOn, today), sql`${cycles.closesOn} > ${today}`));
}

/** Marks the cycle opened; false when another process did it first. */
export async function markCycleOpened(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const rows = await db.update(cycles).set({ openedAt: at }).where(and(eq(cycles.id, id), isNull(cycles.openedAt))).returning({ id: cycles.id });
  return rows.length > 0;
}

/** Locks the cycle row for the rest of the transaction, so two openers serialise. */
export async function lockCycle(db: DbOrTx, id: string): Promise<CycleRow | null> {
  const [row] = await db.select().from(cycles).where(eq(cycles.id, id)).for('update');
  return row ?? null;
}

/** The latest profile of a school before a school year that was submitted (or later): its final answers. */
export async function findLastFinalProfile(db: DbOrTx, schoolId: string, beforeSchoolYear: string): Promise<CycleProfileRow | null> {
  const [row] = await db
    .select()
    .from(profiles)
    .where(and(eq(profiles.schoolId, schoolId), lt(profiles.schoolYear, beforeSchoolYear), inArray(profiles.status, [...FINAL_STATUSES])))
    .orderBy(desc(profiles.schoolYear))
    .limit(1);
  return row ?? null;
}

export interface CarriedAnswer {
  itemKey: string;
  value: AnswerValue | null;
  ambition: Ambition | null;
  parentText: string | null;
  /** Against the SWV's norm and the national norm (questionnaire/answer-change.ts computeNormStatuses). */
  normStatus: StoredNormStatus | null;
  nationalNormStatus?: StoredNormStatus | null;
}

export async function insertCarriedAnswers(
  db: DbOrTx,
  profile: { id: string; partnershipId: string; schoolYear: string },
  rows: CarriedAnswer[],
  at: Date,
  options: { carriedOver?: boolean; updatedBy?: string | null } = {},
): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(answers).values(
    rows.map((row) => ({
      profileId: profile.id,
      itemKey: row.itemKey,
      partnershipId: profile.partnershipId,
      schoolYear: profile.schoolYear,
      value: row.value,
      ambition: row.ambition,
      parentText: row.parentText,
      normStatus: row.normStatus,
      nationalNormStatus: row.nationalNormStatus ?? null,
      carriedOver: options.carriedOver ?? true,
      revision: 1,
      updatedAt: at,
      updatedBy: options.updatedBy ?? null,
    })),
  );
}

/**
 * The school confirms a carried-over answer ("Antwoord klopt nog"): it becomes this year's answer, so the
 * item's "Gewijzigd – controleer uw antwoord" mark ends. The value and its revision stay as they are (an open
 * page's autosave keeps working). False when there was nothing carried over to confirm.
 */
export async function confirmCarriedAnswer(db: DbOrTx, profileId: string, itemKey: string, userId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(answers)
    .set({ carriedOver: false, updatedAt: at, updatedBy: userId })
    .where(and(eq(answers.profileId, profileId), eq(answers.itemKey, itemKey), eq(answers.carriedOver, true)))
    .returning({ itemKey: answers.itemKey });
  return rows.length > 0;
}

/** Locks the profile row for the rest of the transaction and returns it. */
export async function lockProfile(db: DbOrTx, profileId: string): Promise<CycleProfileRow | null> {
  const [row] = await db.select().from(profiles).where(eq(profiles.id, profileId)).for('update');
  return row ?? null;
}

export type ProfileStatusChange = Partial<
  Pick<CycleProfileRow, 'submittedAt' | 'submittedBy' | 'adviceDate' | 'adviceText' | 'councilSay' | 'councilOutcome' | 'adoptedOn' | 'adoptedByName' | 'adoptedByUser' | 'publishedAt'>
>;

/** Changes a profile's status if it is still `from` (compare-and-set); false when someone else changed it first. */
export async function changeProfileStatus(
  db: DbOrTx,
  profileId: string,
  from: ProfileStatus,
  to: ProfileStatus,
  fields: ProfileStatusChange,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(profiles)
    .set({ ...fields, status: to, updatedAt: at })
    .where(and(eq(profiles.id, profileId), eq(profiles.status, from)))
    .returning({ id: profiles.id });
  return rows.length > 0;
}

export async function insertTransition(
  db: DbOrTx,
  row: { profileId: string; fromStatus: ProfileStatus; toStatus: ProfileStatus; reason?: string | null; byUserId: string | null; at: Date },
): Promise<void> {
  await db.insert(profileTransitions).values({ ...row, reason: row.reason ?? null });
}

export function listTransitions(db: DbOrTx, profileId: string): Promise<TransitionRow[]> {
  return db.select().from(profileTransitions).where(eq(profileTransitions.profileId, profileId)).orderBy(asc(profileTransitions.at), asc(profileTransitions.id));
}

/** A profile's transitions with the name of who made each (null for the system or a removed user). */
export function listTransitionsWithNames(db: DbOrTx, profileId: string): Promise<Array<TransitionRow & { byName: string | null }>> {
  return db
    .select({
      id: profileTransitions.id,
      profileId: profileTransitions.profileId,
      fromStatus: profileTransitions.fromStatus,
      toStatus: profileTransitions.toStatus,
      reason: profileTransitions.reason,
      byUserId: profileTransitions.byUserId,
      at: profileTransitions.at,
      byName: users.name,
    })
    .from(profileTransitions)
    .leftJoin(users, eq(users.id, profileTransitions.byUserId))
    .where(eq(profileTransitions.profileId, profileId))
    .orderBy(asc(profileTransitions.at), asc(profileTransitions.id));
}

/** The name of a user (any user: a submitter may have left the school since), or null. */
export async function getUserName(db: DbOrTx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

export async function insertReviewRemark(db: DbOrTx, row: { id: string; profileId: string; itemKey: string | null; body: string; authorUserId: string | null; createdAt: Date }): Promise<void> {
  await db.insert(reviewRemarks).values(row);
}

export async function getReviewRemark(db: DbOrTx, profileId: string, remarkId: string): Promise<ReviewRemarkRow | null> {
  const [row] = await db.select().from(reviewRemarks).where(and(eq(reviewRemarks.id, remarkId), eq(reviewRemarks.profileId, profileId)));
  return row ?? null;
}

export async function answerReviewRemark(db: DbOrTx, remarkId: string, response: string, userId: string | null, at: Date): Promise<void> {
  await db.update(reviewRemarks).set({ response, respondedBy: userId, respondedAt: at }).where(eq(reviewRemarks.id, remarkId));
}

export function listReviewRemarks(db: DbOrTx, profileId: string): Promise<Array<ReviewRemarkRow & { authorName: string | null }>> {
  return db
    .select({
      id: reviewRemarks.id,
      profileId: reviewRemarks.profileId,
      itemKey: reviewRemarks.itemKey,
      body: reviewRemarks.body,
      authorUserId: reviewRemarks.authorUserId,
      createdAt: reviewRemarks.createdAt,
      response: reviewRemarks.response,
      respondedBy: reviewRemarks.respondedBy,
      respondedAt: reviewRemarks.respondedAt,
      resolvedAt: reviewRemarks.resolvedAt,
      authorName: users.name,
    })
    .from(reviewRemarks)
    .leftJoin(users, eq(users.id, reviewRemarks.authorUserId))
    .where(eq(reviewRemarks.profileId, profileId))
    .orderBy(asc(reviewRemarks.createdAt));
}

/** Profiles of one SWV and school year with their school, for the progress overview (optionally one board). */
export function listProgressRows(db: DbOrTx, partnershipId: string, schoolYear: string, boardId?: string) {
  return db
    .select({
      profileId: profiles.id,
      schoolId: schools.id,
      schoolName: schools.name,
      boardId: schools.boardId,
      status: profiles.status,
      submittedAt: profiles.submittedAt,
      templateVersionId: profiles.templateVersionId,
      boardName: boards.name,
      districtId: schools.districtId,
      districtName: districts.name,
    })
    .from(profiles)
    .innerJoin(schools, eq(schools.id, profiles.schoolId))
    .innerJoin(boards, eq(boards.id, schools.boardId))
    .leftJoin(districts, eq(districts.id, schools.districtId))
    .where(and(eq(profiles.partnershipId, partnershipId), eq(profiles.schoolYear, schoolYear), boardId ? eq(schools.boardId, boardId) : undefined))
    .orderBy(asc(schools.name));
}

/**
 * Characters JavaScript's `String.prototype.trim` removes (WhiteSpace and LineTerminator), as a regular expression
 * class for PostgreSQL: a text answer counts as answered when it holds any other character (`isAnswered`).
 */
const NOT_BLANK = '[^ \\t\\n\\v\\f\\r\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]';

export interface ProfileProgressCount {
  /** Required items (of the keys given) with an answer, exactly as `computeCompleteness` counts them. */
  answered: number;
  /** The newest answer change the school made (carried-over answers it has not touched do not count). */
  lastAnswerAt: Date | null;
}

/**
 * Counted in the database for the progress overview, one grouped query over the answers' primary key (no answer
 * is sent to Node): per profile, how many of `requiredKeys` have an answer (`isAnswered`: not null, and a text
 * not blank) and when an answer last changed. Profiles without answers are absent from the map.
 */
export async function countProgressOfProfiles(db: DbOrTx, profileIds: string[], requiredKeys: string[]): Promise<Map<string, ProfileProgressCount>> {
  const result = new Map<string, ProfileProgressCount>();
  if (profileIds.length === 0) return result;
  const answered =
    requiredKeys.length === 0
      ? sql<number>`0`
      : sql<number>`count(*) filter (where ${inArray(answers.itemKey, requiredKeys)} and ${answers.value} is not null and jsonb_typeof(${answers.value}) <> 'null' and (jsonb_typeof(${answers.value}) <> 'string' or (${answers.value} #>> '{}') ~ ${NOT_BLANK}))`;
  const rows = await db
    .select({
      profileId: answers.profileId,
      answered,
      lastAnswerAt: sql<number | string | null>`(extract(epoch from max(${answers.updatedAt}) filter (where not ${answers.carriedOver})) * 1000)::float8`,
    })
    .from(answers)
    .where(inArray(answers.profileId, profileIds))
    .groupBy(answers.profileId);
  for (const row of rows) result.set(row.profileId, { answered: Number(row.answered), lastAnswerAt: toDate(row.lastAnswerAt) });
  return result;
}

/** The newest state change of each of the given profiles (the progress overview's "last activity"). */
export async function listLastTransitions(db: DbOrTx, profileIds: string[]): Promise<Map<string, Date>> {
  if (profileIds.length === 0) return new Map();
  const rows = await db
    .select({ profileId: profileTransitions.profileId, at: sql<number | string | null>`(extract(epoch from max(${profileTransitions.at})) * 1000)::float8` })
    .from(profileTransitions)
    .where(inArray(profileTransitions.profileId, profileIds))
    .groupBy(profileTransitions.profileId);
  return new Map(rows.flatMap((row) => (row.at ? [[row.profileId, toDate(row.at)!] as const] : [])));
}

/** A raw `sql` aggregate is not mapped by drizzle: times come as epoch milliseconds (float8), the same on both drivers. */
function toDate(value: number | string | null): Date | null {
  return value === null ? null : new Date(Number(value));
}

/** Which of the given profiles got a reminder (audit action `action`) on the given date (yyyy-mm-dd, Amsterdam). */
export async function listProfilesRemindedOn(db: DbOrTx, action: string, profileIds: string[], date: string): Promise<string[]> {
  if (profileIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ profileId: auditLog.entityId })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'profile'), inArray(auditLog.entityId, profileIds), eq(auditLog.action, action), sql`${auditLog.after} ->> 'date' = ${date}`));
  return rows.map((row) => row.profileId);
}

/** E-mail addresses of the school editors of the given schools (reminders). */
export async function listSchoolEditors(db: DbOrTx, schoolIds: string[]): Promise<Array<{ schoolId: string; userId: string; email: string; name: string; locale: Locale }>> {
  if (schoolIds.length === 0) return [];
  const rows = await db
    .select({ schoolId: memberships.schoolId, userId: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.role, 'school_editor'), inArray(memberships.schoolId, schoolIds), isNull(users.disabledAt)));
  return rows.map((row) => ({ ...row, schoolId: row.schoolId! }));
}

/** People holding a role at a school or board, to tell them about a transition (in their own language). */
export function listMembersAt(db: DbOrTx, role: 'school_editor' | 'council_member' | 'board_user', place: { schoolId: string } | { boardId: string }) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.role, role),
        'schoolId' in place ? eq(memberships.schoolId, place.schoolId) : eq(memberships.boardId, place.boardId),
        isNull(users.disabledAt),
      ),
    );
}

/** Demo data only: replaces a profile's answers for the given items. */
export async function replaceAnswers(
  db: DbOrTx,
  profile: { id: string; partnershipId: string; schoolYear: string },
  rows: CarriedAnswer[],
  at: Date,
  updatedBy: string | null,
): Promise<void> {
  if (rows.length === 0) return;
  await db.delete(answers).where(and(eq(answers.profileId, profile.id), inArray(answers.itemKey, rows.map((row) => row.itemKey))));
  await insertCarriedAnswers(db, profile, rows, at, { carriedOver: false, updatedBy });
}

/** Demo data only: sets a profile's status and cycle fields directly (history is written separately). */
export async function setProfileState(db: DbOrTx, profileId: string, status: ProfileStatus, fields: ProfileStatusChange, at: Date): Promise<void> {
  await db.update(profiles).set({ ...fields, status, updatedAt: at }).where(eq(profiles.id, profileId));
}

/** Name, address and language of an active user (to answer them by e-mail); null when disabled or gone. */
export async function getActiveUserContact(db: DbOrTx, userId: string): Promise<{ email: string; name: string; locale: Locale } | null> {
  const [row] = await db.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(and(eq(users.id, userId), isNull(users.disabledAt)));
  return row ?? null;
}

/** Review remarks of a profile the school has not answered yet (the item they are about, or null). */
export function listOpenReviewRemarks(db: DbOrTx, profileId: string): Promise<Array<{ id: string; itemKey: string | null }>> {
  return db
    .select({ id: reviewRemarks.id, itemKey: reviewRemarks.itemKey })
    .from(reviewRemarks)
    .where(and(eq(reviewRemarks.profileId, profileId), isNull(reviewRemarks.response), isNull(reviewRemarks.resolvedAt)))
    .orderBy(asc(reviewRemarks.createdAt));
}

/**
 * Writes answers that come from public data into a profile that is still being filled in, but only where no
 * person has answered: a missing row, or one written by the system (prefilled or carried, `updated_by` null).
 * A school's own correction is never overwritten. Each write leaves a history row without a person.
 */
export async function writeSystemAnswers(db: DbOrTx, profile: { id: string; partnershipId: string; schoolYear: string }, rows: CarriedAnswer[], at: Date): Promise<number> {
  let written = 0;
  for (const row of rows) {
    const [before] = await db.select({ value: answers.value, ambition: answers.ambition, parentText: answers.parentText, updatedBy: answers.updatedBy }).from(answers).where(and(eq(answers.profileId, profile.id), eq(answers.itemKey, row.itemKey)));
    if (before && (before.updatedBy !== null || JSON.stringify(before.value) === JSON.stringify(row.value))) continue;
    if (before) {
      await db
        .update(answers)
        .set({ value: row.value, normStatus: row.normStatus, nationalNormStatus: row.nationalNormStatus ?? null, carriedOver: false, revision: sql`${answers.revision} + 1`, updatedAt: at })
        .where(and(eq(answers.profileId, profile.id), eq(answers.itemKey, row.itemKey), isNull(answers.updatedBy)));
    } else {
      await insertCarriedAnswers(db, profile, [row], at, { carriedOver: false, updatedBy: null });
    }
    await db.insert(answerHistory).values({ profileId: profile.id, itemKey: row.itemKey, before: before ? { value: before.value, ambition: before.ambition, parentText: before.parentText } : null, after: { value: row.value, ambition: before?.ambition ?? null, parentText: before?.parentText ?? null }, changedBy: null, changedAt: at });
    written++;
  }
  return written;
}

/** The profiles of these schools in this SWV that are still being filled in (public data may still reach them). */
export function listProfilesBeingFilledIn(db: DbOrTx, partnershipId: string, schoolIds: string[]) {
  if (schoolIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: profiles.id, partnershipId: profiles.partnershipId, schoolId: profiles.schoolId, schoolYear: profiles.schoolYear, templateVersionId: profiles.templateVersionId })
    .from(profiles)
    .where(and(eq(profiles.partnershipId, partnershipId), inArray(profiles.schoolId, schoolIds), inArray(profiles.status, ['not_started', 'in_progress'])));
}
