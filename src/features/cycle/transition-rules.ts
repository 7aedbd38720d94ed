/**
 * Who may move a profile from which state to which, and when (docs/domain.md "The yearly cycle").
 * Pure rules, shared by every transition use case; refusals say why and what to do.
 */
import { AppError } from '../../auth/app-error.js';
import { requireAccess, type Permission, type Scope } from '../../auth/policy.js';
import type { Principal } from '../../auth/roles.js';
import { translator, type Locale } from '../../ui/i18n.js';
import { PROFILE_STATUS_LABELS } from './profile-status.js';
import type { ProfileStatus } from '../questionnaire/api.js';
import { amsterdamDate, formatDateIn } from './editability.js';
import { cycleMessages } from './messages.js';

/** The cycle's refusals and form errors in the user's language (`auth.principal.locale`, `c.var.locale` in routes). */
export const cycleRulesT = (locale: Locale) => translator(cycleMessages, locale);
export type CycleRulesT = ReturnType<typeof cycleRulesT>;

/**
 * Mails for other people (the school's editors, the council, the board) and the reminder job: in the recipient's
 * language (users.locale, which the language switch stores for a signed-in user), not the actor's.
 */
export const mailT = (recipientLocale: Locale) => translator(cycleMessages, recipientLocale);

export type CycleAction = 'submit' | 'recordAdvice' | 'adopt' | 'publish' | 'reopen' | 'review' | 'respondToReview';

export const ACTION_RULES = {
  submit: { permission: 'profile.submit', from: ['not_started', 'in_progress'], forbidden: 'forbiddenSubmit', state: 'stateSubmit' },
  recordAdvice: { permission: 'profile.recordAdvice', from: ['submitted'], forbidden: 'forbiddenAdvice', state: 'stateAdvice' },
  adopt: { permission: 'profile.adopt', from: ['submitted', 'advised'], forbidden: 'forbiddenAdopt', state: 'stateAdopt' },
  publish: { permission: 'profile.publish', from: ['adopted'], forbidden: 'forbiddenPublish', state: 'statePublish' },
  reopen: { permission: 'profile.reopen', from: ['submitted', 'advised', 'adopted'], forbidden: 'forbiddenReopen', state: 'stateReopen' },
  review: { permission: 'profile.review', from: ['submitted', 'advised', 'adopted', 'published'], forbidden: 'forbiddenReview', state: 'stateReview' },
  respondToReview: {
    permission: 'profile.respondToReview',
    from: ['not_started', 'in_progress', 'submitted', 'advised', 'adopted', 'published'],
    forbidden: 'forbiddenRespond',
    state: 'stateRespond',
  },
} as const satisfies Record<
  CycleAction,
  { permission: Permission; from: readonly ProfileStatus[]; forbidden: keyof typeof cycleMessages.nl; state: keyof typeof cycleMessages.nl }
>;

export interface CycleDates {
  schoolYear: string;
  opensOn: string;
  closesOn: string;
  openedAt: Date | null;
}

/** Refuses outside the cycle's dates: before it opened, and from the close date on. */
export function assertWithinCycle(cycle: CycleDates | null, schoolYear: string, now: Date, locale: Locale): asserts cycle is CycleDates {
  const t = cycleRulesT(locale);
  if (!cycle) throw new AppError('invalid_state', t('noCycleRefusal', { year: schoolYear }));
  const today = amsterdamDate(now);
  if (today >= cycle.closesOn) throw new AppError('invalid_state', t('cycleClosedRefusal', { year: cycle.schoolYear, date: formatDateIn(cycle.closesOn, locale) }));
  if (today < cycle.opensOn || !cycle.openedAt) throw new AppError('invalid_state', t('cycleNotOpenRefusal', { year: cycle.schoolYear, date: formatDateIn(cycle.opensOn, locale) }));
}

export function assertStatus(action: CycleAction, status: ProfileStatus, locale: Locale): void {
  const rule = ACTION_RULES[action];
  if (!(rule.from as readonly ProfileStatus[]).includes(status)) {
    throw new AppError('invalid_state', cycleRulesT(locale)(rule.state, { status: PROFILE_STATUS_LABELS[locale][status] }));
  }
}

/**
 * The central check at the profile's own scope (requireAccess): outsiders get 404, insiders without the role 403 with
 * a message naming who can do it (in their language).
 */
export function assertRole(action: CycleAction, principal: Principal, scope: Scope, status: ProfileStatus): void {
  const rule = ACTION_RULES[action];
  requireAccess({ principal, permission: rule.permission, scope, state: { profileStatus: status }, refusal: cycleRulesT(principal.locale)(rule.forbidden) });
}

/** Submitted after the deadline (inclusive) is late. */
export function isLate(submittedAt: Date | null, submitDeadline: string): boolean {
  return submittedAt !== null && amsterdamDate(submittedAt) > submitDeadline;
}
