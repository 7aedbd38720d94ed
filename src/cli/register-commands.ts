/** `schools import | counts | verdicts`: the SWV's register from DUO's and the inspection's public files (issue 11). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../auth/app-error.js';
import { getPartnershipBySlug } from '../features/partnerships/api.js';
import { applyLocationImport, existingSchoolsForImport } from '../features/register/apply-location-import.js';
import { applyPublicData } from '../features/register/confirm-public-data-import.js';
import { registerMessages } from '../features/register/messages.js';
import { planLocationImport } from '../features/register/plan-location-import.js';
import { readLocationImport, type LocationChoice } from '../features/register/preview-location-import.js';
import { readPublicDataImport } from '../features/register/preview-public-data-import.js';
import { pupilCountText } from '../features/register/pupil-count-text.js';
import { translator } from '../ui/i18n.js';
import { registerCliCommand, type CliIo } from './commands.js';

// Dutch on purpose: the CLI speaks Dutch throughout (usage, summaries, reports), so its messages from the catalogue
// are Dutch too.
const t = translator(registerMessages, 'nl');
const IMPORT_USAGE = 'schools import <bestand> --swv <korte naam> [--dry-run] [--all | --brin 12AB,34CD | --membership <bestand> [--swv-code PO2801]] [--archive-missing]';

function readBytes(file: string, io: CliIo): Uint8Array | null {
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    io.err(`Het bestand ${file} kan niet worden gelezen.`);
    return null;
  }
}

/** A refused file or choice: its message (line and column), and the promise that nothing changed. */
function refused(error: unknown, io: CliIo): number {
  if (error instanceof AppError && error.code === 'invalid_input') {
    io.err(`${error.userMessage ?? error.message}\nEr is niets veranderd.`);
    return 1;
  }
  throw error;
}

registerCliCommand({
  name: ['schools', 'import'],
  summary: 'Importeert DUO’s bestand met vestigingen in het register van een samenwerkingsverband (eerst een overzicht; --dry-run verandert niets).',
  usage: IMPORT_USAGE,
  needsDatabase: true,
  async run({ args, runtime, io }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        swv: { type: 'string' },
        'dry-run': { type: 'boolean' },
        all: { type: 'boolean' },
        brin: { type: 'string' },
        membership: { type: 'string' },
        'swv-code': { type: 'string' },
        'archive-missing': { type: 'boolean' },
      },
    });
    const file = positionals[0];
    const choices = [values.all, values.brin, values.membership].filter(Boolean).length;
    if (!file || positionals.length > 1 || !values.swv || choices > 1) {
      io.err(`Gebruik: ${IMPORT_USAGE}\nKies hoogstens één van --all, --brin en --membership; zonder keuze worden alleen bestaande scholen bijgewerkt.`);
      return 2;
    }
    const { db, clock } = runtime!.deps;
    const partnership = await getPartnershipBySlug(db, values.swv);
    if (!partnership) {
      io.err(`Er is geen samenwerkingsverband met korte naam "${values.swv}".`);
      return 1;
    }
    const bytes = readBytes(file, io);
    if (!bytes) return 1;
    let choice: LocationChoice = { mode: 'pick' };
    if (values.all) choice = { mode: 'all' };
    else if (values.brin) choice = { mode: 'brin', list: values.brin.split(/[\s,;]+/).filter(Boolean) };
    else if (values.membership) {
      const membership = readBytes(values.membership, io);
      if (!membership) return 1;
      choice = { mode: 'membership', membership, swvCode: values['swv-code'] ?? '' };
    }
    let payload;
    try {
      payload = readLocationImport({ file: bytes, choice, t });
    } catch (error) {
      return refused(error, io);
    }
    const selection = payload.preselected === 'all' ? ({ mode: 'all' } as const) : ({ mode: 'codes', codes: payload.preselected } as const);
    const plan = planLocationImport(payload.records, await existingSchoolsForImport(db, partnership.id), selection);
    const adds = plan.added.filter((a) => a.selected);
    io.out(`${path.basename(file)}: ${t('fileRead', { rows: payload.facts.rowCount, encoding: payload.facts.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252', delimiter: payload.facts.delimiter === '\t' ? 'tab' : payload.facts.delimiter })}`);
    io.out(`Nieuw en gekozen: ${adds.length} (nieuw in het bestand: ${plan.added.length}); gewijzigd: ${plan.changed.length}; ongewijzigd: ${plan.unchanged.length}; niet meer in het bestand: ${plan.missing.length}.`);
    for (const { record } of adds) io.out(`  + ${record.locationCode} ${record.name} (bevoegd gezag ${record.boardNumber})`);
    for (const { school, changes } of plan.changed) io.out(`  ~ ${school.locationCode} ${school.name}: ${changes.map((c) => `${t(`field.${c.field}`)} "${c.before}" → "${c.after}"`).join('; ')}`);
    for (const { school } of plan.missing) io.out(`  ? ${school.locationCode} ${school.name}: niet meer in het bestand${values['archive-missing'] ? ' → archiveren' : ' (blijft; --archive-missing archiveert)'}`);
    if (values['dry-run']) {
      io.out('Proefdraai (--dry-run): er is niets veranderd.');
      return 0;
    }
    const result = await applyLocationImport({
      db,
      clock,
      partnershipId: partnership.id,
      actorUserId: null,
      fileName: path.basename(file),
      records: payload.records,
      addCodes: adds.map((a) => a.record.locationCode),
      archiveIds: values['archive-missing'] ? plan.missing.map((m) => m.school.id) : [],
      boardName: (number) => t('newBoardName', { number }),
    });
    io.out(`${t('importDone', { added: result.added, changed: result.changed, archived: result.archived })} Nieuwe besturen: ${result.newBoards}.`);
    return 0;
  },
});

