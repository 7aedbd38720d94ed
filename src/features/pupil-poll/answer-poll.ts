/** The pupils' side: find a poll by its code, and store one anonymous answer per device. No audit: nobody signed in. */
import { AppError } from '../../auth/app-error.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { getPartnership, getSchool } from '../partnerships/api.js';
import { checkAnswer, normalizeCode, pollState, type PollState, type PostedAnswer } from './poll-rules.js';
import { deviceAnswered, findPollByCode, insertAnswer } from './repository.js';
import type { PollQuestion } from './schema.js';

export interface PublicPoll {
  code: string;
  groupName: string;
  schoolName: string;
  state: PollState;
  expiresAt: Date;
  questions: PollQuestion[];
  brand: { name: string; slug: string; color: string };
  /** This device answered already (its cookie's token hash is stored for this poll). */
  answered: boolean;
}

/** The poll behind a code, for the pupils' form; 404 for a code that is not one. No result is ever part of it. */
export async function loadPublicPoll(options: { db: Database; clock: Clock; code: string; tokenHash: string | null }): Promise<PublicPoll> {
  const code = normalizeCode(options.code);
  const poll = code ? await findPollByCode(options.db, code) : null;
  if (!poll) throw new AppError('not_found');
  const [school, partnership] = [await getSchool(options.db, poll.schoolId), await getPartnership(options.db, poll.partnershipId)];
  return {
    code: poll.code,
    groupName: poll.groupName,
    schoolName: school?.name ?? '',
    state: pollState(poll, options.clock.now()),
    expiresAt: poll.expiresAt,
    questions: poll.questions,
    brand: { name: partnership?.name ?? '', slug: partnership?.slug ?? '', color: partnership?.primaryColor ?? '#1f4e79' },
    answered: options.tokenHash ? await deviceAnswered(options.db, poll.id, options.tokenHash) : false,
  };
}

export type AnswerOutcome = { kind: 'saved' } | { kind: 'already' } | { kind: 'closed' } | { kind: 'invalid'; missing: string[]; tooLong: string[] };

/**
 * Stores a pupil's answer: the choices and the free texts apart, and the device's token hash so the same device
 * cannot answer twice. Nothing about the pupil or the request (no address, no time) is stored.
 */
export async function answerPoll(options: { db: Database; clock: Clock; code: string; tokenHash: string; posted: PostedAnswer }): Promise<AnswerOutcome> {
  const code = normalizeCode(options.code);
  return options.db.transaction(async (tx) => {
    const poll = code ? await findPollByCode(tx, code) : null;
    if (!poll) throw new AppError('not_found');
    if (pollState(poll, options.clock.now()) !== 'open') return { kind: 'closed' as const };
    if (await deviceAnswered(tx, poll.id, options.tokenHash)) return { kind: 'already' as const };
    const checked = checkAnswer(poll.questions, options.posted);
    if (!checked.ok) return { kind: 'invalid' as const, missing: checked.missing, tooLong: checked.tooLong };
    const stored = await insertAnswer(tx, { pollId: poll.id, tokenHash: options.tokenHash, choices: checked.choices, texts: checked.texts });
    return stored ? { kind: 'saved' as const } : { kind: 'already' as const };
  });
}
