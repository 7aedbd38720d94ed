/**
 * The whole authorization policy, in one place (docs/conventions.md "The authorization contract").
 *
 * A permission is granted by a role held at a scope that covers the resource:
 * an SWV admin covers every board and school of the SWV, a board user the board's
 * schools, a school editor or council member their school. Outsiders get 404, so
 * nothing reveals that another tenant's data exists; insiders without the permission get 403.
 */
import { AppError } from './app-error.js';
import type { Membership, Principal, Role } from './roles.js';

export const PERMISSIONS = {
  /** Manage SWVs and platform administrators. */
  'platform.manage': ['platform_admin'],
  /** See the SWV's overview pages: schools, boards, progress. */
  'partnership.view': ['platform_admin', 'partnership_admin'],
  /** Change SWV settings and branding; invite and remove users. */
  'partnership.manage': ['platform_admin', 'partnership_admin'],
  /** Read the SWV's audit log: who changed what, when (issue 16). The platform administrator reads every SWV's. */
  'partnership.viewAuditLog': ['platform_admin', 'partnership_admin'],
  'template.manage': ['partnership_admin'],
  'cycle.manage': ['partnership_admin'],
  'board.view': ['partnership_admin', 'board_user'],
  /** Remind the board's schools that have not submitted (the board's progress overview; the SWV has `cycle.manage`). */
  'board.remind': ['partnership_admin', 'board_user'],
  /** The platform administrator sets up an SWV's register and so reaches its schools' pages (not their profiles). */
  'school.view': ['platform_admin', 'partnership_admin', 'partnership_adviser', 'board_user', 'school_editor', 'council_member'],
  /** Edit the school's contact persons (who to ask for what; on the posters and in the SOP). */
  'school.editContacts': ['partnership_admin', 'school_editor'],
  /** Read a profile. Council members only once it is submitted (see `stateRules`). */
  'profile.view': ['partnership_admin', 'partnership_adviser', 'board_user', 'school_editor', 'council_member'],
  'profile.edit': ['school_editor'],
  'profile.submit': ['school_editor'],
  'profile.recordAdvice': ['school_editor', 'council_member'],
  'profile.adopt': ['board_user'],
  'profile.publish': ['school_editor', 'board_user'],
  /** Write remarks per item on a submitted profile. The adviser only once it is submitted (see `stateRules`). */
  'profile.review': ['partnership_admin', 'partnership_adviser'],
  /** Record the plausibility verdict, the yearly conversation's date and the agreements (issue 14). */
  'profile.assess': ['partnership_adviser'],
  /** The list of submitted profiles with their verdicts, for the SWV and its advisers. */
  'partnership.viewVerdicts': ['partnership_admin', 'partnership_adviser'],
  /** Record how pupils were consulted on the profile (the pupils' voice). */
  'profile.recordPupilVoice': ['school_editor'],
  /** The support point's own register of signals. */
  'signals.record': ['support_point'],
  /** Signals per school and theme, counts below 5 masked: the SWV. */
  'signals.view': ['partnership_admin', 'support_point'],
  /** The list of themes signals are filed under. */
  'signals.manageThemes': ['partnership_admin'],
  /** Signals about the school (without description unless shared). */
  'signals.viewOwnSchool': ['school_editor', 'board_user'],
  /** The questions of the anonymous pupil poll (data the SWV edits). */
  'poll.manageQuestions': ['partnership_admin'],
  /** Open a pupil poll for a group, read its results (from 5 answers) and release or reject its free texts: the school only. */
  'poll.run': ['school_editor'],
  'profile.respondToReview': ['school_editor'],
  'profile.reopen': ['partnership_admin'],
  'documents.download': ['partnership_admin', 'board_user', 'school_editor', 'council_member'],
  'documents.batch': ['partnership_admin'],
  /** The diversity index (issue 15): the SWV sets the categories of support need and their factors. */
  'diversity.manageCategories': ['partnership_admin'],
  /** A school's groups with counts per category: the school and the SWV only (never the board, never public). */
  'diversity.viewSchool': ['partnership_admin', 'school_editor'],
  'diversity.editSchool': ['school_editor'],
  /** The care load per school, board and district (the index, not the counts). */
  'diversity.viewPartnership': ['partnership_admin'],
  /** The school puts its school-level index (group size and care load, no counts) in its profile's limits. */
  'diversity.includeInProfile': ['school_editor'],
  /** The conversation guide (issue 15): the SWV writes the questions per section of its templates. */
  'conversationGuide.manage': ['partnership_admin'],
  /** The guide beside a profile and the team's conclusions: the school, its board, the SWV and its adviser; never public. */
  'conversationGuide.view': ['partnership_admin', 'partnership_adviser', 'board_user', 'school_editor'],
  'conversationGuide.recordConclusions': ['school_editor'],
  /** Self-assessment with review checklist (issue 15): the SWV sets its standards of basic quality and rating scale. */
  'quality.manageStandards': ['partnership_admin'],
  /** A school's self-assessment, and the review beside it (the school sees the review once it is shared). */
  'quality.viewSchool': ['partnership_admin', 'partnership_adviser', 'board_user', 'school_editor'],
  'quality.selfAssess': ['school_editor'],
  /** Fill in the review checklist on a visit: the SWV (its admins, its advisers within their schools) or the board. */
  'quality.review': ['partnership_admin', 'partnership_adviser', 'board_user'],
  /** Discuss and resolve a difference between the school's rating and the reviewer's (the school once it is shared). */
  'quality.resolve': ['partnership_admin', 'partnership_adviser', 'board_user', 'school_editor'],
  /** Self-assessment against review per standard across the SWV's schools (an adviser sees their own schools). */
  'quality.viewPartnership': ['partnership_admin', 'partnership_adviser'],
  /** The same across one board's schools. */
  'quality.viewBoard': ['partnership_admin', 'partnership_adviser', 'board_user'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The place a resource lives; its ancestors are filled in by the route's scope loader. */
export type Scope =
  | { level: 'platform' }
  | { level: 'partnership'; partnershipId: string }
  | { level: 'board'; partnershipId: string; boardId: string }
  | { level: 'school'; partnershipId: string; boardId: string; schoolId: string };

/** Facts about the resource that some roles depend on. */
export interface ResourceState {
  profileStatus?: string;
}

const SUBMITTED_OR_LATER = new Set(['submitted', 'advised', 'adopted', 'published']);

/** Role-specific conditions beyond the scope, e.g. the council sees a profile only once it is submitted. */
function stateAllows(role: Role, permission: Permission, state: ResourceState): boolean {
  if (role === 'council_member' && (permission === 'profile.view' || permission === 'documents.download' || permission === 'profile.recordAdvice')) {
    return state.profileStatus !== undefined && SUBMITTED_OR_LATER.has(state.profileStatus);
  }
  // The SWV adviser reads and assesses profiles the school has submitted, not drafts.
  if (role === 'partnership_adviser' && (permission === 'profile.view' || permission === 'profile.review' || permission === 'profile.assess')) {
    return state.profileStatus !== undefined && SUBMITTED_OR_LATER.has(state.profileStatus);
  }
  return true;
}

export function membershipCovers(membership: Membership, scope: Scope): boolean {
  switch (membership.role) {
    case 'platform_admin':
      return true;
    case 'partnership_admin':
    case 'support_point':
      return scope.level !== 'platform' && membership.partnershipId === scope.partnershipId;
    case 'partnership_adviser':
      return scope.level !== 'platform' && membership.partnershipId === scope.partnershipId && withinLimits(membership, scope);
    case 'board_user':
      return (scope.level === 'board' || scope.level === 'school') && membership.boardId === scope.boardId;
    case 'school_editor':
    case 'council_member':
      return scope.level === 'school' && membership.schoolId === scope.schoolId;
  }
}

/** An SWV-wide role limited to some boards and schools covers the SWV's own pages and only those places below it. */
function withinLimits(membership: Membership, scope: Scope): boolean {
  const limits = membership.limitedTo;
  if (!limits || scope.level === 'partnership' || scope.level === 'platform') return true;
  if (limits.boardIds.includes(scope.boardId)) return true;
  return scope.level === 'school' && limits.schoolIds.includes(scope.schoolId);
}

/** Does the membership reach this school (for lists filtered by role, e.g. the adviser's profiles)? */
export function membershipReachesSchool(membership: Membership, school: { boardId: string; schoolId: string }): boolean {
  const limits = membership.limitedTo;
  if (!limits) return true;
  return limits.boardIds.includes(school.boardId) || limits.schoolIds.includes(school.schoolId);
}

export function rolesAt(principal: Principal, scope: Scope): Role[] {
  return principal.memberships.filter((membership) => membershipCovers(membership, scope)).map((m) => m.role);
}

export function can(principal: Principal | null, permission: Permission, scope: Scope, state: ResourceState = {}): boolean {
  if (!principal) return false;
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return rolesAt(principal, scope).some((role) => allowed.includes(role) && stateAllows(role, permission, state));
}

/** Opens every use case. Throws 401 for anonymous, 404 for outsiders, 403 for insiders without the permission. */
export function requireAccess(options: {
  principal: Principal | null;
  permission: Permission;
  scope: Scope;
  state?: ResourceState;
  /** The specific 403 text (who can do this), for insiders without the permission. */
  refusal?: string | undefined;
}): asserts options is typeof options & { principal: Principal } {
  const { principal, permission, scope, state } = options;
  if (!principal) throw new AppError('unauthenticated');
  if (can(principal, permission, scope, state)) return;
  if (rolesAt(principal, scope).length === 0) throw new AppError('not_found');
  throw new AppError('forbidden', options.refusal);
}

/** Ids from a request, each of which must lie inside the authorized scope. */
export interface ScopeIds {
  partnershipId?: string | null | undefined;
  boardId?: string | null | undefined;
  schoolId?: string | null | undefined;
}

/** Does every given id lie inside `scope`? A school id needs a school scope, a board id a board or school scope. */
export function idsInScope(scope: Scope, ids: ScopeIds): boolean {
  const given = Object.entries(ids).filter(([, value]) => value !== undefined);
  if (given.length === 0) throw new Error('assertInScope needs at least one id');
  if (ids.partnershipId !== undefined && (scope.level === 'platform' || scope.partnershipId !== ids.partnershipId)) return false;
  if (ids.boardId !== undefined && ((scope.level !== 'board' && scope.level !== 'school') || scope.boardId !== ids.boardId)) return false;
  if (ids.schoolId !== undefined && (scope.level !== 'school' || scope.schoolId !== ids.schoolId)) return false;
  return true;
}

/** The one assertion switched off by a test (see `switchOffScopeAssertionForTests`); null in production. */
let switchedOff: string | null = null;
const reached = new Set<string>();

/**
 * The authorization contract of every use case (docs/conventions.md): an id that came from the request must lie
 * inside the place the central check authorized (`auth.scope`); otherwise it is someone else's data and the answer
 * is 404, as if it did not exist. `name` names this assertion (usually the use case, `saveAnswer`), so a test can
 * switch off exactly one and watch the authorization matrix fail. A helper that skips this is named `unsafe…`.
 */
export function assertInScope(name: string, auth: { scope: Scope }, ids: ScopeIds): void {
  reached.add(name);
  if (switchedOff === name) return;
  if (!idsInScope(auth.scope, ids)) throw new AppError('not_found');
}

/**
 * Test-only: switch off the scope assertion called `name` (null switches every one back on), to prove that the
 * authorization matrix fails without it. Refused outside vitest.
 */
export function switchOffScopeAssertionForTests(name: string | null): void {
  if (!process.env['VITEST']) throw new Error('switchOffScopeAssertionForTests is for tests only');
  switchedOff = name;
}

/** Test-only: the names of the scope assertions reached since the process started. */
export function scopeAssertionsReached(): ReadonlySet<string> {
  return reached;
}
