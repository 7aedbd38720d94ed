/**
 * Saves one field of one answer (autosave): checks the value against the item, refuses an edit
 * based on an outdated revision (both values are returned, nothing is overwritten), writes the
 * answer and its history in one statement, and returns the live norm statuses (SWV and national) and section progress.
 */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { formatMomentDateTime } from '../../ui/dates.js';
import { translator, type Locale } from '../../ui/i18n.js';
import { checkParentTextFits } from '../documents/check-poster-fit.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Logger } from '../../config/logger.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { profileEditability } from '../cycle/editability.js';
import { describeAnswer, type Answer, type AnswerValue, type NormStatus } from '../templates/model/answer.js';
import type { TemplateDefinition } from '../templates/model/template.js';
import { validateAnswerValue } from '../templates/model/validate-answer.js';
import {
  applyChange,
  computeNormStatuses,
  normStatusOf,
  resolveTarget,
  sameAnswer,
  validateAmbition,
  validateLimits,
  validateParentText,
  type AnswerField,
  type ChangeTarget,
} from './answer-change.js';
import { findUserName, getAnswerState, LIMITS_KEY_PREFIX, listAnswers, writeAnswerField, type AnswerState } from './answers-repository.js';
import type { ProfileStatus } from './schema.js';
import { loadProfileFacts, type ProfileFacts } from './scopes.js';
import { computeCompleteness, type SectionStatus } from './completeness.js';
import { markProfileInProgress } from './profiles-repository.js';
import { questionnaireMessages } from './messages.js';
import { loadTemplateDefinition } from './template-cache.js';

export interface SectionProgress {
  sectionKey: string;
  answered: number;
  required: number;
  status: SectionStatus;
  belowNormItemKeys: string[];
  cannotJudgeItemKeys: string[];
}

export interface ConflictInfo {
  /** The stored (their) answer of this field, raw and in words. */
  theirs: { value: unknown; words: string; revision: number; who: string | null; when: string };
  yours: { value: unknown; words: string };
}

export type SaveAnswerResult =
  | { kind: 'saved'; revision: number; normStatus: NormStatus; nationalNormStatus: NormStatus; sectionProgress: SectionProgress | null }
  | { kind: 'invalid'; message: string }
  | { kind: 'conflict'; conflict: ConflictInfo };

export interface SaveAnswerOptions {
  db: Database;
  clock: Clock;
  auth: Authorized;
  profileId: string;
  /** An item key, or a section key / `limits:<sectionKey>` for field "limits". */
  itemKey: string;
  field: AnswerField;
  value: unknown;
  baseRevision: number;
  /**
   * The value this field had when the editor started (as the client read it). When present, only a
   * change of this field by someone else is a conflict; other fields of the item may have changed.
   */
  baseValue?: unknown;
  /** The profile as the route's scope loader read it (saves a round trip); loaded when absent. */
  profile?: ProfileFacts | undefined;
  /** Hears of answers the norm check cannot judge (logged without the answer itself). */
  logger?: Pick<Logger, 'warn'> | undefined;
}

