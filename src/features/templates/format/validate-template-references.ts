/**
 * Checks a template beyond what the zod schema can see: references between
 * scales, items and norms, and keys that must be unique.
 *
 * It reads the data defensively (as `unknown`) so that it can run on a file
 * that also has schema errors: the SWV then gets every mistake in one go
 * instead of fixing them one round at a time.
 */
import { ITEM_KINDS, PUBLIC_SOURCE_KINDS, PUBLIC_SOURCES, SINGLE_CHOICE_KINDS, type ItemKind, type PublicSource, type TemplateDefinition } from '../model/template.js';

function isPublicSource(value: string): value is PublicSource {
  return (PUBLIC_SOURCES as readonly string[]).includes(value);
}

export type TemplatePath = Array<string | number>;

export interface TemplateReferenceIssue {
  path: TemplatePath;
  message: string;
}

type Rec = Record<string, unknown>;

const isRecord = (value: unknown): value is Rec => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const NORM_FIELDS = ['accept', 'includes', 'equals', 'min', 'max'] as const;
type NormField = (typeof NORM_FIELDS)[number];

/** Which norm fields fit which item kind. Text items have no norm at all. */
function allowedNormFields(kind: string): readonly NormField[] {
  if ((SINGLE_CHOICE_KINDS as readonly string[]).includes(kind)) return ['accept'];
  if (kind === 'partners') return ['includes'];
  if (kind === 'yesno') return ['equals'];
  if (kind === 'number') return ['min', 'max'];
  return [];
}

const NORM_FIELD_HINT: Record<NormField, string> = {
  accept: '"accept" (de goede antwoordopties) hoort bij een keuzevraag',
  includes: '"includes" (opties die aangevinkt moeten zijn) hoort bij een vraag van soort partners',
  equals: '"equals" (true of false) hoort bij een ja/nee-vraag',
  min: '"min" hoort bij een getal-vraag',
  max: '"max" hoort bij een getal-vraag',
};

function quoteList(values: Iterable<string>): string {
  const list = [...values];
  return list.length === 0 ? '(geen)' : list.join(', ');
}

