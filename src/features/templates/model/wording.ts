/**
 * The words of a template: its own `wording`, completed with its sector's defaults from the data file
 * templates/sector-wording.yaml (read once per process). Documents and the editor take every
 * sector- or SWV-specific noun from here, never from code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../../config/project-root.js';
import type { TemplateDefinition } from './template.js';
import { sectorWordingFileSchema, type Sector, type Wording } from './wording-schema.js';

export type { Wording } from './wording-schema.js';

export const SECTOR_WORDING_FILE = 'templates/sector-wording.yaml';

let defaults: Record<Sector, Wording> | undefined;

/** The defaults of every sector, from the data file; a broken file stops with a message naming it. */
export function sectorWordingDefaults(): Record<Sector, Wording> {
  if (defaults) return defaults;
  const file = path.join(projectRoot(), SECTOR_WORDING_FILE);
  const parsed = sectorWordingFileSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`${SECTOR_WORDING_FILE} klopt niet: ${detail}`);
  }
  defaults = parsed.data;
  return defaults;
}

/** The template's words: its own where it wrote them, else its sector's. */
export function resolveWording(template: Pick<TemplateDefinition, 'sector' | 'wording'>): Wording {
  const base = sectorWordingDefaults()[template.sector];
  const own = Object.fromEntries(Object.entries(template.wording ?? {}).filter(([, value]) => value !== undefined));
  return { ...base, ...own };
}

/** "belofte" → "Belofte": for a word that starts a sentence or a label. */
export function capitalize(word: string): string {
  return word.charAt(0).toLocaleUpperCase('nl-NL') + word.slice(1);
}

/** Does a school contact's role name the support coordinator (or one of its other names)? */
export function isSupportCoordinatorRole(wording: Pick<Wording, 'supportCoordinator' | 'supportCoordinatorAliases'>, role: string): boolean {
  const normalise = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase('nl-NL').replace(/[^a-z0-9]+/g, ' ').trim();
  const words = ` ${normalise(role)} `;
  return [wording.supportCoordinator, ...wording.supportCoordinatorAliases].some((name) => {
    const wanted = normalise(name);
    return wanted !== '' && words.includes(` ${wanted} `);
  });
}
