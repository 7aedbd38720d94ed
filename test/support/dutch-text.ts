/**
 * Finding catalogue Dutch in what the app sends to someone who chose English (test/english-pages.test.ts for pages,
 * test/english-errors.test.ts for the answers to refused forms).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Catalogue } from '../../src/ui/i18n.js';

/** Every catalogue in src (files named messages.ts or *-messages.ts). */
export async function allCatalogues(): Promise<Array<Catalogue<string>>> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/(^|-)messages\.ts$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.resolve('src'));
  const catalogues: Array<Catalogue<string>> = [];
  for (const file of files) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (value && typeof value === 'object' && 'nl' in value && 'en' in value) catalogues.push(value as Catalogue<string>);
    }
  }
  return catalogues;
}

/**
 * Pieces of Dutch text long enough to be unmistakable: the catalogue's Dutch split at its {parameters} and at the
 * syntax of its plurals (`{count, plural, one {# vraag} other {# vragen}}`).
 */
export function dutchFragments(catalogues: Array<Catalogue<string>>): string[] {
  const fragments = new Set<string>();
  for (const catalogue of catalogues) {
    for (const [key, nl] of Object.entries(catalogue.nl)) {
      const en = catalogue.en[key] ?? '';
      if (nl === en) continue;
      for (const piece of nl.split(/\{\w+, plural,|(?:=\d+|\b(?:zero|one|two|few|many|other))\s*\{|\{\w+\}|[{}#]/)) {
        const text = piece.trim();
        if (text.length >= 14 && !en.includes(text)) fragments.add(text);
      }
    }
  }
  return [...fragments];
}

/**
 * The interface text a reader sees in an HTML page (or a JSON answer): no markup, scripts or styles; entities
 * decoded. Parts marked `lang="nl"` are left out, as the page says they are Dutch on purpose (school and template
 * texts, generated documents; WCAG 3.1.2, language of parts); so are the contents of text fields (data).
 */
export function visibleText(html: string): string {
  return withoutDutchParts(html)
    .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/g, ' ')
    // A text field's content is what someone typed (or a template holds): data, like an input's value attribute.
    .replace(/<textarea\b[\s\S]*?<\/textarea>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The markup without the elements marked `lang="nl"` (and everything inside them). */
export function withoutDutchParts(html: string): string {
  const opening = /<([a-zA-Z][\w-]*)\b[^>]*\slang="nl"[^>]*>/g;
  let result = '';
  let from = 0;
  opening.lastIndex = 0;
  for (let match = opening.exec(html); match; match = opening.exec(html)) {
    result += html.slice(from, match.index);
    from = endOfElement(html, match[1]!.toLowerCase(), match.index + match[0].length);
    opening.lastIndex = from;
  }
  return result + html.slice(from);
}

/** Where the element whose start tag ends at `from` closes, counting nested elements of the same name. */
function endOfElement(html: string, name: string, from: number): number {
  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
  if (VOID.has(name)) return from;
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tags.lastIndex = from;
  let depth = 1;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return tag.index + tag[0].length;
  }
  return html.length;
}
