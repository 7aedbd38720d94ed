/**
 * All scope-assertion cases, the assertions that are not load-bearing on their own (with the reason), and the
 * static scan of `src/` for the names of the assertions (test/scope-assertions.test.ts checks the three agree).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackedAssertion, ScopeCase } from './context.js';
import { accountsCases } from './accounts.js';
import { cycleCases, cycleNotLoadBearing } from './cycle.js';
import { insightCases } from './insight.js';
import { partnershipsCases } from './partnerships.js';
import { peopleCases, peopleNotLoadBearing } from './people.js';
import { registerCases } from './register.js';

export const ALL_SCOPE_CASES: ScopeCase[] = [...accountsCases, ...partnershipsCases, ...registerCases, ...cycleCases, ...peopleCases, ...insightCases];

/**
 * Assertions that cannot let a persona in when switched off alone, because another check guards the same id.
 * Listed by name with the check that does and a call that shows it; add one only with the exact reason.
 */
export const NOT_LOAD_BEARING: Record<string, BackedAssertion> = { ...peopleNotLoadBearing, ...cycleNotLoadBearing };

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Calls of `assertInScope` whose name is not a literal: the file, and how the names reach it. A helper that takes the
 * name as an argument (`pollOfSchool(db, auth, 'closePoll', …)`) gives every literal passed to it anywhere in src/;
 * a ternary gives its literals, listed here. A new call with a computed name fails the scan until it is listed.
 */
const COMPUTED_NAMES: Record<string, { helper: string } | { names: string[] }> = {
  'src/features/quality-review/save-checklist.ts': { names: ['saveSelfAssessment', 'saveReview'] },
  'src/features/pupil-poll/school-polls.ts': { helper: 'pollOfSchool' },
  'src/features/conversation-guide/guide-template.ts': { helper: 'loadGuideTemplate' },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The name of every scope assertion in src/, read from the source. */
export function scopeAssertionNamesInSource(): Set<string> {
  const files = sourceFiles(join(ROOT, 'src')).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
  const names = new Set<string>();
  const computed = new Set<string>();
  for (const { path, text } of files) {
    if (path === 'src/auth/policy.ts') continue;
    for (const match of text.matchAll(/\bassertInScope\(\s*([^,]*),/g)) {
      const literal = /^'([^']+)'$/.exec(match[1]!.trim());
      if (literal) names.add(literal[1]!);
      else computed.add(path);
    }
  }
  for (const path of computed) {
    const how = COMPUTED_NAMES[path];
    if (!how) throw new Error(`${path} calls assertInScope with a computed name: list how its names arrive in COMPUTED_NAMES (test/support/scope-cases/all.ts)`);
    if ('names' in how) {
      const text = files.find((file) => file.path === path)!.text;
      for (const name of how.names) {
        if (!text.includes(`'${name}'`)) throw new Error(`${path} no longer names the assertion '${name}'`);
        names.add(name);
      }
    } else {
      const call = new RegExp(`\\b${how.helper}\\(([^()]*)\\)`, 'g');
      for (const { text } of files) for (const match of text.matchAll(call)) for (const literal of match[1]!.matchAll(/'([^']+)'/g)) names.add(literal[1]!);
    }
  }
  for (const path of Object.keys(COMPUTED_NAMES)) if (!computed.has(path)) throw new Error(`${path} no longer computes an assertion name: remove it from COMPUTED_NAMES`);
  return names;
}
