/**
 * The history of one answer for the "Geschiedenis" page: every change, newest first, with who made it,
 * when, and which part changed from what to what — in words, as the school reads its answers.
 */
import { AppError } from '../../auth/app-error.js';
import { formatMomentDateTime } from '../../ui/dates.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import type { Answer } from '../templates/model/answer.js';
import { resolveTarget, type AnswerField, type ChangeTarget } from './answer-change.js';
import { LIMITS_KEY_PREFIX, listAnswerHistoryWithNames } from './answers-repository.js';
import { loadProfilePage, type ProfilePage } from './load-profile-page.js';
import { describeField, fieldValue, sameValue } from './save-answer.js';

export interface AnswerHistoryEntry {
  when: string;
  /** ISO date-time, for a <time> element. */
  at: string;
  who: string | null;
  field: AnswerField;
  before: string;
  after: string;
}

export interface AnswerHistoryPage {
  page: ProfilePage;
  target: ChangeTarget;
  /** The item's title, or the section's title for its limits. */
  title: string;
  entries: AnswerHistoryEntry[];
}

const ITEM_PARTS = ['value', 'ambition', 'parentText'] as const;

export async function loadAnswerHistory(options: { db: Database; clock: Clock; auth: Authorized; profileId: string; itemKey: string }): Promise<AnswerHistoryPage> {
  // loadProfilePage checks the permission's scope (tenant filter) and loads the template.
  const page = await loadProfilePage(options);
  const isLimits = options.itemKey.startsWith(LIMITS_KEY_PREFIX);
  const target = resolveTarget(page.template, isLimits ? options.itemKey.slice(LIMITS_KEY_PREFIX.length) : options.itemKey, isLimits ? 'limits' : 'value');
  if (!target) throw new AppError('not_found');
  const storedKey = target.kind === 'limits' ? `${LIMITS_KEY_PREFIX}${target.section.key}` : target.item.key;
  const rows = await listAnswerHistoryWithNames(options.db, page.profile.id, storedKey);
  const entries: AnswerHistoryEntry[] = [];
  for (const row of rows) {
    const before = toAnswer(row.before);
    const after = toAnswer(row.after);
    const parts: readonly AnswerField[] = target.kind === 'limits' ? ['limits'] : ITEM_PARTS;
    for (const field of parts) {
      if (sameValue(fieldValue(before, field), fieldValue(after, field))) continue;
      entries.push({
        when: formatMomentDateTime(row.changedAt, options.auth.principal.locale),
        at: row.changedAt.toISOString(),
        who: row.changedByName ?? null,
        field,
        before: describeField(page.template, target, field, before, options.auth.principal.locale),
        after: describeField(page.template, target, field, after, options.auth.principal.locale),
      });
    }
  }
  return { page, target, title: target.kind === 'item' ? target.item.title : target.section.title, entries };
}

function toAnswer(raw: unknown): Answer | null {
  if (!raw || typeof raw !== 'object') return null;
  const row = raw as Partial<Answer>;
  return { value: row.value ?? null, ambition: row.ambition ?? null, parentText: row.parentText ?? null };
}
