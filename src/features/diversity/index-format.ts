/**
 * The diversity index's content as a file (issue 15; docs/diversity-index-format.md): the SWV's categories of
 * support need with their factors and the arithmetic, like the template format (YAML or JSON, every mistake with
 * its line). A factor is a number (`1.5`) or Dutch text (`"1,5"`), between 0 and 100 with at most two decimals.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../../config/project-root.js';
import { parseDataFile, type DataFileIssue, type DataFileResult } from '../templates/api.js';
import { parseDutchNumber } from '../templates/model/dutch-number.js';
import { ARITHMETICS, DEFAULT_ARITHMETIC, type Arithmetic } from './care-load.js';

export const INDEX_FORMAT = 'opensop-diversity-index/1' as const;
export const EXAMPLE_INDEX_FILE = 'templates/examples/verscheidenheidsindex-voorbeeld.yaml';

const FACTOR_MESSAGE = 'verwacht een factor tussen 0 en 100 met hooguit twee decimalen, bijv. 1.5 of "1,5"';

const factorSchema = z.union([z.number(), z.string()], { error: FACTOR_MESSAGE }).transform((raw, ctx) => {
  const value = typeof raw === 'number' ? raw : (() => {
    const reading = parseDutchNumber(raw.trim());
    return reading.ok ? reading.value : Number.NaN;
  })();
  const hundredths = Math.round(value * 100);
  if (!Number.isFinite(value) || value < 0 || value > 100 || Math.abs(hundredths - value * 100) > 1e-6) {
    ctx.addIssue({ code: 'custom', message: FACTOR_MESSAGE });
    return z.NEVER;
  }
  return hundredths;
});

export const indexFileSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(INDEX_FORMAT, { error: `verwacht format: ${INDEX_FORMAT}` }),
  name: z.string({ error: 'verwacht tekst' }).trim().min(1).max(200),
  example: z.boolean({ error: 'verwacht true of false' }).default(false),
  description: z.string().trim().max(4000).optional(),
  arithmetic: z.enum(ARITHMETICS, { error: `verwacht een van: ${ARITHMETICS.join(', ')}` }).default(DEFAULT_ARITHMETIC),
  categories: z
    .array(
      z.strictObject({
        name: z.string({ error: 'verwacht de naam van de categorie' }).trim().min(1, { error: 'de naam van een categorie mag niet leeg zijn' }).max(120, { error: 'de naam van een categorie heeft hooguit 120 tekens' }),
        factor: factorSchema,
      }),
    )
    .min(1, { error: 'noem minstens één categorie' })
    .max(30, { error: 'hooguit 30 categorieën' }),
});

export interface IndexContent {
  name: string;
  example: boolean;
  description?: string | undefined;
  arithmetic: Arithmetic;
  categories: Array<{ name: string; factorHundredths: number }>;
}

export function parseIndexFile(source: string): DataFileResult<IndexContent> {
  const result = parseDataFile(source, indexFileSchema, {
    emptyMessage: `het bestand is leeg; verwacht format (${INDEX_FORMAT}), name en categories`,
    check: (file) => {
      const errors: DataFileIssue[] = [];
      const seen = new Set<string>();
      file.categories.forEach((category, index) => {
        const key = category.name.toLocaleLowerCase('nl');
        if (seen.has(key)) errors.push({ path: ['categories', index, 'name'], message: `categorie "${category.name}" staat twee keer in het bestand; geef elke categorie een eigen naam` });
        seen.add(key);
      });
      return { errors, warnings: [] };
    },
  });
  if (!result.ok) return result;
  const { name, example, description, arithmetic, categories } = result.value;
  return { ok: true, warnings: result.warnings, value: { name, example, ...(description ? { description } : {}), arithmetic, categories: categories.map((c) => ({ name: c.name, factorHundredths: c.factor })) } };
}

/** The content as a YAML file; factors as plain numbers. parseIndexFile(serializeIndex(c)) equals c. */
export function serializeIndex(content: IndexContent): string {
  return new Document({
    format: INDEX_FORMAT,
    name: content.name,
    ...(content.example ? { example: true } : {}),
    ...(content.description ? { description: content.description } : {}),
    arithmetic: content.arithmetic,
    categories: content.categories.map((c) => ({ name: c.name, factor: c.factorHundredths / 100 })),
  }).toString({ lineWidth: 110 });
}

let example: IndexContent | null = null;
/** The shipped EXAMPLE (marked `example: true`), offered to an SWV without categories. */
export function exampleIndex(): IndexContent {
  if (example) return example;
  const parsed = parseIndexFile(readFileSync(join(projectRoot(), EXAMPLE_INDEX_FILE), 'utf8'));
  if (!parsed.ok) throw new Error(`${EXAMPLE_INDEX_FILE}: ${parsed.errors.map((e) => `${e.line}: ${e.message}`).join('; ')}`);
  example = parsed.value;
  return example;
}
