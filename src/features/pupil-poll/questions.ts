/** The SWV's poll questions: load the page, add one, take over the example set, remove one. Each audited. */
import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { pupilPollT } from './messages.js';
import { readExampleQuestions } from './poll-rules.js';
import { archivePollQuestion, findPollQuestion, insertPollQuestions, listPollQuestions, type PollQuestionRow } from './repository.js';
import { POLL_QUESTION_KINDS } from './schema.js';

/** A poll stays short: pupils answer it on a phone in a few minutes. */
export const MAX_QUESTIONS = 8;

export interface PollQuestionsPage {
  partnershipId: string;
  questions: PollQuestionRow[];
  hasTextQuestion: boolean;
}

export async function loadPollQuestionsPage(options: { db: Database; auth: Authorized; partnershipId: string }): Promise<PollQuestionsPage> {
  assertInScope('loadPollQuestionsPage', options.auth, { partnershipId: options.partnershipId });
  const questions = await listPollQuestions(options.db, options.partnershipId);
  return { partnershipId: options.partnershipId, questions, hasTextQuestion: questions.some((q) => q.kind === 'text') };
}

/** The form for a new question, with messages in `t`'s language. */
export const addPollQuestionInput = (t: ReturnType<typeof pupilPollT>) =>
  z
    .object({
      kind: z.enum(POLL_QUESTION_KINDS, { error: t('kindRequired') }),
      text: z.string({ error: t('questionTextRequired') }).trim().min(5, { error: t('questionTextRequired') }).max(200, { error: t('questionTextRequired') }),
      options: z
        .string()
        .optional()
        .transform((value) =>
          (value ?? '')
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean),
        ),
    })
    .superRefine((value, ctx) => {
      if (value.kind === 'choice' && (value.options.length < 2 || value.options.length > 6 || value.options.some((o) => o.length > 60))) ctx.addIssue({ code: 'custom', path: ['options'], message: t('optionsRequired') });
      if (value.kind === 'text' && value.options.length > 0) ctx.addIssue({ code: 'custom', path: ['options'], message: t('optionsForText') });
    });

export async function addPollQuestion(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; input: z.infer<ReturnType<typeof addPollQuestionInput>> }): Promise<void> {
  const { db, auth, partnershipId, input } = options;
  assertInScope('addPollQuestion', auth, { partnershipId });
  const t = pupilPollT(auth.principal.locale);
  const now = options.clock.now();
  await db.transaction(async (tx) => {
    const existing = await listPollQuestions(tx, partnershipId);
    if (existing.length >= MAX_QUESTIONS) throw new AppError('invalid_input', t('tooManyQuestions', { max: MAX_QUESTIONS }), { field: 'text' });
    if (input.kind === 'text' && existing.some((q) => q.kind === 'text')) throw new AppError('invalid_input', t('oneTextOnly'), { field: 'kind' });
    const id = crypto.randomUUID();
    const position = (existing.at(-1)?.position ?? 0) + 1;
    await insertPollQuestions(tx, [{ id, partnershipId, kind: input.kind, text: input.text, options: input.options, position, createdAt: now }]);
    await recordAudit(tx, { at: now, actorUserId: auth.principal.userId, partnershipId, action: 'poll.addQuestion', entityType: 'poll_question', entityId: id, after: { kind: input.kind, text: input.text, options: input.options } });
  });
}

/** Takes over the example set (templates/pupil-poll-example.yaml) into an empty list, marked as example. */
export async function adoptExampleQuestions(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string }): Promise<void> {
  const { db, auth, partnershipId } = options;
  assertInScope('adoptExampleQuestions', auth, { partnershipId });
  const now = options.clock.now();
  const example = readExampleQuestions();
  await db.transaction(async (tx) => {
    if ((await listPollQuestions(tx, partnershipId)).length > 0) throw new AppError('invalid_input', pupilPollT(auth.principal.locale)('exampleNotEmpty'));
    const rows = example.map((question, index) => ({ id: crypto.randomUUID(), partnershipId, ...question, position: index + 1, fromExample: true, createdAt: now }));
    await insertPollQuestions(tx, rows);
    await recordAudit(tx, { at: now, actorUserId: auth.principal.userId, partnershipId, action: 'poll.adoptExample', entityType: 'partnership', entityId: partnershipId, after: { questions: rows.length } });
  });
}

/** Removes a question from the list (kept for the record; running polls keep their own copy). */
export async function removePollQuestion(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; questionId: string }): Promise<void> {
  const { db, auth } = options;
  const now = options.clock.now();
  await db.transaction(async (tx) => {
    const question = await findPollQuestion(tx, options.questionId);
    if (!question || question.archivedAt || question.partnershipId !== options.partnershipId) throw new AppError('not_found');
    assertInScope('removePollQuestion', auth, { partnershipId: question.partnershipId });
    await archivePollQuestion(tx, question.id, now);
    await recordAudit(tx, { at: now, actorUserId: auth.principal.userId, partnershipId: question.partnershipId, action: 'poll.removeQuestion', entityType: 'poll_question', entityId: question.id, before: { text: question.text } });
  });
}
