/** `swv export` and `swv import`: one SWV with everything it owns, from one installation to another. */
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { registerCliCommand } from '../../cli/commands.js';
import { AppError } from '../../auth/app-error.js';
import { exportSwv } from './export-swv.js';
import { importSwv } from './import-swv.js';

registerCliCommand({
  name: ['swv', 'export'],
  summary: 'Zet één samenwerkingsverband met alles wat het heeft (register, sjablonen, profielen, antwoorden met geschiedenis, documenten, mensen zonder wachtwoorden) in één ZIP-bestand.',
  usage: 'swv export --swv <korte naam> --out <bestand.zip>',
  needsDatabase: true,
  async run({ args, runtime, io }) {
    const { values } = parseArgs({ args, strict: true, options: { swv: { type: 'string' }, out: { type: 'string' } } });
    if (!values.swv || !values.out) {
      io.err('Noem --swv en --out, bijvoorbeeld: swv export --swv voorbeeldstad --out voorbeeldstad.zip');
      return 2;
    }
    const out = path.resolve(values.out);
    if (existsSync(out)) {
      io.err(`${values.out} bestaat al. Kies met --out een nieuw bestand; een bestaand bestand wordt niet overschreven.`);
      return 1;
    }
    const partial = `${out}.partial`;
    const fd = openSync(partial, 'w');
    let bytes = 0;
    try {
      const manifest = await exportSwv({
        db: runtime!.deps.db,
        clock: runtime!.deps.clock,
        slug: values.swv,
        write: (chunk) => {
          writeSync(fd, chunk);
          bytes += chunk.length;
        },
      });
      closeSync(fd);
      renameSync(partial, out);
      const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
      io.out(`${manifest.swv.name} geëxporteerd naar ${values.out} (${Math.max(1, Math.round(bytes / 1024))} kB): ${rows} rijen in ${Object.keys(manifest.tables).length} tabellen, ${manifest.documents} documenten.`);
      io.out(`Niet meegenomen: ${Object.keys(manifest.excluded).join(', ')} (zie manifest.json in het bestand).`);
      return 0;
    } catch (error) {
      closeSync(fd);
      rmSync(partial, { force: true });
      if (error instanceof AppError && error.userMessage) {
        io.err(error.userMessage);
        return 1;
      }
      throw error;
    }
  },
});

registerCliCommand({
  name: ['swv', 'import'],
  summary: 'Importeert een SWV-export in deze installatie (nieuwe ids, zelfde inhoud); nieuwe mensen krijgen een link om een wachtwoord te kiezen, bestaande accounts een uitnodiging om hun rol aan te nemen.',
  usage: 'swv import <bestand.zip>',
  needsDatabase: true,
  async run({ args, runtime, io }) {
    const { positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: {} });
    if (positionals.length !== 1) {
      io.err('Noem één exportbestand, bijvoorbeeld: swv import voorbeeldstad.zip');
      return 2;
    }
    let archive: Uint8Array;
    try {
      archive = new Uint8Array(readFileSync(positionals[0]!));
    } catch {
      io.err(`Het bestand ${positionals[0]} kan niet worden gelezen.`);
      return 1;
    }
    const { db, clock, config } = runtime!.deps;
    try {
      const result = await importSwv({ db, clock, archive, baseUrl: config.PUBLIC_BASE_URL });
      const rows = Object.values(result.rows).reduce((sum, n) => sum + n, 0);
      io.out(`${result.manifest.swv.name} (${result.manifest.swv.slug}) geïmporteerd: ${rows} rijen, ${result.rows['document_files'] ?? 0} documenten.`);
      io.out(`${result.invitedToSetPassword.length} nieuwe account(s) krijgen een e-mail met een link om een wachtwoord te kiezen (verstuurd door de achtergrondtaken; "jobs run" als de server niet draait).`);
      if (result.awaitingConsent.length > 0) {
        io.out(`Deze e-mailadressen hadden hier al een account; hun rollen komen er pas bij als zij de uitnodiging aannemen:`);
        for (const entry of result.awaitingConsent) io.out(`  ${entry.email}: ${entry.role}`);
      }
      for (const entry of result.notOffered) io.err(`Niet aangeboden: ${entry.email} (${entry.role}): ${entry.reason}.`);
      return 0;
    } catch (error) {
      if (error instanceof AppError && error.userMessage) {
        io.err(error.userMessage);
        return 1;
      }
      throw error;
    }
  },
});
