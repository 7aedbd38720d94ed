import type { Child } from 'hono/jsx';
import { AppError } from '../../auth/app-error.js';
import type { DbOrTx } from '../../db/client.js';
import type { AppContext } from '../../ui/context.js';
import type { Authorized } from '../../ui/route.js';
import type { Locale } from '../../ui/i18n.js';
import type { ProfileStatus } from '../questionnaire/api.js';

/**
 * Blocks other features show on a profile's cycle page (the adviser's verdict, the pupils' voice), so the cycle
 * does not import them. Each gets the already authorized profile and decides itself what this viewer may see.
 */
export type ProfileCycleSection = (c: AppContext, auth: Authorized, profile: { id: string; status: ProfileStatus; partnershipId: string; schoolId: string }) => Promise<Child>;
export const profileCycleSections: ProfileCycleSection[] = [];

/**
 * Checks other features add to a transition (e.g. "the pupils' voice is required before submission"): a refusal
 * in `locale` (the user's language), or null. Run inside the transition's transaction.
 */
export type TransitionGuard = (tx: DbOrTx, event: { action: 'submit' | 'adopt'; profileId: string; cycle: { pupilVoiceRequired: string }; locale: Locale }) => Promise<string | null>;

/** Runs every guard; the first refusal stops the transition with a 409 and its message. */
export async function runTransitionGuards(tx: DbOrTx, event: Parameters<TransitionGuard>[1]): Promise<void> {
  for (const guard of transitionGuards) {
    const refusal = await guard(tx, event);
    if (refusal) throw new AppError('invalid_state', refusal);
  }
}
export const transitionGuards: TransitionGuard[] = [];

/** One cell of a column another feature adds to the SWV's and boards' per-school lists: a label per language, a link, a tone. */
export interface ProfileListCell {
  label: Record<Locale, string>;
  href: string;
  tone: 'neutral' | 'info' | 'success' | 'warning' | 'danger';
}
export interface ProfileListColumnData {
  heading: Record<Locale, string>;
  /** By profile id; a profile without a cell shows the column's `empty`. */
  cells: Record<string, ProfileListCell>;
  empty: Record<Locale, string>;
}

/**
 * Columns other features add to the per-school lists (the progress page, insight's basic-support matrix), e.g. the
 * adviser's verdict per school. One set-based query per column for all the list's profiles.
 */
export type ProfileListColumn = (db: DbOrTx, profileIds: string[]) => Promise<ProfileListColumnData>;
export const profileListColumns: ProfileListColumn[] = [];

export async function loadProfileListColumns(db: DbOrTx, profileIds: string[]): Promise<ProfileListColumnData[]> {
  const columns: ProfileListColumnData[] = [];
  for (const column of profileListColumns) columns.push(await column(db, profileIds));
  return columns;
}
