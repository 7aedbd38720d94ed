/**
 * "Controleer uw antwoorden": the one check page (/profielen/:id/controleren) — every answer in words with its status
 * against the norm, what is still missing, and (for whoever may submit, while the round runs) the submit button.
 */
import { can } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { wordListOf } from '../partnerships/plain-language.js';
import { getPartnership } from '../partnerships/api.js';
import { listAnswers } from '../questionnaire/api.js';
import { parentTextHints, type ParentTextHints } from '../questionnaire/parent-text-hints.js';
import { computeCompleteness } from '../questionnaire/completeness.js';
import { describeAnswer, evaluateNorm, type NormStatus } from '../templates/model/answer.js';
import { amsterdamDate, profileEditability, type Editability } from './editability.js';
import { describeAmbitionPlain } from './profile-changes.js';
import { loadProfileContext } from './profile-context.js';
import { ACTION_RULES } from './transition-rules.js';

export interface CheckRow {
  key: string;
  title: string;
  /** The answer in words; empty when not answered. */
  words: string;
  /** The ambition in words (target option as its label), or null. */
  ambition: string | null;
  /** The answer against the SWV's norm and the national norm ('cannot-judge' is shown as such, never as meeting it). */
  normStatus: NormStatus;
  nationalNormStatus: NormStatus;
}

export interface CheckSection {
  key: string;
  title: string;
  rows: CheckRow[];
  /** Null when the section does not ask "what can the school not offer". */
  limits: string | null;
}

export interface CheckPage {
  profile: { id: string; schoolId: string; schoolYear: string; partnershipId: string };
  schoolName: string;
  editability: Editability;
  /** This viewer may change answers now (the "wijzigen" links) and submit the profile now (the submit section). */
  canEdit: boolean;
  canSubmit: boolean;
  sections: CheckSection[];
  missing: Array<{ sectionKey: string; key: string; title: string }>;
  /** The deadline passed; `lateAllowed` says whether the round still takes submissions. */
  late: boolean;
  lateAllowed: boolean;
  submitDeadline: string | null;
  /** Texts that reach parents with plain-language tips (the SWV's word list, long sentences, long words). */
  plainLanguage: ParentTextHints[];
}

export async function loadCheckPage(options: { db: Database; clock: Clock; auth: Authorized; profileId: string }): Promise<CheckPage> {
  const { db, clock } = options;
  const { profile, school, cycle, template, scope } = await loadProfileContext(db, options.auth, options.profileId);
  const [stored, partnership] = await Promise.all([listAnswers(db, profile.id), getPartnership(db, profile.partnershipId)]);
  const completeness = computeCompleteness(template, stored.answers, stored.limits);
  const now = clock.now();
  const editability = profileEditability({ status: profile.status, opensOn: cycle?.opensOn ?? null, closesOn: cycle?.closesOn ?? null, now, locale: options.auth.principal.locale });
  const titles = new Map(template.sections.flatMap((section) => section.items.map((item) => [item.key, item.title] as const)));
  const late = cycle !== null && amsterdamDate(now) > cycle.submitDeadline;
  const state = { profileStatus: profile.status };
  const canEdit = editability.editable && can(options.auth.principal, 'profile.edit', scope, state);
  const canSubmit =
    editability.editable && (ACTION_RULES.submit.from as readonly string[]).includes(profile.status) && can(options.auth.principal, ACTION_RULES.submit.permission, scope, state);
  return {
    profile: { id: profile.id, schoolId: profile.schoolId, schoolYear: profile.schoolYear, partnershipId: profile.partnershipId },
    schoolName: school.name,
    editability,
    canEdit,
    canSubmit,
    sections: template.sections.map((section) => ({
      key: section.key,
      title: section.title,
      rows: section.items.map((item) => {
        const answer = stored.answers[item.key];
        return {
          key: item.key,
          title: item.title,
          words: answer ? describeAnswer(template, item, answer.value) : '',
          ambition: describeAmbitionPlain(template, item, answer?.ambition),
          normStatus: evaluateNorm(item, answer),
          nationalNormStatus: evaluateNorm(item, answer, 'national'),
        };
      }),
      limits: section.asksLimits ? (stored.limits[section.key] ?? '') : null,
    })),
    missing: completeness.sections.flatMap((s) => s.missingItemKeys.map((key) => ({ sectionKey: s.sectionKey, key, title: titles.get(key) ?? key }))),
    late,
    lateAllowed: cycle?.allowLateSubmission ?? false,
    submitDeadline: cycle?.submitDeadline ?? null,
    plainLanguage: parentTextHints(template, stored.answers, partnership ? wordListOf(partnership) : []),
  };
}