/** Every cross-reference mistake in the template, in file order. Never throws. */
export function validateTemplateReferences(template: TemplateDefinition | unknown): TemplateReferenceIssue[] {
  const issues: TemplateReferenceIssue[] = [];
  if (!isRecord(template)) return issues;
  const report = (path: TemplatePath, message: string) => issues.push({ path, message });

  // Scales: unique keys, unique option values; which options mean "the school does not offer this".
  const scales = new Map<string, Set<string>>();
  const notOfferedByScale = new Map<string, Map<string, string>>(); // scale key → option value → label
  asArray(template.scales).forEach((scale, scaleIndex) => {
    if (!isRecord(scale)) return;
    const scaleKey = asString(scale.key);
    const values = new Set<string>();
    const notOffered = new Map<string, string>();
    asArray(scale.options).forEach((option, optionIndex) => {
      const value = isRecord(option) ? asString(option.value) : undefined;
      if (value === undefined) return;
      if (isRecord(option) && option.notOffered === true && !values.has(value)) notOffered.set(value, asString(option.label) ?? value);
      if (values.has(value)) {
        report(
          ['scales', scaleIndex, 'options', optionIndex, 'value'],
          `antwoordoptie "${value}" komt twee keer voor in schaal "${scaleKey ?? scaleIndex + 1}"; geef elke optie een eigen waarde`,
        );
      }
      values.add(value);
    });
    if (scaleKey === undefined) return;
    if (scales.has(scaleKey)) {
      report(['scales', scaleIndex, 'key'], `schaal "${scaleKey}" bestaat al; geef elke schaal een eigen sleutel`);
      return;
    }
    scales.set(scaleKey, values);
    notOfferedByScale.set(scaleKey, notOffered);
  });

  const sectionKeys = new Set<string>();
  const itemKeys = new Map<string, string>(); // item key → where it was first seen

  asArray(template.sections).forEach((section, sectionIndex) => {
    if (!isRecord(section)) return;
    const sectionPath: TemplatePath = ['sections', sectionIndex];
    const sectionKey = asString(section.key);
    if (sectionKey !== undefined) {
      if (sectionKeys.has(sectionKey)) {
        report([...sectionPath, 'key'], `onderdeel "${sectionKey}" bestaat al; geef elk onderdeel een eigen sleutel`);
      }
      sectionKeys.add(sectionKey);
    }

    asArray(section.items).forEach((item, itemIndex) => {
      if (!isRecord(item)) return;
      const itemPath: TemplatePath = [...sectionPath, 'items', itemIndex];
      const itemKey = asString(item.key);
      if (itemKey !== undefined) {
        const seenIn = itemKeys.get(itemKey);
        if (seenIn !== undefined) {
          report(
            [...itemPath, 'key'],
            `item "${itemKey}" bestaat al (in onderdeel "${seenIn}"); een itemsleutel moet in de hele vragenlijst uniek zijn`,
          );
        } else {
          itemKeys.set(itemKey, sectionKey ?? String(sectionIndex + 1));
        }
      }

      if (item.origin === 'national' && !isRecord(template.nationalSet)) {
        report(
          [...itemPath, 'origin'],
          `item "${itemKey ?? itemIndex + 1}" komt uit een landelijke set (origin: national), maar de vragenlijst noemt geen landelijke set; vul bovenaan "nationalSet" in (key, name en version) of haal "origin: national" weg`,
        );
      }

      const kind = asString(item.kind);
      if (kind === undefined || !(ITEM_KINDS as readonly string[]).includes(kind)) return; // zod reports it
      const needsScale = (SINGLE_CHOICE_KINDS as readonly string[]).includes(kind) || kind === 'partners';
      const scaleKey = asString(item.scale);
      let options: Set<string> | undefined;
      if (scaleKey !== undefined) {
        options = scales.get(scaleKey);
        if (!needsScale) {
          report([...itemPath, 'scale'], `een item van soort "${kind}" heeft geen schaal; haal "scale" weg`);
        } else if (options === undefined) {
          report(
            [...itemPath, 'scale'],
            `schaal "${scaleKey}" bestaat niet; bekende schalen: ${quoteList(scales.keys())}`,
          );
        }
      } else if (needsScale) {
        report(
          itemPath,
          `item "${itemKey ?? itemIndex + 1}" van soort "${kind}" heeft een schaal nodig; vul "scale" in met een van: ${quoteList(scales.keys())}`,
        );
      }

      const min = item.min;
      const max = item.max;
      if (typeof min === 'number' && typeof max === 'number' && min > max) {
        report([...itemPath, 'max'], `"max" (${max}) is kleiner dan "min" (${min}); de grootste waarde hoort bij "max"`);
      }
      if (kind !== 'number' && (min !== undefined || max !== undefined || item.unit !== undefined)) {
        const field = min !== undefined ? 'min' : max !== undefined ? 'max' : 'unit';
        report([...itemPath, field], `"${field}" hoort alleen bij een getal-vraag (soort number)`);
      }
      if (item.maxLength !== undefined && kind !== 'text' && kind !== 'longtext') {
        report([...itemPath, 'maxLength'], `"maxLength" hoort alleen bij een tekstvraag (soort text of longtext)`);
      }
      if (typeof item.role === 'string' && kind !== 'text' && kind !== 'longtext') {
        report(
          [...itemPath, 'role'],
          `"role" hoort alleen bij een tekstvraag (soort text of longtext): de documenten nemen de tekst van de school over; haal "role" weg of maak er een tekstvraag van`,
        );
      }

      if (typeof item.publicSource === 'string' && isPublicSource(item.publicSource) && !PUBLIC_SOURCE_KINDS[item.publicSource].includes(kind as ItemKind)) {
        report(
          [...itemPath, 'publicSource'],
          `"publicSource: ${item.publicSource}" past niet bij een vraag van soort "${kind}"; gebruik een van: ${PUBLIC_SOURCE_KINDS[item.publicSource].join(', ')}`,
        );
      }

      for (const normName of ['norm', 'nationalNorm'] as const) {
        const norm = item[normName];
        if (!isRecord(norm)) continue;
        const normPath: TemplatePath = [...itemPath, normName];
        const allowed = allowedNormFields(kind);
        if (allowed.length === 0) {
          report(normPath, `een item van soort "${kind}" heeft geen norm; haal "${normName}" weg`);
          continue;
        }
        for (const field of NORM_FIELDS) {
          if (norm[field] !== undefined && !allowed.includes(field)) {
            report([...normPath, field], `past niet bij soort "${kind}": ${NORM_FIELD_HINT[field]}`);
          }
        }
        if (!NORM_FIELDS.some((field) => norm[field] !== undefined)) {
          report(normPath, `de norm zegt niet welk antwoord voldoet; vul ${allowed.map((f) => `"${f}"`).join(' of ')} in`);
        }
        if (typeof norm.min === 'number' && typeof norm.max === 'number' && norm.min > norm.max) {
          report([...normPath, 'max'], `"max" (${norm.max}) is kleiner dan "min" (${norm.min})`);
        }
        if (kind === 'number') {
          for (const field of ['min', 'max'] as const) {
            const bound = norm[field];
            if (typeof bound !== 'number') continue;
            const below = typeof min === 'number' && bound < min;
            const above = typeof max === 'number' && bound > max;
            if (below || above) {
              const range = typeof min === 'number' && typeof max === 'number' ? `van ${min} tot en met ${max}` : typeof min === 'number' ? `vanaf ${min}` : `tot en met ${max}`;
              report(
                [...normPath, field],
                `de norm ("${field}": ${bound}) ligt buiten wat de school kan invullen (${range}); kies een waarde binnen "min" en "max" van de vraag`,
              );
            }
          }
        }
        if (options === undefined) continue;
        for (const field of ['accept', 'includes'] as const) {
          if (!allowed.includes(field)) continue;
          asArray(norm[field]).forEach((value, valueIndex) => {
            if (typeof value !== 'string') return;
            if (!options.has(value)) {
              report(
                [...normPath, field, valueIndex],
                `antwoordoptie "${value}" bestaat niet in schaal "${scaleKey}"; kies uit: ${quoteList(options)}`,
              );
              return;
            }
            const notOfferedLabel = scaleKey === undefined ? undefined : notOfferedByScale.get(scaleKey)?.get(value);
            if (notOfferedLabel !== undefined) {
              report(
                [...normPath, field, valueIndex],
                `de ${normName === 'norm' ? 'norm' : 'landelijke norm'} van item "${itemKey ?? itemIndex + 1}" accepteert antwoordoptie "${value}" (${notOfferedLabel}), maar in schaal "${scaleKey}" betekent die optie: de school biedt dit niet (notOffered); haal de optie uit de norm of haal "notOffered" weg bij de optie`,
              );
            }
          });
        }
      }
    });
  });

  return issues;
}
