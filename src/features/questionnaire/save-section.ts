/**
 * Saves a whole section posted without JavaScript (or with the "Opslaan" button). Each item posts,
 * beside its fields, the answer the form started from (`<key>.base`). Only a field whose posted value
 * differs from that base is a change; everything else is left alone, so a form never reverts what
 * another editor saved meanwhile. A changed field is written only while the stored field still equals
 * its base (conflicts per field, like autosave); otherwise both values are returned and nothing is
 * overwritten. Items not posted at all are untouched. Every invalid field gets its own message and
 * what was typed always comes back for the re-render.
 */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { formatMomentDateTime } from '../../ui/dates.js';
import { translator, type Locale } from '../../ui/i18n.js';
import { questionnaireMessages } from './messages.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Logger } from '../../config/logger.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { profileEditability } from '../cycle/editability.js';
import { getCycleFor } from '../cycle/api.js';
import { checkParentTextFitsOffLoop, loadParentPosterData } from '../documents/check-poster-fit.js';
import type { ParentPosterData } from '../documents/document-data.js';
import type { Ambition, Answer, AnswerValue } from '../templates/model/answer.js';
import type { Item, Section, TemplateDefinition } from '../templates/model/template.js';
import { applyChange, computeNormStatuses, type AnswerField, type ChangeTarget } from './answer-change.js';
import { findUserName, getAnswerState, LIMITS_KEY_PREFIX, listAnswerStates, writeAnswerField, type AnswerState } from './answers-repository.js';
import { markProfileInProgress, getProfile } from './profiles-repository.js';
import { describeField, fieldValue, reportCannotJudge, sameValue, type ConflictInfo } from './save-answer.js';
import { loadTemplateDefinition } from './template-cache.js';
import { itemFieldNames, NONE_OF_THESE, type ItemFieldAnswer } from './views/item-field.js';

/** The form field of a section's "Wat kan de school niet" text. */
export const LIMITS_FIELD = '_limits';
/** Submit buttons of the conflict message: their value is the item key (or LIMITS_FIELD). */
export const USE_MINE_FIELD = '_useMine';
export const KEEP_THEIRS_FIELD = '_keepTheirs';

export type PostedForm = Record<string, string | string[]>;

/** The answer a form started from, posted back as JSON in `<key>.base` (limits: `_limits.base`). */
export type BaseAnswer = Pick<Answer, 'value' | 'ambition' | 'parentText'>;

export interface SaveSectionResult {
  /** Errors by form field name. */
  errors: Record<string, string>;
  /** Conflicts by item key (or LIMITS_FIELD). */
  conflicts: Record<string, ConflictInfo>;
  /** What the form shows now for each posted item: the posted values, the revision and the base to post next. */
  shown: Record<string, ItemFieldAnswer>;
  limits: { value: string; revision: number; base: string | null } | null;
  savedCount: number;
}

type ItemPart = 'value' | 'ambition' | 'parentText';

