/**
 * The pupil poll's rules, without a database: codes, the poll's state, answers checked against the questions,
 * and results counted (only from 5 answers on). Time is an argument.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { PollQuestion, PollQuestionKind } from './schema.js';

/** Letters and digits without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B): easy to read off a board and type on a phone. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;
/** Results (and free texts) are shown only from this many answers on. */
export const MIN_RESPONSES = 5;
/** A poll runs at most this long; the school picks fewer days. */
export const MAX_POLL_DAYS = 30;
export const MAX_TEXT_LENGTH = 500;

/** A random code from the alphabet, without modulo bias. */
export function generateCode(randomBytes: (size: number) => Uint8Array = (size) => crypto.getRandomValues(new Uint8Array(size))): string {
  let code = '';
  while (code.length < CODE_LENGTH) {
    for (const byte of randomBytes(CODE_LENGTH * 2)) {
      // 250 = 10 × 25: bytes above it would favour the first letters.
      if (byte < 250 && code.length < CODE_LENGTH) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return code;
}

/** What a pupil typed, as a code: capitals, spaces and dashes removed; null when it cannot be one. */
export function normalizeCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  return [...code].every((char) => CODE_ALPHABET.includes(char)) ? code : null;
}

export type PollState = 'open' | 'expired' | 'closed';

export function pollState(poll: { expiresAt: Date; closedAt: Date | null }, now: Date): PollState {
  if (poll.closedAt) return 'closed';
  return now.getTime() >= poll.expiresAt.getTime() ? 'expired' : 'open';
}

/** A pupil's answer as posted: `q-<questionId>` holds an option's index (choice) or the short text. */
export type PostedAnswer = Record<string, string | undefined>;

export type CheckedAnswer =
  | { ok: true; choices: Record<string, number>; texts: Array<{ questionId: string; text: string }> }
  | { ok: false; missing: string[]; tooLong: string[] };

/** Every multiple-choice question needs one of its options; the short text is optional and at most 500 characters. */
export function checkAnswer(questions: PollQuestion[], posted: PostedAnswer): CheckedAnswer {
  const choices: Record<string, number> = {};
  const texts: Array<{ questionId: string; text: string }> = [];
  const missing: string[] = [];
  const tooLong: string[] = [];
  for (const question of questions) {
    const value = posted[`q-${question.id}`]?.trim() ?? '';
    if (question.kind === 'choice') {
      const index = /^\d{1,2}$/.test(value) ? Number(value) : -1;
      if (index < 0 || index >= question.options.length) missing.push(question.id);
      else choices[question.id] = index;
    } else if (value.length > MAX_TEXT_LENGTH) tooLong.push(question.id);
    else if (value) texts.push({ questionId: question.id, text: value });
  }
  return missing.length || tooLong.length ? { ok: false, missing, tooLong } : { ok: true, choices, texts };
}

export interface QuestionResult {
  question: PollQuestion;
  options: Array<{ label: string; count: number; percent: number }>;
}

/** Counts per option of every multiple-choice question; null below 5 answers (nothing is shown then). */
export function countResults(questions: PollQuestion[], responses: Array<{ choices: Record<string, number> }>): QuestionResult[] | null {
  if (responses.length < MIN_RESPONSES) return null;
  return questions
    .filter((question) => question.kind === 'choice')
    .map((question) => {
      const counts = question.options.map(() => 0);
      let answered = 0;
      for (const response of responses) {
        const index = response.choices[question.id];
        if (index !== undefined && index >= 0 && index < counts.length) {
          counts[index]! += 1;
          answered += 1;
        }
      }
      return { question, options: question.options.map((label, index) => ({ label, count: counts[index]!, percent: answered ? Math.round((counts[index]! / answered) * 100) : 0 })) };
    });
}

const exampleFileSchema = z.object({
  questions: z
    .array(z.object({ kind: z.enum(['choice', 'text']), text: z.string().min(5).max(200), options: z.array(z.string().min(1).max(60)).max(6) }))
    .min(1)
    .refine((list) => list.filter((q) => q.kind === 'text').length <= 1, 'at most one text question'),
});

export const EXAMPLE_QUESTIONS_FILE = 'templates/pupil-poll-example.yaml';

/** The example set the SWV can take over (templates/pupil-poll-example.yaml), checked when read. */
export function readExampleQuestions(file = EXAMPLE_QUESTIONS_FILE): Array<{ kind: PollQuestionKind; text: string; options: string[] }> {
  return exampleFileSchema.parse(parse(readFileSync(file, 'utf8'))).questions;
}

/** The results as plain sentences for the pupils' voice record (the school edits them before saving). */
export function resultsSummary(options: { groupName: string; responses: number; results: QuestionResult[]; releasedTexts: string[] }, t: (key: 'summaryIntro' | 'summaryTexts', params: Record<string, string | number>) => string): string {
  const lines = [t('summaryIntro', { group: options.groupName, count: options.responses })];
  for (const result of options.results) {
    lines.push(`${result.question.text} ${result.options.map((option) => `${option.label} ${option.percent}%`).join(', ')}.`);
  }
  if (options.releasedTexts.length > 0) {
    lines.push(t('summaryTexts', {}));
    for (const text of options.releasedTexts) lines.push(`- ${text}`);
  }
  return lines.join('\n');
}
