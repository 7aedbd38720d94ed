/**
 * The editor's changes to a draft template, as pure functions on a copy of the definition.
 *
 * Each edit names its target by key (not by position), so it applies to whatever the draft
 * holds now: when someone else saved in between, their other changes are kept. An edit may
 * leave the definition invalid on purpose (an empty title, a norm option that no longer
 * exists); the caller checks the result with the same checks as a file import
 * (check-definition.ts) and shows the mistakes next to the fields.
 */
import type { TemplatePath } from '../format/validate-template-references.js';
import type { Item, Scale, TemplateDefinition } from '../model/template.js';

/** A change the editor refuses outright (not a field mistake), e.g. removing a scale in use. */
export class EditRefused extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'EditRefused';
  }
}

/** Raw values from a form: may be invalid; the whole definition is checked after the edit. */
export type RawObject = Record<string, unknown>;

export interface TemplateEdit {
  /** Audit action suffix, e.g. "item.update". */
  action: string;
  /** The key of what is changed, for the audit log. */
  target: string;
  /**
   * Changes `draft` in place; returns where the edited object now sits, so that
   * check errors under that path can be shown next to the form's fields.
   */
  apply(draft: TemplateDefinition): TemplatePath | null;
}

type Direction = 'up' | 'down';

function sectionIndex(draft: TemplateDefinition, sectionKey: string): number {
  const index = draft.sections.findIndex((section) => section.key === sectionKey);
  if (index < 0) throw new EditRefused(`Onderdeel "${sectionKey}" bestaat niet (meer) in deze conceptversie.`);
  return index;
}

function itemPosition(draft: TemplateDefinition, itemKey: string): [number, number] {
  for (const [s, section] of draft.sections.entries()) {
    const i = section.items.findIndex((item) => item.key === itemKey);
    if (i >= 0) return [s, i];
  }
  throw new EditRefused(`Vraag "${itemKey}" bestaat niet (meer) in deze conceptversie.`);
}

function scaleIndex(draft: TemplateDefinition, scaleKey: string): number {
  const index = draft.scales.findIndex((scale) => scale.key === scaleKey);
  if (index < 0) throw new EditRefused(`Schaal "${scaleKey}" bestaat niet (meer) in deze conceptversie.`);
  return index;
}

function move<T>(list: T[], index: number, direction: Direction): void {
  const target = direction === 'up' ? index - 1 : index + 1;
  if (target < 0 || target >= list.length) return; // already first/last: nothing to do
  const [entry] = list.splice(index, 1);
  list.splice(target, 0, entry as T);
}

/** Leaves out undefined values, so the stored JSON has no empty fields. */
function compact(source: RawObject): RawObject {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined));
}

export function updateGeneral(fields: { name: unknown; description: unknown; sector: unknown; nationalSet?: RawObject | undefined; welcome: RawObject }): TemplateEdit {
  return {
    action: 'general.update',
    target: 'template',
    apply(draft) {
      const raw = draft as unknown as RawObject;
      raw['name'] = fields.name;
      raw['description'] = fields.description;
      raw['sector'] = fields.sector;
      raw['welcome'] = compact(fields.welcome);
      if (fields.description === undefined) delete raw['description'];
      // Clearing the national set is refused by the checks while items still come from it.
      if (fields.nationalSet === undefined) delete raw['nationalSet'];
      else raw['nationalSet'] = fields.nationalSet;
      return [];
    },
  };
}

/** "nieuw" and "overnemen" are addresses of editor pages (…/schalen/nieuw, …/schalen/overnemen), so they cannot be keys there. */
function refuseReservedKey(key: unknown, field = 'key'): void {
  if (key === 'nieuw' || key === 'overnemen') throw new EditRefused(`De sleutel "${String(key)}" is gereserveerd; kies een andere sleutel.`, field);
}

export function addSection(section: RawObject): TemplateEdit {
  return {
    action: 'section.add',
    target: String(section['key'] ?? ''),
    apply(draft) {
      refuseReservedKey(section['key']);
      (draft.sections as unknown[]).push(compact({ ...section, items: [] }));
      return ['sections', draft.sections.length - 1];
    },
  };
}

export function updateSection(sectionKey: string, fields: RawObject): TemplateEdit {
  return {
    action: 'section.update',
    target: sectionKey,
    apply(draft) {
      const index = sectionIndex(draft, sectionKey);
      const current = draft.sections[index]!;
      (draft.sections as unknown[])[index] = compact({ key: current.key, ...fields, items: current.items });
      return ['sections', index];
    },
  };
}

export function moveSection(sectionKey: string, direction: Direction): TemplateEdit {
  return {
    action: `section.move-${direction}`,
    target: sectionKey,
    apply(draft) {
      move(draft.sections, sectionIndex(draft, sectionKey), direction);
      return null;
    },
  };
}

