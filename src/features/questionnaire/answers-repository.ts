/** Reads and writes answers. The questionnaire owns writing; documents and dashboards read through here. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { executePrepared, type DbOrTx } from '../../db/client.js';
import { users } from '../accounts/schema.js';
import type { Answer, StoredNormStatus } from '../templates/model/answer.js';
import { answerHistory, answers } from './schema.js';

/** Prefix of the item keys under which "Wat kan de school niet" texts are stored, per section. */
export const LIMITS_KEY_PREFIX = 'limits:';

export interface ProfileAnswers {
  /** By item key. */
  answers: Record<string, Answer & { revision: number; carriedOver: boolean; updatedAt: Date }>;
  /** "Wat kan de school niet" by section key. */
  limits: Record<string, string>;
}

export async function listAnswers(db: DbOrTx, profileId: string): Promise<ProfileAnswers> {
  const rows = await db.select().from(answers).where(eq(answers.profileId, profileId));
  const result: ProfileAnswers = { answers: {}, limits: {} };
  for (const row of rows) {
    if (row.itemKey.startsWith(LIMITS_KEY_PREFIX)) {
      if (typeof row.value === 'string' && row.value.trim()) result.limits[row.itemKey.slice(LIMITS_KEY_PREFIX.length)] = row.value;
      continue;
    }
    result.answers[row.itemKey] = {
      value: row.value ?? null,
      ambition: row.ambition ?? null,
      parentText: row.parentText ?? null,
      revision: row.revision,
      carriedOver: row.carriedOver,
      updatedAt: row.updatedAt,
    };
  }
  return result;
}

/**
 * The answers of many profiles in one query (progress overviews: one round trip for every school, not one per
 * school). Same shape per profile as listAnswers; profiles without answers get an empty entry.
 */
export async function listAnswersOfProfiles(db: DbOrTx, profileIds: string[]): Promise<Map<string, ProfileAnswers>> {
  const result = new Map<string, ProfileAnswers>(profileIds.map((id) => [id, { answers: {}, limits: {} }]));
  if (profileIds.length === 0) return result;
  const rows = await db.select().from(answers).where(inArray(answers.profileId, profileIds));
  for (const row of rows) {
    const entry = result.get(row.profileId)!;
    if (row.itemKey.startsWith(LIMITS_KEY_PREFIX)) {
      if (typeof row.value === 'string' && row.value.trim()) entry.limits[row.itemKey.slice(LIMITS_KEY_PREFIX.length)] = row.value;
      continue;
    }
    entry.answers[row.itemKey] = {
      value: row.value ?? null,
      ambition: row.ambition ?? null,
      parentText: row.parentText ?? null,
      revision: row.revision,
      carriedOver: row.carriedOver,
      updatedAt: row.updatedAt,
    };
  }
  return result;
}

/** Some items' answers of some profiles, with their stored norm status (signals beside the profile). */
export async function listItemAnswers(db: DbOrTx, profileIds: string[], itemKeys: string[]): Promise<Array<{ profileId: string; itemKey: string; value: unknown; normStatus: StoredNormStatus | null }>> {
  if (profileIds.length === 0 || itemKeys.length === 0) return [];
  const rows = await db
    .select({ profileId: answers.profileId, itemKey: answers.itemKey, value: answers.value, normStatus: answers.normStatus })
    .from(answers)
    .where(and(inArray(answers.profileId, profileIds), inArray(answers.itemKey, itemKeys)));
  return rows.map((row) => ({ ...row, value: row.value ?? null, normStatus: row.normStatus ?? null }));
}

/** One stored answer row as the save path needs it (limits rows carry their text in `value`). */
export interface AnswerState extends Answer {
  revision: number;
  updatedAt: Date;
  updatedBy: string | null;
  /** Prefilled from last year and not touched since (the cycle's review marks end when the school saves it). */
  carriedOver?: boolean;
}

