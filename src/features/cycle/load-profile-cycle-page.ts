/**
 * A profile's cycle page ("Indienen, advies en vaststelling"): its status and facts, which transitions this
 * viewer may make now, the SWV's review remarks and the history of status changes (with who made them).
 */
import { can } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import { queryAll, type Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import type { ProfileRow } from '../questionnaire/api.js';
import type { ProfileStatus } from '../questionnaire/api.js';
import { listItems } from '../templates/model/template.js';
import { amsterdamDate, profileEditability } from './editability.js';
import { adoptWarnings, type AdoptWarning } from './adopt-profile.js';
import { loadProfileContext } from './profile-context.js';
import { getUserName, listReviewRemarks, listTransitionsWithNames } from './repository.js';
import { ACTION_RULES, isLate, type CycleAction } from './transition-rules.js';

export interface ProfileCyclePage {
  profile: Pick<
    ProfileRow,
    'id' | 'schoolId' | 'schoolYear' | 'partnershipId' | 'status' | 'submittedAt' | 'adviceDate' | 'adviceText' | 'councilSay' | 'councilOutcome' | 'adoptedOn' | 'adoptedByName' | 'publishedAt'
  >;
  schoolName: string;
  submittedByName: string | null;
  late: boolean;
  /** Why nothing can change any more once the round has closed; null otherwise. */
  closedMessage: string | null;
  /** Transitions this viewer may make now (the round runs, the state allows it, the role has it). */
  can: Record<Exclude<CycleAction, 'submit'>, boolean>;
  /** What the board should know before adopting (adopt-profile.ts); empty unless the viewer may adopt. */
  adoptWarnings: AdoptWarning[];
  openRemarkCount: number;
  /** A link to "Controleren en indienen" (the school may still change and submit). */
  canGoToSubmit: boolean;
  remarks: Array<{ id: string; about: string | null; body: string; authorName: string | null; createdAt: Date; response: string | null }>;
  /** The items a remark can be about, as "section: item". */
  remarkItems: Array<{ value: string; label: string }>;
  history: Array<{ at: Date; fromStatus: ProfileStatus; toStatus: ProfileStatus; byName: string | null; reason: string | null }>;
  /** Today in the Netherlands (the default date of advice and adoption). */
  today: string;
  viewerName: string;
}

export async function loadProfileCyclePage(options: { db: Database; clock: Clock; auth: Authorized; profileId: string }): Promise<ProfileCyclePage> {
  const { db, auth } = options;
  const { profile, school, cycle, template, scope } = await loadProfileContext(db, auth, options.profileId);
  const now = options.clock.now();
  const today = amsterdamDate(now);
  const running = cycle !== null && cycle.openedAt !== null && today >= cycle.opensOn && today < cycle.closesOn;
  const allowed = (action: CycleAction) =>
    running &&
    (ACTION_RULES[action].from as readonly ProfileStatus[]).includes(profile.status) &&
    can(auth.principal, ACTION_RULES[action].permission, scope, { profileStatus: profile.status });
  const editability = profileEditability({ status: profile.status, opensOn: cycle?.opensOn ?? null, closesOn: cycle?.closesOn ?? null, now, locale: auth.principal.locale });
  const [transitions, remarks, submittedByName] = await queryAll(db, [
    () => listTransitionsWithNames(db, profile.id),
    () => listReviewRemarks(db, profile.id),
    () => getUserName(db, profile.submittedBy),
  ]);
  const items = listItems(template);
  const openRemarkCount = remarks.filter((remark) => !remark.response && !remark.resolvedAt).length;
  const canAdopt = allowed('adopt');
  const titles = new Map(items.map(({ item }) => [item.key, item.title]));
  return {
    profile,
    schoolName: school.name,
    submittedByName,
    late: cycle !== null && isLate(profile.submittedAt, cycle.submitDeadline),
    closedMessage: !editability.editable && editability.reason === 'closed' ? editability.message : null,
    can: {
      recordAdvice: allowed('recordAdvice'),
      adopt: canAdopt,
      publish: allowed('publish'),
      reopen: allowed('reopen'),
      review: allowed('review'),
      respondToReview: running && can(auth.principal, 'profile.respondToReview', scope, { profileStatus: profile.status }),
    },
    adoptWarnings: canAdopt ? adoptWarnings(profile, openRemarkCount) : [],
    openRemarkCount,
    canGoToSubmit: editability.editable && can(auth.principal, 'profile.submit', scope),
    remarks: remarks.map((remark) => ({
      id: remark.id,
      about: remark.itemKey ? (titles.get(remark.itemKey) ?? remark.itemKey) : null,
      body: remark.body,
      authorName: remark.authorName,
      createdAt: remark.createdAt,
      response: remark.response,
    })),
    remarkItems: items.map(({ section, item }) => ({ value: item.key, label: `${section.title}: ${item.title}` })),
    history: transitions.map((entry) => ({ at: entry.at, fromStatus: entry.fromStatus as ProfileStatus, toStatus: entry.toStatus as ProfileStatus, byName: entry.byName, reason: entry.reason })),
    today,
    viewerName: auth.principal.name,
  };
}
