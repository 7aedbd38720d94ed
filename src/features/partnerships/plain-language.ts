/**
 * Hints for texts parents read (issue 13, "plain language at input"): long sentences, long words and the SWV's
 * list of jargon (vaktaal) with a plainer word. Hints, never errors: the school decides. Pure; the list comes from
 * the SWV's settings (partnerships), or the shipped example list when the SWV has not written its own.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config/project-root.js';
import type { ParentWordListEntry } from './schema.js';

/** One entry of the SWV's word list: the jargon and, where given, what to write instead. */
export type JargonWord = ParentWordListEntry;

export type PlainLanguageHint =
  | { kind: 'longSentence'; words: number; start: string }
  | { kind: 'longWord'; word: string }
  | { kind: 'jargon'; word: string; instead: string | null };

/** B1 guidance: sentences of at most 15–20 words. Above 20 a parent has to read twice. */
export const LONG_SENTENCE_WORDS = 20;
/** Dutch compounds run long; from 16 letters ("ondersteuningsbehoefte") a plainer phrase is usually possible. */
export const LONG_WORD_LETTERS = 16;
/** A few hints help; a wall of them does not. */
const MAX_HINTS = 6;

const LETTERS = /[\p{L}\p{N}'’-]+/gu;

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** The hints for one text, most useful first (jargon, then long sentences, then long words), without repeats. */
export function plainLanguageHints(text: string | null | undefined, wordList: readonly JargonWord[]): PlainLanguageHint[] {
  if (!text || !text.trim()) return [];
  const hints: PlainLanguageHint[] = [];
  const seen = new Set<string>();
  const add = (key: string, hint: PlainLanguageHint) => {
    if (seen.has(key)) return;
    seen.add(key);
    hints.push(hint);
  };
  for (const entry of wordList) {
    const word = entry.word.trim();
    if (!word) continue;
    // Whole words only: "SO" is jargon, the "so" inside "sociaal" is not.
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeForPattern(word)}(?![\\p{L}\\p{N}])`, 'iu');
    if (pattern.test(text)) add(`jargon:${word.toLocaleLowerCase('nl-NL')}`, { kind: 'jargon', word, instead: entry.instead });
  }
  // Web and e-mail addresses are not language to simplify.
  const prose = text.replace(/\bhttps?:\/\/\S+|\bwww\.\S+|\S+@\S+/giu, ' ');
  for (const sentence of sentencesOf(prose)) {
    const words = sentence.match(LETTERS) ?? [];
    if (words.length > LONG_SENTENCE_WORDS) add(`sentence:${sentence}`, { kind: 'longSentence', words: words.length, start: words.slice(0, 6).join(' ') });
  }
  // A long word inside a jargon phrase already has its hint ("handelingsgericht" in "handelingsgericht werken").
  const jargon = new Set(wordList.flatMap((entry) => entry.word.trim().toLocaleLowerCase('nl-NL').split(/\s+/)));
  for (const word of prose.match(LETTERS) ?? []) {
    const bare = word.replace(/^['’-]+|['’-]+$/g, '');
    const key = bare.toLocaleLowerCase('nl-NL');
    if ([...bare].length >= LONG_WORD_LETTERS && !jargon.has(key)) add(`word:${key}`, { kind: 'longWord', word: bare });
  }
  return hints.slice(0, MAX_HINTS);
}

export const WORD_LIST_MAX_ENTRIES = 300;
export const WORD_MAX_LENGTH = 60;
export const INSTEAD_MAX_LENGTH = 200;

/**
 * The word list as the SWV writes it: one entry per line, `jargon = plainer words` or just the jargon;
 * lines starting with # are comments. Errors name the line.
 */
export function parseWordList(text: string): { ok: true; words: JargonWord[] } | { ok: false; line: number; problem: 'wordTooLong' | 'insteadTooLong' | 'tooMany' | 'emptyWord' } {
  const words: JargonWord[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    const word = (at === -1 ? line : line.slice(0, at)).trim();
    const instead = at === -1 ? '' : line.slice(at + 1).trim();
    if (!word) return { ok: false, line: index + 1, problem: 'emptyWord' };
    if (word.length > WORD_MAX_LENGTH) return { ok: false, line: index + 1, problem: 'wordTooLong' };
    if (instead.length > INSTEAD_MAX_LENGTH) return { ok: false, line: index + 1, problem: 'insteadTooLong' };
    if (words.length === WORD_LIST_MAX_ENTRIES) return { ok: false, line: index + 1, problem: 'tooMany' };
    words.push({ word, instead: instead || null });
  }
  return { ok: true, words };
}

export function formatWordList(words: readonly JargonWord[]): string {
  return words.map((entry) => (entry.instead ? `${entry.word} = ${entry.instead}` : entry.word)).join('\n');
}

let exampleList: JargonWord[] | undefined;

/** The shipped example list (data, not code: templates/plain-language/vaktaal-voorbeeld.txt), read once. */
export function exampleWordList(): JargonWord[] {
  if (!exampleList) {
    const parsed = parseWordList(readFileSync(path.join(projectRoot(), 'templates', 'plain-language', 'vaktaal-voorbeeld.txt'), 'utf8'));
    if (!parsed.ok) throw new Error(`De voorbeeldlijst met vaktaal is ongeldig (regel ${parsed.line}).`);
    exampleList = parsed.words;
  }
  return exampleList;
}

/** The SWV's own list, or the example while it has none. */
export function wordListOf(partnership: { parentWordList: JargonWord[] | null }): JargonWord[] {
  return partnership.parentWordList ?? exampleWordList();
}
