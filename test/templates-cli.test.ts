/** `template validate | import | export` end to end on a real (PGlite) data folder. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/commands.js';
import '../src/cli/template-commands.js';
import { runCli } from '../src/cli/run-cli.js';
import { openDatabase } from '../src/db/client.js';
import { getPartnershipBySlug } from '../src/features/partnerships/repository.js';
import { findTemplateByKey, listTemplateVersions } from '../src/features/templates/repository.js';
import { exampleTemplatePath, loadDemoTemplate, loadExampleTemplate } from '../src/features/templates/example-templates.js';
import { parseTemplateFile } from '../src/features/templates/format/parse-template-file.js';
import { THIRD_TEMPLATE_YAML } from './templates-third.js';

const NATIONAL_SET = fileURLToPath(new URL('../templates/national/landelijke-norm-voorbeeld.yaml', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./templates-fixtures/${name}`, import.meta.url));

function captureIo(): CliIo & { output: string[]; errors: string[] } {
  const output: string[] = [];
  const errors: string[] = [];
  return { output, errors, out: (text) => output.push(text), err: (text) => errors.push(text) };
}

async function run(args: string[]) {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, out: io.output.join('\n'), err: io.errors.join('\n') };
}

describe('template commands', () => {
  let dataDir: string;
  let work: string;
  const saved = { ...process.env };
  const file = (name: string, content: string) => {
    const target = path.join(work, name);
    writeFileSync(target, content);
    return target;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'opensop-template-cli-'));
    work = mkdtempSync(path.join(os.tmpdir(), 'opensop-template-files-'));
    process.env['DATA_DIR'] = dataDir;
    process.env['LOG_LEVEL'] = 'silent';
    delete process.env['DATABASE_URL'];
    expect((await run(['demo', 'seed'])).code).toBe(0);
  }, 60_000);
  afterAll(() => {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('validates both examples and a third template without a database', async () => {
    for (const name of ['zoetermeer-po', 'de-eem-po'] as const) {
      const result = await run(['template', 'validate', exampleTemplatePath(name)]);
      expect(result.code).toBe(0);
      const template = loadExampleTemplate(name);
      const items = template.sections.reduce((sum, section) => sum + section.items.length, 0);
      expect(result.out).toBe(`Geldig: ${template.name}, ${template.sections.length} onderdelen, ${items} vragen`);
    }
    const third = await run(['template', 'validate', file('vo.yaml', THIRD_TEMPLATE_YAML)]);
    expect(third).toMatchObject({ code: 0, out: 'Geldig: Ondersteuningsprofiel SWV VO Testregio, 4 onderdelen, 6 vragen' });
  });

  it('prints every error of a broken file as file:line:column  path  message', async () => {
    const broken = file('kapot.yaml', THIRD_TEMPLATE_YAML.replace('kind: promise', 'kind: belofte').replace('scale: niveau-vo', 'scale: bestaat-niet'));
    const result = await run(['template', 'validate', broken]);
    expect(result.code).toBe(1);
    const lines = result.err.split('\n');
    expect(lines).toContain(`${broken}:51:5  sections[1].kind  "belofte" is niet toegestaan; verwacht een van: introduction, promise, extra, closing`);
    expect(lines.some((line) => line.startsWith(`${broken}:`) && line.includes('sections[1].items[0].scale  schaal "bestaat-niet" bestaat niet'))).toBe(true);
    expect(lines.at(-1)).toBe(`2 fouten in ${broken}; er is niets veranderd.`);
  });

  it('imports, exports and re-imports to the same definition; a broken file changes nothing', async () => {
    const source = file('vo.yaml', THIRD_TEMPLATE_YAML);
    const imported = await run(['template', 'import', source, '--swv', 'voorbeeldstad', '--publish', '2026-2027']);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('als versie 1 (gepubliceerd voor 2026-2027)');

    const exported = await run(['template', 'export', '--swv', 'voorbeeldstad', '--key', 'swv-vo-test']);
    expect(exported.code).toBe(0);
    const roundTrip = file('vo-export.yaml', `${exported.out}\n`);
    const reparsed = parseTemplateFile(exported.out);
    expect(reparsed.ok && reparsed.template).toEqual((parseTemplateFile(THIRD_TEMPLATE_YAML) as { ok: true; template: unknown }).template);

    expect((await run(['template', 'import', roundTrip, '--swv', 'voorbeeldstad'])).code).toBe(0);
    const second = await run(['template', 'export', '--swv', 'voorbeeldstad', '--key', 'swv-vo-test', '--version', '2']);
    expect(second.out).toBe(exported.out);

    const taken = await run(['template', 'import', source, '--swv', 'voorbeeldstad', '--publish', '2026-2027']);
    expect(taken.code).toBe(1);
    expect(taken.err).toContain('Voor schooljaar 2026-2027 is al versie 1');

    // A draft (version 2) exists: publishing a file now is refused, nothing changes.
    const pastDraft = await run(['template', 'import', source, '--swv', 'voorbeeldstad', '--publish', '2027-2028']);
    expect(pastDraft.code).toBe(1);
    expect(pastDraft.err).toContain('"Ondersteuningsprofiel SWV VO Testregio" heeft een conceptversie (versie 2). Een bestand meteen publiceren kan pas als er geen conceptversie meer is');
    expect(pastDraft.err).toContain('Er is niets veranderd.');

    const broken = file('kapot2.yaml', THIRD_TEMPLATE_YAML.replace('title: Maatwerk', 'titel: Maatwerk'));
    const refused = await run(['template', 'import', broken, '--swv', 'voorbeeldstad', '--publish', '2028-2029']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('onbekend veld "titel"; bedoelt u "title"?');

    const handle = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const partnership = (await getPartnershipBySlug(handle.db, 'voorbeeldstad'))!;
      const template = (await findTemplateByKey(handle.db, partnership.id, 'swv-vo-test'))!;
      const versions = await listTemplateVersions(handle.db, template.id);
      expect(versions.map((v) => [v.number, v.status, v.schoolYear])).toEqual([
        [2, 'draft', null],
        [1, 'published', '2026-2027'],
      ]);
    } finally {
      await handle.close();
    }
  }, 60_000);

  it('imports the de Eem example and exports the latest version by default', async () => {
    expect((await run(['template', 'import', exampleTemplatePath('de-eem-po'), '--swv', 'voorbeeldstad'])).code).toBe(0);
    const exported = await run(['template', 'export', '--swv', 'voorbeeldstad', '--key', 'de-eem-po']);
    const reparsed = parseTemplateFile(exported.out);
    expect(reparsed.ok && reparsed.template).toEqual(loadExampleTemplate('de-eem-po'));
    const ambiguous = await run(['template', 'export', '--swv', 'voorbeeldstad']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err).toContain('kies er een met --key');
    expect((await run(['template', 'export', '--swv', 'bestaat-niet'])).code).toBe(1);
  }, 60_000);

  it('adopts a national set into the draft of a template, and refuses a second adoption (key clashes)', async () => {
    // de-eem-po was imported as a draft above; the SWV has several templates, so --key is needed.
    const ambiguous = await run(['template', 'adopt-national', NATIONAL_SET, '--swv', 'voorbeeldstad']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err).toContain('kies er een met --key');

    const adopted = await run(['template', 'adopt-national', NATIONAL_SET, '--swv', 'voorbeeldstad', '--key', 'de-eem-po']);
    expect(adopted.err).toBe('');
    expect(adopted).toMatchObject({ code: 0, out: expect.stringContaining('5 vragen uit "Landelijke norm basisondersteuning (voorbeeld, geen officiële tekst)" overgenomen in conceptversie 1') });

    const exported = await run(['template', 'export', '--swv', 'voorbeeldstad', '--key', 'de-eem-po']);
    const reparsed = parseTemplateFile(exported.out);
    if (!reparsed.ok) throw new Error(JSON.stringify(reparsed.errors));
    expect(reparsed.template.nationalSet?.key).toBe('landelijke-norm-voorbeeld');
    const national = reparsed.template.sections.find((section) => section.key === 'landelijke-norm')!;
    expect(national.items.map((item) => [item.origin, item.nationalNorm !== undefined])).toEqual(Array(5).fill(['national', true]));

    const again = await run(['template', 'adopt-national', NATIONAL_SET, '--swv', 'voorbeeldstad', '--key', 'de-eem-po']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('Vraag "landelijk-lezen-rekenen" uit de landelijke set bestaat al in onderdeel "Landelijke norm"');
    expect(again.err.split('\n').at(-1)).toBe('1 fout; er is niets veranderd.');

    // zoetermeer-po has only a published version: adoption needs a draft.
    const published = await run(['template', 'adopt-national', NATIONAL_SET, '--swv', 'voorbeeldstad', '--key', 'zoetermeer-po']);
    expect(published.code).toBe(1);
    expect(published.err).toContain('heeft geen conceptversie');
  }, 60_000);

  it('exports with --out to a file that re-imports to the same template (no npm banner in the file)', async () => {
    const out = path.join(work, 'export-out.yaml');
    const exported = await run(['template', 'export', '--swv', 'voorbeeldstad', '--key', 'zoetermeer-po', '--out', out]);
    expect(exported).toMatchObject({ code: 0, out: expect.stringMatching(/^Versie \d+ van ".+" geschreven naar .*export-out\.yaml\.$/) });
    const written = readFileSync(out, 'utf8');
    expect(written.startsWith('format: opensop-template/1') || written.startsWith('$schema:')).toBe(true);
    const reparsed = parseTemplateFile(written);
    // The demo's questionnaire is the Zoetermeer example named after the demo SWV.
    expect(reparsed.ok && reparsed.template).toEqual(loadDemoTemplate('SWV PO Voorbeeldstad'));
    const validated = await run(['template', 'validate', out]);
    expect(validated.code).toBe(0);
    const unwritable = await run(['template', 'export', '--swv', 'voorbeeldstad', '--key', 'zoetermeer-po', '--out', path.join(work, 'bestaat-niet', 'x.yaml')]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toContain('kan het bestand niet schrijven (ENOENT)');
  }, 60_000);

  it("imports the auditor's third template (a vo SWV with a national set) without code changes, and refuses every broken file", async () => {
    const third = fixture('third-vo-rijnmond.yaml');
    const validated = await run(['template', 'validate', third]);
    expect(validated).toMatchObject({ code: 0, out: 'Geldig: Ondersteuningsprofiel VO: Rijnmond-Oost (proef), 8 onderdelen, 18 vragen' });
    const imported = await run(['template', 'import', third, '--swv', 'voorbeeldstad', '--publish', '2026-2027']);
    expect(imported.code).toBe(0);
    const out = path.join(work, 'rijnmond.yaml');
    expect((await run(['template', 'export', '--swv', 'voorbeeldstad', '--key', 'vo-rijnmond-oost', '--out', out])).code).toBe(0);
    const reparsed = parseTemplateFile(readFileSync(out, 'utf8'));
    expect(reparsed.ok && reparsed.template).toEqual((parseTemplateFile(readFileSync(third, 'utf8')) as { ok: true; template: unknown }).template);

    for (const name of ['1-syntax.yaml', '2-tab.yaml', '3-content.yaml', '4-dupkey.yaml', '5-noscales.yaml', '6-empty.yaml', '7-broken.json', '8-notemplate.yaml', '9-wrongformat.yaml', '10-dup-plus-content.yaml', '11-no-nationalset.yaml', '12-types.yaml']) {
      const broken = fixture(`broken/${name}`);
      const result = await run(['template', 'import', broken, '--swv', 'voorbeeldstad']);
      expect(result.code, name).toBe(1);
      const lines = result.err.split('\n');
      expect(lines.at(-1), name).toMatch(/^\d+ (fout|fouten) in .*; er is niets veranderd\.$/);
      // Every error names its place: file:line:column (or the file as a whole).
      expect(lines.slice(0, -1).every((line) => line.startsWith(`${broken}`)), name).toBe(true);
    }
  }, 120_000);
});