export async function saveSection(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  profileId: string;
  sectionKey: string;
  form: PostedForm;
  /** Hears of answers the norm check cannot judge (logged without the answer itself). */
  logger?: Pick<Logger, 'warn'> | undefined;
}): Promise<SaveSectionResult> {
  const { db, auth, form } = options;
  if (auth.permission !== 'profile.edit') throw new AppError('forbidden');
  const profile = await getProfile(db, options.profileId);
  if (!profile) throw new AppError('not_found');
  assertInScope('saveSection', auth, { schoolId: profile.schoolId });
  const now = options.clock.now();
  const cycle = await getCycleFor(db, profile.partnershipId, profile.schoolYear);
  const editability = profileEditability({ status: profile.status, opensOn: cycle?.opensOn ?? null, closesOn: cycle?.closesOn ?? null, now, locale: auth.principal.locale });
  if (!editability.editable) throw new AppError('invalid_state', editability.message);
  const template = await loadTemplateDefinition(db, profile.templateVersionId);
  const section = template.sections.find((candidate) => candidate.key === options.sectionKey);
  if (!section) throw new AppError('not_found');
  const stored = await listAnswerStates(db, profile.id);
  const useMine = new Set(listOf(form[USE_MINE_FIELD]));
  const keepTheirs = new Set(listOf(form[KEEP_THEIRS_FIELD]));

  const result: SaveSectionResult = { errors: {}, conflicts: {}, shown: {}, limits: null, savedCount: 0 };
  let started = false;

  /**
   * Writes one changed field when the stored field still equals its base. Returns the field's base
   * for the next post: the new value when written, the other editor's value when the two agree, and
   * the unchanged old base on a conflict (so a plain "Opslaan" cannot silently overwrite theirs).
   */
  const persistField = async (args: {
    storedKey: string;
    conflictKey: string;
    target: ChangeTarget;
    field: AnswerField;
    column: ItemPart;
    next: unknown;
    base: unknown;
    current: AnswerState | null;
    mine: Answer;
  }): Promise<{ base: unknown; revision: number | null }> => {
    const { current } = args;
    const storedValue = fieldValue(current, args.column);
    if (sameValue(storedValue, args.next)) return { base: storedValue, revision: current?.revision ?? null }; // already so
    if (!sameValue(storedValue, args.base)) {
      result.conflicts[args.conflictKey] = await conflictOf(db, auth.principal.locale, template, args.target, args.field, current, args.mine);
      return { base: args.base, revision: current?.revision ?? null };
    }
    const written = await writeAnswerField(db, {
      profileId: profile.id,
      itemKey: args.storedKey,
      partnershipId: profile.partnershipId,
      schoolYear: profile.schoolYear,
      field: args.column,
      value: args.next,
      ...(args.field === 'value' && args.target.kind === 'item'
        ? computeNormStatuses(args.target.item, args.next as AnswerValue | null, reportCannotJudge(options.logger, profile.id, args.target.item.key))
        : { normStatus: null, nationalNormStatus: null }),
      baseRevision: current?.revision ?? 0,
      baseValue: args.base ?? null,
      userId: auth.principal.userId,
      at: now,
    });
    if (!written) {
      // Changed between our read and the write (or no longer editable).
      const fresh = await getAnswerState(db, profile.id, args.storedKey);
      if (sameValue(fieldValue(fresh, args.column), args.next)) return { base: args.next, revision: fresh?.revision ?? null };
      if (sameValue(fieldValue(fresh, args.column), args.base)) throw new AppError('invalid_state', translator(questionnaireMessages, auth.principal.locale)('notEditable'));
      result.conflicts[args.conflictKey] = await conflictOf(db, auth.principal.locale, template, args.target, args.field, fresh, args.mine);
      return { base: args.base, revision: fresh?.revision ?? null };
    }
    result.savedCount += 1;
    started = true;
    return { base: args.next, revision: written.revision };
  };

  // The parent poster as it stands, loaded once per post (only when a parent text changes) and kept up to
  // date with the texts this post writes, so each check sees the ones before it.
  let posterData: ParentPosterData | undefined;

  for (const item of section.items) {
    const names = itemFieldNames(item);
    const current = stored.get(item.key) ?? null;
    const posted = postedAnswer(item, form, auth.principal.locale);
    // Not in the posted form at all: leave the item as it is.
    if (!posted.present) continue;
    const target: ChangeTarget = { kind: 'item', section, item };
    const postedRevision = toRevision(form[names.revision]);
    let base = baseOf(form[names.base], current, postedRevision);
    // "Mijn antwoord gebruiken": the editor saw their value (same revision) and chose theirs to be replaced.
    if (useMine.has(item.key) && current && postedRevision === current.revision) base = { value: current.value, ambition: current.ambition, parentText: current.parentText };

    const parts: Array<[ItemPart, unknown, string]> = [];
    if (posted.value !== undefined) parts.push(['value', posted.value, names.value]);
    if (item.ambition && posted.ambition !== undefined) parts.push(['ambition', posted.ambition, names.ambition]);
    if (item.parentTextEditable && posted.parentText !== undefined) parts.push(['parentText', posted.parentText, names.parentText]);

    const nextBase: BaseAnswer = { value: current?.value ?? null, ambition: current?.ambition ?? null, parentText: current?.parentText ?? null };
    // What the re-rendered form shows: what was typed, except for fields this editor did not change,
    // which show the stored value (so a stale value on screen can never be posted back as a change).
    const shown: { value: unknown; ambition: unknown; parentText: unknown } = { value: posted.shownValue, ambition: posted.shownAmbition, parentText: posted.parentText ?? null };
    let revision = current?.revision ?? 0;
    let mine: Answer = { ...nextBase };
    for (const [part, raw, name] of parts) {
      const applied = applyChange(template, target, mine, part, raw, auth.principal.locale);
      const baseValue = normalised(template, target, part, base[part]);
      if (!applied.ok) {
        result.errors[name] = part === 'value' && posted.valueError ? posted.valueError : applied.message;
        (nextBase as Record<ItemPart, unknown>)[part] = baseValue; // still based on what the form started from
        continue;
      }
      const next = fieldValue(applied.answer, part);
      const theirs = fieldValue(current, part);
      // Unchanged since the form was opened, or "Hun antwoord houden": not written, not checked.
      if (sameValue(next, baseValue) || (keepTheirs.has(item.key) && !sameValue(theirs, baseValue))) {
        shown[part] = theirs;
        continue;
      }
      if (part === 'parentText' && item.posters.parent) {
        // The parent poster must stay one page: refuse a text that cannot fit (documents capability).
        posterData ??= await loadParentPosterData(db, profile.id);
        const fits = await checkParentTextFitsOffLoop(posterData, item.key, next as string | null);
        if (!fits.ok) {
          result.errors[name] = fits.message;
          (nextBase as Record<ItemPart, unknown>)[part] = baseValue;
          continue;
        }
      }
      mine = { ...mine, [part]: next };
      const outcome = await persistField({ storedKey: item.key, conflictKey: item.key, target, field: part, column: part, next, base: baseValue, current, mine });
      (nextBase as Record<ItemPart, unknown>)[part] = outcome.base;
      if (part === 'parentText' && posterData && sameValue(outcome.base, next)) {
        const before = posterData.answers[item.key] ?? { value: null, ambition: null, parentText: null };
        // A new object, not a mutation: poster fit plans are cached per data object.
        posterData = { ...posterData, answers: { ...posterData.answers, [item.key]: { ...before, parentText: next as string | null } } };
      }
      if (outcome.revision !== null) revision = Math.max(revision, outcome.revision);
    }
    const conflict = result.conflicts[item.key];
    result.shown[item.key] = {
      value: shown.value as ItemFieldAnswer['value'],
      ambition: shown.ambition as ItemFieldAnswer['ambition'],
      parentText: shown.parentText as ItemFieldAnswer['parentText'],
      revision: conflict ? conflict.theirs.revision : revision,
      base: nextBase,
    };
  }

  if (section.asksLimits && (form[LIMITS_FIELD] !== undefined || form[`${LIMITS_FIELD}.base`] !== undefined)) {
    const storedKey = `${LIMITS_KEY_PREFIX}${section.key}`;
    const current = stored.get(storedKey) ?? null;
    const raw = typeof form[LIMITS_FIELD] === 'string' ? (form[LIMITS_FIELD] as string) : '';
    const postedRevision = toRevision(form[`${LIMITS_FIELD}.revision`]);
    const postedBase = baseOf(form[`${LIMITS_FIELD}.base`], current, postedRevision);
    let base: unknown = normalised(template, { kind: 'limits', section }, 'limits', postedBase.value);
    if (useMine.has(LIMITS_FIELD) && current && postedRevision === current.revision) base = current.value;
    const target: ChangeTarget = { kind: 'limits', section };
    const applied = applyChange(template, target, null, 'limits', raw, auth.principal.locale);
    let revision = current?.revision ?? 0;
    let nextBase: unknown = current?.value ?? null;
    let shown = raw;
    if (!applied.ok) result.errors[LIMITS_FIELD] = applied.message;
    else if (sameValue(applied.answer.value, base) || (keepTheirs.has(LIMITS_FIELD) && !sameValue(current?.value ?? null, base))) {
      shown = typeof current?.value === 'string' ? current.value : '';
    } else {
      const outcome = await persistField({ storedKey, conflictKey: LIMITS_FIELD, target, field: 'limits', column: 'value', next: applied.answer.value, base, current, mine: applied.answer });
      nextBase = outcome.base;
      if (outcome.revision !== null) revision = outcome.revision;
    }
    const conflict = result.conflicts[LIMITS_FIELD];
    result.limits = { value: shown, revision: conflict ? conflict.theirs.revision : revision, base: typeof nextBase === 'string' ? nextBase : null };
  }

  if (started && profile.status === 'not_started') {
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
  return result;
}

/** A base as the client sent it ("240", a reordered list) in its stored form, so equal values compare equal. */
function normalised(template: TemplateDefinition, target: ChangeTarget, field: AnswerField, raw: unknown): unknown {
  if (raw === UNKNOWN_BASE) return raw;
  // Only the normalised value is used, never a message: the language does not matter here.
  const applied = applyChange(template, target, null, field, raw);
  return applied.ok ? fieldValue(applied.answer, field) : raw;
}

function listOf(raw: string | string[] | undefined): string[] {
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
}

function toRevision(raw: string | string[] | undefined): number | null {
  const text = Array.isArray(raw) ? raw[0] : raw;
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

/**
 * The answer the form started from. Forms carry it as JSON; a form without it (an old page) falls
 * back to the stored answer only when it was rendered from the stored revision. Otherwise — an outdated
 * revision, or none at all (a hand-made post) — the base is unknown and every posted difference is a
 * conflict: a post that does not say what it started from never overwrites blindly.
 */
function baseOf(raw: string | string[] | undefined, current: AnswerState | null, postedRevision: number | null): BaseAnswer {
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text !== undefined) {
    try {
      const parsed = JSON.parse(text) as Partial<BaseAnswer> | null;
      if (parsed && typeof parsed === 'object') return { value: parsed.value ?? null, ambition: parsed.ambition ?? null, parentText: parsed.parentText ?? null };
    } catch {
      // fall through: treat as unknown
    }
  }
  if (postedRevision !== null && postedRevision === (current?.revision ?? 0)) {
    return { value: current?.value ?? null, ambition: current?.ambition ?? null, parentText: current?.parentText ?? null };
  }
  return { value: UNKNOWN_BASE, ambition: UNKNOWN_BASE, parentText: UNKNOWN_BASE } as unknown as BaseAnswer;
}

/** Matches no stored value, so a change on an outdated page without a base is always a conflict. */
const UNKNOWN_BASE = { unknownBase: true };

/**
 * Reads one item's posted fields. `present` is false when the item was not in the form at all.
 * A field that was not posted is `undefined` (left alone); an unticked radio or checkbox group of an
 * item that is in the form posts nothing and means "no answer".
 */
function postedAnswer(item: Item, form: PostedForm, locale: Locale) {
  const names = itemFieldNames(item);
  const present = [names.base, names.revision, names.value, names.ambition, names.ambitionTarget, names.ambitionYear, names.parentText].some((name) => form[name] !== undefined);
  const rawValue = form[names.value];
  const isChoice = item.kind !== 'text' && item.kind !== 'longtext' && item.kind !== 'number';
  let value: unknown;
  let valueError: string | undefined;
  const inForm = form[names.base] !== undefined;
  if (item.kind === 'partners') {
    const list = rawValue === undefined ? [] : Array.isArray(rawValue) ? rawValue : [rawValue];
    const chosen = list.filter((entry) => entry !== NONE_OF_THESE);
    if (rawValue === undefined && !inForm) value = undefined;
    else if (list.includes(NONE_OF_THESE) && chosen.length > 0) {
      value = chosen; // shown as ticked; refused below with its own message
      valueError = translator(questionnaireMessages, locale)('noneAndSomePartners');
    } else value = list.includes(NONE_OF_THESE) ? [] : chosen.length > 0 ? chosen : null;
  } else if (rawValue === undefined) {
    value = isChoice && inForm ? null : undefined;
  } else {
    value = Array.isArray(rawValue) ? rawValue[0] : rawValue;
  }
  const single = (name: string) => {
    const raw = form[name];
    return Array.isArray(raw) ? raw[0] : raw;
  };
  let ambition: Ambition | null | undefined;
  if (item.ambition) {
    const toggle = single(names.ambition);
    const target = single(names.ambitionTarget);
    const year = single(names.ambitionYear);
    if (toggle) {
      ambition = {};
      if (target) ambition.target = target;
      if (year) ambition.schoolYear = year;
    } else ambition = toggle === undefined && target === undefined && year === undefined && !inForm ? undefined : null;
  }
  const parentText = item.parentTextEditable ? single(names.parentText) : undefined;
  const shownValue: ItemFieldAnswer['value'] =
    value === null || value === undefined ? null : Array.isArray(value) ? (value as string[]) : (value as string);
  // A value that cannot be stored is refused with its own message (and the applied check).
  if (valueError) return { present, value: { invalid: value }, valueError, ambition, parentText, shownValue, shownAmbition: ambition ?? null };
  return { present, value, valueError, ambition, parentText, shownValue, shownAmbition: ambition ?? null };
}

async function conflictOf(db: Database, locale: Locale, template: TemplateDefinition, target: ChangeTarget, field: AnswerField, current: AnswerState | null, mine: Answer): Promise<ConflictInfo> {
  const who = await findUserName(db, current?.updatedBy ?? null);
  return {
    theirs: { value: fieldValue(current, field), words: describeField(template, target, field, current, locale), revision: current?.revision ?? 0, who, when: current ? formatMomentDateTime(current.updatedAt, locale) : '' },
    yours: { value: fieldValue(mine, field), words: describeField(template, target, field, mine, locale) },
  };
}

export type { Section };
