// The one test command (README "Tests"): types, lint, unit and integration tests (PGlite, and PostgreSQL
// when TEST_DATABASE_URL is set), then browser tests in Debian's Chromium. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
mkdirSync('test-results', { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

const typesOk = run('Typecheck (tsc)', 'npx', ['tsc', '--noEmit']);
if (!typesOk) results.failed++;

// Lint with the boundary rules (biome.json, docs/decisions/0011-biome-lint-and-boundaries.md); a failure counts as failed.
const lintOk = run('Lint and boundaries (Biome)', 'npx', ['biome', 'lint']);
if (!lintOk) results.failed++;

if (!process.env.TEST_DATABASE_URL) {
  console.log('\nTEST_DATABASE_URL is not set: database tests run on PGlite only. Set it (e.g. postgres://localhost:5432/test) to run them on PostgreSQL too.');
}
const unitOk = run('Unit and integration tests (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
if (existsSync('test-results/vitest.json')) {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  results.passed += report.numPassedTests;
  results.failed += report.numFailedTests;
  results.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  if (!unitOk && report.numFailedTests === 0) results.failed++;
} else if (!unitOk) results.failed++;

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`\nBrowser tests need Chromium at ${chromium} (Debian: apt-get install -y chromium).`);
  results.failed++;
} else {
  const e2eOk = run('Browser tests (Playwright + Chromium + axe)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json',
  });
  if (existsSync('test-results/playwright.json')) {
    const stats = JSON.parse(readFileSync('test-results/playwright.json', 'utf8')).stats;
    results.passed += stats.expected;
    results.failed += stats.unexpected + stats.flaky;
    results.skipped += stats.skipped;
    if (!e2eOk && stats.unexpected === 0) results.failed++;
  } else if (!e2eOk) results.failed++;
}

console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed > 0 ? 1 : 0);
