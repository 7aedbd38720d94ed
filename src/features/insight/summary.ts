/**
 * Reading the per-profile summary (schema.ts `answer_summaries`, docs/decisions/0024-insight-summary-per-profile.md):
 * the views ask "what is this school's stored status / chosen option on this item" and get the same answer the
 * school's answer row would give, from one short row per school. The packing is decided in the migration's
 * triggers; `itemSlots` must number the items exactly as they do (questionnaire order, a repeated key keeps its
 * first place), and test/insight-summary.test.ts checks the decoded summary against the raw answer rows.
 */
import type { DbOrTx } from '../../db/client.js';
import { loadTemplateDefinition } from '../questionnaire/template-cache.js';
import type { StoredNormStatus } from '../templates/model/answer.js';
import { findScale, listItems, type TemplateDefinition } from '../templates/model/template.js';
import type { CoverageCount, StoredCell } from './figures.js';
import { listAnswerSummaries, type AnswerValueRow, type InsightSchool } from './repository.js';


const STORED: Array<StoredNormStatus | null> = [null, 'meets', 'below', 'cannot-judge'];
/**
 * The 32 status codes, decoded once: chr(48 + swv × 8 + national × 2 + ambition). Code 0 is a row without any status
 * or ambition (a cleared answer: "not answered", as its row reads); '/' (code -1, no row) finds no entry: no cell.
 */
const DECODED: Array<StoredCell | undefined> = Array.from({ length: 32 }, (_, code) =>
  Object.freeze({ normStatus: STORED[code >> 3]!, nationalNormStatus: STORED[(code >> 1) & 3]!, hasAmbition: (code & 1) === 1 }),
);

/** The stored cell at one slot of a packed `statuses` string (undefined without an answer row), for readers of raw summary rows. */
export function decodeStatus(statuses: string, slot: number): StoredCell | undefined {
  return DECODED[statuses.charCodeAt(slot) - 48];
}

export interface ItemSlots {
  slotOf: Map<string, number>;
  /** Per slot, the option values of the item's scale (null without one). */
  options: Array<string[] | null>;
}

const slotCache = new WeakMap<TemplateDefinition, ItemSlots>();

/** Every item's position in the packed strings of a profile on this template version (as the migration numbers them). */
export function itemSlots(template: TemplateDefinition): ItemSlots {
  const cached = slotCache.get(template);
  if (cached) return cached;
  const slotOf = new Map<string, number>();
  const options: Array<string[] | null> = [];
  for (const { item } of listItems(template)) {
    if (slotOf.has(item.key)) continue;
    slotOf.set(item.key, options.length);
    options.push(item.scale ? (findScale(template, item.scale)?.options.map((option) => option.value) ?? null) : null);
  }
  const slots = { slotOf, options };
  slotCache.set(template, slots);
  return slots;
}

export interface PackedSchool {
  slots: ItemSlots;
  statuses: string;
  choices: string;
  lastSavedAt: Date | null;
}

/** The summaries of a set of schools in one year, by school. */
export class SchoolSummaries {
  constructor(private readonly bySchool: Map<string, PackedSchool>) {}

  /** The school's answer row on the item as the views read it; undefined when it has none (not answered). */
  cell(schoolId: string, itemKey: string): StoredCell | undefined {
    const packed = this.bySchool.get(schoolId);
    if (!packed) return undefined;
    const slot = packed.slots.slotOf.get(itemKey);
    if (slot === undefined) return undefined;
    return decodeStatus(packed.statuses, slot);
  }

  /** The option the school chose on the item (a single string answer that is one of its scale's options), or null. */
  choice(schoolId: string, itemKey: string): string | null {
    const packed = this.bySchool.get(schoolId);
    if (!packed) return null;
    const slot = packed.slots.slotOf.get(itemKey);
    if (slot === undefined) return null;
    const index = packed.choices.charCodeAt(slot) - 48;
    return index >= 0 ? (packed.slots.options[slot]?.[index] ?? null) : null;
  }

  /** The school's packed row (SummaryColumns reads it column by column). */
  packedOf(schoolId: string): PackedSchool | undefined {
    return this.bySchool.get(schoolId);
  }

  /** When the school last saved an answer itself (not carried over), or null. */
  lastSavedAt(schoolId: string): Date | null {
    return this.bySchool.get(schoolId)?.lastSavedAt ?? null;
  }
}

