/**
 * The arithmetic of the insight views, as pure functions over rows the repository returned (unit-tested in
 * figures.test.ts). Statuses follow the answers' stored norm status (docs/decisions/0004-answers-as-rows.md):
 * "cannot-judge" (Kan niet beoordelen) is its own status everywhere, never counted as meeting or missing the norm.
 */
import { deriveNormStatus } from '../templates/model/answer.js';
import { findScale, listItems, type Item, type ScaleOption, type Section, type TemplateDefinition } from '../templates/model/template.js';
import type { AnswerCell, AnswerValueRow, InsightSchool } from './repository.js';

export const CELL_STATUSES = ['meets', 'below', 'ambition', 'cannot-judge', 'unanswered'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];
export type Tally = Record<CellStatus, number>;
export type NormKind = 'swv' | 'national';

/** Dutch alphabetical order, one collator for every comparison (`localeCompare(b, 'nl')` looks one up per call: 3,000 names cost 100s of ms). */
export const compareDutch = new Intl.Collator('nl').compare;

/** Ascending plain text order (school years like "2027-2028"). */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function emptyTally(): Tally {
  return { meets: 0, below: 0, ambition: 0, 'cannot-judge': 0, unanswered: 0 };
}

export const cellKey = (schoolId: string, itemKey: string) => `${schoolId}\u0000${itemKey}`;

/** A school's status on one normed item: from its stored row, or "not answered" without one. */
/** What the views read of one answer row: its stored statuses and whether it carries an ambition (summary.ts decodes it). */
export type StoredCell = Pick<AnswerCell, 'normStatus' | 'nationalNormStatus' | 'hasAmbition'>;

export function cellStatus(cell: StoredCell | AnswerCell | undefined, which: NormKind): CellStatus {
  const stored = cell ? (which === 'swv' ? cell.normStatus : cell.nationalNormStatus) : null;
  const status = deriveNormStatus(stored, { hasNorm: true, hasAmbition: cell?.hasAmbition ?? false });
  return status === 'no-norm' ? 'unanswered' : status;
}

/** Share (0–1) of judged answers that meet the norm: meets / (meets + below + ambition + cannot judge); null when none. */
export function meetsShare(tally: Tally): number | null {
  const judged = tally.meets + tally.below + tally.ambition + tally['cannot-judge'];
  return judged === 0 ? null : tally.meets / judged;
}

/** Schools below the norm on an item: "below", with or without an ambition to get there. */
export function gapCount(tally: Tally): number {
  return tally.below + tally.ambition;
}

export function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

// ——— Coverage (dekkend netwerk) ———

/**
 * Items that say where an offer or expertise is available. Their scale lists the levels from the school itself to
 * the farthest (docs/template-format.md): the first option is "at school level", options marked `notOffered` mean
 * it is not available at all.
 */
export function coverageItems(template: TemplateDefinition): Array<{ section: Section; item: Item; levels: ScaleOption[] }> {
  return listItems(template).flatMap(({ section, item }) => {
    if (item.kind !== 'availability' && item.kind !== 'expertise') return [];
    const scale = findScale(template, item.scale);
    if (!scale || scale.options.length === 0 || scale.options[0]!.notOffered) return [];
    return [{ section, item, levels: scale.options }];
  });
}

export interface Group {
  /** District or board id; 'none' for schools without a district. */
  id: string;
  name: string;
}

export interface CoverageCell {
  group: Group;
  schools: number;
  /** Schools per option value (the level they offer it at). */
  perLevel: Record<string, number>;
  /** Schools that did not answer the item. */
  unanswered: number;
  /** Schools that offer it at school level (the scale's first option). */
  atSchool: number;
  /** The nearest level any school of the group offers it at (a scale option), or null when none does. */
  nearest: ScaleOption | null;
}

export interface CoverageHole {
  itemKey: string;
  itemTitle: string;
  sectionTitle: string;
  group: Group;
  nearest: ScaleOption | null;
  /** Schools elsewhere in the place that offer it at school level (up to three names). */
  elsewhere: string[];
  elsewhereCount: number;
}

export interface CoverageItem {
  section: Section;
  item: Item;
  levels: ScaleOption[];
  cells: CoverageCell[];
}

export function groupOf(school: InsightSchool, by: 'district' | 'board', noDistrict: string): Group {
  return by === 'board' ? { id: school.boardId, name: school.boardName } : { id: school.districtId ?? 'none', name: school.districtName ?? noDistrict };
}

/** How many schools of a group (district or board; null: no district) gave an item one value: the database's count. */
export interface CoverageCount {
  groupId: string | null;
  itemKey: string;
  /** The chosen option (a string answer), or null for any other answer. */
  value: string | null;
  schools: number;
}

