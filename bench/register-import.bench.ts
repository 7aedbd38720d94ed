/**
 * Register import benchmark (issue 11): a national-size DUO location file (~8,000 rows) previewed and imported
 * into an empty SWV, on embedded PGlite and on PostgreSQL, with peak memory (RSS) — beside a baseline measured in
 * the same run: a plain csv-parse of the same file. Targets: preview < 5 s, import < 10 s, peak < 200 MB.
 *
 * Run: npx tsx bench/register-import.bench.ts   (ROWS=8000; TEST_DATABASE_URL, default
 * postgres://root@127.0.0.1:5432/test, creates and drops its own scratch database; PG=0 skips PostgreSQL).
 * Each database runs in its own child process (BENCH_DB=pglite|postgres), so one's memory never counts for the other;
 * the line "opened and migrated" is that process's floor (PGlite's WebAssembly heap lives in the process).
 */
import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { FixedClock } from '../src/config/clock.js';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';
import { insertPartnership } from '../src/features/partnerships/repository.js';
import { applyLocationImport, existingSchoolsForImport } from '../src/features/register/apply-location-import.js';
import { planLocationImport } from '../src/features/register/plan-location-import.js';
import { readLocationImport } from '../src/features/register/preview-location-import.js';
import { registerMessages } from '../src/features/register/messages.js';
import { translator } from '../src/ui/i18n.js';

const ROWS = Number(process.env['ROWS'] ?? 8000);
const t = translator(registerMessages, 'nl');

/** A DUO-shaped po file: ~1,000 boards, 2,000 BRINs with up to 4 locations, quoted fields, BOM. */
function nationalFile(rows: number): Uint8Array {
  const header = '"PROVINCIE";"BEVOEGD GEZAG NUMMER";"INSTELLINGSCODE";"VESTIGINGSCODE";"VESTIGINGSNAAM";"STRAATNAAM";"HUISNUMMER-TOEVOEGING";"POSTCODE";"PLAATSNAAM";"GEMEENTENUMMER";"GEMEENTENAAM";"DENOMINATIE";"TELEFOONNUMMER";"INTERNETADRES";"SOORT PO"';
  const lines = [header];
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  for (let i = 0; i < rows; i++) {
    const school = Math.floor(i / 4);
    const brin = `${String(school % 100).padStart(2, '0')}${letters[Math.floor(school / 100) % 24]}${letters[Math.floor(school / 2400) % 24]}`;
    const code = `${brin}${String(i % 4).padStart(2, '0')}`;
    const cells = ['Zuid-Holland', String(40000 + (school % 1000)), brin, code, `Basisschool ${i}; locatie "Noord"`, 'Schoolstraat', String(1 + (i % 200)), `${1000 + (i % 8999)} AB`, 'VOORBEELDSTAD', '0999', 'VOORBEELDSTAD', 'Openbaar', '0791234567', `www.school${i}.example`, 'Bo'];
    lines.push(cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(';'));
  }
  return new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\r\n`);
}

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

async function timed<T>(label: string, run: () => Promise<T> | T): Promise<{ result: T; ms: number; peak: number }> {
  globalThis.gc?.();
  peak = process.memoryUsage().rss;
  const start = performance.now();
  const result = await run();
  const ms = performance.now() - start;
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`${label.padEnd(38)} ${ms.toFixed(0).padStart(7)} ms   peak RSS ${mb(peak)}`);
  return { result, ms, peak };
}

async function onDatabase(name: string, open: () => Promise<DatabaseHandle & { drop?: () => Promise<void> }>, file: Uint8Array) {
  const handle = await timed(`${name}: opened and migrated (floor)`, async () => {
    const opened = await open();
    await opened.migrate();
    return opened;
  }).then(({ result }) => result);
  const clock = new FixedClock('2026-03-02T09:00:00+01:00');
  const partnershipId = crypto.randomUUID();
  await insertPartnership(handle.db, { id: partnershipId, name: 'Bench SWV', slug: `bench-${partnershipId.slice(0, 8)}`, sector: 'po', createdAt: clock.now() });
  const preview = await timed(`${name}: preview (parse + plan)`, async () => {
    const payload = readLocationImport({ file, choice: { mode: 'all' }, t });
    const plan = planLocationImport(payload.records, await existingSchoolsForImport(handle.db, partnershipId), { mode: 'all' });
    // What the preview stores server-side: the parsed records as JSON.
    JSON.stringify(payload);
    return { payload, plan };
  });
  await timed(`${name}: import (${preview.result.plan.added.length} new schools)`, () =>
    applyLocationImport({ db: handle.db, clock, partnershipId, actorUserId: null, fileName: 'bench.csv', records: preview.result.payload.records, addCodes: preview.result.plan.added.map((a) => a.record.locationCode), archiveIds: [], boardName: (n) => `Bevoegd gezag ${n}` }),
  );
  await timed(`${name}: re-import (all unchanged)`, async () => {
    const plan = planLocationImport(preview.result.payload.records, await existingSchoolsForImport(handle.db, partnershipId), { mode: 'pick' });
    return plan.unchanged.length;
  });
  await handle.close();
  await handle.drop?.();
}

const file = nationalFile(ROWS);
const which = process.env['BENCH_DB'];
if (!which) {
  console.log(`Register import, ${ROWS} locations (${mb(file.byteLength)} file), Node ${process.version}`);
  await timed('baseline: csv-parse of the same file', () => parse(Buffer.from(file), { delimiter: ';', bom: true }).length);
  for (const db of process.env['PG'] === '0' ? ['pglite'] : ['pglite', 'postgres']) {
    const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, BENCH_DB: db } });
    if (child.status !== 0) process.exitCode = 1;
  }
} else if (which === 'pglite') {
  await onDatabase('PGlite', async () => openDatabase({ kind: 'pglite-memory' }), file);
} else {
  const adminUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/test';
  const dbName = `opensop_bench_register_${Date.now().toString(36)}`;
  await onDatabase(
    'PostgreSQL',
    async () => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${dbName}`;
      const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
      return {
        ...handle,
        drop: async () => {
          const cleanup = new pg.Client({ connectionString: adminUrl });
          await cleanup.connect();
          await cleanup.query(`drop database if exists ${dbName} with (force)`);
          await cleanup.end();
        },
      };
    },
    file,
  );
}
clearInterval(sampler);
