/**
 * The editor's forms ↔ template data. Reading turns posted strings into raw template
 * objects (empty → left out, numbers parsed); the template checks decide what is valid.
 * Writing turns stored data into form values, so GET and a re-shown POST render alike.
 */
import { isSingleChoiceKind, ITEM_KINDS, PUBLIC_SOURCE_KINDS, PUBLIC_SOURCES, type Item, type ItemKind, type Norm, type Scale, type Section, type TemplateDefinition } from '../model/template.js';
import type { RawObject } from './edits.js';
import { uniqueKeyFromTitle } from '../model/key-from-title.js';

export type FormValues = Record<string, string | string[]>;

export function text(values: FormValues, name: string): string | undefined {
  const value = values[name];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.replace(/\r\n/g, '\n').trim();
  return trimmed ? trimmed : undefined;
}

export function list(values: FormValues, name: string): string[] {
  const value = values[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
}

function checked(values: FormValues, name: string): boolean {
  return text(values, name) === 'ja';
}

/** Collects "not a number" errors by field name while reading. */
class NumberReader {
  readonly errors: Record<string, true> = {};
  constructor(private readonly values: FormValues) {}
  read(name: string): number | string | undefined {
    const raw = text(this.values, name);
    if (raw === undefined) return undefined;
    const value = Number(raw.replace(',', '.'));
    if (!Number.isFinite(value)) {
      this.errors[name] = true;
      return raw; // keeps the field invalid; the form shows "not a number"
    }
    return value;
  }
}

// ---------------------------------------------------------------------------
// General (template name, welcome page)

export function generalValues(template: TemplateDefinition): FormValues {
  const values: FormValues = {
    name: template.name,
    description: template.description ?? '',
    sector: template.sector,
    welcomeTitle: template.welcome.title,
    welcomeIntro: template.welcome.intro ?? '',
    nationalSetKey: template.nationalSet?.key ?? '',
    nationalSetName: template.nationalSet?.name ?? '',
    nationalSetVersion: template.nationalSet?.version ?? '',
  };
  template.welcome.panels.forEach((panel, index) => {
    values[`panels.${index}.title`] = panel.title;
    values[`panels.${index}.body`] = panel.body;
  });
  return values;
}

/** Rows up to the last one with any text (a re-shown form does not grow a blank row each time). */
function rowCount(values: FormValues, prefix: string): number {
  let count = 0;
  const pattern = new RegExp(`^${prefix}\\.(\\d+)\\.`);
  for (const [key, value] of Object.entries(values)) {
    const match = pattern.exec(key);
    const filled = Array.isArray(value) ? value.some((v) => v.trim() !== '') : value.trim() !== '';
    if (match && filled) count = Math.max(count, Number(match[1]) + 1);
  }
  return count;
}

export function panelCount(values: FormValues): number {
  return rowCount(values, 'panels');
}

export function readGeneral(values: FormValues) {
  const panels: RawObject[] = [];
  for (let index = 0; index < panelCount(values); index++) {
    const title = text(values, `panels.${index}.title`);
    const body = text(values, `panels.${index}.body`);
    if (title === undefined && body === undefined) continue;
    panels.push({ title: title ?? '', body: body ?? '' });
  }
  const nationalSet = { key: text(values, 'nationalSetKey'), name: text(values, 'nationalSetName'), version: text(values, 'nationalSetVersion') };
  const hasNationalSet = Object.values(nationalSet).some((value) => value !== undefined);
  return {
    name: text(values, 'name') ?? '',
    description: text(values, 'description'),
    sector: text(values, 'sector') ?? 'po',
    // Any of the three filled in declares a set; a missing one is then reported at its field.
    nationalSet: hasNationalSet ? { key: nationalSet.key ?? '', name: nationalSet.name ?? '', version: nationalSet.version ?? '' } : undefined,
    welcome: { title: text(values, 'welcomeTitle') ?? '', intro: text(values, 'welcomeIntro'), panels },
  };
}

/** welcome.panels[1].title → panels.1.title; welcome.title → welcomeTitle. */
export function generalField(path: string): string {
  if (path.startsWith('welcome.panels.')) return path.slice('welcome.'.length).split('.').slice(0, 3).join('.');
  if (path.startsWith('welcome.title')) return 'welcomeTitle';
  if (path.startsWith('welcome.intro')) return 'welcomeIntro';
  if (path === 'nationalSet.key') return 'nationalSetKey';
  if (path === 'nationalSet.name') return 'nationalSetName';
  if (path === 'nationalSet.version') return 'nationalSetVersion';
  return path.split('.')[0] || 'name';
}

// ---------------------------------------------------------------------------
// Sections

export function sectionValues(section: Section): FormValues {
  return {
    key: section.key,
    kind: section.kind,
    title: section.title,
    promise: section.promise ?? '',
    intro: section.intro ?? '',
    asksLimits: section.asksLimits ? 'ja' : '',
  };
}

export function readSection(values: FormValues): RawObject {
  return {
    key: text(values, 'key') ?? '',
    kind: text(values, 'kind') ?? '',
    title: text(values, 'title') ?? '',
    promise: text(values, 'promise'),
    intro: text(values, 'intro'),
    asksLimits: checked(values, 'asksLimits'),
  };
}

export function sectionField(path: string): string {
  return path.split('.')[0] || 'title';
}

// ---------------------------------------------------------------------------
// Items

export function needsScale(kind: string): boolean {
  return isSingleChoiceKind(kind as ItemKind) || kind === 'partners';
}

function normValues(norm: Norm | undefined, prefix: string): FormValues {
  if (!norm) return {};
  const values: FormValues = {};
  if (norm.accept) values[`${prefix}Accept`] = norm.accept;
  if (norm.includes) values[`${prefix}Includes`] = norm.includes;
  if (norm.equals !== undefined) values[`${prefix}Equals`] = norm.equals ? 'true' : 'false';
  if (norm.min !== undefined) values[`${prefix}Min`] = String(norm.min);
  if (norm.max !== undefined) values[`${prefix}Max`] = String(norm.max);
  if (norm.label) values[`${prefix}Label`] = norm.label;
  return values;
}

export function itemValues(item: Item, sectionKey: string): FormValues {
  return {
    key: item.key,
    kind: item.kind,
    title: item.title,
    parentTitle: item.parentTitle ?? '',
    role: item.role ?? '',
    publicSource: item.publicSource ?? '',
    hint: item.hint ?? '',
    help: item.help ?? '',
    group: item.group ?? '',
    scale: item.scale ?? '',
    min: item.min === undefined ? '' : String(item.min),
    max: item.max === undefined ? '' : String(item.max),
    unit: item.unit ?? '',
    maxLength: item.maxLength === undefined ? '' : String(item.maxLength),
    required: item.required ? 'ja' : '',
    ...normValues(item.norm, 'norm'),
    ...normValues(item.nationalNorm, 'nationalNorm'),
    origin: item.origin,
    ambition: item.ambition ? 'ja' : '',
    parentText: item.parentText ?? '',
    parentTextEditable: item.parentTextEditable ? 'ja' : '',
    parentTextMaxLength: String(item.parentTextMaxLength),
    posterParent: item.posters.parent ? 'ja' : '',
    posterTeacher: item.posters.teacher ? 'ja' : '',
    sectionKey,
  };
}

/** Defaults for a new item: required, SWV's own, no norm. */
export function newItemValues(sectionKey: string): FormValues {
  return { kind: 'availability', required: 'ja', origin: 'swv', parentTextMaxLength: '250', sectionKey };
}

function readNorm(values: FormValues, prefix: string, kind: string, numbers: NumberReader): RawObject | undefined {
  const norm: RawObject = {};
  if (isSingleChoiceKind(kind as ItemKind)) {
    const accept = list(values, `${prefix}Accept`);
    if (accept.length) norm['accept'] = accept;
  } else if (kind === 'partners') {
    const includes = list(values, `${prefix}Includes`);
    if (includes.length) norm['includes'] = includes;
  } else if (kind === 'yesno') {
    const equals = text(values, `${prefix}Equals`);
    if (equals === 'true' || equals === 'false') norm['equals'] = equals === 'true';
  } else if (kind === 'number') {
    const min = numbers.read(`${prefix}Min`);
    const max = numbers.read(`${prefix}Max`);
    if (min !== undefined) norm['min'] = min;
    if (max !== undefined) norm['max'] = max;
  }
  const label = text(values, `${prefix}Label`);
  // A label alone is no norm: it is kept only with a rule, so "no norm" stays easy to choose.
  if (Object.keys(norm).length === 0) return undefined;
  if (label) norm['label'] = label;
  return norm;
}

/** A raw item from the item form; `numberErrors` names fields that are not numbers. */
export function readItem(values: FormValues): { item: RawObject; sectionKey: string; numberErrors: string[] } {
  const numbers = new NumberReader(values);
  const kind = text(values, 'kind') ?? '';
  const item: RawObject = {
    key: text(values, 'key') ?? '',
    kind,
    title: text(values, 'title') ?? '',
    parentTitle: text(values, 'parentTitle'),
    hint: text(values, 'hint'),
    help: text(values, 'help'),
    group: text(values, 'group'),
    required: checked(values, 'required'),
    origin: text(values, 'origin') ?? 'swv',
    ambition: checked(values, 'ambition'),
    parentText: text(values, 'parentText'),
    parentTextEditable: checked(values, 'parentTextEditable'),
    parentTextMaxLength: numbers.read('parentTextMaxLength') ?? 250,
    posters: { parent: checked(values, 'posterParent'), teacher: checked(values, 'posterTeacher') },
  };
  // Only the fields that fit the kind, so switching kind does not leave stray fields behind.
  if (needsScale(kind)) item['scale'] = text(values, 'scale');
  if (kind === 'number') {
    item['min'] = numbers.read('min');
    item['max'] = numbers.read('max');
    item['unit'] = text(values, 'unit');
  }
  if (kind === 'text' || kind === 'longtext') {
    item['maxLength'] = numbers.read('maxLength');
    item['role'] = text(values, 'role');
  }
  const publicSource = text(values, 'publicSource');
  // Only a source that fits the kind; another one would fail validation with a message about a field the form no longer shows.
  if (publicSource && PUBLIC_SOURCES.some((source) => source === publicSource && PUBLIC_SOURCE_KINDS[source].includes(kind as ItemKind))) item['publicSource'] = publicSource;
  item['norm'] = readNorm(values, 'norm', kind, numbers);
  item['nationalNorm'] = readNorm(values, 'nationalNorm', kind, numbers);
  return { item, sectionKey: text(values, 'sectionKey') ?? '', numberErrors: Object.keys(numbers.errors) };
}

/** norm.accept.0 → norm; norm.label → normLabel; posters.parent → posters; "" (the item) → scale. */
export function itemField(path: string): string {
  if (path === '') return 'scale';
  const [first, second] = path.split('.');
  if ((first === 'norm' || first === 'nationalNorm') && second === 'label') return `${first}Label`;
  return first!;
}

export function isItemKind(kind: string): kind is ItemKind {
  return (ITEM_KINDS as readonly string[]).includes(kind);
}

// ---------------------------------------------------------------------------
// Scales

export function scaleValues(scale: Scale): FormValues {
  const values: FormValues = { key: scale.key, name: scale.name };
  scale.options.forEach((option, index) => {
    values[`options.${index}.value`] = option.value;
    values[`options.${index}.label`] = option.label;
    values[`options.${index}.description`] = option.description ?? '';
    values[`options.${index}.parentLabel`] = option.parentLabel ?? '';
    values[`options.${index}.notOffered`] = option.notOffered ? 'ja' : '';
  });
  return values;
}

export function optionCount(values: FormValues): number {
  return rowCount(values, 'options');
}

export function readScale(values: FormValues): { key: string; name: string; options: RawObject[] } {
  const options: RawObject[] = [];
  for (let index = 0; index < optionCount(values); index++) {
    const field = (name: string) => text(values, `options.${index}.${name}`);
    const option = { value: field('value'), label: field('label'), description: field('description'), parentLabel: field('parentLabel') };
    // A row whose texts are all empty is removed, whether or not its "not offered" box is still ticked.
    if (Object.values(option).every((value) => value === undefined)) continue;
    const notOffered = checked(values, `options.${index}.notOffered`) ? true : undefined;
    options.push({ ...option, value: option.value ?? '', label: option.label ?? '', notOffered });
  }
  return { key: text(values, 'key') ?? '', name: text(values, 'name') ?? '', options };
}

/** options.2.value stays; options (too few) stays; name → name. */
export function scaleField(path: string): string {
  return path.split('.').slice(0, 3).join('.') || 'name';
}

/**
 * A key for a new item made from its title ("Aanbod voor dyslexie?" → "aanbod-voor-dyslexie"), unique among
 * `taken` (a number is added: "-2", "-3"). The form shows it editable; an empty key field means "make one".
 */
export function deriveItemKey(title: string, taken: ReadonlySet<string>): string {
  return uniqueKeyFromTitle(title, taken, { maxLength: 60, fallback: 'vraag' });
}
