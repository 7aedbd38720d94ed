/** `export answers`: all answers of one SWV's school year as one sheet (CSV or XLSX), written to a file, for operators; `insight rebuild`: the insight summary recomputed. */
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../../auth/app-error.js';
import { registerCliCommand } from '../../cli/commands.js';
import { parseSchoolYear } from '../../cli/documents-commands.js';
import { exportAnswersOfPartnership } from './export-answers.js';
import { findPartnershipBySlug, rebuildAnswerSummaries } from './repository.js';

const USAGE = 'export answers --swv <korte naam> --year <2026-2027> --format xlsx|csv --out <bestand>';

registerCliCommand({
  name: ['export', 'answers'],
  summary: 'Schrijft alle antwoorden van één schooljaar van een samenwerkingsverband naar één blad (een rij per school, een kolom per vraag).',
  usage: USAGE,
  needsDatabase: true,
  async run({ args, runtime, io }) {
    let values: { swv?: string; year?: string; format?: string; out?: string };
    try {
      ({ values } = parseArgs({ args, strict: true, options: { swv: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } } }));
    } catch (error) {
      io.err(`${(error as Error).message}. Gebruik: ${USAGE}`);
      return 2;
    }
    if (!values.swv || !values.year || !values.out) {
      io.err(`Noem --swv, --year en --out. Gebruik: ${USAGE}`);
      return 2;
    }
    const format = (values.format ?? (values.out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx')).toLowerCase();
    if (format !== 'csv' && format !== 'xlsx') {
      io.err(`"${values.format}" is geen formaat. Kies --format xlsx of --format csv.`);
      return 2;
    }
    const schoolYear = parseSchoolYear(values.year.trim());
    if (!schoolYear) {
      io.err(`"${values.year}" is geen schooljaar. Gebruik bijvoorbeeld 2026-2027.`);
      return 2;
    }
    const { db, clock } = runtime!.deps;
    const partnership = await findPartnershipBySlug(db, values.swv);
    if (!partnership) {
      io.err(`Onbekend samenwerkingsverband "${values.swv}". Gebruik de korte naam uit de adresbalk, bijvoorbeeld voorbeeldstad.`);
      return 1;
    }
    let file: Awaited<ReturnType<typeof exportAnswersOfPartnership>>;
    try {
      file = await exportAnswersOfPartnership({ db, clock, partnership, schoolYear, format });
    } catch (error) {
      if (error instanceof AppError && error.userMessage) {
        io.err(error.userMessage);
        return 1;
      }
      throw error;
    }
    const output = createWriteStream(values.out);
    const opened = new Promise<void>((resolve, reject) => {
      output.once('open', () => resolve());
      output.once('error', reject);
    });
    try {
      await opened;
    } catch (error) {
      io.err(`Kan ${values.out} niet schrijven (${(error as NodeJS.ErrnoException).code ?? String(error)}). Kies met --out een bestand in een map waarin u mag schrijven.`);
      return 1;
    }
    const closed = new Promise<void>((resolve, reject) => {
      output.once('close', () => resolve());
      output.once('error', reject);
    });
    await file.write(output);
    await closed;
    io.out(`Geschreven: ${values.out} (${partnership.name}, ${schoolYear}, ${format}).`);
    return 0;
  },
});

registerCliCommand({
  name: ['insight', 'rebuild'],
  summary: 'Berekent de samenvatting per profiel voor de inzichtpagina’s opnieuw uit alle antwoorden (herstel; de database houdt haar zelf bij).',
  usage: 'insight rebuild',
  needsDatabase: true,
  async run({ runtime, io }) {
    const { db } = runtime!.deps;
    const { profiles } = await db.transaction((tx) => rebuildAnswerSummaries(tx));
    io.out(`Samenvatting van ${profiles} profielen opnieuw berekend.`);
    return 0;
  },
});
