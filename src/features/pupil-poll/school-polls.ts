/** The school's side of the pupil poll: the list, opening a poll, one poll's results, closing it. */
import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database, DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getSchool } from '../partnerships/api.js';
import { listProfilesOfSchool } from '../questionnaire/api.js';
import { pupilPollT } from './messages.js';
import { countResults, generateCode, MAX_POLL_DAYS, MIN_RESPONSES, pollState, type PollState, type QuestionResult } from './poll-rules.js';
import { closePoll as closePollRow, codeTaken, countResponses, findPollById, findPollText, insertPoll, listPollQuestions, listPollsOfSchool, listPollTexts, listResponses, type PollRow, type PollTextRow } from './repository.js';

export const POLL_DAYS = ['1', '3', '7', '14', '30'] as const;

export interface SchoolPollsPage {
  school: { id: string; name: string; partnershipId: string };
  questionCount: number;
  polls: Array<{ id: string; groupName: string; code: string; state: PollState; expiresAt: Date; responses: number | null }>;
}

export async function loadSchoolPollsPage(options: { db: Database; clock: Clock; auth: Authorized; schoolId: string }): Promise<SchoolPollsPage> {
  const { db, auth, schoolId } = options;
  assertInScope('loadSchoolPollsPage', auth, { schoolId });
  const school = await getSchool(db, schoolId);
  if (!school) throw new AppError('not_found');
  const now = options.clock.now();
  const [questions, polls] = [await listPollQuestions(db, school.partnershipId), await listPollsOfSchool(db, schoolId)];
  return {
    school: { id: school.id, name: school.name, partnershipId: school.partnershipId },
    questionCount: questions.length,
    // Below 5 answers the number is not shown: "too few answers yet".
    polls: polls.map((poll) => ({ id: poll.id, groupName: poll.groupName, code: poll.code, state: pollState(poll, now), expiresAt: poll.expiresAt, responses: poll.responses >= MIN_RESPONSES ? poll.responses : null })),
  };
}

/** The form that opens a poll, with messages in `t`'s language. */
export const openPollInput = (t: ReturnType<typeof pupilPollT>) =>
  z.object({
    groupName: z.string({ error: t('groupNameRequired') }).trim().min(2, { error: t('groupNameRequired') }).max(40, { error: t('groupNameRequired') }),
    days: z.enum(POLL_DAYS, { error: t('daysRequired') }),
  });

/** Opens a poll for one group with a fresh code (retried until unused) and a copy of the SWV's questions. */
export async function openPoll(options: { db: Database; clock: Clock; auth: Authorized; schoolId: string; input: z.infer<ReturnType<typeof openPollInput>>; randomBytes?: (size: number) => Uint8Array }): Promise<{ pollId: string; code: string }> {
  const { db, auth, schoolId, input } = options;
  assertInScope('openPoll', auth, { schoolId });
  const now = options.clock.now();
  const days = Math.min(Number(input.days), MAX_POLL_DAYS);
  return db.transaction(async (tx) => {
    const school = await getSchool(tx, schoolId);
    if (!school) throw new AppError('not_found');
    const questions = await listPollQuestions(tx, school.partnershipId);
    if (questions.length === 0) throw new AppError('invalid_input', pupilPollT(auth.principal.locale)('noQuestionsYet'), { field: 'groupName' });
    let code = generateCode(options.randomBytes);
    for (let attempt = 0; (await codeTaken(tx, code)) && attempt < 20; attempt += 1) code = generateCode(options.randomBytes);
    if (await codeTaken(tx, code)) throw new Error('openPoll: no free code after 20 attempts');
    const pollId = crypto.randomUUID();
    const expiresAt = new Date(now.getTime() + days * 86_400_000);
    await insertPoll(tx, {
      id: pollId,
      partnershipId: school.partnershipId,
      schoolId,
      groupName: input.groupName,
      code,
      questions: questions.map((q) => ({ id: q.id, kind: q.kind, text: q.text, options: q.options })),
      openedAt: now,
      expiresAt,
      openedBy: auth.principal.userId,
    });
    await recordAudit(tx, { at: now, actorUserId: auth.principal.userId, partnershipId: school.partnershipId, action: 'poll.open', entityType: 'poll', entityId: pollId, after: { schoolId, groupName: input.groupName, code, expiresAt: expiresAt.toISOString() } });
    return { pollId, code };
  });
}

