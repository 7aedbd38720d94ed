/**
 * The feature boundaries a tool checks (docs/conventions.md, "Boundaries"; decision 0011). Biome's
 * `noRestrictedImports` matches import strings, not the feature a file belongs to, so these two rules are checked by
 * resolving every relative import of `src/` with the TypeScript compiler's own import scanner
 * (`ts.preProcessFile`); test/feature-boundaries.test.ts runs them.
 *
 * (a) A feature's repository (`repository.ts`, `*-repository.ts`) and its `schema.ts` are imported only by the
 *     feature's own files. Other features, and code outside `src/features/`, use its use cases or its `api.ts`.
 *     Allowed across: a `schema.ts` referring to another feature's tables (foreign keys), a repository joining
 *     another feature's tables (reads), and `src/db/` (migrations).
 * (b) Another feature's subfolders (`views/`, `render/`, `format/`, `editor/`, …) are its internals. Its public entry
 *     points are its top-level files, its `views/shared.tsx` (view parts other features show) and the template
 *     model `templates/model/` (the domain model of a template, public by design).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface BoundaryViolation {
  file: string;
  imports: string;
  rule: 'a' | 'b';
}

/** Files that break a rule today, each one debt to pay (do not add to this list). */
export const KNOWN_EXCEPTIONS: ReadonlyArray<{ file: string; imports: string }> = [
  // The demo seeding counts rows of the register's tables before it seeds (also a drizzle exception in biome.json).
  { file: 'src/features/demo/seed-demo-data.ts', imports: 'src/features/partnerships/schema.ts' },
];

function featureOf(file: string): { feature: string; rest: string } | null {
  const match = /^src\/features\/([^/]+)\/(.+)$/.exec(file);
  return match ? { feature: match[1]!, rest: match[2]! } : null;
}

const isRepository = (rest: string) => !rest.includes('/') && /(^|-)repository\.tsx?$/.test(rest);
const isSchema = (rest: string) => rest === 'schema.ts';

/** The rule an import from `file` to `target` (both relative to the repository root) breaks, if any. */
export function checkImport(file: string, target: string): 'a' | 'b' | null {
  const to = featureOf(target);
  if (!to) return null;
  const from = featureOf(file);
  if (from?.feature === to.feature) return null;
  if (isRepository(to.rest)) return 'a';
  if (isSchema(to.rest)) {
    if (file.startsWith('src/db/')) return null;
    const base = path.basename(file);
    if (from && !from.rest.includes('/') && (base === 'schema.ts' || /(^|-)repository\.ts$/.test(base))) return null;
    return 'a';
  }
  if (to.rest.includes('/')) {
    if (to.feature === 'templates' && to.rest.startsWith('model/')) return null;
    if (/^views\/shared\.tsx?$/.test(to.rest)) return null;
    return 'b';
  }
  return null;
}

function resolve(fromFile: string, specifier: string, exists: (file: string) => boolean): string | null {
  if (!specifier.startsWith('.')) return null;
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  const stem = joined.replace(/\.js$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, joined, `${stem}/index.ts`]) if (exists(candidate)) return candidate;
  return null;
}

/** Every violation in the given files (path relative to the root → source text). */
export function findViolations(sources: ReadonlyMap<string, string>): BoundaryViolation[] {
  const violations: BoundaryViolation[] = [];
  for (const [file, text] of sources) {
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      const target = resolve(file, imported.fileName, (f) => sources.has(f));
      if (!target) continue;
      const rule = checkImport(file, target);
      if (rule) violations.push({ file, imports: target, rule });
    }
  }
  return violations;
}

/** The production sources under `src/` (tests may reach into anything they test). */
export function readSources(root: string): Map<string, string> {
  const sources = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) sources.set(rel, readFileSync(path.join(root, rel), 'utf8'));
    }
  };
  walk('src');
  return sources;
}
