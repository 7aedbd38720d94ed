/** `template validate | import | export`: template files from the command line (docs/template-format.md). */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../auth/app-error.js';
import { getPartnershipBySlug } from '../features/partnerships/api.js';
import { adoptNationalSetFile } from '../features/templates/adopt-national-set-file.js';
import { exportTemplate } from '../features/templates/export-template.js';
import { parseTemplateFile, type TemplateFileError } from '../features/templates/api.js';
import { importTemplate } from '../features/templates/import-template.js';
import { listItems, type TemplateDefinition } from '../features/templates/model/template.js';
import { isSchoolYear } from '../features/templates/school-year.js';
import { registerCliCommand, type CliIo } from './commands.js';

/** `file:line:column  path  message`, the form editors and CI logs understand. */
export function formatFileError(file: string, error: TemplateFileError): string {
  const place = error.line !== undefined ? `${file}:${error.line}:${error.column ?? 1}` : file;
  return `${place}  ${error.path || '(bestand)'}  ${error.message}`;
}

function summary(template: TemplateDefinition): string {
  const sections = template.sections.length;
  const items = listItems(template).length;
  return `Geldig: ${template.name}, ${sections} ${sections === 1 ? 'onderdeel' : 'onderdelen'}, ${items} ${items === 1 ? 'vraag' : 'vragen'}`;
}

/** Reads and checks a file; prints every error and returns null when it is not a valid template. */
function readTemplate(file: string, io: CliIo): TemplateDefinition | null {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    io.err(`${file}  kan het bestand niet lezen (${(error as NodeJS.ErrnoException).code ?? String(error)}); controleer de naam en het pad.`);
    return null;
  }
  const result = parseTemplateFile(source, file);
  if (!result.ok) {
    for (const error of result.errors) io.err(formatFileError(file, error));
    io.err(`${result.errors.length} ${result.errors.length === 1 ? 'fout' : 'fouten'} in ${file}; er is niets veranderd.`);
    return null;
  }
  // Warnings never stop an import; they say what will not reach the documents.
  for (const warning of result.warnings) io.err(formatFileError(file, { ...warning, message: `waarschuwing: ${warning.message}` }));
  return result.template;
}

registerCliCommand({
  name: ['template', 'validate'],
  summary: 'Controleert een vragenlijstbestand en noemt elke fout met regel en kolom (zonder database).',
  usage: 'template validate <bestand>',
  needsDatabase: false,
  async run({ args, io }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: {} });
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      io.err('Noem precies één bestand: template validate <bestand>');
      return 2;
    }
    const template = readTemplate(file, io);
    if (!template) return 1;
    io.out(summary(template));
    return 0;
  },
});

registerCliCommand({
  name: ['template', 'import'],
  summary: 'Importeert een vragenlijstbestand als nieuwe conceptversie, of gepubliceerd voor een schooljaar. Bij een fout verandert er niets.',
  usage: 'template import <bestand> --swv <korte naam> [--publish <jjjj-jjjj>]',
  needsDatabase: true,
  async run({ args, runtime, io }) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { swv: { type: 'string' }, publish: { type: 'string' } } });
    const file = positionals[0];
    if (!file || positionals.length > 1 || !values.swv) {
      io.err('Gebruik: template import <bestand> --swv <korte naam> [--publish <jjjj-jjjj>]');
      return 2;
    }
    if (values.publish !== undefined && !isSchoolYear(values.publish)) {
      io.err(`--publish "${values.publish}" is geen schooljaar; schrijf het als 2027-2028.`);
      return 2;
    }
    const template = readTemplate(file, io);
    if (!template) return 1;
    const { db, clock } = runtime!.deps;
    const partnership = await getPartnershipBySlug(db, values.swv);
    if (!partnership) {
      io.err(`Er is geen samenwerkingsverband met korte naam "${values.swv}".`);
      return 1;
    }
    try {
      const result = await importTemplate({ db, clock, partnershipId: partnership.id, definition: template, actorUserId: null, ...(values.publish ? { publishForYear: values.publish } : {}) });
      io.out(
        `${summary(template)}\nGeïmporteerd bij ${partnership.name} als versie ${result.number} (${values.publish ? `gepubliceerd voor ${values.publish}` : 'concept'}).`,
      );
      return 0;
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') {
        io.err(`${error.userMessage ?? error.message} Er is niets veranderd.`);
        return 1;
      }
      throw error;
    }
  },
});

