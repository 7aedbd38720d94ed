/**
 * What changed between two versions of a template, per item key, and whether
 * a school's answer may be carried over into the new version (docs/domain.md:
 * "a new version for a new cycle keeps the answers of unchanged items").
 */
import type { AnswerValue } from './answer.js';
import { findScale, type Item, type Scale, type TemplateDefinition } from './template.js';
import { maxTextLength, validateAnswerValue } from './validate-answer.js';

export type ItemDiffStatus = 'new' | 'changed' | 'removed' | 'unchanged';

/**
 * - `option-texts`: labels, descriptions or order of the scale's options changed (values the same);
 * - `options-added` / `options-removed`: option values were added to / removed from the scale;
 * - `limits-widened` / `limits-narrowed`: min, max or maxLength allow more / fewer answers
 *   (a range that moved both ways counts as narrowed: some old answers may no longer fit);
 * - `unit`: the unit of a number changed;
 * - `section`: the item moved to another section;
 * - `help`: the explanation around the question changed (its help text or hint);
 * - `details`: anything else (parent text, posters, ambition, an option's `notOffered`, …).
 */
export type ItemChange =
  | 'title'
  | 'kind'
  | 'scale'
  | 'norm'
  | 'option-texts'
  | 'options-added'
  | 'options-removed'
  | 'limits-widened'
  | 'limits-narrowed'
  | 'unit'
  | 'section'
  | 'help'
  | 'details';

/**
 * What happens to a school's answer when the item changes like this (docs/template-format.md,
 * "Een nieuwe versie voor een nieuw schooljaar"; the carry-over decision of issue 10: fixing a typo must
 * not reopen an item for every school):
 * - `keep`: carried over as it is (unchanged, or only norm, section or details around it changed);
 * - `check`: only the wording changed (title, help text or hint): carried over and marked "Gewijzigd –
 *   controleer uw antwoord", which the school confirms with one click;
 * - `open`: what can be answered changed, every old answer still valid (option labels changed, options
 *   added, range widened, unit changed): left open, with last year's answer shown to take over;
 * - `if-valid`: left open too, and the old answer may no longer fit (an option removed, a range
 *   narrowed, another scale);
 * - `none`: never carried over (a new or removed item, or another kind of item).
 */
export type AnswerCarryOver = 'keep' | 'check' | 'open' | 'if-valid' | 'none';

export interface ItemDiff {
  key: string;
  status: ItemDiffStatus;
  /** Section key in the next version (in the previous one for removed items). */
  sectionKey: string;
  title: string;
  /** Only for `changed`: what changed, in a fixed order. */
  changes: ItemChange[];
  /** What happens to the schools' answers to this item. */
  carryOver: AnswerCarryOver;
}

export interface TemplateVersionDiff {
  /** Items in the order of the next version, followed by removed items. */
  items: ItemDiff[];
  counts: Record<ItemDiffStatus, number>;
}

export function diffTemplateVersions(previous: TemplateDefinition, next: TemplateDefinition): TemplateVersionDiff {
  const previousItems = indexItems(previous);
  const nextItems = indexItems(next);
  const items: ItemDiff[] = [];

  for (const [key, current] of nextItems) {
    const before = previousItems.get(key);
    if (!before) {
      items.push({ key, status: 'new', sectionKey: current.sectionKey, title: current.item.title, changes: [], carryOver: 'none' });
      continue;
    }
    const changes = compareItems(
      { ...before, scale: findScale(previous, before.item.scale) },
      { ...current, scale: findScale(next, current.item.scale) },
    );
    items.push({
      key,
      status: changes.length > 0 ? 'changed' : 'unchanged',
      sectionKey: current.sectionKey,
      title: current.item.title,
      changes,
      carryOver: carryOverFor(changes),
    });
  }
  for (const [key, before] of previousItems) {
    if (!nextItems.has(key)) {
      items.push({ key, status: 'removed', sectionKey: before.sectionKey, title: before.item.title, changes: [], carryOver: 'none' });
    }
  }

  const counts: Record<ItemDiffStatus, number> = { new: 0, changed: 0, removed: 0, unchanged: 0 };
  for (const item of items) counts[item.status] += 1;
  return { items, counts };
}

const DROPS: ReadonlySet<ItemChange> = new Set(['kind']);
const MAY_INVALIDATE: ReadonlySet<ItemChange> = new Set(['scale', 'options-removed', 'limits-narrowed']);
const LEAVES_OPEN: ReadonlySet<ItemChange> = new Set(['option-texts', 'options-added', 'limits-widened', 'unit']);
const ASKS_CHECK: ReadonlySet<ItemChange> = new Set(['title', 'help']);

export function carryOverFor(changes: readonly ItemChange[]): AnswerCarryOver {
  if (changes.some((change) => DROPS.has(change))) return 'none';
  if (changes.some((change) => MAY_INVALIDATE.has(change))) return 'if-valid';
  if (changes.some((change) => LEAVES_OPEN.has(change))) return 'open';
  if (changes.some((change) => ASKS_CHECK.has(change))) return 'check';
  return 'keep';
}

/**
 * May an answer given to `previousItem` be prefilled for `nextItem`? Yes when the
 * key and kind are the same and the value is still a valid answer in the next
 * version (option still in the scale, number in range, text not too long).
 * The next template is needed to look up the item's scale.
 */
