/** `documents generate`: every output of one school's profile of one school year, written to a folder. */
import { accessSync, constants, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderEveryKind } from '../features/documents/document-kinds.js';
import { loadDocumentDataFor } from '../features/documents/load-document-data.js';
import { listPartnerships, listSchoolsOfPartnership } from '../features/partnerships/api.js';
import { findProfile } from '../features/questionnaire/api.js';
import { registerCliCommand } from './commands.js';

/** "2026-2027" as is; "2026" means the school year starting in 2026. */
export function parseSchoolYear(value: string): string | null {
  if (/^\d{4}$/.test(value)) return `${value}-${Number(value) + 1}`;
  const match = /^(\d{4})-(\d{4})$/.exec(value);
  return match && Number(match[2]) === Number(match[1]) + 1 ? value : null;
}

/** Creates the folder if needed and checks that files can be written into it. */
function prepareOutDir(dir: string): string | null {
  try {
    // Check the nearest existing folder first (recursive mkdir can spin on special file systems).
    let existing = resolve(dir);
    while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
    if (!statSync(existing).isDirectory()) return `${existing} is geen map. Kies met --out een map om de documenten in te zetten.`;
    accessSync(existing, constants.W_OK);
    if (!existsSync(dir)) mkdirSync(dir, { recursive: dirname(resolve(dir)) !== existing });
    if (!statSync(dir).isDirectory()) return `${dir} is geen map. Kies met --out een map om de documenten in te zetten.`;
    accessSync(dir, constants.W_OK);
    return null;
  } catch (error) {
    return `Kan niet schrijven in ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)}). Kies met --out een map waarin u mag schrijven.`;
  }
}

registerCliCommand({
  name: ['documents', 'generate'],
  summary: 'Maakt alle documenten (SOP, schoolgids, posters) van één school voor één schooljaar.',
  usage: 'documents generate --school <BRIN+vestiging, bv. 12AB00> --year <2026-2027> --out <map> [--swv <korte naam>]',
  needsDatabase: true,
  async run({ args, runtime, io }) {
    let values: { school?: string; year?: string; out?: string; swv?: string };
    try {
      ({ values } = parseArgs({ args, strict: true, options: { school: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, swv: { type: 'string' } } }));
    } catch (error) {
      io.err(`${(error as Error).message}. Gebruik: documents generate --school 12AB00 --year 2026-2027 --out ./documenten`);
      return 2;
    }
    if (!values.school || !values.year || !values.out) {
      io.err('Noem --school, --year en --out, bijvoorbeeld: documents generate --school 12AB00 --year 2026-2027 --out ./documenten');
      return 2;
    }
    const code = values.school.trim().toUpperCase();
    if (!/^\d{2}[A-Z]{2}\d{2}$/.test(code)) {
      io.err(`"${values.school}" is geen BRIN + vestigingsnummer. Gebruik twee cijfers, twee letters en twee cijfers, bijvoorbeeld 12AB00.`);
      return 2;
    }
    const schoolYear = parseSchoolYear(values.year.trim());
    if (!schoolYear) {
      io.err(`"${values.year}" is geen schooljaar. Gebruik bijvoorbeeld 2026-2027 (of 2026).`);
      return 2;
    }
    const { db, clock } = runtime!.deps;
    const partnerships = (await listPartnerships(db)).filter((p) => !values.swv || p.slug === values.swv);
    const matches = [];
    for (const partnership of partnerships) {
      for (const school of await listSchoolsOfPartnership(db, partnership.id)) {
        if (school.locationCode.toUpperCase() === code) matches.push({ school, partnership });
      }
    }
    if (matches.length === 0) {
      io.err(`Onbekende school: er is geen school met BRIN + vestiging ${code}${values.swv ? ` in het samenwerkingsverband ${values.swv}` : ''}. Controleer het nummer.`);
      return 1;
    }
    if (matches.length > 1) {
      io.err(`${code} staat bij meer dan één samenwerkingsverband (${matches.map((m) => m.partnership.slug).join(', ')}). Kies er één met --swv <korte naam>.`);
      return 1;
    }
    const { school } = matches[0]!;
    const profile = await findProfile(db, school.id, schoolYear);
    if (!profile) {
      io.err(`${school.name} (${code}) heeft geen profiel voor schooljaar ${schoolYear}. Kies een schooljaar waarvoor de SOP-ronde is geopend.`);
      return 1;
    }
    const problem = prepareOutDir(values.out);
    if (problem) {
      io.err(problem);
      return 1;
    }
    const files = await renderEveryKind(await loadDocumentDataFor(db, clock, profile));
    for (const file of files) {
      writeFileSync(join(values.out, file.fileName), file.bytes);
      io.out(`${join(values.out, file.fileName)}  (${Math.round(file.bytes.length / 1024)} kB)`);
    }
    io.out(`${files.length} documenten gemaakt voor ${school.name}, schooljaar ${schoolYear}.`);
    return 0;
  },
});
