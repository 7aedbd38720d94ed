/**
 * Reads a template file (YAML, and therefore JSON too) into a checked
 * TemplateDefinition, or returns every mistake in it with its line, in Dutch.
 *
 * Three layers of checks, all reported together where possible:
 * 1. YAML syntax (indentation, quotes) — when these fail, the structure cannot
 *    be trusted, so only these are reported (one per block: the parser's
 *    follow-on errors after a mistake are left out). A duplicate field is not
 *    fatal: it is reported with its path and the other checks still run;
 * 2. the zod schema (types, required fields, keys, lengths);
 * 3. cross-references (validate-template-references.ts): scales, norms, unique keys.
 * Nothing here throws on bad input: a file from an SWV is user input.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLError } from 'yaml';
import { z } from 'zod';
import { templateSchema, type TemplateDefinition } from '../model/template.js';
import { templateWarnings } from './template-warnings.js';
import { validateTemplateReferences, type TemplatePath } from './validate-template-references.js';

export interface TemplateFileError {
  /** Where in the template, e.g. "sections[2].items[4].norm.accept[0]"; "" for the file as a whole. */
  path: string;
  /** 1-based line and column in the file, where it could be found. */
  line?: number;
  column?: number;
  /** Dutch, plain words: what is expected. */
  message: string;
}

export type ParseTemplateFileResult =
  /** `warnings`: allowed, but the SWV should know (template-warnings.ts); never a reason to refuse. */
  | { ok: true; template: TemplateDefinition; warnings: TemplateFileError[] }
  | { ok: false; errors: TemplateFileError[] };

export function parseTemplateFile(source: string, fileName?: string): ParseTemplateFileResult {
  try {
    return parseUnsafe(source, fileName);
  } catch (error) {
    // A bug of ours or a pathological file (e.g. an alias bomb): still an answer, never a crash.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ path: '', message: `het bestand kon niet worden gelezen (${detail})` }] };
  }
}

function parseUnsafe(source: string, fileName: string | undefined): ParseTemplateFileResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });

  const fatal = doc.errors.filter((error) => error.code !== 'DUPLICATE_KEY');
  if (fatal.length > 0) {
    return { ok: false, errors: syntaxErrors(source, fatal, lineCounter) };
  }

  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) {
    const name = fileName ? `"${fileName}"` : 'het bestand';
    return {
      ok: false,
      errors: [{ path: '', line: 1, column: 1, message: `${name} is leeg; verwacht een vragenlijst met format, key, name en sections` }],
    };
  }

  const locate = (path: TemplatePath) => locateInDocument(doc.contents, path, lineCounter);
  const errors: TemplateFileError[] = [];
  const reported = new Set<string>();
  for (const duplicate of duplicateKeys(doc.contents, [])) {
    errors.push({ path: formatPath(duplicate.path), ...lineColumn(duplicate.offset, lineCounter), message: duplicate.message });
    reported.add(formatPath(duplicate.path));
  }

  const parsed = templateSchema.safeParse(data, { error: dutchIssueMessage });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
      if (issue.code === 'unrecognized_keys') {
        for (const unknownKey of issue.keys) {
          const keyPath = [...path, unknownKey];
          errors.push({ path: formatPath(keyPath), ...locate(keyPath), message: unknownFieldMessage(path, unknownKey) });
          reported.add(formatPath(keyPath));
        }
        continue;
      }
      const value = valueAt(data, path);
      const field = path.at(-1);
      let message = issue.message;
      if (issue.code === 'invalid_type' && value === undefined && typeof field === 'string') {
        message = `"${field}" ontbreekt; ${issue.message}`;
      } else if ((issue.code === 'invalid_value' || issue.code === 'invalid_format') && isShownValue(value)) {
        message = `${JSON.stringify(value)} is niet toegestaan; ${issue.message}`;
      }
      errors.push({ path: formatPath(path), ...locate(path), message });
      reported.add(formatPath(path));
    }
  }

  // Cross-references are checked on the raw data too, so a file with schema
  // errors still gets its reference mistakes in the same answer.
  for (const issue of validateTemplateReferences(parsed.success ? parsed.data : data)) {
    const path = formatPath(issue.path);
    if (reported.has(path)) continue; // zod already said what is wrong with this value
    errors.push({ path, ...locate(issue.path), message: issue.message });
  }

  if (errors.length > 0 || !parsed.success) return { ok: false, errors: sortErrors(errors) };
  const warnings = templateWarnings(parsed.data).map((issue) => ({ path: formatPath(issue.path), ...locate(issue.path), message: issue.message }));
  return { ok: true, template: withPortableSchemaLink(parsed.data), warnings: sortErrors(warnings) };
}

