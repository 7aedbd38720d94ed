/**
 * "Norm in woorden" stays true to the norm (issue 10):
 * - a label that only repeats what would be generated from the norm's rule is not kept as hand-written text, so
 *   when the accepted options change the words follow them (`withoutGeneratedLabel`, used when an item is saved);
 * - a hand-written label whose norm rule changed since the last published version, while the words stayed the
 *   same, is flagged on the publish page before schools see it (`staleNormLabels`).
 */
import { describeNorm } from './answer.js';
import { listItems, type Item, type Norm, type TemplateDefinition } from './template.js';

type Which = 'norm' | 'nationalNorm';

function ruleOf(norm: Norm | undefined): string {
  if (!norm) return '';
  const { label: _label, ...rule } = norm;
  return JSON.stringify(rule, Object.keys(rule).sort());
}

/** The norm in words as it would be generated from its rule alone. */
export function generatedNormText(template: TemplateDefinition, item: Item, norm: Norm): string | null {
  const { label: _label, ...rule } = norm;
  return describeNorm(template, item, rule);
}

/**
 * The item to store: where a norm's label is the text generated from the item's previous rule (or its new one),
 * it is dropped, so the words are generated from whatever the rule is now.
 */
export function withoutGeneratedLabel(template: TemplateDefinition, previous: Item | null, next: Item): Item {
  let result = next;
  for (const which of ['norm', 'nationalNorm'] as const) {
    const norm = result[which];
    if (!norm?.label) continue;
    const generated = [previous?.[which] && generatedNormText(template, previous, previous[which]!), generatedNormText(template, result, norm)];
    if (generated.some((text) => text !== null && text !== undefined && text.trim().toLocaleLowerCase('nl-NL') === norm.label!.trim().toLocaleLowerCase('nl-NL'))) {
      const { label: _label, ...rule } = norm;
      result = { ...result, [which]: rule };
    }
  }
  return result;
}

export interface StaleNormLabel {
  itemKey: string;
  title: string;
  which: Which;
  label: string;
  /** What the words would be if generated from the rule now. */
  generated: string | null;
}

/** Hand-written norm words that stayed the same while the norm's rule changed since `published`. */
export function staleNormLabels(draft: TemplateDefinition, published: TemplateDefinition | null): StaleNormLabel[] {
  if (!published) return [];
  const before = new Map(listItems(published).map(({ item }) => [item.key, item]));
  const stale: StaleNormLabel[] = [];
  for (const { item } of listItems(draft)) {
    const old = before.get(item.key);
    if (!old) continue;
    for (const which of ['norm', 'nationalNorm'] as const) {
      const norm = item[which];
      if (!norm?.label || old[which]?.label !== norm.label || ruleOf(old[which]) === ruleOf(norm)) continue;
      stale.push({ itemKey: item.key, title: item.title, which, label: norm.label, generated: generatedNormText(draft, item, norm) });
    }
  }
  return stale;
}
