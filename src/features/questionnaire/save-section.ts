/**
 * Saves a whole section posted without JavaScript: every valid field is saved, each invalid one
 * gets its own message, and an item changed meanwhile by someone else is not overwritten
 * (its conflict is returned with both values). What was typed always comes back for the re-render.
 */
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { profileEditability } from '../cycle/editability.js';
import { getCycleFor } from '../cycle/repository.js';
import { isAnswered, type Ambition, type Answer } from '../templates/model/answer.js';
import type { Item, Section, TemplateDefinition } from '../templates/model/template.js';
import { checkParentTextFits } from '../documents/check-poster-fit.js';
import { applyChange, sameAnswer, type AnswerField, type ChangeTarget } from './answer-change.js';
import { findUserName, LIMITS_KEY_PREFIX, listAnswerStates, writeAnswer, type AnswerState } from './answers-repository.js';
import { markProfileInProgress, getProfile } from './profiles-repository.js';
import { describeField, formatDateTime, type ConflictInfo } from './save-answer.js';
import { loadTemplateDefinition } from './template-cache.js';
import { itemFieldNames, type ItemFieldAnswer } from './views/item-field.js';

/** The form field of a section's "Wat kan de school niet" text. */
export const LIMITS_FIELD = '_limits';

export type PostedForm = Record<string, string | string[]>;

export interface SaveSectionResult {
  /** Errors by form field name. */
  errors: Record<string, string>;
  /** Conflicts by item key (or LIMITS_FIELD). */
  conflicts: Record<string, ConflictInfo>;
  /** What the form shows now: the posted values, with the revision to post next. */
  shown: Record<string, ItemFieldAnswer>;
  limits: { value: string; revision: number };
  savedCount: number;
}