registerCliCommand({
  name: ['template', 'export'],
  summary: 'Schrijft een versie van een vragenlijst als YAML naar de uitvoer (standaard de laatste versie).',
  usage: 'template export --swv <korte naam> [--key <sleutel>] [--version <nummer>] [--out <bestand.yaml>]',
  needsDatabase: true,
  async run({ args, runtime, io }) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: { swv: { type: 'string' }, key: { type: 'string' }, version: { type: 'string' }, out: { type: 'string' } },
    });
    if (!values.swv) {
      io.err('Gebruik: template export --swv <korte naam> [--key <sleutel>] [--version <nummer>] [--out <bestand.yaml>]');
      return 2;
    }
    const number = values.version === undefined ? undefined : Number(values.version);
    if (number !== undefined && (!Number.isInteger(number) || number < 1)) {
      io.err(`--version "${values.version}" is geen versienummer; gebruik een geheel getal vanaf 1.`);
      return 2;
    }
    const { db } = runtime!.deps;
    const partnership = await getPartnershipBySlug(db, values.swv);
    if (!partnership) {
      io.err(`Er is geen samenwerkingsverband met korte naam "${values.swv}".`);
      return 1;
    }
    const result = await exportTemplate({ db, partnershipId: partnership.id, key: values.key, number });
    if (!result.ok) {
      io.err(result.message);
      return 1;
    }
    if (values.out) {
      try {
        writeFileSync(values.out, result.yaml, 'utf8');
      } catch (error) {
        io.err(`${values.out}  kan het bestand niet schrijven (${(error as NodeJS.ErrnoException).code ?? String(error)}); controleer de map en de rechten.`);
        return 1;
      }
      io.out(`Versie ${result.version.number} van "${result.version.definition.name}" geschreven naar ${values.out}.`);
      return 0;
    }
    io.out(result.yaml.replace(/\n$/, ''));
    return 0;
  },
});

registerCliCommand({
  name: ['template', 'adopt-national'],
  summary: 'Neemt een landelijke set vragen (met landelijke normen) over in de conceptversie van een vragenlijst. Bij een fout verandert er niets.',
  usage: 'template adopt-national <bestand> --swv <korte naam> [--key <sleutel>] [--section <onderdeel>]',
  needsDatabase: true,
  async run({ args, runtime, io }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { swv: { type: 'string' }, key: { type: 'string' }, section: { type: 'string' } },
    });
    const file = positionals[0];
    if (!file || positionals.length > 1 || !values.swv) {
      io.err('Gebruik: template adopt-national <bestand> --swv <korte naam> [--key <sleutel>] [--section <onderdeel>]');
      return 2;
    }
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      io.err(`${file}  kan het bestand niet lezen (${(error as NodeJS.ErrnoException).code ?? String(error)}); controleer de naam en het pad.`);
      return 1;
    }
    const { db, clock } = runtime!.deps;
    const partnership = await getPartnershipBySlug(db, values.swv);
    if (!partnership) {
      io.err(`Er is geen samenwerkingsverband met korte naam "${values.swv}".`);
      return 1;
    }
    const result = await adoptNationalSetFile({
      db,
      clock,
      partnershipId: partnership.id,
      actorUserId: null,
      source,
      fileName: file,
      templateKey: values.key,
      intoSection: values.section,
    });
    if (!result.ok) {
      for (const error of result.errors) io.err(formatFileError(file, error));
      io.err(`${result.errors.length} ${result.errors.length === 1 ? 'fout' : 'fouten'}; er is niets veranderd.`);
      return 1;
    }
    io.out(`${result.itemCount} ${result.itemCount === 1 ? 'vraag' : 'vragen'} uit "${result.setName}" overgenomen in conceptversie ${result.versionNumber} van "${result.templateName}".`);
    return 0;
  },
});
