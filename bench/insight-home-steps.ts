/**
 * Where the insight home of a big place spends its time, step by step (issue 12: the 7,000-school home against
 * its 1 s target). Not a benchmark with a baseline: a profile of one loader on a kept bench database, to see which
 * statement or Node step to work on. `tsx bench/insight-home-steps.ts <kept database> [slug, default landelijk] [runs]`.
 */
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { FixedClock } from '../src/config/clock.js';
import { openDatabase } from '../src/db/client.js';
import { cellStatus, computeCoverageFromCounts, coverageHoles, coverageItems, emptyTally, type Tally } from '../src/features/insight/figures.js';
import { loadPlaceContext } from '../src/features/insight/insight-context.js';
import { loadInsightHome } from '../src/features/insight/load-insight-home.js';
import { listPlaceSchools, listRecentTransitions, listYearCycles } from '../src/features/insight/repository.js';
import { countCoverageFromSummaries, loadSchoolSummaries, schoolsWithChoice } from '../src/features/insight/summary.js';
import type { Authorized } from '../src/ui/route.js';
import { YEARS } from './insight-data.js';

const [name, slug = 'landelijk', runsArg = '3'] = process.argv.slice(2);
if (!name) throw new Error('usage: tsx bench/insight-home-steps.ts <kept database> [slug] [runs]');
const url = new URL(process.env['BENCH_DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/test');
url.pathname = `/${name}`;
const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
const db = handle.db;
const clock = new FixedClock('2026-03-02T09:00:00+01:00');
const [place] = ((await db.execute(sql`select id from partnerships where slug = ${slug}`)) as unknown as { rows: Array<{ id: string }> }).rows;
const partnershipId = place!.id;
const auth: Authorized = {
  principal: { userId: 'bench', email: 'b@example', name: 'B', locale: 'nl', memberships: [{ role: 'platform_admin', partnershipId: null, boardId: null, schoolId: null, placeName: 'OpenSOP', homePartnershipId: null }] },
  scope: { level: 'partnership', partnershipId },
  permission: 'partnership.view',
};

async function step<T>(label: string, times: Map<string, number[]>, run: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const result = await run();
  const list = times.get(label) ?? [];
  list.push(performance.now() - start);
  times.set(label, list);
  return result;
}

const times = new Map<string, number[]>();
for (let run = 0; run < Number(runsArg) + 1; run++) {
  const t = run === 0 ? new Map<string, number[]>() : times; // the first run warms caches
  const schoolYear = YEARS[2]!;
  await step('whole loader (loadInsightHome)', t, () => loadInsightHome({ db, clock, auth, schoolYear, noDistrict: 'Zonder wijk' }));
  await step('cycles', t, () => listYearCycles(db, partnershipId));
  const place = { partnershipId, boardId: null, name: 'x', basePath: '/x' };
  await step('listPlaceSchools (query)', t, () => listPlaceSchools(db, place, schoolYear));
  const context = await step('loadPlaceContext (cycles, template, schools)', t, () => loadPlaceContext({ db, clock, place, schoolYear }));
  const summaries = await step('loadSchoolSummaries (query + map)', t, () => loadSchoolSummaries(db, partnershipId, schoolYear, context.schools));
  await step('tallies, one lookup per cell (the old way, Node)', t, () => {
    const tally: Tally = emptyTally();
    for (const school of context.schools) for (const { item } of context.normedItems) {
      const cell = summaries.cell(school.id, item.key);
      if (cell) tally[cellStatus(cell, 'swv')] += 1;
    }
    return tally;
  });
  const items = coverageItems(context.template);
  const counts = await step('coverage counts (Node)', t, () => countCoverageFromSummaries(summaries, context.schools, items.map(({ item }) => item.key), 'district'));
  const coverage = await step('computeCoverageFromCounts (Node)', t, () => computeCoverageFromCounts({ template: context.template, schools: context.schools, counts, by: 'district', noDistrict: 'Zonder wijk' }));
  const withHoles = coverage.filter((entry) => entry.cells.some((cell) => cell.atSchool === 0));
  const offers = await step('schoolsWithChoice (Node)', t, () => schoolsWithChoice(summaries, context.schools, withHoles.map((entry) => ({ itemKey: entry.item.key, value: entry.levels[0]!.value }))));
  await step('coverageHoles (Node)', t, () => coverageHoles(coverage, context.schools, offers));
  await step('listRecentTransitions (query)', t, () => listRecentTransitions(db, context.place, schoolYear, 8));
}
console.log(`home of ${slug}, median of ${runsArg} runs after one warm-up, load ${loadavg()[0]!.toFixed(1)}`);
for (const [label, list] of times) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(`  ${label.padEnd(48)} ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0).padStart(6)} ms`);
}
await handle.close();