/**
 * "$schema" only helps an editor find template.schema.json. A relative path is only right where
 * the file was written, so it is not kept (an export elsewhere would point nowhere); a URL is kept.
 */
export function withPortableSchemaLink<T extends { $schema?: string | undefined }>(template: T): T {
  if (template.$schema === undefined || /^https?:\/\//.test(template.$schema)) return template;
  const { $schema: _relative, ...rest } = template;
  return rest as T;
}

/** "sections[2].items[4].norm.accept[0]" */
export function formatPath(path: TemplatePath): string {
  return path.reduce<string>(
    (result, segment) => (typeof segment === 'number' ? `${result}[${segment}]` : result ? `${result}.${segment}` : segment),
    '',
  );
}

function sortErrors(errors: TemplateFileError[]): TemplateFileError[] {
  return errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => (a.error.line ?? 0) - (b.error.line ?? 0) || (a.error.column ?? 0) - (b.error.column ?? 0) || a.index - b.index)
    .map(({ error }) => error);
}

// ---------------------------------------------------------------------------
// Syntax errors: one per block, and no follow-on errors of a tab

function lineColumn(offset: number | undefined, lineCounter: LineCounter): { line?: number; column?: number } {
  if (offset === undefined) return {};
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** A field written twice in one block: at the second one, with its path and name. */
function duplicateKeys(node: unknown, path: TemplatePath): Array<{ path: TemplatePath; offset: number | undefined; message: string }> {
  const found: Array<{ path: TemplatePath; offset: number | undefined; message: string }> = [];
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (name === undefined) continue;
      if (seen.has(name)) {
        found.push({
          path: [...path, name],
          offset: rangeStart(pair.key),
          message: `veld "${name}" staat twee keer in hetzelfde blok; houd er één over`,
        });
      }
      seen.add(name);
      found.push(...duplicateKeys(pair.value, [...path, name]));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => found.push(...duplicateKeys(item, [...path, index])));
  }
  return found;
}

/**
 * The file's syntax errors, without the parser's follow-on errors:
 * - a tab used for indentation confuses the parser about every line after it; the tab is reported,
 *   and the file is read again with that indentation guessed (the line above's) to find any other
 *   real mistake;
 * - after the first error in a block (a list entry and what is indented under it), the others in
 *   that block are left out: they nearly always follow from the first.
 */
function syntaxErrors(source: string, errors: readonly YAMLError[], lineCounter: LineCounter): TemplateFileError[] {
  const tabs = errors.filter((error) => error.code === 'TAB_AS_INDENT');
  if (tabs.length > 0) {
    const lines = source.split('\n');
    const tabLines = new Set(tabs.map((error) => lineCounter.linePos(error.pos[0]).line));
    for (const line of tabLines) {
      const index = line - 1;
      const previous = lines.slice(0, index).reverse().find((text) => text.trim() !== '' && !text.startsWith('\t'));
      const indent = /^ */.exec(previous ?? '')?.[0] ?? '';
      lines[index] = (lines[index] ?? '').replace(/^[ \t]+/, indent);
    }
    const repairedCounter = new LineCounter();
    const repaired = parseDocument(lines.join('\n'), { lineCounter: repairedCounter, prettyErrors: false, uniqueKeys: true });
    const rest = repaired.errors.filter((error) => error.code !== 'DUPLICATE_KEY');
    const tabErrors = yamlErrors(tabs, lineCounter, source).filter((error, index, all) => all.findIndex((other) => other.line === error.line) === index);
    return sortErrors([...tabErrors, ...onePerBlock(yamlErrors(rest, repairedCounter, lines.join('\n')), lines.join('\n'))]);
  }
  return onePerBlock(yamlErrors(errors, lineCounter, source), source);
}

