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

/** The text a reader sees in an HTML page (or a JSON answer): no markup, scripts or styles; entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
