/** `schools import | counts | verdicts` end to end on a real (PGlite) data folder, as an operator runs them (issue 11). */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/commands.js';
import '../src/cli/register-commands.js';
import { runCli } from '../src/cli/run-cli.js';
import { openDatabase } from '../src/db/client.js';
import { getPartnershipBySlug } from '../src/features/partnerships/repository.js';
import { schools } from '../src/features/partnerships/schema.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/register/${name}`, import.meta.url));

async function run(args: string[]) {
  const output: string[] = [];
  const errors: string[] = [];
  const io: CliIo = { out: (text) => output.push(text), err: (text) => errors.push(text) };
  const code = await runCli(args, io);
  return { code, out: output.join('\n'), err: errors.join('\n') };
}

describe('register commands', () => {
  let dataDir: string;
  const saved = { ...process.env };
  /** The demo SWV's location codes, read in a short-lived connection (the CLI holds the folder's lock while it runs). */
  const codes = async () => {
    const handle = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const swv = (await getPartnershipBySlug(handle.db, 'voorbeeldstad'))!;
      return (await handle.db.select({ code: schools.locationCode }).from(schools).where(eq(schools.partnershipId, swv.id))).map((s) => s.code).sort();
    } finally {
      await handle.close();
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'opensop-register-cli-'));
    process.env['DATA_DIR'] = dataDir;
    process.env['LOG_LEVEL'] = 'silent';
    delete process.env['DATABASE_URL'];
    expect((await run(['demo', 'seed'])).code).toBe(0);
  }, 120_000);
  afterAll(() => {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('previews with --dry-run and changes nothing, then imports only the BRIN codes asked for', async () => {
    const before = await codes();
    const dry = await run(['schools', 'import', fixture('vestigingen-po.csv'), '--swv', 'voorbeeldstad', '--dry-run', '--brin', '20ST']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('+ 20ST00 Elders Basisschool');
    expect(dry.out).toContain('Proefdraai (--dry-run): er is niets veranderd.');
    expect(await codes()).toEqual(before);

    const applied = await run(['schools', 'import', fixture('vestigingen-po.csv'), '--swv', 'voorbeeldstad', '--brin', '20ST']);
    expect(applied.code).toBe(0);
    expect(await codes()).toEqual([...before, '20ST00'].sort());
  }, 60_000);

  it('reads a Latin-1 file and names the line and column of a broken one, changing nothing', async () => {
    const latin = await run(['schools', 'import', fixture('vestigingen-latin1.csv'), '--swv', 'voorbeeldstad', '--dry-run', '--all']);
    expect(latin.code).toBe(0);
    expect(latin.out).toContain('Windows-1252');
    expect(latin.out).toContain("Ichthusschool 'De Ark', Coëvorden-Zuid");

    const before = await codes();
    const broken = await run(['schools', 'import', fixture('vestigingen-kapot.csv'), '--swv', 'voorbeeldstad', '--all']);
    expect(broken.code).not.toBe(0);
    expect(broken.err).toContain('Regel 4 heeft 16 kolommen, de kopregel 15');
    expect(await codes()).toEqual(before);
  }, 60_000);

  it('imports pupil counts and verdicts, and refuses an unknown SWV', async () => {
    const counts = await run(['schools', 'counts', fixture('leerlingen-po.csv'), '--swv', 'voorbeeldstad']);
    expect(counts.code, counts.err).toBe(0);
    const verdicts = await run(['schools', 'verdicts', fixture('oordelen.csv'), '--swv', 'voorbeeldstad']);
    expect(verdicts.code, verdicts.err).toBe(0);
    const unknown = await run(['schools', 'import', fixture('vestigingen-po.csv'), '--swv', 'bestaat-niet', '--all']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Er is geen samenwerkingsverband met korte naam "bestaat-niet"');
  }, 60_000);
});
