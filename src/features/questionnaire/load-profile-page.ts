/** Everything the questionnaire pages show about one profile, and whether this viewer may edit it. */
import { AppError } from '../../auth/app-error.js';
import { assertInScope, can } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import { queryAll, type Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { profileEditability, type Editability } from '../cycle/editability.js';
import { listItemsToReview, type ReviewMark } from '../cycle/items-to-review.js';
import { getCycleFor, listOpenReviewRemarks, type CycleRow } from '../cycle/api.js';
import { type PlainLanguageHint, wordListOf } from '../partnerships/plain-language.js';
import { getPartnership, getSchool } from '../partnerships/api.js';
import type { Answer } from '../templates/model/answer.js';
import { hasPublicSourceItems, publicSourceAnswer, type PublicFacts } from '../templates/model/public-source.js';
import { listItems, type PublicSource, type TemplateDefinition } from '../templates/model/template.js';
import { unsafeLoadPublicFacts } from '../register/public-facts.js';
import { LIMITS_KEY_PREFIX, listAnswerStates, type AnswerState } from './answers-repository.js';
import { computeCompleteness, type Completeness } from './completeness.js';
import { parentTextHints } from './parent-text-hints.js';
import { getProfile, type ProfileRow } from './profiles-repository.js';
import { loadTemplateDefinition } from './template-cache.js';

export interface ProfilePage {
  profile: ProfileRow;
  schoolName: string;
  cycle: CycleRow | null;
  template: TemplateDefinition;
  /** Stored answers by item key (without limits). */
  answers: Record<string, AnswerState>;
  /** "Wat kan de school niet" by section key, with revisions. */
  limits: Record<string, { text: string; revision: number }>;
  completeness: Completeness;
  editability: Editability;
  /** May this viewer change answers now (permission and state)? */
  canEdit: boolean;
  /** The viewer may open the SWV's conversation guide beside this profile (issue 15). */
  canSeeGuide: boolean;
  /** New and changed items since the school's last final profile, marked for the school (cycle feature). */
  itemsToReview: Record<string, ReviewMark>;
  /** Last year's answer in words for changed items that were left open (cycle/items-to-review.ts). */
  previousAnswers: Record<string, string>;
  /** The SWV's review remarks the school has not answered yet (cycle feature). */
  openRemarks: Array<{ id: string; itemKey: string | null }>;
  /** Plain-language hints for the texts that reach parents, by item key and field. */
  plainLanguage: Record<string, Partial<Record<'parentText' | 'value', PlainLanguageHint[]>>>;
  /** Items prefilled from public data: the fact in words, and whether the stored answer is still that fact. */
  publicSources: Record<string, PublicSourceNote>;
}

export interface PublicSourceNote {
  source: PublicSource;
  words: string;
  /** 'prefilled': the answer is the public fact; 'corrected': the school answered otherwise; 'open': no answer yet, or a fact that is no answer. */
  state: 'prefilled' | 'corrected' | 'open';
}

export async function loadProfilePage(options: { db: Database; clock: Clock; auth: Authorized; profileId: string }): Promise<ProfilePage> {
  const { db, auth } = options;
  const profile = await getProfile(db, options.profileId);
  if (!profile) throw new AppError('not_found');
  assertInScope('loadProfilePage', auth, { schoolId: profile.schoolId });
  const [school, cycle, template, stored, review, openRemarks, partnership] = await queryAll(db, [
    () => getSchool(db, profile.schoolId),
    () => getCycleFor(db, profile.partnershipId, profile.schoolYear),
    () => loadTemplateDefinition(db, profile.templateVersionId),
    () => listAnswerStates(db, profile.id),
    () => listItemsToReview(db, profile),
    () => listOpenReviewRemarks(db, profile.id),
    () => getPartnership(db, profile.partnershipId),
  ]);
  const answers: Record<string, AnswerState> = {};
  const limits: Record<string, { text: string; revision: number }> = {};
  for (const [key, state] of stored) {
    if (key.startsWith(LIMITS_KEY_PREFIX)) limits[key.slice(LIMITS_KEY_PREFIX.length)] = { text: typeof state.value === 'string' ? state.value : '', revision: state.revision };
    else answers[key] = state;
  }
  const editability = profileEditability({ status: profile.status, opensOn: cycle?.opensOn ?? null, closesOn: cycle?.closesOn ?? null, now: options.clock.now(), locale: auth.principal.locale });
  const canEdit = editability.editable && can(auth.principal, 'profile.edit', auth.scope, { profileStatus: profile.status });
  const completeness = computeCompleteness(
    template,
    answers as Record<string, Answer>,
    Object.fromEntries(Object.entries(limits).map(([key, value]) => [key, value.text])),
  );
  const publicSources = hasPublicSourceItems(template) ? publicSourceNotes(template, answers, (await unsafeLoadPublicFacts(db, [profile.schoolId])).get(profile.schoolId)) : {};
  const plainLanguage: ProfilePage['plainLanguage'] = {};
  for (const found of parentTextHints(template, answers, partnership ? wordListOf(partnership) : [])) {
    plainLanguage[found.itemKey] = { ...plainLanguage[found.itemKey], [found.field]: found.hints };
  }
  return {
    profile,
    schoolName: school?.name ?? '',
    cycle,
    template,
    answers,
    limits,
    completeness,
    editability,
    canEdit,
    canSeeGuide: can(auth.principal, 'conversationGuide.view', auth.scope),
    itemsToReview: stillToReview(review.marks, answers),
    previousAnswers: review.previousAnswers,
    openRemarks,
    plainLanguage,
    publicSources,
  };
}

function publicSourceNotes(template: TemplateDefinition, answers: Record<string, AnswerState>, facts: PublicFacts | undefined): Record<string, PublicSourceNote> {
  const notes: Record<string, PublicSourceNote> = {};
  for (const { item } of listItems(template)) {
    const fact = publicSourceAnswer(template, item, facts);
    if (!fact) continue;
    const stored = answers[item.key]?.value ?? null;
    // A fact that cannot be an answer ("<5" for a number) is shown beside the answer, never as contradicting it.
    const state = stored === null || fact.value === null ? 'open' : JSON.stringify(stored) === JSON.stringify(fact.value) ? 'prefilled' : 'corrected';
    notes[item.key] = { source: fact.source, words: fact.words, state };
  }
  return notes;
}

/** A mark stays until the school saves the item: while it is open, or still holds last year's (carried-over) answer. */
function stillToReview(marks: Record<string, ReviewMark>, answers: Record<string, AnswerState>): Record<string, ReviewMark> {
  return Object.fromEntries(Object.entries(marks).filter(([key]) => !answers[key] || answers[key].carriedOver === true));
}