/** The summaries of these schools' profiles (one query; templates from the cache). */
export async function loadSchoolSummaries(db: DbOrTx, partnershipId: string, schoolYear: string, schools: InsightSchool[]): Promise<SchoolSummaries> {
  const schoolOf = new Map<string, string>();
  for (const school of schools) if (school.profileId) schoolOf.set(school.profileId, school.id);
  const rows = await listAnswerSummaries(db, partnershipId, schoolYear, [...schoolOf.keys()]);
  const slotsOf = new Map<string, ItemSlots>();
  for (const versionId of new Set(rows.map((row) => row.templateVersionId))) slotsOf.set(versionId, itemSlots(await loadTemplateDefinition(db, versionId)));
  const bySchool = new Map<string, PackedSchool>();
  for (const row of rows) {
    bySchool.set(schoolOf.get(row.profileId)!, { slots: slotsOf.get(row.templateVersionId)!, statuses: row.statuses, choices: row.choices, lastSavedAt: row.lastSavedAt });
  }
  return new SchoolSummaries(bySchool);
}

/** Per group (district or board), coverage item and chosen option: how many of these schools. */
export function countCoverageFromSummaries(summaries: SchoolSummaries, schools: InsightSchool[], itemKeys: string[], by: 'district' | 'board'): CoverageCount[] {
  // Counted per template version, group and item in arrays indexed by the option's character (7,000 schools × 118
  // items are 826,000 cells: one map lookup per school, none per cell); option values only for the few non-zero counts.
  const perVersion = new Map<ItemSlots, { slotsOfItems: Array<number | undefined>; perGroup: Map<string | null, Uint32Array[]> }>();
  for (const school of schools) {
    const packed = summaries.packedOf(school.id);
    if (!packed) continue;
    let version = perVersion.get(packed.slots);
    if (!version) perVersion.set(packed.slots, (version = { slotsOfItems: itemKeys.map((key) => packed.slots.slotOf.get(key)), perGroup: new Map() }));
    const groupId = by === 'board' ? school.boardId : school.districtId;
    let perItem = version.perGroup.get(groupId);
    if (!perItem) {
      const slotsOfItems = version.slotsOfItems;
      perItem = itemKeys.map((_, index) => new Uint32Array(packed.slots.options[slotsOfItems[index] ?? -1]?.length ?? 0));
      version.perGroup.set(groupId, perItem);
    }
    const { choices } = packed;
    for (let index = 0; index < itemKeys.length; index++) {
      const slot = version.slotsOfItems[index];
      if (slot === undefined) continue;
      const option = choices.charCodeAt(slot) - 48;
      const counts = perItem[index]!;
      if (option >= 0 && option < counts.length) counts[option]! += 1;
    }
  }
  const merged = new Map<string, CoverageCount>();
  for (const [slots, { slotsOfItems, perGroup }] of perVersion) {
    for (const [groupId, perItem] of perGroup) {
      perItem.forEach((counts, index) => {
        counts.forEach((n, option) => {
          if (n === 0) return;
          const itemKey = itemKeys[index]!;
          const value = slots.options[slotsOfItems[index]!]![option]!;
          const key = `${groupId}\u0000${itemKey}\u0000${value}`;
          const entry = merged.get(key);
          if (entry) entry.schools += n;
          else merged.set(key, { groupId, itemKey, value, schools: n });
        });
      });
    }
  }
  return [...merged.values()];
}

/** The schools that chose one of the given (item, option) answers: who offers what at school level. */
export function schoolsWithChoice(summaries: SchoolSummaries, schools: InsightSchool[], pairs: Array<{ itemKey: string; value: string }>): AnswerValueRow[] {
  const rows: AnswerValueRow[] = [];
  for (const { itemKey, value } of pairs) {
    for (const school of schools) if (summaries.choice(school.id, itemKey) === value) rows.push({ schoolId: school.id, itemKey, value, ambition: null });
  }
  return rows;
}

/**
 * A status class per cell for year over year, from the packed code alone (as cellStatus reads the SWV norm):
 * 0 not judged (no row, or no status and no ambition), 1 meets, 2 below (with or without an ambition, or only an
 * ambition), 3 cannot judge.
 */
export const SWV_CLASS = { none: 0, meets: 1, below: 2, cannotJudge: 3 } as const;
const SWV_CLASS_OF_CODE = Uint8Array.from({ length: 32 }, (_, code) => {
  if (code === 0) return SWV_CLASS.none;
  const swv = code >> 3;
  if (swv === 0) return (code & 1) === 1 ? SWV_CLASS.below : SWV_CLASS.none;
  return swv === 1 ? SWV_CLASS.meets : swv === 2 ? SWV_CLASS.below : SWV_CLASS.cannotJudge;
});