/** A poll of this school, or 404 (a poll id of another school, or of another SWV, is not found). */
async function pollOfSchool(db: DbOrTx, auth: Authorized, name: string, schoolId: string, pollId: string): Promise<PollRow> {
  const poll = await findPollById(db, pollId);
  if (!poll || poll.schoolId !== schoolId) throw new AppError('not_found');
  assertInScope(name, auth, { schoolId: poll.schoolId });
  return poll;
}

export interface PollPage {
  school: { id: string; name: string; partnershipId: string };
  poll: { id: string; groupName: string; code: string; state: PollState; expiresAt: Date; openedAt: Date };
  /** Null below 5 answers: nothing of the answers is shown then. */
  responses: number | null;
  results: QuestionResult[] | null;
  /** Pending and released texts (from 5 answers); rejected ones only counted. */
  texts: { pending: PollTextRow[]; released: PollTextRow[]; rejected: number; any: boolean } | null;
  /** The school's profiles whose pupils' voice record can still take the results in. */
  openProfiles: Array<{ id: string; schoolYear: string }>;
}

const RECORD_OPEN = new Set(['not_started', 'in_progress', 'submitted', 'advised']);

/** `textId`: the page shown again for a text's form (a refused review): that text must be one of this poll's. */
export async function loadPollPage(options: { db: Database; clock: Clock; auth: Authorized; schoolId: string; pollId: string; textId?: string | undefined }): Promise<PollPage> {
  const { db, auth } = options;
  const poll = await pollOfSchool(db, auth, 'loadPollPage', options.schoolId, options.pollId);
  if (options.textId && !(await findPollText(db, poll.id, options.textId))) throw new AppError('not_found');
  const school = (await getSchool(db, poll.schoolId))!;
  const responses = await listResponses(db, poll.id);
  const results = countResults(poll.questions, responses);
  let texts: PollPage['texts'] = null;
  if (results) {
    const all = await listPollTexts(db, poll.id);
    texts = { pending: all.filter((x) => x.status === 'pending'), released: all.filter((x) => x.status === 'released'), rejected: all.filter((x) => x.status === 'rejected').length, any: all.length > 0 };
  }
  const profiles = await listProfilesOfSchool(db, poll.schoolId);
  return {
    school: { id: school.id, name: school.name, partnershipId: school.partnershipId },
    poll: { id: poll.id, groupName: poll.groupName, code: poll.code, state: pollState(poll, options.clock.now()), expiresAt: poll.expiresAt, openedAt: poll.openedAt },
    responses: results ? responses.length : null,
    results,
    texts,
    openProfiles: profiles.filter((p) => RECORD_OPEN.has(p.status)).map((p) => ({ id: p.id, schoolYear: p.schoolYear })),
  };
}

export async function closePoll(options: { db: Database; clock: Clock; auth: Authorized; schoolId: string; pollId: string }): Promise<void> {
  const { db, auth } = options;
  const now = options.clock.now();
  await db.transaction(async (tx) => {
    const poll = await pollOfSchool(tx, auth, 'closePoll', options.schoolId, options.pollId);
    if (pollState(poll, now) !== 'open') throw new AppError('invalid_state', pupilPollT(auth.principal.locale)('alreadyClosed'));
    await closePollRow(tx, poll.id, now);
    await recordAudit(tx, { at: now, actorUserId: auth.principal.userId, partnershipId: poll.partnershipId, action: 'poll.close', entityType: 'poll', entityId: poll.id, after: { closedAt: now.toISOString() } });
  });
}

export { pollOfSchool, countResponses };