export async function saveAnswer(options: SaveAnswerOptions): Promise<SaveAnswerResult> {
  const { db, auth, field } = options;
  if (auth.permission !== 'profile.edit') throw new AppError('forbidden');
  const profile = options.profile?.id === options.profileId ? options.profile : await loadProfileFacts(db, options.profileId);
  // Tenant filter: the profile must be the one the route authorized.
  assertInScope('saveAnswer', auth, { schoolId: profile.schoolId });
  const now = options.clock.now();
  requireEditable(profile.status, profile.cycle, now, auth.principal.locale);

  const template = await loadTemplateDefinition(db, profile.templateVersionId);
  const rawKey = options.itemKey.startsWith(LIMITS_KEY_PREFIX) ? options.itemKey.slice(LIMITS_KEY_PREFIX.length) : options.itemKey;
  const target = resolveTarget(template, rawKey, field);
  if (!target) throw new AppError('invalid_input', translator(questionnaireMessages, auth.principal.locale)('unknownItem'));
  const storedKey = target.kind === 'limits' ? `${LIMITS_KEY_PREFIX}${target.section.key}` : target.item.key;

  const checked = checkField(template, target, field, options.value, auth.principal.locale);
  if (!checked.ok) return { kind: 'invalid', message: checked.message };
  if (field === 'parentText' && target.kind === 'item' && target.item.posters.parent) {
    // The parent poster must stay one page: refuse a text that cannot fit (documents capability).
    const fits = await checkParentTextFits({ db, profileId: profile.id, itemKey: target.item.key, parentText: checked.value as string | null });
    if (!fits.ok) return { kind: 'invalid', message: fits.message };
  }

  // The base goes through the same normalisation as the value, so "240" and 240 are the same base.
  const hasBase = 'baseValue' in options && options.baseValue !== undefined;
  const base = hasBase ? checkField(template, target, field, options.baseValue, auth.principal.locale) : null;
  const baseValue = !hasBase ? undefined : base?.ok ? (base.value ?? null) : options.baseValue;

  const statuses =
    field === 'value' && target.kind === 'item'
      ? computeNormStatuses(target.item, checked.value as AnswerValue | null, reportCannotJudge(options.logger, profile.id, target.item.key))
      : { normStatus: null, nationalNormStatus: null };
  const written = await writeAnswerField(db, {
    profileId: profile.id,
    itemKey: storedKey,
    partnershipId: profile.partnershipId,
    schoolYear: profile.schoolYear,
    field: field === 'limits' ? 'value' : field,
    value: checked.value,
    ...statuses,
    baseRevision: options.baseRevision,
    ...(hasBase ? { baseValue } : {}),
    userId: auth.principal.userId,
    at: now,
    readBackKeys: target.section.items.map((item) => item.key),
  });
  if (written) {
    if (profile.status === 'not_started') await markStarted(db, profile, auth, now);
    const readBack = { ...written.readBack };
    if (target.kind === 'item') readBack[target.item.key] = written.answer;
    return {
      kind: 'saved',
      revision: written.revision,
      normStatus: normStatusOf(target, written.answer),
      nationalNormStatus: normStatusOf(target, written.answer, 'national'),
      sectionProgress: sectionProgressOf(template, target, readBack),
    };
  }

  // Nothing written: the same value again (no-op), another editor's newer revision, or no longer editable.
  const current = await getAnswerState(db, profile.id, storedKey);
  const change = applyChange(template, target, current, field, options.value, auth.principal.locale);
  if (change.ok && current && sameAnswer(current, change.answer)) {
    return {
      kind: 'saved',
      revision: current.revision,
      normStatus: normStatusOf(target, current),
      nationalNormStatus: normStatusOf(target, current, 'national'),
      sectionProgress: await sectionProgressAfter(db, profile.id, template, target),
    };
  }
  const unchanged = hasBase ? sameValue(fieldValue(current, field), baseValue) : (current?.revision ?? 0) === options.baseRevision;
  if (unchanged) {
    const fresh = await loadProfileFacts(db, profile.id);
    requireEditable(fresh.status, fresh.cycle, now, auth.principal.locale);
  }
  return { kind: 'conflict', conflict: await describeConflict(db, auth.principal.locale, template, target, field, current, change.ok ? change.answer : { value: null, ambition: null, parentText: null }) };
}

/**
 * Logs an answer the norm check cannot judge ('cannot-judge' is stored and shown; it never passes as
 * meeting the norm): which profile and item, which norm and why in kinds and types — never the answer.
 */
export function reportCannotJudge(logger: Pick<Logger, 'warn'> | undefined, profileId: string, itemKey: string) {
  return (which: 'swv' | 'national', reason: string) => logger?.warn({ profileId, itemKey, norm: which, reason }, 'norm check cannot judge an answer');
}

