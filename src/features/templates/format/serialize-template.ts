/**
 * Writes a template as a YAML file an SWV staff member can read and diff:
 * fixed key order, block style, long texts as block scalars, and fields left
 * out when they hold the schema's default (parsing puts the default back, so
 * parseTemplateFile(serializeTemplate(t)) deep-equals t).
 */
import { Document, isMap, isScalar, isSeq, Scalar, visit } from 'yaml';
import type { TemplateDefinition } from '../model/template.js';
import { withPortableSchemaLink } from './parse-template-file.js';

/** Key order per kind of object; keys not listed (later extensions) follow in their own order. */
const KEY_ORDER = {
  template: ['$schema', 'format', 'key', 'name', 'description', 'sector', 'wording', 'nationalSet', 'welcome', 'scales', 'sections'],
  wording: [
    'promise', 'promises', 'firstContact', 'supportCoordinator', 'supportCoordinatorAliases', 'schoolLeader', 'staff',
    'parentPosterTitle', 'parentPosterIntro',
  ],
  nationalSet: ['key', 'name', 'version'],
  welcome: ['title', 'intro', 'panels'],
  panel: ['title', 'body'],
  scale: ['key', 'name', 'options'],
  option: ['value', 'label', 'description', 'parentLabel', 'notOffered'],
  section: ['key', 'kind', 'title', 'promise', 'intro', 'asksLimits', 'items'],
  item: [
    'key', 'kind', 'role', 'publicSource', 'group', 'title', 'hint', 'help', 'scale', 'min', 'max', 'unit', 'maxLength', 'required',
    'norm', 'nationalNorm', 'origin', 'ambition', 'parentTitle', 'parentText', 'parentTextEditable', 'parentTextMaxLength', 'posters',
  ],
  norm: ['label', 'accept', 'includes', 'equals', 'min', 'max'],
  posters: ['parent', 'teacher'],
} as const;

/** Values equal to the schema default are left out of the file. */
const DEFAULTS = {
  template: { sector: 'po' },
  section: { asksLimits: false },
  item: { required: true, origin: 'swv', ambition: false, parentTextEditable: false, parentTextMaxLength: 250 },
  posters: { parent: false, teacher: false },
} as const satisfies Partial<Record<keyof typeof KEY_ORDER, Record<string, unknown>>>;

const FLOW_MAPS = new Set(['posters']);

function isShortScalarList(items: unknown[]): boolean {
  return (
    items.length > 0 &&
    items.every((node) => isScalar(node) && typeof node.value === 'string' && !node.value.includes('\n')) &&
    items.reduce<number>((length, node) => length + String((node as Scalar).value).length + 2, 0) <= 70
  );
}

/** Texts longer than this, or with a line break, are written as block scalars. */
const BLOCK_TEXT_FROM = 80;

type Plain = Record<string, unknown>;

export function serializeTemplate(template: TemplateDefinition): string {
  // Definitions stored before relative "$schema" paths were dropped on import still have one.
  const doc = new Document(shapeTemplate(withPortableSchemaLink(template)), { aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      if (node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
      else if (node.value.length > BLOCK_TEXT_FROM) node.type = Scalar.BLOCK_FOLDED;
    },
  });
  visit(doc, {
    Pair(_key, pair) {
      if (!isScalar(pair.key)) return;
      pair.key.type = Scalar.PLAIN; // keys are never block scalars
      const name = String(pair.key.value);
      // Short lists of option values and the posters flags read best on one line.
      if (isSeq(pair.value) && isShortScalarList(pair.value.items)) pair.value.flow = true;
      if (isMap(pair.value) && FLOW_MAPS.has(name)) pair.value.flow = true;
      // A blank line before each section and each scale, so the file reads in blocks.
      if ((name === 'sections' || name === 'scales') && isSeq(pair.value)) {
        pair.key.spaceBefore = true;
        pair.value.items.forEach((node, index) => {
          if (index > 0 && isMap(node)) node.spaceBefore = true;
        });
      }
    },
  });
  return doc.toString({ lineWidth: 100, minContentWidth: 40, indentSeq: true, flowCollectionPadding: false });
}

function shapeTemplate(template: TemplateDefinition): Plain {
  const welcome = template.welcome;
  const isDefaultWelcome = welcome.title === 'Welkom' && welcome.intro === undefined && welcome.panels.length === 0;
  return ordered('template', {
    ...template,
    wording: template.wording && ordered('wording', template.wording),
    nationalSet: template.nationalSet && ordered('nationalSet', template.nationalSet),
    welcome: isDefaultWelcome
      ? undefined
      : ordered('welcome', {
          ...welcome,
          panels: welcome.panels.length > 0 ? welcome.panels.map((panel) => ordered('panel', panel)) : undefined,
        }),
    scales:
      template.scales.length > 0
        ? template.scales.map((scale) =>
            ordered('scale', { ...scale, options: scale.options.map((option) => ordered('option', option)) }),
          )
        : undefined,
    sections: template.sections.map((section) =>
      ordered('section', {
        ...section,
        items: section.items.length > 0
          ? section.items.map((item) =>
              ordered('item', {
                ...item,
                norm: item.norm && ordered('norm', item.norm),
                nationalNorm: item.nationalNorm && ordered('norm', item.nationalNorm),
                posters: isEqual(item.posters, DEFAULTS.posters) ? undefined : ordered('posters', item.posters),
              }),
            )
          : undefined,
      }),
    ),
  });
}

function ordered(kind: keyof typeof KEY_ORDER, source: object): Plain {
  const values = source as Plain;
  const defaults: Plain = kind in DEFAULTS ? (DEFAULTS as Record<string, Plain>)[kind] ?? {} : {};
  const order: readonly string[] = KEY_ORDER[kind];
  const keys = [...order, ...Object.keys(values).filter((key) => !order.includes(key))];
  const result: Plain = {};
  for (const key of keys) {
    const value = values[key];
    if (value === undefined) continue;
    if (key in defaults && isEqual(value, defaults[key])) continue;
    result[key] = value;
  }
  return result;
}

function isEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
