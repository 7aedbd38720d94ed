/** @jsxImportSource hono/jsx */
/**
 * Insight at national scale (issue 12): every insight view's server time for an SWV of 300 schools and for the
 * largest place there is (the platform administrator has no national view: the closest is the insight of one SWV
 * holding all 7,000 schools, which the platform administrator may open), side by side with a plain SQL aggregate
 * over the raw answer rows that computes the same figures, in the same run; the all-answers XLSX of the 7,000
 * schools (time and peak RSS in its own child process); and the same views on PGlite for one SWV of 150 schools.
 *
 * Run: npm run bench:insight -- [--schools 7000] [--swv-schools 300] [--pglite-schools 150] [--runs 7] [--only pg|pglite]
 *      [--keep] (keep the scratch database and print its name) [--reuse <db>] (measure a kept database again)
 *      [--places swv,all] (PostgreSQL: which places to measure; `--places swv` skips the 7,000 and the XLSX)
 *      [--views home,basic] (only the views whose name starts with one of these words; no XLSX then)
 *      [--export-only] (with --reuse: only the all-answers XLSX) [--export-heap <MB>] (the export child's
 *      --max-old-space-size) [--export-format xlsx|csv]
 *      [--progress-only] (with --reuse: the progress overview's loader, completeness counted in the database, beside
 *      the way it was: every answer of every profile read and computeCompleteness run in Node)
 * Needs PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL (default postgres://root@127.0.0.1:5432/test); the bench
 * creates and drops its own database. Each database runs in its own child process (PGlite's heap never counts for
 * PostgreSQL), and the export runs in a child of its own so its peak RSS is the export's.
 */
import { spawn, spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Principal } from '../src/auth/roles.js';
import { FixedClock } from '../src/config/clock.js';
import { openDatabase, type Database, type DatabaseHandle } from '../src/db/client.js';
import { loadProgressPage } from '../src/features/cycle/load-progress-page.js';
import { listProgressRows } from '../src/features/cycle/repository.js';
import { exportAnswers } from '../src/features/insight/export-answers.js';
import { listAnswersOfProfiles } from '../src/features/questionnaire/api.js';
import { computeCompleteness } from '../src/features/questionnaire/completeness.js';
import { loadTemplateDefinition } from '../src/features/questionnaire/template-cache.js';
import { coverageItems } from '../src/features/insight/figures.js';
import { normedItemsOf } from '../src/features/insight/insight-context.js';
import { loadBasicSupport } from '../src/features/insight/load-basic-support.js';
import { loadCoverage } from '../src/features/insight/load-coverage.js';
import { loadInsightHome } from '../src/features/insight/load-insight-home.js';
import { loadItemSchools } from '../src/features/insight/load-item-schools.js';
import { loadSchoolGaps } from '../src/features/insight/load-school-gaps.js';
import { loadNationalInsight } from '../src/features/insight/load-national-insight.js';
import { loadYearComparison } from '../src/features/insight/load-year-comparison.js';
import { NationalInsightView } from '../src/features/insight/views/national.js';
import { CoverageView } from '../src/features/insight/views/coverage.js';
import { CompareView } from '../src/features/insight/views/compare.js';
import { InsightHomeView } from '../src/features/insight/views/home.js';
import { MatrixView } from '../src/features/insight/views/matrix.js';
import type { Authorized } from '../src/ui/route.js';
import { generateInsightData, YEARS, type BenchPlace } from './insight-data.js';