function checkField(template: TemplateDefinition, target: ChangeTarget, field: AnswerField, raw: unknown, locale: Locale): { ok: true; value: unknown } | { ok: false; message: string } {
  if (target.kind === 'limits') return validateLimits(raw, locale);
  if (field === 'value') return validateAnswerValue(template, target.item, raw, locale);
  if (field === 'ambition') return validateAmbition(template, target.item, raw, locale);
  if (field === 'parentText') return validateParentText(target.item, raw, locale);
  return { ok: false, message: translator(questionnaireMessages, locale)('answerNotStorable') };
}

function requireEditable(status: ProfileStatus, cycle: ProfileFacts['cycle'], now: Date, locale: Locale): void {
  const editability = profileEditability({ status, opensOn: cycle?.opensOn ?? null, closesOn: cycle?.closesOn ?? null, now, locale });
  if (!editability.editable) throw new AppError('invalid_state', editability.message);
}

async function markStarted(db: Database, profile: { id: string; partnershipId: string }, auth: Authorized, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await markProfileInProgress(tx, profile.id, now))) return;
    await recordAudit(tx, {
      actorUserId: auth.principal.userId,
      partnershipId: profile.partnershipId,
      action: 'profile.start',
      entityType: 'profile',
      entityId: profile.id,
      before: { status: 'not_started' },
      after: { status: 'in_progress' },
      at: now,
    });
  });
}

function sectionProgressOf(template: TemplateDefinition, target: ChangeTarget, answers: Record<string, Pick<Answer, 'value' | 'ambition'>>): SectionProgress | null {
  const section = { ...template, sections: [target.section] };
  const result = computeCompleteness(section, answers).sections[0];
  return result ? { sectionKey: result.sectionKey, answered: result.answered, required: result.required, status: result.status, belowNormItemKeys: result.belowNormItemKeys, cannotJudgeItemKeys: result.cannotJudgeItemKeys } : null;
}

async function sectionProgressAfter(db: Database, profileId: string, template: TemplateDefinition, target: ChangeTarget): Promise<SectionProgress | null> {
  const all = await listAnswers(db, profileId);
  return sectionProgressOf(template, target, all.answers);
}

/** Both values in words, who changed theirs and when. */
async function describeConflict(db: Database, locale: Locale, template: TemplateDefinition, target: ChangeTarget, field: AnswerField, current: AnswerState | null, mine: Answer): Promise<ConflictInfo> {
  const who = await findUserName(db, current?.updatedBy ?? null);
  return {
    theirs: {
      value: fieldValue(current, field),
      words: describeField(template, target, field, current, locale),
      revision: current?.revision ?? 0,
      who,
      when: current ? formatMomentDateTime(current.updatedAt, locale) : '',
    },
    yours: { value: fieldValue(mine, field), words: describeField(template, target, field, mine, locale) },
  };
}

/** Two stored values of one field compared as data (object keys in any order). */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a ?? null) === stableJson(b ?? null);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function fieldValue(answer: Answer | null, field: AnswerField): unknown {
  if (!answer) return null;
  if (field === 'ambition') return answer.ambition;
  if (field === 'parentText') return answer.parentText;
  return answer.value;
}

/** An answer's part in words for the reader (conflicts, history); the template's own labels stay as written. */
export function describeField(template: TemplateDefinition, target: ChangeTarget, field: AnswerField, answer: Answer | null, locale: Locale): string {
  const t = translator(questionnaireMessages, locale);
  const empty = t('emptyAnswer');
  if (!answer) return empty;
  if (target.kind === 'limits') return typeof answer.value === 'string' && answer.value ? answer.value : empty;
  if (field === 'parentText') return answer.parentText || empty;
  if (field === 'ambition') {
    if (!answer.ambition) return t('noAmbition');
    const targetWords = answer.ambition.target ? describeAnswer(template, target.item, answer.ambition.target) : t('ambition');
    return answer.ambition.schoolYear ? `${targetWords} (${answer.ambition.schoolYear})` : targetWords;
  }
  return describeAnswer(template, target.item, answer.value) || empty;
}