export function removeSection(sectionKey: string): TemplateEdit {
  return {
    action: 'section.remove',
    target: sectionKey,
    apply(draft) {
      draft.sections.splice(sectionIndex(draft, sectionKey), 1);
      return null;
    },
  };
}

export function addItem(sectionKey: string, item: RawObject): TemplateEdit {
  return {
    action: 'item.add',
    target: String(item['key'] ?? ''),
    apply(draft) {
      const s = sectionIndex(draft, sectionKey);
      (draft.sections[s]!.items as unknown[]).push(compact(item));
      return ['sections', s, 'items', draft.sections[s]!.items.length - 1];
    },
  };
}

/** Replaces an item's fields (its key stays); moves it to the end of `sectionKey` when that is another section. */
export function updateItem(itemKey: string, fields: RawObject, sectionKey: string): TemplateEdit {
  return {
    action: 'item.update',
    target: itemKey,
    apply(draft) {
      const [s, i] = itemPosition(draft, itemKey);
      const updated = compact({ ...fields, key: itemKey }) as unknown as Item;
      const target = sectionIndex(draft, sectionKey);
      if (target === s) {
        draft.sections[s]!.items[i] = updated;
        return ['sections', s, 'items', i];
      }
      draft.sections[s]!.items.splice(i, 1);
      draft.sections[target]!.items.push(updated);
      return ['sections', target, 'items', draft.sections[target]!.items.length - 1];
    },
  };
}

export function moveItem(itemKey: string, direction: Direction): TemplateEdit {
  return {
    action: `item.move-${direction}`,
    target: itemKey,
    apply(draft) {
      const [s, i] = itemPosition(draft, itemKey);
      move(draft.sections[s]!.items, i, direction);
      return null;
    },
  };
}

export function removeItem(itemKey: string): TemplateEdit {
  return {
    action: 'item.remove',
    target: itemKey,
    apply(draft) {
      const [s, i] = itemPosition(draft, itemKey);
      draft.sections[s]!.items.splice(i, 1);
      return null;
    },
  };
}

export function addScale(scale: RawObject): TemplateEdit {
  return {
    action: 'scale.add',
    target: String(scale['key'] ?? ''),
    apply(draft) {
      refuseReservedKey(scale['key']);
      (draft.scales as unknown[]).push(compact(scale));
      return ['scales', draft.scales.length - 1];
    },
  };
}

/** "Schaal overnemen uit…": a copy of another template's scale, under `key` (its own key by default). */
export function copyScale(scale: Scale, key: string | undefined): TemplateEdit {
  const newKey = key ?? scale.key;
  return {
    action: 'scale.copy',
    target: newKey,
    apply(draft) {
      refuseReservedKey(newKey, 'copyKey');
      const existing = draft.scales.find((candidate) => candidate.key === newKey);
      if (existing) {
        throw new EditRefused(
          `Deze conceptversie heeft al een schaal met sleutel "${newKey}" ("${existing.name}"). Geef de overgenomen schaal een andere sleutel.`,
          'copyKey',
        );
      }
      draft.scales.push({ ...structuredClone(scale), key: newKey });
      return ['scales', draft.scales.length - 1];
    },
  };
}

export function updateScale(scaleKey: string, fields: { name: unknown; options: RawObject[] }): TemplateEdit {
  return {
    action: 'scale.update',
    target: scaleKey,
    apply(draft) {
      const index = scaleIndex(draft, scaleKey);
      (draft.scales as unknown[])[index] = { key: scaleKey, name: fields.name, options: fields.options.map(compact) };
      return ['scales', index];
    },
  };
}

/** Items that answer with this scale. */
export function itemsUsingScale(template: TemplateDefinition, scaleKey: string): Item[] {
  return template.sections.flatMap((section) => section.items.filter((item) => item.scale === scaleKey));
}

export function removeScale(scaleKey: string): TemplateEdit {
  return {
    action: 'scale.remove',
    target: scaleKey,
    apply(draft) {
      const users = itemsUsingScale(draft, scaleKey);
      if (users.length > 0) {
        const names = users.slice(0, 5).map((item) => `"${item.title}"`).join(', ');
        throw new EditRefused(
          `Schaal "${scaleKey}" wordt nog gebruikt door ${users.length === 1 ? 'de vraag' : `${users.length} vragen, waaronder`} ${names}. Kies bij die vragen eerst een andere schaal of verwijder ze; daarna kunt u de schaal verwijderen.`,
        );
      }
      draft.scales.splice(scaleIndex(draft, scaleKey), 1);
      return null;
    },
  };
}