for (const kind of ['pupil_counts', 'verdicts'] as const) {
  const word = kind === 'pupil_counts' ? 'counts' : 'verdicts';
  const usage = `schools ${word} <bestand> --swv <korte naam> [--dry-run]${kind === 'pupil_counts' ? ' [--counted-on 2025-10-01]' : ''}`;
  registerCliCommand({
    name: ['schools', word],
    summary: kind === 'pupil_counts' ? 'Importeert DUO’s leerlingaantallen per vestiging (“<5” blijft “minder dan 5”).' : 'Importeert de oordelen van de inspectie per vestiging (en afdeling).',
    usage,
    needsDatabase: true,
    async run({ args, runtime, io }) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { swv: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'counted-on': { type: 'string' } } });
      const file = positionals[0];
      if (!file || positionals.length > 1 || !values.swv) {
        io.err(`Gebruik: ${usage}`);
        return 2;
      }
      const { db, clock } = runtime!.deps;
      const partnership = await getPartnershipBySlug(db, values.swv);
      if (!partnership) {
        io.err(`Er is geen samenwerkingsverband met korte naam "${values.swv}".`);
        return 1;
      }
      const bytes = readBytes(file, io);
      if (!bytes) return 1;
      let payload;
      try {
        payload = await readPublicDataImport({ db, partnershipId: partnership.id, kind, file: bytes, countedOn: values['counted-on'] ?? '', t });
      } catch (error) {
        return refused(error, io);
      }
      for (const row of payload.rows) io.out(`  ${row.locationCode} ${row.name}: ${payload.kind === 'pupil_counts' ? pupilCountText(row as { low: number; high: number }, t) : `${(row as { verdict: string }).verdict}${(row as { department: string | null }).department ? ` (afdeling ${(row as { department: string }).department})` : ''}`}`);
      io.out(`${new Set(payload.rows.map((r) => r.schoolId)).size} scholen in het bestand; ${payload.schoolsWithout.length} scholen niet; ${payload.ignored} regels over andere scholen.`);
      if (values['dry-run']) {
        io.out('Proefdraai (--dry-run): er is niets veranderd.');
        return 0;
      }
      const count = await applyPublicData({ db, clock, partnershipId: partnership.id, actorUserId: null, fileName: path.basename(file), payload });
      io.out(t('publicDone', { count }));
      return 0;
    },
  });
}
