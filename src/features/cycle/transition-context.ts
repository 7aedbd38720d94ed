/**
 * The shared opening of every transition use case, inside its transaction:
 * lock the profile, load its place and cycle, then check tenant, dates, state and role (in that order,
 * so an outsider learns nothing and an insider hears the most useful reason).
 */
import { AppError } from '../../auth/app-error.js';
import { assertInScope, rolesAt, type Scope } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { profileScope } from '../questionnaire/scopes.js';
import type { ProfileStatus } from '../questionnaire/api.js';
import { getCycleFor, lockProfile, type CycleProfileRow, type CycleRow } from './repository.js';
import { assertRole, assertStatus, assertWithinCycle, cycleRulesT, type CycleAction } from './transition-rules.js';
import type { Locale } from '../../ui/i18n.js';

export interface TransitionContext {
  profile: CycleProfileRow;
  cycle: CycleRow;
  scope: Scope & { level: 'school' };
}

export async function beginTransition(tx: DbOrTx, auth: Authorized, profileId: string, action: CycleAction, now: Date): Promise<TransitionContext> {
  const { scope } = await profileScope(tx, profileId);
  assertInScope('beginTransition', auth, { schoolId: scope.schoolId });
  // Outsiders get 404 from the profile's own scope too, before its dates or status can tell them it exists (the
  // same rule as requireAccess; a second line behind the assertion, like recordVerdict's).
  if (rolesAt(auth.principal, scope).length === 0) throw new AppError('not_found');
  const profile = await lockProfile(tx, profileId);
  if (!profile) throw new AppError('not_found');
  const cycle = await getCycleFor(tx, profile.partnershipId, profile.schoolYear);
  assertWithinCycle(cycle, profile.schoolYear, now, auth.principal.locale);
  assertStatus(action, profile.status, auth.principal.locale);
  assertRole(action, auth.principal, scope, profile.status);
  return { profile, cycle: cycle!, scope };
}

/** Thrown when the compare-and-set on the status lost a race (the message in the user's language). */
export function changedMeanwhile(locale: Locale): AppError {
  return new AppError('conflict', cycleRulesT(locale)('changedMeanwhile'));
}

export type { ProfileStatus };
