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
 * (c) A feature writes only its own tables. Reading another feature's tables in a repository (a join) is allowed by
 *     (a); inserting, updating or deleting them is not: the owner's repository does that, through its `api.ts`, so
 *     every write to a table can be found in one feature. Found by the drizzle calls (`.insert(t)`, `.update(t)`,
 *     `.delete(t)`) on an imported table and by `insert into` / `update` / `delete from` inside sql`…` templates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface BoundaryViolation {
  file: string;
  imports: string;
  rule: 'a' | 'b';
}

export interface ForeignWrite {
  file: string;
  /** The SQL name of the table written. */
  table: string;
  /** The feature that owns it. */
  owner: string;
}

/** Writes to another feature's tables that exist today, each one debt to pay (do not add to this list). */
export const KNOWN_FOREIGN_WRITES: ReadonlyArray<{ file: string; table: string }> = [
  // The yearly cycle prepares next year's profiles, carries answers over and moves profiles through their states in
  // the same transaction as its own rows; the questionnaire's repository should offer these writes.
  { file: 'src/features/cycle/repository.ts', table: 'answers' },
  { file: 'src/features/cycle/repository.ts', table: 'profiles' },
  { file: 'src/features/cycle/repository.ts', table: 'answer_history' },
  // The demo seeds the register before the register's own import exists in that database.
  { file: 'src/features/demo/seed-demo-data.ts', table: 'partnerships' },
  { file: 'src/features/demo/seed-demo-data.ts', table: 'districts' },
  { file: 'src/features/demo/seed-demo-data.ts', table: 'boards' },
  { file: 'src/features/demo/seed-demo-data.ts', table: 'schools' },
];

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

/** Every table declared in a feature's `schema.ts`: its TypeScript name and SQL name, with the owning feature. */
export function tableOwners(sources: ReadonlyMap<string, string>): Array<{ name: string; table: string; owner: string }> {
  const owners: Array<{ name: string; table: string; owner: string }> = [];
  for (const [file, text] of sources) {
    const feature = featureOf(file);
    if (!feature || !isSchema(feature.rest)) continue;
    for (const match of text.matchAll(/export const (\w+)\s*=\s*pgTable\(\s*'([^']+)'/g)) owners.push({ name: match[1]!, table: match[2]!, owner: feature.feature });
  }
  return owners;
}

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** Rule (c): every insert, update or delete of another feature's table. */
export function findForeignWrites(sources: ReadonlyMap<string, string>): ForeignWrite[] {
  const owners = tableOwners(sources);
  const byName = new Map(owners.map((entry) => [entry.name, entry]));
  const bySqlName = new Map(owners.map((entry) => [entry.table, entry]));
  const writes = new Map<string, ForeignWrite>();
  for (const [file, text] of sources) {
    const feature = featureOf(file)?.feature;
    if (!feature) continue;
    const code = withoutComments(text);
    const found = (entry: { table: string; owner: string } | undefined) => {
      if (entry && entry.owner !== feature) writes.set(`${file} ${entry.table}`, { file, table: entry.table, owner: entry.owner });
    };
    for (const match of code.matchAll(/\.(?:insert|update|delete)\(\s*(\w+)\s*\)/g)) found(byName.get(match[1]!));
    for (const template of code.matchAll(/sql(?:\.raw\()?`([^`]*)`/g)) {
      for (const match of template[1]!.matchAll(/\b(?:insert\s+into|update|delete\s+from)\s+"?(\w+)"?/gi)) found(bySqlName.get(match[1]!));
    }
  }
  return [...writes.values()];
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