function groupsOf(schools: InsightSchool[], by: 'district' | 'board', noDistrict: string): Array<{ group: Group; schools: InsightSchool[] }> {
  const groups = new Map<string, { group: Group; schools: InsightSchool[] }>();
  for (const school of schools) {
    const group = groupOf(school, by, noDistrict);
    const entry = groups.get(group.id) ?? { group, schools: [] };
    entry.schools.push(school);
    groups.set(group.id, entry);
  }
  return [...groups.values()].sort((a, b) => (a.group.id === 'none' ? 1 : b.group.id === 'none' ? -1 : compareDutch(a.group.name, b.group.name)));
}

/** Per coverage item and per group (district or board): how many schools offer it at which level. */
export function computeCoverage(options: {
  template: TemplateDefinition;
  schools: InsightSchool[];
  values: AnswerValueRow[];
  by: 'district' | 'board';
  noDistrict: string;
}): CoverageItem[] {
  const schoolOf = new Map(options.schools.map((school) => [school.id, school]));
  const counted = new Map<string, CoverageCount>();
  for (const row of options.values) {
    const school = schoolOf.get(row.schoolId);
    if (!school) continue;
    const groupId = options.by === 'board' ? school.boardId : school.districtId;
    const value = typeof row.value === 'string' ? row.value : null;
    const key = `${groupId}\u0000${row.itemKey}\u0000${value}`;
    const entry = counted.get(key) ?? { groupId, itemKey: row.itemKey, value, schools: 0 };
    entry.schools += 1;
    counted.set(key, entry);
  }
  return computeCoverageFromCounts({ ...options, counts: [...counted.values()] });
}

/**
 * The same from counts per group, item and value (the database groups them: a place of 7,000 schools sends a few
 * thousand counts instead of every answer). A school without a known level (not answered, or an answer that is
 * not one of the scale's options) counts as not answered.
 */
export function computeCoverageFromCounts(options: {
  template: TemplateDefinition;
  schools: InsightSchool[];
  counts: CoverageCount[];
  by: 'district' | 'board';
  noDistrict: string;
}): CoverageItem[] {
  // Per item, per group, per value: nested maps, no composed keys (118 items × hundreds of districts × levels).
  const countOf = new Map<string, Map<string, Map<string | null, number>>>();
  for (const row of options.counts) {
    let perGroup = countOf.get(row.itemKey);
    if (!perGroup) countOf.set(row.itemKey, (perGroup = new Map()));
    const groupId = row.groupId ?? 'none';
    let perValue = perGroup.get(groupId);
    if (!perValue) perGroup.set(groupId, (perValue = new Map()));
    perValue.set(row.value, (perValue.get(row.value) ?? 0) + row.schools);
  }
  const ordered = groupsOf(options.schools, options.by, options.noDistrict);
  return coverageItems(options.template).map(({ section, item, levels }) => ({
    section,
    item,
    levels,
    cells: ordered.map(({ group, schools }) => {
      const perLevel: Record<string, number> = {};
      const perValue = countOf.get(item.key)?.get(group.id);
      let answered = 0;
      let nearestIndex = -1;
      levels.forEach((level, index) => {
        const count = perValue?.get(level.value) ?? 0;
        perLevel[level.value] = count;
        answered += count;
        if (count > 0 && !level.notOffered && nearestIndex < 0) nearestIndex = index;
      });
      return { group, schools: schools.length, perLevel, unanswered: schools.length - answered, atSchool: perLevel[levels[0]!.value]!, nearest: nearestIndex >= 0 ? levels[nearestIndex]! : null };
    }),
  }));
}

/** The first `n` names in Dutch alphabetical order, without sorting them all (7,000 offering schools, three shown). */
function firstNames(names: string[], n: number): string[] {
  const first: string[] = [];
  for (const name of names) {
    if (first.length === n && compareDutch(name, first[n - 1]!) >= 0) continue;
    let at = first.length;
    while (at > 0 && compareDutch(name, first[at - 1]!) < 0) at--;
    first.splice(at, 0, name);
    if (first.length > n) first.pop();
  }
  return first;
}

/** The holes: groups where no school offers the item at school level, with the nearest level and where it is offered. */
export function coverageHoles(items: CoverageItem[], schools: InsightSchool[], values: AnswerValueRow[]): CoverageHole[] {
  const nameOf = new Map(schools.map((school) => [school.id, school]));
  const valuesOf = new Map<string, AnswerValueRow[]>();
  for (const row of values) {
    const list = valuesOf.get(row.itemKey) ?? [];
    list.push(row);
    valuesOf.set(row.itemKey, list);
  }
  const holes: CoverageHole[] = [];
  for (const { section, item, levels, cells } of items) {
    if (cells.every((cell) => cell.atSchool > 0)) continue;
    const offering = (valuesOf.get(item.key) ?? []).filter((row) => row.value === levels[0]!.value && nameOf.has(row.schoolId)).map((row) => nameOf.get(row.schoolId)!);
    const elsewhere = firstNames(offering.map((school) => school.name), 3);
    for (const cell of cells) {
      if (cell.atSchool > 0) continue;
      holes.push({ itemKey: item.key, itemTitle: item.title, sectionTitle: section.title, group: cell.group, nearest: cell.nearest, elsewhere, elsewhereCount: offering.length });
    }
  }
  return holes;
}