export async function saveSection(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  profileId: string;
  sectionKey: string;
  form: PostedForm;
}): Promise<SaveSectionResult> {
  const { db, auth, form } = options;
  if (auth.permission !== 'profile.edit') throw new AppError('forbidden');
  const profile = await getProfile(db, options.profileId);
  if (!profile || auth.scope.level !== 'school' || profile.schoolId !== auth.scope.schoolId) throw new AppError('not_found');
  const now = options.clock.now();
  const cycle = await getCycleFor(db, profile.partnershipId, profile.schoolYear);
  const editability = profileEditability({ status: profile.status, opensOn: cycle?.opensOn ?? null, closesOn: cycle?.closesOn ?? null, now });
  if (!editability.editable) throw new AppError('invalid_state', editability.message);
  const template = await loadTemplateDefinition(db, profile.templateVersionId);
  const section = template.sections.find((candidate) => candidate.key === options.sectionKey);
  if (!section) throw new AppError('not_found');
  const stored = await listAnswerStates(db, profile.id);

  const result: SaveSectionResult = { errors: {}, conflicts: {}, shown: {}, limits: { value: '', revision: 0 }, savedCount: 0 };
  let started = false;

  const persist = async (storedKey: string, target: ChangeTarget, current: AnswerState | null, next: Answer & { meetsNorm: boolean | null; meetsNationalNorm?: boolean | null }, baseRevision: number, conflictField: AnswerField) => {
    if (current && sameAnswer(current, next)) return current.revision;
    if (!current && sameAnswer(null, next)) return 0; // nothing typed for a new item: no empty row
    if ((current?.revision ?? 0) !== baseRevision) {
      result.conflicts[storedKey.startsWith(LIMITS_KEY_PREFIX) ? LIMITS_FIELD : storedKey] = await conflictOf(db, template, target, conflictField, current, next);
      return current?.revision ?? 0;
    }
    const written = await writeAnswer(db, {
      profileId: profile.id,
      itemKey: storedKey,
      partnershipId: profile.partnershipId,
      schoolYear: profile.schoolYear,
      answer: next,
      baseRevision,
      before: current,
      userId: auth.principal.userId,
      at: now,
    });
    if (!written) {
      const fresh = (await listAnswerStates(db, profile.id)).get(storedKey) ?? null;
      result.conflicts[storedKey.startsWith(LIMITS_KEY_PREFIX) ? LIMITS_FIELD : storedKey] = await conflictOf(db, template, target, conflictField, fresh, next);
      return fresh?.revision ?? 0;
    }
    result.savedCount += 1;
    started = true;
    return written.revision;
  };

  for (const item of section.items) {
    const names = itemFieldNames(item);
    const current = stored.get(item.key) ?? null;
    const baseRevision = toRevision(form[names.revision], current?.revision ?? 0);
    const target: ChangeTarget = { kind: 'item', section, item };
    const posted = postedAnswer(item, form, current);
    let next: Answer = current ? { value: current.value, ambition: current.ambition, parentText: current.parentText } : { value: null, ambition: null, parentText: null };
    let changedField: AnswerField = 'value';
    let meetsNorm: boolean | null = null;
    let meetsNationalNorm: boolean | null = null;
    const fields: Array<[AnswerField, unknown, string]> = [['value', posted.value, names.value]];
    if (item.ambition) fields.push(['ambition', posted.ambition, names.ambition]);
    if (item.parentTextEditable) fields.push(['parentText', posted.parentText, names.parentText]);
    for (const [field, raw, name] of fields) {
      const applied = applyChange(template, target, next, field, raw);
      if (!applied.ok) {
        result.errors[name] = applied.message;
        continue;
      }
      if (field === 'parentText' && item.posters.parent && applied.answer.parentText !== (current?.parentText ?? null)) {
        // The parent poster must stay one page: refuse a text that cannot fit (documents capability).
        const fits = await checkParentTextFits({ db, clock: options.clock, profileId: profile.id, itemKey: item.key, parentText: applied.answer.parentText });
        if (!fits.ok) {
          result.errors[name] = fits.message;
          continue;
        }
      }
      if (!sameAnswer(next, applied.answer)) changedField = field;
      next = applied.answer;
      meetsNorm = applied.answer.meetsNorm;
      meetsNationalNorm = applied.answer.meetsNationalNorm;
    }
    const revision = await persist(item.key, target, current, { ...next, meetsNorm, meetsNationalNorm }, baseRevision, changedField);
    result.shown[item.key] = { value: posted.shownValue, ambition: posted.shownAmbition, parentText: posted.parentText ?? null, revision: result.conflicts[item.key] ? result.conflicts[item.key]!.theirs.revision : revision };
  }

  if (section.asksLimits) {
    const storedKey = `${LIMITS_KEY_PREFIX}${section.key}`;
    const current = stored.get(storedKey) ?? null;
    const raw = typeof form[LIMITS_FIELD] === 'string' ? (form[LIMITS_FIELD] as string) : '';
    const baseRevision = toRevision(form[`${LIMITS_FIELD}.revision`], current?.revision ?? 0);
    const target: ChangeTarget = { kind: 'limits', section };
    const applied = applyChange(template, target, current, 'limits', raw);
    let revision = current?.revision ?? 0;
    if (!applied.ok) result.errors[LIMITS_FIELD] = applied.message;
    else revision = await persist(storedKey, target, current, applied.answer, baseRevision, 'limits');
    result.limits = { value: raw, revision: result.conflicts[LIMITS_FIELD] ? result.conflicts[LIMITS_FIELD]!.theirs.revision : revision };
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

function toRevision(raw: string | string[] | undefined, fallback: number): number {
  const text = Array.isArray(raw) ? raw[0] : raw;
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : fallback;
}

/** Reads one item's posted fields. An unticked checkbox group posts nothing: "none" only if it was answered before. */
function postedAnswer(item: Item, form: PostedForm, current: AnswerState | null) {
  const names = itemFieldNames(item);
  const rawValue = form[names.value];
  let value: unknown;
  if (item.kind === 'partners') {
    value = rawValue === undefined ? (isAnswered(current?.value) ? [] : null) : Array.isArray(rawValue) ? rawValue : [rawValue];
  } else {
    value = Array.isArray(rawValue) ? rawValue[0] : (rawValue ?? null);
  }
  const single = (name: string) => {
    const raw = form[name];
    return (Array.isArray(raw) ? raw[0] : raw) ?? '';
  };
  let ambition: Ambition | null = null;
  if (item.ambition && single(names.ambition)) {
    ambition = {};
    const target = single(names.ambitionTarget);
    const year = single(names.ambitionYear);
    if (target) ambition.target = target;
    if (year) ambition.schoolYear = year;
  }
  const parentText = item.parentTextEditable ? single(names.parentText) : undefined;
  const shownValue: ItemFieldAnswer['value'] =
    value === null || value === undefined ? null : Array.isArray(value) ? (value as string[]) : (value as string);
  return { value, ambition, parentText, shownValue, shownAmbition: ambition };
}

async function conflictOf(db: Database, template: TemplateDefinition, target: ChangeTarget, field: AnswerField, current: AnswerState | null, mine: Answer): Promise<ConflictInfo> {
  const who = await findUserName(db, current?.updatedBy ?? null);
  return {
    theirs: { value: null, words: describeField(template, target, field, current), revision: current?.revision ?? 0, who, when: current ? formatDateTime(current.updatedAt) : '' },
    yours: { value: null, words: describeField(template, target, field, mine) },
  };
}

export type { Section };