export function canCarryOverAnswer(
  previousItem: Item,
  nextItem: Item,
  value: AnswerValue | null | undefined,
  nextTemplate: TemplateDefinition,
): boolean {
  if (value === null || value === undefined) return false;
  if (previousItem.key !== nextItem.key || previousItem.kind !== nextItem.kind) return false;
  const checked = validateAnswerValue(nextTemplate, nextItem, value);
  // A value the check would change (e.g. reorder) still carries over; one it clears does not.
  return checked.ok && checked.value !== null;
}

interface IndexedItem {
  sectionKey: string;
  item: Item;
}

function indexItems(template: TemplateDefinition): Map<string, IndexedItem> {
  const index = new Map<string, IndexedItem>();
  for (const section of template.sections) {
    for (const item of section.items) index.set(item.key, { sectionKey: section.key, item });
  }
  return index;
}

const LIMIT_FIELDS = ['min', 'max', 'unit', 'maxLength'] as const;
const COMPARED_ELSEWHERE = new Set<string>(['key', 'title', 'kind', 'scale', 'norm', 'help', 'hint', ...LIMIT_FIELDS]);

function compareItems(
  before: IndexedItem & { scale: Scale | undefined },
  after: IndexedItem & { scale: Scale | undefined },
): ItemChange[] {
  const a = before.item;
  const b = after.item;
  const changes: ItemChange[] = [];
  if (a.title !== b.title) changes.push('title');
  if (a.kind !== b.kind) changes.push('kind');
  if (a.scale !== b.scale) changes.push('scale');
  if (!isEqual(a.norm, b.norm)) changes.push('norm');
  let optionMeaningChanged = false;
  // Options are compared only when the item keeps its scale; another scale is `scale` already.
  if (a.scale === b.scale && !isEqual(before.scale?.options, after.scale?.options)) {
    const oldValues = (before.scale?.options ?? []).map((option) => option.value);
    const newValues = (after.scale?.options ?? []).map((option) => option.value);
    const added = newValues.some((value) => !oldValues.includes(value));
    const removed = oldValues.some((value) => !newValues.includes(value));
    const kept = (options: Scale['options'] | undefined) =>
      (options ?? []).filter((option) => oldValues.includes(option.value) && newValues.includes(option.value));
    // "Not offered" changes what the posters say, not what the school answered: no reason to re-check it.
    const texts = (options: Scale['options'] | undefined) => kept(options).map(({ notOffered: _meaning, ...option }) => option);
    if (!isEqual(texts(before.scale?.options), texts(after.scale?.options))) changes.push('option-texts');
    else if (!isEqual(kept(before.scale?.options), kept(after.scale?.options))) optionMeaningChanged = true;
    if (added) changes.push('options-added');
    if (removed) changes.push('options-removed');
  }
  const limits = compareLimits(a, b);
  if (limits) changes.push(limits);
  if (a.unit !== b.unit) changes.push('unit');
  if (before.sectionKey !== after.sectionKey) changes.push('section');
  if (a.help !== b.help || a.hint !== b.hint) changes.push('help');
  const otherFields = new Set([...Object.keys(a), ...Object.keys(b)].filter((field) => !COMPARED_ELSEWHERE.has(field)));
  const record = (item: Item) => item as unknown as Record<string, unknown>;
  if (optionMeaningChanged || [...otherFields].some((field) => !isEqual(record(a)[field], record(b)[field]))) changes.push('details');
  return changes;
}

/**
 * Whether the bounds allow more answers (widened), fewer (narrowed), or are the same (null).
 * An absent bound is no bound: removing `max` widens, adding one narrows.
 */
function compareLimits(a: Item, b: Item): 'limits-widened' | 'limits-narrowed' | null {
  let widened = false;
  let narrowed = false;
  const lower = (before: number | undefined, after: number | undefined) => {
    if (before === after) return;
    if (after === undefined || (before !== undefined && after < before)) widened = true;
    else narrowed = true;
  };
  const upper = (before: number | undefined, after: number | undefined) => {
    if (before === after) return;
    if (after === undefined || (before !== undefined && after > before)) widened = true;
    else narrowed = true;
  };
  lower(a.min, b.min);
  upper(a.max, b.max);
  // Text length: compare the effective maximum (300 or 4000 when the item sets none).
  const isText = (item: Item) => item.kind === 'text' || item.kind === 'longtext';
  if (isText(a) && isText(b)) upper(maxTextLength(a), maxTextLength(b));
  if (narrowed) return 'limits-narrowed';
  return widened ? 'limits-widened' : null;
}

/** Structural equality for plain template data (no functions, no cycles). Key order does not matter. */
function isEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, index) => isEqual(value, b[index]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => isEqual(left[key], right[key]));
}

/**
 * Changed items the school should look at again: a carried-over answer to confirm (`check`), or an item
 * left open with last year's answer beside it (`open`, `if-valid`).
 */
export function itemsToCheck(diff: TemplateVersionDiff): Set<string> {
  return new Set(diff.items.filter((item) => item.status === 'changed' && ['check', 'open', 'if-valid'].includes(item.carryOver)).map((item) => item.key));
}
