/**
 * The questionnaire template: an SWV's norm of basic support as data.
 *
 * This zod schema is the single source of truth for the template file format
 * (docs/template-format.md), the JSON Schema published beside it, and the
 * shape stored in the database for a template version. Nothing about a
 * particular SWV lives in code: scales, items, norms and texts are all here.
 */
import { z } from 'zod';
import { SECTORS, wordingSchema } from './wording-schema.js';

export { SECTORS, type Sector } from './wording-schema.js';

export const TEMPLATE_FORMAT = 'opensop-template/1' as const;

const key = z
  .string({ error: 'verwacht een sleutel (tekst)' })
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, {
    error: 'een sleutel bestaat uit kleine letters, cijfers en streepjes (max. 80 tekens), bijv. "aanbod-dyslexie"',
  });

const text = (max: number) =>
  z.string({ error: 'verwacht tekst' }).trim().min(1, { error: 'mag niet leeg zijn' }).max(max, {
    error: `mag hoogstens ${max} tekens lang zijn`,
  });

/** An answer option of a scale. `value` is stored; `label` is shown. */
export const scaleOptionSchema = z.strictObject({
  value: key,
  label: text(120),
  /** Extra words shown with the option, e.g. "70 %–80 %". */
  description: text(300).optional(),
  /** Plain-language label for parents (poster); falls back to `label`. */
  parentLabel: text(120).optional(),
  /**
   * This option means the school does not offer it (e.g. "Niet beschikbaar"). The posters then show
   * "Nog niet op onze school" even for an item without a norm; a norm may never accept such an option.
   */
  notOffered: z.boolean().optional(),
});
export type ScaleOption = z.infer<typeof scaleOptionSchema>;

/** A reusable list of answer options, shared between items and templates. */
export const scaleSchema = z.strictObject({
  key,
  name: text(120),
  options: z.array(scaleOptionSchema).min(2, { error: 'een schaal heeft minstens twee antwoordopties' }),
});
export type Scale = z.infer<typeof scaleSchema>;