/** Every stored row of a profile with its revision (the section form and its conflicts). */
export async function listAnswerStates(db: DbOrTx, profileId: string): Promise<Map<string, AnswerState>> {
  const rows = await db
    .select({
      itemKey: answers.itemKey,
      value: answers.value,
      ambition: answers.ambition,
      parentText: answers.parentText,
      revision: answers.revision,
      updatedAt: answers.updatedAt,
      updatedBy: answers.updatedBy,
      carriedOver: answers.carriedOver,
    })
    .from(answers)
    .where(eq(answers.profileId, profileId));
  return new Map(
    rows.map((row) => [
      row.itemKey,
      { value: row.value ?? null, ambition: row.ambition ?? null, parentText: row.parentText ?? null, revision: row.revision, updatedAt: row.updatedAt, updatedBy: row.updatedBy, carriedOver: row.carriedOver },
    ]),
  );
}

/** Name of the person who last changed an answer, for the conflict message. */
export async function findUserName(db: DbOrTx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

export interface WriteAnswerResult {
  revision: number;
  /** `readBackKeys` rows as they were before this write (merge the written answer yourself). */
  readBack: Record<string, Pick<Answer, 'value' | 'ambition'>>;
}

export async function listAnswerHistory(db: DbOrTx, profileId: string, itemKey: string) {
  return db.select().from(answerHistory).where(and(eq(answerHistory.profileId, profileId), eq(answerHistory.itemKey, itemKey))).orderBy(asc(answerHistory.id));
}

/** One item's history, newest first, with the name of who made each change (the "Geschiedenis" page). */
export async function listAnswerHistoryWithNames(db: DbOrTx, profileId: string, itemKey: string) {
  return db
    .select({ id: answerHistory.id, before: answerHistory.before, after: answerHistory.after, changedAt: answerHistory.changedAt, changedByName: users.name })
    .from(answerHistory)
    .leftJoin(users, eq(users.id, answerHistory.changedBy))
    .where(and(eq(answerHistory.profileId, profileId), eq(answerHistory.itemKey, itemKey)))
    .orderBy(desc(answerHistory.id));
}

/** The current row of one item (conflicts, no-op saves). */
export async function getAnswerState(db: DbOrTx, profileId: string, itemKey: string): Promise<AnswerState | null> {
  const [row] = await db
    .select({ value: answers.value, ambition: answers.ambition, parentText: answers.parentText, revision: answers.revision, updatedAt: answers.updatedAt, updatedBy: answers.updatedBy })
    .from(answers)
    .where(and(eq(answers.profileId, profileId), eq(answers.itemKey, itemKey)));
  return row ? { ...row, value: row.value ?? null, ambition: row.ambition ?? null } : null;
}

export type StoredField = 'value' | 'ambition' | 'parentText';

export interface WriteField {
  profileId: string;
  itemKey: string;
  partnershipId: string;
  schoolYear: string;
  /** The column to change; limits texts are stored in `value`. */
  field: StoredField;
  /** Already validated and normalised. */
  value: unknown;
  /** For `value`: its status against the SWV's norm (null when unanswered or without a norm). */
  normStatus: StoredNormStatus | null;
  /** For `value`: the same against the national norm. */
  nationalNormStatus?: StoredNormStatus | null;
  baseRevision: number;
  /**
   * The value of this column the editor started from (already normalised). When given, the write is
   * refused only when this column changed meanwhile (conflicts per field, not per row); otherwise the
   * stored revision must still equal `baseRevision`.
   */
  baseValue?: unknown;
  userId: string;
  at: Date;
  readBackKeys?: string[];
}

/**
 * The autosave write: changes ONE column of one answer and writes its history, in one statement.
 * Writes only when the column still holds `baseValue` (or, without one, the stored revision still
 * equals `baseRevision`), the column really changes and the profile is still being edited; the
 * profile row is share-locked by the same statement, so a submission cannot slip in between the
 * check and the write. Returns the row after the write, or null when nothing was
 * written (then read the current row to tell a conflict from a no-op).
 */
export async function writeAnswerField(db: DbOrTx, change: WriteField): Promise<(WriteAnswerResult & { answer: Answer }) | null> {
  const json = (value: unknown) => (value === null || value === undefined ? sql`null` : sql`${JSON.stringify(value)}::jsonb`);
  const column = { value: sql.raw('value'), ambition: sql.raw('ambition'), parentText: sql.raw('parent_text') }[change.field];
  const newValue = change.field === 'parentText' ? sql`${(change.value as string | null) ?? null}::text` : json(change.value);
  const at = change.at.toISOString();
  const keys = change.readBackKeys ?? [];
  const readBack =
    keys.length === 0
      ? sql`null`
      : sql`(select json_agg(json_build_object('k', item_key, 'v', value, 'a', ambition)) from answers where profile_id = ${change.profileId} and item_key in (${sql.join(
          keys.map((key) => sql`${key}`),
          sql`, `,
        )}))`;
  const unchangedSinceBase =
    change.baseValue === undefined
      ? sql`answers.revision = ${change.baseRevision}`
      : change.field === 'parentText'
        ? sql`answers.parent_text is not distinct from ${(change.baseValue as string | null) ?? null}::text`
        : sql`answers.${column} is not distinct from ${json(change.baseValue)}`;
  // A named prepared statement: PostgreSQL plans each distinct text (field × conflict check × section size) once per connection.
  const result = await executePrepared(db, sql`
    with old as (
      select value, ambition, parent_text from answers where profile_id = ${change.profileId} and item_key = ${change.itemKey}
    ), up as (
      insert into answers (profile_id, item_key, partnership_id, school_year, value, ambition, parent_text, norm_status, national_norm_status, carried_over, revision, updated_at, updated_by)
      select ${change.profileId}, ${change.itemKey}, ${change.partnershipId}, ${change.schoolYear},
             ${change.field === 'value' ? newValue : sql`null`}, ${change.field === 'ambition' ? newValue : sql`null`}, ${change.field === 'parentText' ? newValue : sql`null`},
             ${change.field === 'value' ? change.normStatus : null}::text, ${change.field === 'value' ? (change.nationalNormStatus ?? null) : null}::text, false, 1, ${at}::timestamptz, ${change.userId}
      where exists (select 1 from profiles where id = ${change.profileId} and status in ('not_started', 'in_progress') for share)
      on conflict (profile_id, item_key) do update set
        ${column} = excluded.${column}, ${change.field === 'value' ? sql`norm_status = excluded.norm_status, national_norm_status = excluded.national_norm_status,` : sql``}
        carried_over = false, revision = answers.revision + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by
      where ${unchangedSinceBase} and answers.${column} is distinct from excluded.${column}
      returning value, ambition, parent_text, revision
    ), history as (
      insert into answer_history (profile_id, item_key, before, after, changed_by, changed_at)
      select ${change.profileId}, ${change.itemKey},
             (select jsonb_build_object('value', old.value, 'ambition', old.ambition, 'parentText', old.parent_text) from old),
             jsonb_build_object('value', up.value, 'ambition', up.ambition, 'parentText', up.parent_text), ${change.userId}, ${at}::timestamptz
      from up
    )
    select value, ambition, parent_text, revision, ${readBack} as read_back from up`);
  const row = (result as unknown as { rows: Array<{ value: unknown; ambition: unknown; parent_text: string | null; revision: number | string; read_back: unknown }> }).rows[0];
  if (!row) return null;
  const parse = (raw: unknown) => (typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw);
  const readBackRows = (Array.isArray(parse(row.read_back)) ? parse(row.read_back) : []) as Array<{ k: string; v: Answer['value']; a: Answer['ambition'] }>;
  return {
    revision: Number(row.revision),
    answer: { value: (row.value ?? null) as Answer['value'], ambition: (row.ambition ?? null) as Answer['ambition'], parentText: row.parent_text ?? null },
    readBack: Object.fromEntries(readBackRows.map((r) => [r.k, { value: r.v ?? null, ambition: r.a ?? null }])),
  };
}