/**
 * The summaries of a fixed list of schools, in its order: a column of one item for all of them is one character
 * read per school, without a map lookup or a decoded object per cell (year over year at 7,000 schools reads
 * ~150 items × 7,000 schools × 2 years).
 */
export class SummaryColumns {
  private readonly packed: Array<PackedSchool | undefined>;
  constructor(summaries: SchoolSummaries, schoolIds: string[]) {
    this.packed = schoolIds.map((id) => summaries.packedOf(id));
  }

  /** Per school of the list, its SWV_CLASS on the item. */
  swvClasses(itemKey: string): Uint8Array {
    const classes = new Uint8Array(this.packed.length);
    let slots: ItemSlots | undefined;
    let slot: number | undefined;
    for (let index = 0; index < this.packed.length; index++) {
      const packed = this.packed[index];
      if (!packed) continue;
      // Schools on the same template version share one ItemSlots: look the slot up again only when it changes.
      if (packed.slots !== slots) {
        slots = packed.slots;
        slot = slots.slotOf.get(itemKey);
      }
      if (slot === undefined) continue;
      classes[index] = SWV_CLASS_OF_CODE[packed.statuses.charCodeAt(slot) - 48] ?? SWV_CLASS.none;
    }
    return classes;
  }

  /** Per school of the list, the option it chose on the item (as SchoolSummaries.choice reads it), or null. */
  choices(itemKey: string): Array<string | null> {
    const values = new Array<string | null>(this.packed.length).fill(null);
    let slots: ItemSlots | undefined;
    let slot: number | undefined;
    let options: string[] | null = null;
    for (let index = 0; index < this.packed.length; index++) {
      const packed = this.packed[index];
      if (!packed) continue;
      if (packed.slots !== slots) {
        slots = packed.slots;
        slot = slots.slotOf.get(itemKey);
        options = slot === undefined ? null : (slots.options[slot] ?? null);
      }
      if (slot === undefined || !options) continue;
      const option = packed.choices.charCodeAt(slot) - 48;
      if (option >= 0) values[index] = options[option] ?? null;
    }
    return values;
  }
}

/**
 * countCoverageFromSummaries over SummaryColumns (the schools in the columns' order): per item one column of
 * choices, counted into a typed array per option with the schools' groups numbered once — no map lookups per cell
 * (coverage at 7,000 schools × ~40 items).
 */
export function countCoverageInColumns(columns: SummaryColumns, schools: InsightSchool[], itemKeys: string[], by: 'district' | 'board'): CoverageCount[] {
  const groupIds: Array<string | null> = [];
  const numberOf = new Map<string | null, number>();
  const groupOf = new Int32Array(schools.length);
  schools.forEach((school, index) => {
    const groupId = by === 'board' ? school.boardId : school.districtId;
    let group = numberOf.get(groupId);
    if (group === undefined) {
      group = groupIds.length;
      numberOf.set(groupId, group);
      groupIds.push(groupId);
    }
    groupOf[index] = group;
  });
  const counts: CoverageCount[] = [];
  for (const itemKey of itemKeys) {
    const values = columns.choices(itemKey);
    const perValue = new Map<string, Int32Array>();
    for (let index = 0; index < values.length; index++) {
      const value = values[index];
      if (value === null || value === undefined) continue;
      let perGroup = perValue.get(value);
      if (!perGroup) perValue.set(value, (perGroup = new Int32Array(groupIds.length)));
      perGroup[groupOf[index]!]! += 1;
    }
    for (const [value, perGroup] of perValue) {
      for (let group = 0; group < perGroup.length; group++) if (perGroup[group]! > 0) counts.push({ groupId: groupIds[group]!, itemKey, value, schools: perGroup[group]! });
    }
  }
  return counts;
}

/** schoolsWithChoice over SummaryColumns (the schools in the columns' order). */
export function schoolsWithChoiceInColumns(columns: SummaryColumns, schools: InsightSchool[], pairs: Array<{ itemKey: string; value: string }>): AnswerValueRow[] {
  const rows: AnswerValueRow[] = [];
  for (const { itemKey, value } of pairs) {
    const values = columns.choices(itemKey);
    for (let index = 0; index < values.length; index++) if (values[index] === value) rows.push({ schoolId: schools[index]!.id, itemKey, value, ambition: null });
  }
  return rows;
}
