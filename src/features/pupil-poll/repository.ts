/** The only module that reads and writes the pupil poll's tables. */
import { and, asc, count, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { pollDevices, pollQuestions, pollResponses, polls, pollTexts, type PollTextStatus } from './schema.js';

export type PollQuestionRow = typeof pollQuestions.$inferSelect;
export type PollRow = typeof polls.$inferSelect;
export type PollTextRow = typeof pollTexts.$inferSelect;

export function listPollQuestions(db: DbOrTx, partnershipId: string): Promise<PollQuestionRow[]> {
  return db.select().from(pollQuestions).where(and(eq(pollQuestions.partnershipId, partnershipId), isNull(pollQuestions.archivedAt))).orderBy(asc(pollQuestions.position));
}

export async function insertPollQuestions(db: DbOrTx, rows: Array<typeof pollQuestions.$inferInsert>): Promise<void> {
  if (rows.length > 0) await db.insert(pollQuestions).values(rows);
}

export async function findPollQuestion(db: DbOrTx, id: string): Promise<PollQuestionRow | null> {
  const [row] = await db.select().from(pollQuestions).where(eq(pollQuestions.id, id));
  return row ?? null;
}

export async function archivePollQuestion(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(pollQuestions).set({ archivedAt: at }).where(eq(pollQuestions.id, id));
}

export async function insertPoll(db: DbOrTx, row: typeof polls.$inferInsert): Promise<void> {
  await db.insert(polls).values(row);
}

export async function findPollById(db: DbOrTx, id: string): Promise<PollRow | null> {
  const [row] = await db.select().from(polls).where(eq(polls.id, id));
  return row ?? null;
}

export async function findPollByCode(db: DbOrTx, code: string): Promise<PollRow | null> {
  const [row] = await db.select().from(polls).where(eq(polls.code, code));
  return row ?? null;
}

export async function codeTaken(db: DbOrTx, code: string): Promise<boolean> {
  return (await findPollByCode(db, code)) !== null;
}

export async function closePoll(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(polls).set({ closedAt: at }).where(eq(polls.id, id));
}

/** A school's polls, newest first, with the number of answers. */
export async function listPollsOfSchool(db: DbOrTx, schoolId: string): Promise<Array<PollRow & { responses: number }>> {
  const rows = await db.select().from(polls).where(eq(polls.schoolId, schoolId)).orderBy(desc(polls.openedAt));
  const counts = await db.select({ pollId: pollResponses.pollId, n: count() }).from(pollResponses).innerJoin(polls, eq(polls.id, pollResponses.pollId)).where(eq(polls.schoolId, schoolId)).groupBy(pollResponses.pollId);
  const byPoll = new Map(counts.map((row) => [row.pollId, Number(row.n)]));
  return rows.map((row) => ({ ...row, responses: byPoll.get(row.id) ?? 0 }));
}

export async function countResponses(db: DbOrTx, pollId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(pollResponses).where(eq(pollResponses.pollId, pollId));
  return Number(row?.n ?? 0);
}

export function listResponses(db: DbOrTx, pollId: string): Promise<Array<{ choices: Record<string, number> }>> {
  return db.select({ choices: pollResponses.choices }).from(pollResponses).where(eq(pollResponses.pollId, pollId));
}

export function listPollTexts(db: DbOrTx, pollId: string, status?: PollTextStatus): Promise<PollTextRow[]> {
  return db
    .select()
    .from(pollTexts)
    .where(and(eq(pollTexts.pollId, pollId), status ? eq(pollTexts.status, status) : undefined))
    .orderBy(asc(pollTexts.id));
}

export async function findPollText(db: DbOrTx, pollId: string, id: string): Promise<PollTextRow | null> {
  const [row] = await db.select().from(pollTexts).where(and(eq(pollTexts.id, id), eq(pollTexts.pollId, pollId)));
  return row ?? null;
}

export async function reviewPollText(db: DbOrTx, id: string, review: { status: PollTextStatus; reviewedBy: string; reviewedAt: Date }): Promise<void> {
  await db.update(pollTexts).set(review).where(eq(pollTexts.id, id));
}

export async function deviceAnswered(db: DbOrTx, pollId: string, tokenHash: string): Promise<boolean> {
  const [row] = await db.select({ pollId: pollDevices.pollId }).from(pollDevices).where(and(eq(pollDevices.pollId, pollId), eq(pollDevices.tokenHash, tokenHash)));
  return !!row;
}

/**
 * Stores one answer: the device's token hash first (its primary key refuses a second answer from the same device,
 * even for two posts at once), then the choices and the free texts, unlinked. False when the device had answered.
 */
export async function insertAnswer(
  db: DbOrTx,
  answer: { pollId: string; tokenHash: string; choices: Record<string, number>; texts: Array<{ questionId: string; text: string }> },
): Promise<boolean> {
  const inserted = await db.insert(pollDevices).values({ pollId: answer.pollId, tokenHash: answer.tokenHash }).onConflictDoNothing().returning({ pollId: pollDevices.pollId });
  if (inserted.length === 0) return false;
  await db.insert(pollResponses).values({ id: crypto.randomUUID(), pollId: answer.pollId, choices: answer.choices });
  if (answer.texts.length > 0) await db.insert(pollTexts).values(answer.texts.map((text) => ({ id: crypto.randomUUID(), pollId: answer.pollId, questionId: text.questionId, text: text.text })));
  return true;
}