function onePerBlock(errors: TemplateFileError[], source: string): TemplateFileError[] {
  const lines = source.split('\n');
  const indentOf = (line: string) => /^[ \t]*/.exec(line)?.[0].length ?? 0;
  /** The last line (1-based) of the block around `lineNumber`. */
  const blockEnd = (lineNumber: number): number => {
    // The block starts at the line itself when it is a list entry ("- "), else at the nearest entry above it that is indented less.
    const isEntry = (index: number) => /^\s*- /.test(lines[index] ?? '');
    let start = lineNumber - 1;
    if (!isEntry(start)) {
      const own = indentOf(lines[start] ?? '');
      while (start > 0 && !(isEntry(start) && indentOf(lines[start] ?? '') < own)) start--;
    }
    const blockIndent = indentOf(lines[start] ?? '');
    let end = lineNumber;
    while (end < lines.length) {
      const next = lines[end] ?? '';
      if (next.trim() !== '' && !next.trim().startsWith('#') && indentOf(next) <= blockIndent) break;
      end++;
    }
    return end;
  };
  const kept: TemplateFileError[] = [];
  let suppressUntil = 0;
  for (const error of sortErrors(errors)) {
    const line = error.line ?? 0;
    if (line > 0 && line <= suppressUntil) continue;
    kept.push(error);
    if (line > 0) suppressUntil = blockEnd(line);
  }
  return kept;
}

// ---------------------------------------------------------------------------
// Finding the line of a path in the YAML tree

/**
 * The position of the deepest node on `path` that exists. For a map entry we
 * point at its key (the line that reads `title: …`), not at a value that may
 * start on the next line. A missing field points at the object it is missing from.
 */
export function locateInDocument(root: unknown, path: TemplatePath, lineCounter: LineCounter): { line?: number; column?: number } {
  let node: unknown = root;
  let offset = rangeStart(root);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((candidate) => isScalar(candidate.key) && String(candidate.key.value) === String(segment));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? rangeStart(pair.value) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(isPair(item) ? item.key : item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  if (offset === undefined) return {};
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return Array.isArray(range) ? range[0] : undefined;
}

function isShownValue(value: unknown): value is string | number | boolean {
  return (typeof value === 'string' && value.length <= 80) || typeof value === 'number' || typeof value === 'boolean';
}

function valueAt(data: unknown, path: TemplatePath): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

// ---------------------------------------------------------------------------
// Dutch messages

const YAML_MESSAGES: Partial<Record<YAMLError['code'], string>> = {
  BAD_INDENT: 'de inspringing klopt niet; zet velden van hetzelfde niveau precies onder elkaar (met spaties)',
  TAB_AS_INDENT: 'gebruik spaties om in te springen, geen tabs',
  DUPLICATE_KEY: 'dit veld staat twee keer in hetzelfde blok; houd er één over',
  MISSING_CHAR: 'er ontbreekt een teken, bijvoorbeeld een afsluitend aanhalingsteken of haakje',
  MULTILINE_IMPLICIT_KEY:
    'deze regel springt anders in dan de regel erboven, of er ontbreekt een dubbele punt; zet velden van hetzelfde niveau precies onder elkaar',
  BLOCK_AS_IMPLICIT_KEY: 'een veldnaam moet op één regel staan, gevolgd door een dubbele punt',
  UNEXPECTED_TOKEN: 'hier staat iets wat niet verwacht werd; controleer de inspringing, streepjes en dubbele punten',
  BAD_SCALAR_START: 'deze tekst begint met een teken dat in YAML iets betekent; zet de tekst tussen aanhalingstekens',
  BAD_DQ_ESCAPE: 'ongeldige backslash-code in tekst tussen dubbele aanhalingstekens',
  MULTIPLE_DOCS: 'het bestand bevat meer dan één document (---); zet één vragenlijst per bestand',
  BAD_ALIAS: 'verwijzing (*naam) naar een onbekend anker (&naam)',
  KEY_OVER_1024_CHARS: 'een veldnaam is te lang',
  BLOCK_IN_FLOW: 'een blok (met streepjes of inspringing) kan niet binnen [ ] of { } staan',
};

/**
 * One message per place: the parser often reports the same mistake twice from
 * different angles. A key that spills onto the next line (MULTILINE_IMPLICIT_KEY)
 * is nearly always a wrongly indented next line, so we point at that line.
 */
function yamlErrors(errors: readonly YAMLError[], lineCounter: LineCounter, source: string): TemplateFileError[] {
  const preferred = [...errors].sort(
    (a, b) => Number(b.code === 'MULTILINE_IMPLICIT_KEY') - Number(a.code === 'MULTILINE_IMPLICIT_KEY'),
  );
  const seenStarts = new Set<number>();
  const result: TemplateFileError[] = [];
  for (const error of preferred) {
    if (seenStarts.has(error.pos[0])) continue;
    seenStarts.add(error.pos[0]);
    result.push(yamlError(error, lineCounter, source));
  }
  return result;
}

function yamlError(error: YAMLError, lineCounter: LineCounter, source: string): TemplateFileError {
  let { line, col } = lineCounter.linePos(error.pos[0]);
  if (error.code === 'MULTILINE_IMPLICIT_KEY') {
    // Point at the start of the text on the offending line.
    line = lineCounter.linePos(error.pos[1]).line;
    const lineStart = lineCounter.lineStarts[line - 1] ?? 0;
    col = 1 + (/^[ \t]*/.exec(source.slice(lineStart))?.[0].length ?? 0);
  }
  const message = YAML_MESSAGES[error.code] ?? `de YAML-opmaak klopt hier niet (${error.message.split('\n')[0]})`;
  return { path: '', line, column: col, message };
}

const TYPE_NAMES: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een geheel getal',
  boolean: 'true of false',
  array: 'een lijst (regels die met "- " beginnen)',
  object: 'een blok met velden',
};

