/**
 * The move and remove buttons: one click, no form to show again. A stale click (someone else
 * saved in between) changes nothing and says so on the list; a refusal (a scale still in use)
 * is an error page (409) with the reason.
 */
import { AppError } from '../../../auth/app-error.js';
import type { Clock } from '../../../config/clock.js';
import type { Database } from '../../../db/client.js';
import type { Authorized } from '../../../ui/route.js';
import { saveDraftEdit } from '../save-draft-edit.js';
import type { TemplateEdit } from './edits.js';

export async function applyQuickEdit(options: { db: Database; clock: Clock; auth: Authorized; versionId: string; revision: number; edit: TemplateEdit }): Promise<'done' | 'conflict'> {
  const result = await saveDraftEdit(options);
  if (result.ok) return 'done';
  if (result.reason === 'refused') throw new AppError('invalid_state', result.message);
  if (result.reason === 'invalid') throw new AppError('invalid_state', result.errors.map((error) => error.message).join(' '));
  return 'conflict';
}

/** The row after a removed one (or before it, when it was the last): where the keyboard focus goes. */
export function neighbourAnchor(rows: Array<{ key: string }>, key: string, prefix: 'item' | 'section'): string | undefined {
  const index = rows.findIndex((row) => row.key === key);
  const neighbour = rows[index + 1] ?? rows[index - 1];
  return neighbour ? `${prefix}-${neighbour.key}` : undefined;
}