const { values: args } = parseArgs({
  options: {
    schools: { type: 'string', default: '7000' },
    'swv-schools': { type: 'string', default: '300' },
    'pglite-schools': { type: 'string', default: '150' },
    runs: { type: 'string', default: '7' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    places: { type: 'string', default: 'swv,all' },
    views: { type: 'string' },
    'export-only': { type: 'boolean', default: false },
    'progress-only': { type: 'boolean', default: false },
    'export-heap': { type: 'string' },
    'export-format': { type: 'string', default: 'xlsx' },
  },
  allowPositionals: true,
});
const RUNS = Number(args.runs);
/**
 * `--views national,matrix-page`: measure only these (keys: home, matrix, matrix-page, coverage, compare, compare-page, item,
 * school, national, export), so one new view can be measured on a shared machine without rerunning everything.
 */
const ONLY_VIEWS = args.views ? new Set(args.views.split(',').map((view) => view.trim())) : null;
const wanted = (key: string) => !ONLY_VIEWS || ONLY_VIEWS.has(key);
const YEAR = YEARS[2];
const clock = new FixedClock('2026-03-02T09:00:00+01:00');
const adminUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/test';
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
const load = () => loadavg()[0]!.toFixed(1);

function platformAdmin(partnershipId: string): Authorized {
  const principal: Principal = {
    userId: 'bench-platform-admin',
    email: 'beheer@opensop.example',
    name: 'Platformbeheerder',
    locale: 'nl',
    memberships: [{ role: 'platform_admin', partnershipId: null, boardId: null, schoolId: null, placeName: 'OpenSOP', homePartnershipId: null }],
  };
  return { principal, scope: { level: 'partnership', partnershipId }, permission: 'partnership.view' };
}

function platformScope(): Authorized {
  return { ...platformAdmin('unused'), scope: { level: 'platform' }, permission: 'platform.viewInsight' };
}

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function rows(db: Database, query: ReturnType<typeof sql>): Promise<unknown[]> {
  const result = (await db.execute(query)) as unknown as { rows: unknown[] };
  return result.rows;
}

/** Plain SQL over the raw answer rows computing each view's figures (the baseline of the "within 2×" target). */
function plainAggregates(db: Database, place: BenchPlace, normedKeys: string[], coverageKeys: string[]) {
  const p = place.partnershipId;
  const normed = sql`(${sql.join(normedKeys.map((key) => sql`${key}`), sql`, `)})`;
  const coverage = sql`(${sql.join(coverageKeys.map((key) => sql`${key}`), sql`, `)})`;
  const amb = sql.raw(`(a.ambition is not null and a.ambition <> 'null'::jsonb)`);
  const statusPerItem = () =>
    rows(db, sql`select a.item_key, a.norm_status, a.national_norm_status, ${amb} as amb, count(*) from answers a
      where a.partnership_id = ${p} and a.school_year = ${YEAR} and a.item_key in ${normed} group by 1, 2, 3, 4`);
  const coveragePerDistrict = () =>
    rows(db, sql`select s.district_id, a.item_key, a.value, count(*) from answers a join profiles pr on pr.id = a.profile_id join schools s on s.id = pr.school_id
      where a.partnership_id = ${p} and a.school_year = ${YEAR} and a.item_key in ${coverage} group by 1, 2, 3`);
  const profileStates = () => rows(db, sql`select status, count(*) from profiles where partnership_id = ${p} and school_year = ${YEAR} group by 1`);
  return {
    home: async () => {
      await profileStates();
      await statusPerItem();
      await coveragePerDistrict();
    },
    // The matrix shows every cell: the baseline reads them (school, item, both statuses, ambition), nothing else.
    matrix: () =>
      rows(db, sql`select pr.school_id, a.item_key, a.norm_status, a.national_norm_status, ${amb} as amb from answers a join profiles pr on pr.id = a.profile_id
        where a.partnership_id = ${p} and a.school_year = ${YEAR} and a.item_key in ${normed}`),
    // Page 2 of the matrix: the cells of the 101st–200th school by name, and the status counts per item of every school.
    matrixPage: async () => {
      await rows(db, sql`select pr.school_id, a.item_key, a.norm_status, a.national_norm_status, ${amb} as amb from answers a join profiles pr on pr.id = a.profile_id
        where a.partnership_id = ${p} and a.school_year = ${YEAR} and a.item_key in ${normed}
        and pr.school_id in (select s.id from schools s join profiles q on q.school_id = s.id and q.school_year = ${YEAR}
          where s.partnership_id = ${p} order by s.name, s.location_code offset 100 limit 100)`);
      await statusPerItem();
    },
    coverage: async () => {
      await coveragePerDistrict();
      await rows(db, sql`select a.item_key, a.ambition->>'schoolYear', count(*) from answers a where a.partnership_id = ${p} and a.school_year = ${YEAR}
        and a.ambition is not null and a.ambition <> 'null'::jsonb group by 1, 2`);
    },
    compare: () =>
      rows(db, sql`select a.item_key, count(*) filter (where b.norm_status = 'meets') as before, count(*) filter (where a.norm_status = 'meets') as now,
          count(*) filter (where b.norm_status = 'below' and a.norm_status = 'meets') as rose, count(*) filter (where b.norm_status = 'meets' and a.norm_status = 'below') as fell
        from answers a join profiles pa on pa.id = a.profile_id
        join profiles pb on pb.school_id = pa.school_id and pb.school_year = ${YEARS[1]}
        join answers b on b.profile_id = pb.id and b.item_key = a.item_key
        where a.partnership_id = ${p} and a.school_year = ${YEAR} and a.item_key in ${normed} group by 1`),
    item: () =>
      rows(db, sql`select a.norm_status, ${amb} as amb, count(*) from answers a where a.partnership_id = ${p} and a.school_year = ${YEAR} and a.item_key = ${normedKeys[0]!} group by 1, 2`),
    school: () =>
      rows(db, sql`select a.item_key, a.norm_status, a.national_norm_status, ${amb} from answers a join profiles pr on pr.id = a.profile_id
        where pr.school_id = (select school_id from profiles where partnership_id = ${p} and school_year = ${YEAR} and status = 'published' order by school_id limit 1)
        and pr.school_year = ${YEAR} and a.item_key in ${normed}`),
  };
}

interface Line {
  view: string;
  view_ms: { median: number; p95: number };
  render_ms: { median: number; p95: number } | null;
  plain_ms: { median: number; p95: number } | null;
}

async function measurePlace(db: Database, place: BenchPlace, label: string): Promise<Line[]> {
  const auth = platformAdmin(place.partnershipId);
  const base = { db, clock, auth, schoolYear: YEAR };
  const home = await loadInsightHome({ ...base, noDistrict: 'Geen wijk' });
  const template = home.context.template;
  const normedKeys = normedItemsOf(template).map(({ item }) => item.key);
  const coverageKeys = coverageItems(template).map(({ item }) => item.key);
  const aSchool = home.context.schools.find((school) => school.status === 'published')!;
  const plain = plainAggregates(db, place, normedKeys, coverageKeys);
  const views: Array<{ key: string; view: string; load: () => Promise<unknown>; render?: (page: any) => unknown; plain?: () => Promise<unknown> }> = [
    { key: 'home', view: 'home', load: () => loadInsightHome({ ...base, noDistrict: 'Geen wijk' }), render: (page) => <InsightHomeView home={page} locale="nl" />, plain: plain.home },
    { key: 'matrix', view: 'basic support (matrix)', load: () => loadBasicSupport({ ...base, filters: {}, which: 'swv' }), render: (page) => <MatrixView page={page} locale="nl" />, plain: plain.matrix },
    {
      key: 'matrix-page',
      view: 'matrix, page 2 (100)',
      load: () => loadBasicSupport({ ...base, filters: {}, which: 'swv', paging: { page: 2 } }),
      render: (page) => <MatrixView page={page} locale="nl" />,
      plain: plain.matrixPage,
    },
    { key: 'coverage', view: 'coverage + ambitions', load: () => loadCoverage({ ...base, filters: {}, by: 'district', noDistrict: 'Geen wijk' }), render: (page) => <CoverageView page={page} locale="nl" />, plain: plain.coverage },
    { key: 'compare', view: 'year over year', load: () => loadYearComparison({ ...base, filters: {}, previousYear: YEARS[1] }), render: (page) => <CompareView page={page} locale="nl" />, plain: plain.compare },
    {
      key: 'compare-page',
      view: 'year over year, page 2',
      load: () => loadYearComparison({ ...base, filters: {}, previousYear: YEARS[1], paging: { page: 2 } }),
      render: (page) => <CompareView page={page} locale="nl" />,
      plain: plain.compare,
    },
    { key: 'item', view: 'one item, all schools', load: () => loadItemSchools({ ...base, itemKey: normedKeys[0]! }), plain: plain.item },
    { key: 'school', view: "one school's gaps", load: () => loadSchoolGaps({ ...base, schoolId: aSchool.id }), plain: plain.school },
  ];
  return measureViews(views.filter((entry) => wanted(entry.key)), label);
}

async function measureViews(views: Array<{ key?: string; view: string; load: () => Promise<unknown>; render?: (page: any) => unknown; plain?: () => Promise<unknown> }>, label: string): Promise<Line[]> {
  const lines: Line[] = [];
  const only = args.views?.split(',');
  for (const entry of views) {
    if (only && !only.some((word) => entry.key === word || entry.view.startsWith(word))) continue;
    const viewMs: number[] = [];
    const renderMs: number[] = [];
    const plainMs: number[] = [];
    // One warm-up each (template cache, plans), then alternate view and baseline so both see the same machine.
    let page = await entry.load();
    await entry.plain?.();
    for (let run = 0; run < RUNS; run++) {
      viewMs.push(await time(async () => (page = await entry.load())));
      if (entry.render) renderMs.push(await time(async () => String(await (entry.render!(page) as Promise<unknown>))));
      if (entry.plain) plainMs.push(await time(entry.plain));
    }
    const line: Line = { view: entry.view, view_ms: stats(viewMs), render_ms: renderMs.length ? stats(renderMs) : null, plain_ms: plainMs.length ? stats(plainMs) : null };
    lines.push(line);
    const ratio = line.plain_ms ? ` ${(line.view_ms.median / line.plain_ms.median).toFixed(1)}×` : '';
    console.log(
      `${label.padEnd(22)} ${entry.view.padEnd(24)} view ${line.view_ms.median.toFixed(0).padStart(6)} / ${line.view_ms.p95.toFixed(0).padStart(6)} ms` +
        `${line.render_ms ? `   + HTML ${line.render_ms.median.toFixed(0).padStart(5)} ms` : '                 '}` +
        `${line.plain_ms ? `   plain SQL ${line.plain_ms.median.toFixed(0).padStart(5)} / ${line.plain_ms.p95.toFixed(0).padStart(5)} ms  ratio${ratio}` : ''}   (load ${load()})`,
    );
  }
  return lines;
}

/**
 * The national view (every SWV of the database: the 7,000 and the 300) beside plain SQL computing the same
 * figures: schools and pupils, profile states and late ones, status counts on the normed items and holes in
 * coverage, each GROUP BY partnership (the bench's SWVs share one template, so plain IN lists do).
 */
async function measureNational(db: Database, label: string): Promise<Line[]> {
  const auth = platformScope();
  const first = await loadNationalInsight({ db, clock, auth, schoolYear: YEAR });
  const anyRound = (await rows(db, sql`select template_version_id from cycles where school_year = ${YEAR} limit 1`)) as Array<{ template_version_id: string }>;
  const template = await loadTemplateDefinition(db, anyRound[0]!.template_version_id);
  const normed = sql`(${sql.join(
    normedItemsOf(template)
      .filter((entry) => entry.hasNorm)
      .map(({ item }) => sql`${item.key}`),
    sql`, `,
  )})`;
  const coverage = sql.join(
    coverageItems(template).map(({ item, levels }) => sql`(${item.key}, ${levels[0]!.value})`),
    sql`, `,
  );
  const plain = async () => {
    await rows(db, sql`with latest as (select distinct on (school_id) school_id, low, high from school_pupil_counts order by school_id, counted_on desc)
      select s.partnership_id, count(*), count(p.id), sum(l.low) filter (where l.low = l.high), count(*) filter (where l.low = 1 and l.high = 4)
      from schools s left join latest l on l.school_id = s.id left join profiles p on p.school_id = s.id and p.school_year = ${YEAR}
      where s.archived_at is null or p.id is not null group by 1`);
    await rows(db, sql`select p.partnership_id, p.status, count(*), count(*) filter (where p.submitted_at > c.submit_deadline + 1
      or (p.status in ('not_started', 'in_progress') and c.submit_deadline < ${'2026-03-02'}::date)) from profiles p
      join cycles c on c.partnership_id = p.partnership_id and c.school_year = p.school_year where p.school_year = ${YEAR} group by 1, 2`);
    await rows(db, sql`select a.partnership_id, a.norm_status, (a.ambition is not null and a.ambition <> 'null'::jsonb), count(*) from answers a
      where a.school_year = ${YEAR} and a.item_key in ${normed} group by 1, 2, 3`);
    await rows(db, sql`with i(item_key, at_school) as (values ${coverage}),
      g as (select distinct p.partnership_id, coalesce(s.district_id, '-') as district from profiles p join schools s on s.id = p.school_id where p.school_year = ${YEAR}),
      o as (select distinct a.partnership_id, coalesce(s.district_id, '-') as district, a.item_key from answers a join i on i.item_key = a.item_key and a.value = to_jsonb(i.at_school)
        join profiles p on p.id = a.profile_id join schools s on s.id = p.school_id where a.school_year = ${YEAR})
      select g.partnership_id, count(*) filter (where o.item_key is null) from g cross join i
      left join o on o.partnership_id = g.partnership_id and o.district = g.district and o.item_key = i.item_key
      group by 1`);
  };
  console.log(`${label}: ${first.rows.length} SWVs, ${first.totals.schools} schools, share ${((first.totals.share ?? 0) * 100).toFixed(1)}%, ${first.totals.holes} holes`);
  return measureViews(
    [{ view: 'national (every SWV)', load: () => loadNationalInsight({ db, clock, auth, schoolYear: YEAR }), render: (page) => <NationalInsightView page={page} locale="nl" />, plain }],
    label,
  );
}

async function createScratch(): Promise<{ name: string; url: string }> {
  const name = `opensop_bench_insight_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

async function dropScratch(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

function urlOf(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The progress overview's loader (completeness and last activity counted in the database) beside the old way. */
async function measureProgress(db: Database, place: BenchPlace, label: string): Promise<void> {
  const auth = platformAdmin(place.partnershipId);
  const now = async () => {
    const page = await loadProgressPage({ db, clock, auth, place: { partnershipId: place.partnershipId, schoolYear: YEAR } });
    return page.rows.length;
  };
  const before = async () => {
    const rows = await listProgressRows(db, place.partnershipId, YEAR);
    const answers = await listAnswersOfProfiles(db, rows.map((row) => row.profileId));
    let answered = 0;
    for (const row of rows) {
      const stored = answers.get(row.profileId)!;
      answered += computeCompleteness(await loadTemplateDefinition(db, row.templateVersionId), stored.answers, stored.limits).answered;
    }
    return answered;
  };
  const times = { now: [] as number[], before: [] as number[] };
  for (let run = 0; run <= RUNS; run += 1) {
    for (const [name, fn] of [['now', now], ['before', before]] as const) {
      const start = performance.now();
      await fn();
      if (run > 0) times[name].push(performance.now() - start);
    }
  }
  const a = stats(times.now);
  const b = stats(times.before);
  console.log(`${label.padEnd(22)} progress overview  loader ${a.median.toFixed(0)} / ${a.p95.toFixed(0)} ms   before (answers to Node) ${b.median.toFixed(0)} / ${b.p95.toFixed(0)} ms   (load ${load()})`);
}

/** The all-answers XLSX of the big place, in this (child) process: wall time, bytes, peak RSS. */
async function exportChild(url: string, partnershipId: string): Promise<void> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const handle = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
  const floor = process.memoryUsage().rss;
  const start = performance.now();
  const format = args['export-format'] === 'csv' ? 'csv' : 'xlsx';
  const file = await exportAnswers({ db: handle.db, clock, auth: platformAdmin(partnershipId), schoolYear: YEAR, format, locale: 'nl' });
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  await file.write(sink);
  const ms = performance.now() - start;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  const heap = args['export-heap'] ? `, heap cap ${args['export-heap']} MB` : '';
  console.log(`${format.toUpperCase()} all answers: ${(ms / 1000).toFixed(1)} s, ${mb(bytes)} written, peak RSS ${mb(peak)} (process floor after opening ${mb(floor)}${heap}), load ${load()}`);
  await handle.close();
}

async function onPostgres(): Promise<void> {
  const bigSchools = Number(args.schools);
  const swvSchools = Number(args['swv-schools']);
  let name = args.reuse;
  let url: string;
  let handle: DatabaseHandle;
  let places: { big: BenchPlace; swv: BenchPlace };
  if (name) {
    url = urlOf(name);
    handle = await openDatabase({ kind: 'postgres', url, poolSize: 5 });
    const found = (await rows(handle.db, sql`select p.id, p.slug, p.name, count(s.id)::int as n from partnerships p join schools s on s.partnership_id = p.id group by 1, 2, 3`)) as Array<{ id: string; slug: string; name: string; n: number }>;
    const place = (slug: string): BenchPlace => {
      const row = found.find((entry) => entry.slug === slug)!;
      return { partnershipId: row.id, name: row.name, slug: row.slug, schools: row.n };
    };
    places = { big: place('landelijk'), swv: place('regio-midden') };
    await handle.migrate();
  } else {
    const scratch = await createScratch();
    name = scratch.name;
    url = scratch.url;
    handle = await openDatabase({ kind: 'postgres', url, poolSize: 5 });
    await handle.migrate();
    console.log(`PostgreSQL: generating ${bigSchools} + ${swvSchools} schools × ${YEARS.length} years × 200 items in ${name} (load ${load()})`);
    const start = performance.now();
    places = await generateInsightData(handle.db, { bigSchools, swvSchools, log: console.log });
    console.log(`  generated in ${((performance.now() - start) / 1000).toFixed(0)} s`);
  }
  const count = (await rows(handle.db, sql`select count(*)::int as n from answers`)) as Array<{ n: number }>;
  console.log(`PostgreSQL: ${count[0]!.n.toLocaleString('en')} answer rows; median / p95 of ${RUNS} runs (view = the loader; HTML = rendering its view)`);
  try {
    const which = args.places.split(',');
    if (args['progress-only']) {
      await measureProgress(handle.db, places.swv, `PG SWV ${places.swv.schools}`);
      await measureProgress(handle.db, places.big, `PG all ${places.big.schools}`);
      await handle.close();
      return;
    }
    if (!args['export-only']) {
      if (which.includes('swv')) await measurePlace(handle.db, places.swv, `PG SWV ${places.swv.schools}`);
      if (which.includes('all')) await measurePlace(handle.db, places.big, `PG all ${places.big.schools}`);
      if (wanted('national')) await measureNational(handle.db, `PG national ${places.big.schools + places.swv.schools}`);
    }
    await handle.close();
    if (!which.includes('all') || !wanted('export')) return;
    // The export in a child process of its own: its peak RSS is the export's.
    const heap = args['export-heap'] ? [`--max-old-space-size=${Number(args['export-heap'])}`] : [];
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [...heap, ...process.execArgv, ...process.argv.slice(1)], {
        stdio: 'inherit',
        env: { ...process.env, BENCH_DB: 'export', BENCH_URL: url, BENCH_PARTNERSHIP: places.big.partnershipId },
      });
      child.on('exit', () => resolve());
    });
  } finally {
    if (args.keep || args.reuse) console.log(`kept database ${name} (--reuse ${name})`);
    else await dropScratch(name);
  }
}

async function onPglite(): Promise<void> {
  const schools = Number(args['pglite-schools']);
  const handle = await openDatabase({ kind: 'pglite-memory' });
  await handle.migrate();
  console.log(`PGlite: generating ${schools} schools × ${YEARS.length} years × 200 items (load ${load()})`);
  const start = performance.now();
  const { swv } = await generateInsightData(handle.db, { bigSchools: 1, swvSchools: schools, log: console.log });
  console.log(`  generated in ${((performance.now() - start) / 1000).toFixed(0)} s`);
  await measurePlace(handle.db, swv, `PGlite SWV ${schools}`);
  if (wanted('national')) await measureNational(handle.db, `PGlite national ${schools + 1}`);
  await handle.close();
}

const which = process.env['BENCH_DB'];
if (which === 'export') {
  await exportChild(process.env['BENCH_URL']!, process.env['BENCH_PARTNERSHIP']!);
} else if (which === 'postgres') {
  await onPostgres();
} else if (which === 'pglite') {
  await onPglite();
} else {
  console.log(`Insight bench, Node ${process.version}, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} (2 shared cores)`);
  for (const db of args.only ? [args.only === 'pg' ? 'postgres' : args.only] : ['postgres', 'pglite']) {
    const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, BENCH_DB: db } });
    if (child.status !== 0) process.exitCode = 1;
  }
}
