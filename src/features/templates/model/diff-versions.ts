/**
 * What changed between two versions of a template, per item key, and whether
 * a school's answer may be carried over into the new version (DOMAIN.md:
 * "a new version for a new cycle keeps the answers of unchanged items").
 */
import type { AnswerValue } from './answer.js';
import { findScale, type Item, type Scale, type TemplateDefinition } from './template.js';
import { validateAnswerValue } from './validate-answer.js';

export type ItemDiffStatus = 'new' | 'changed' | 'removed' | 'unchanged';

/**
 * - `options`: the answer options of the item's scale changed (values or labels);
 * - `limits`: min, max, unit or maxLength changed;
 * - `section`: the item moved to another section;
 * - `details`: anything else (help, hint, parent text, posters, ambition, …).
 */
export type ItemChange = 'title' | 'kind' | 'scale' | 'norm' | 'options' | 'limits' | 'section' | 'details';

export interface ItemDiff {
  key: string;
  status: ItemDiffStatus;
  /** Section key in the next version (in the previous one for removed items). */
  sectionKey: string;
  title: string;
  /** Only for `changed`: what changed, in a fixed order. */
  changes: ItemChange[];
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
      items.push({ key, status: 'new', sectionKey: current.sectionKey, title: current.item.title, changes: [] });
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
    });
  }
  for (const [key, before] of previousItems) {
    if (!nextItems.has(key)) {
      items.push({ key, status: 'removed', sectionKey: before.sectionKey, title: before.item.title, changes: [] });
    }
  }

  const counts: Record<ItemDiffStatus, number> = { new: 0, changed: 0, removed: 0, unchanged: 0 };
  for (const item of items) counts[item.status] += 1;
  return { items, counts };
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
const COMPARED_ELSEWHERE = new Set<string>(['key', 'title', 'kind', 'scale', 'norm', ...LIMIT_FIELDS]);

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
  if (!isEqual(before.scale?.options, after.scale?.options)) changes.push('options');
  if (LIMIT_FIELDS.some((field) => a[field] !== b[field])) changes.push('limits');
  if (before.sectionKey !== after.sectionKey) changes.push('section');
  const otherFields = new Set([...Object.keys(a), ...Object.keys(b)].filter((field) => !COMPARED_ELSEWHERE.has(field)));
  const record = (item: Item) => item as unknown as Record<string, unknown>;
  if ([...otherFields].some((field) => !isEqual(record(a)[field], record(b)[field]))) changes.push('details');
  return changes;
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