/** Dutch wording for zod issues that the schema itself gives no message for. */
function dutchIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `verwacht ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'array') return `verwacht minstens ${minimum} ${minimum === 1 ? 'element' : 'elementen'}`;
      if (issue.origin === 'string') return `moet minstens ${minimum} ${minimum === 1 ? 'teken' : 'tekens'} lang zijn`;
      return issue.inclusive === false ? `moet groter zijn dan ${minimum}` : `moet minstens ${minimum} zijn`;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'array') return `mag hoogstens ${maximum} elementen bevatten`;
      if (issue.origin === 'string') return `mag hoogstens ${maximum} tekens lang zijn`;
      return issue.inclusive === false ? `moet kleiner zijn dan ${maximum}` : `mag hoogstens ${maximum} zijn`;
    }
    case 'invalid_value':
      return `verwacht een van: ${issue.values.map((value) => String(value)).join(', ')}`;
    case 'invalid_format':
      return 'heeft niet de juiste vorm';
    case 'not_multiple_of':
      return `moet een veelvoud zijn van ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `onbekende velden: ${issue.keys.join(', ')}`;
    default:
      return 'ongeldige waarde';
  }
}

function unknownFieldMessage(objectPath: TemplatePath, unknownKey: string): string {
  const known = knownFields(objectPath);
  if (known.length === 0) return `onbekend veld "${unknownKey}"; haal het weg`;
  const suggestion = closest(unknownKey, known);
  return suggestion
    ? `onbekend veld "${unknownKey}"; bedoelt u "${suggestion}"?`
    : `onbekend veld "${unknownKey}"; toegestane velden: ${known.join(', ')}`;
}

/** The field names the schema allows at `path` (walking the zod schema itself, so extensions are picked up). */
function knownFields(path: TemplatePath): string[] {
  let schema: unknown = templateSchema;
  const unwrap = (candidate: unknown): unknown => {
    let current = candidate;
    while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap();
    return current;
  };
  for (const segment of path) {
    schema = unwrap(schema);
    if (typeof segment === 'number' && schema instanceof z.ZodArray) schema = schema.element;
    else if (typeof segment === 'string' && schema instanceof z.ZodObject) schema = (schema.shape as Record<string, unknown>)[segment];
    else return [];
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function closest(word: string, candidates: string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase() === word.toLowerCase() ? 0 : levenshtein(word, candidate);
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= (word.length <= 3 ? 1 : 2) ? best.candidate : undefined;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