/** The kinds of item a template can ask. Single-choice kinds answer with one option of a scale. */
export const SINGLE_CHOICE_KINDS = ['availability', 'development', 'protocol', 'expertise', 'choice'] as const;
export const ITEM_KINDS = [...SINGLE_CHOICE_KINDS, 'partners', 'yesno', 'number', 'text', 'longtext'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export type SingleChoiceKind = (typeof SINGLE_CHOICE_KINDS)[number];

export function isSingleChoiceKind(kind: ItemKind): kind is SingleChoiceKind {
  return (SINGLE_CHOICE_KINDS as readonly string[]).includes(kind);
}

/**
 * Which answers meet basic support.
 * - `accept`: the option values (single choice) that meet the norm;
 * - `includes`: option values a multi-select must all contain (partners);
 * - `equals`: the yes/no answer that meets the norm;
 * - `min`/`max`: bounds for a number.
 */
export const normSchema = z.strictObject({
  accept: z.array(key).min(1).optional(),
  includes: z.array(key).min(1).optional(),
  equals: z.boolean().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** How the norm reads to people, e.g. "Op schoolniveau". Generated when absent. */
  label: text(200).optional(),
});
export type Norm = z.infer<typeof normSchema>;

/**
 * What a free-text item's answer is about, so the documents put the school's own words in the right
 * place, whatever the template calls the item or wherever it stands (docs/template-format.md, "Rol"):
 * - `limits`: what the school cannot offer (the limits chapter of the SOP and the school guide, the poster);
 * - `extraSupport`: the extra support the school offers beyond basic support;
 * - `parentInvolvement`: how the school works with parents;
 * - `ambitions`: what the school wants to offer later;
 * - `contact`: whom parents can ask about support;
 * - `vision`: the school's view on support.
 * Only text and longtext items take a role (checked in validate-template-references.ts).
 */
/**
 * Public data an item's answer can be prefilled from (issue 11): the inspection's verdict (oordeel) of the
 * location with its date, and DUO's pupil count on 1 October. The SWV imports those files in its register;
 * a new profile starts with the value, the school sees where it came from and may correct it.
 * Which kinds take which source: see PUBLIC_SOURCE_KINDS.
 */
export const PUBLIC_SOURCES = ['inspectionVerdict', 'pupilCount'] as const;
export type PublicSource = (typeof PUBLIC_SOURCES)[number];
export const PUBLIC_SOURCE_KINDS: Record<PublicSource, readonly ItemKind[]> = {
  inspectionVerdict: ['text', 'longtext', ...SINGLE_CHOICE_KINDS],
  pupilCount: ['number', 'text', 'longtext'],
};

export const ITEM_ROLES = ['limits', 'extraSupport', 'parentInvolvement', 'ambitions', 'contact', 'vision'] as const;
export type ItemRole = (typeof ITEM_ROLES)[number];

export const itemSchema = z.strictObject({
  key,
  kind: z.enum(ITEM_KINDS, { error: `verwacht een van: ${ITEM_KINDS.join(', ')}` }),
  title: text(400),
  /**
   * Headline for parents in plain language (B1), e.g. "Wat doen wij als uw kind extra hulp nodig heeft?",
   * on the parent poster, the school-guide chapter and the public pages; falls back to `title`.
   */
  parentTitle: text(160).optional(),
  /** What the answer is about (free-text items): see ITEM_ROLES. */
  role: z.enum(ITEM_ROLES, { error: `verwacht een van: ${ITEM_ROLES.join(', ')}` }).optional(),
  /** Prefilled from public data the SWV imported (see PUBLIC_SOURCES). */
  publicSource: z.enum(PUBLIC_SOURCES, { error: `verwacht een van: ${PUBLIC_SOURCES.join(', ')}` }).optional(),
  /** The "i": longer explanation shown on demand. */
  help: text(4000).optional(),
  /** Short hint under the title. */
  hint: text(400).optional(),
  /** Sub-heading the item is grouped under inside its section, e.g. "Onderwijsaanbod". */
  group: text(200).optional(),
  /** Scale key; required for choice kinds and partners. */
  scale: key.optional(),
  /** Number items: bounds and unit. */
  min: z.number().optional(),
  max: z.number().optional(),
  unit: text(40).optional(),
  /** Text items: maximum length (defaults: text 300, longtext 4000). */
  maxLength: z.number().int().positive().max(20000).optional(),
  required: z.boolean().default(true),
  /** The SWV's norm of basic support. Absent for purely descriptive items. */
  norm: normSchema.optional(),
  /** The national norm (landelijke norm basisondersteuning), where this item carries one. */
  nationalNorm: normSchema.optional(),
  /** Where the item comes from: the SWV's own set or an adopted national set. */
  origin: z.enum(['swv', 'national']).default('swv'),
  /** May the school record "not yet, but we intend to" (with an optional school year)? */
  ambition: z.boolean().default(false),
  /** Parent-facing text: default wording for the poster, and whether the school may write its own. */
  parentText: text(600).optional(),
  parentTextEditable: z.boolean().default(false),
  /** Maximum length of the school's own parent text (it must fit on one poster page). */
  parentTextMaxLength: z.number().int().positive().max(600).default(250),
  posters: z
    .strictObject({ parent: z.boolean().default(false), teacher: z.boolean().default(false) })
    .default({ parent: false, teacher: false }),
});
export type Item = z.infer<typeof itemSchema>;
export type ItemInput = z.input<typeof itemSchema>;

export const SECTION_KINDS = ['introduction', 'promise', 'extra', 'closing'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const sectionSchema = z.strictObject({
  key,
  kind: z.enum(SECTION_KINDS, { error: `verwacht een van: ${SECTION_KINDS.join(', ')}` }),
  /** Short name used in navigation, e.g. "Belofte 1". */
  title: text(120),
  /** For promises: the promise itself, e.g. "Onze scholen hebben hoge verwachtingen van alle leerlingen…". */
  promise: text(1000).optional(),
  intro: text(4000).optional(),
  /** Ask "Wat kan de school niet?" (limits of support) at the end of this section. */
  asksLimits: z.boolean().default(false),
  items: z.array(itemSchema).default([]),
});
export type Section = z.infer<typeof sectionSchema>;

export const welcomePanelSchema = z.strictObject({ title: text(200), body: text(8000) });

export const templateSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(TEMPLATE_FORMAT, { error: `verwacht format: ${TEMPLATE_FORMAT}` }),
  key,
  name: text(200),
  description: text(4000).optional(),
  /** po (primary) or vo (secondary). */
  sector: z.enum(SECTORS).default('po'),
  /**
   * The SWV's own words in the documents and the editor (its name for a promise, whom parents talk to
   * first, …); what it leaves out comes from the sector's defaults in templates/sector-wording.yaml.
   */
  wording: wordingSchema.optional(),
  /** National set of items adopted beside the SWV's own (e.g. the landelijke norm), if any. */
  nationalSet: z.strictObject({ key, name: text(200), version: text(40) }).optional(),
  welcome: z
    .strictObject({
      title: text(200).default('Welkom'),
      intro: text(4000).optional(),
      panels: z.array(welcomePanelSchema).default([]),
    })
    .default({ title: 'Welkom', panels: [] }),
  scales: z.array(scaleSchema).default([]),
  sections: z.array(sectionSchema).min(1, { error: 'een vragenlijst heeft minstens één onderdeel' }),
});
export type TemplateDefinition = z.infer<typeof templateSchema>;
export type TemplateInput = z.input<typeof templateSchema>;

/** Every item with the section it belongs to, in questionnaire order. */
export function listItems(template: TemplateDefinition): Array<{ section: Section; item: Item }> {
  return template.sections.flatMap((section) => section.items.map((item) => ({ section, item })));
}

/** The option of the item's scale that a single-choice answer chose, if any. */
export function findChosenOption(template: TemplateDefinition, item: Item, value: unknown): ScaleOption | undefined {
  if (!isSingleChoiceKind(item.kind) || typeof value !== 'string') return undefined;
  return findScale(template, item.scale)?.options.find((option) => option.value === value);
}

/** The headline a parent reads for an item: its parent title, or else its title. */
export function parentTitleOf(item: Pick<Item, 'title' | 'parentTitle'>): string {
  return item.parentTitle ?? item.title;
}

/** Items whose free-text answer has this role, in questionnaire order. */
export function itemsWithRole(template: TemplateDefinition, role: ItemRole): Array<{ section: Section; item: Item }> {
  return listItems(template).filter(({ item }) => item.role === role);
}

export function findScale(template: TemplateDefinition, scaleKey: string | undefined): Scale | undefined {
  return scaleKey ? template.scales.find((scale) => scale.key === scaleKey) : undefined;
}
