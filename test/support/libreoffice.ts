/**
 * LibreOffice as an independent, strict reader of our .docx files (issue #9): `soffice --headless --convert-to pdf`
 * refuses a document whose XML is not well-formed ("source file could not be loaded"), and the PDF it writes shows
 * what a school sees when it opens the file: poppler's `pdfinfo` counts the pages, `pdftotext` reads the words back
 * and `pdfimages` finds the logo. Calibri is set in our documents; Carlito (fonts-crosextra-carlito) has Calibri's metrics, so LibreOffice
 * lays the text out as Word does.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/** The Debian packages the check needs (also in .ci/run and README "Tests"). */
export const LIBREOFFICE_PACKAGE = 'libreoffice-writer-nogui';
export const CALIBRI_METRICS_PACKAGE = 'fonts-crosextra-carlito';

function onPath(command: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

/** What is missing on this machine for the check, as sentences naming the Debian package; [] when all is there. */
export function missingTools(): string[] {
  const problems: string[] = [];
  if (!onPath('soffice'))
    problems.push(`soffice (LibreOffice) is not installed: apt-get install -y --no-install-recommends ${LIBREOFFICE_PACKAGE}`);
  if (!onPath('pdfinfo') || !onPath('pdftotext') || !onPath('pdfimages'))
    problems.push('pdfinfo/pdftotext/pdfimages are not installed: apt-get install -y poppler-utils');
  const calibri = spawnSync('fc-match', ['-f', '%{family}', 'Calibri'], { encoding: 'utf8' });
  if (calibri.status !== 0 || !/carlito|calibri/i.test(calibri.stdout))
    problems.push(
      `no font with Calibri's metrics (fc-match Calibri gives "${calibri.stdout?.trim() || 'nothing'}"), so LibreOffice would not lay the text out as Word does: apt-get install -y --no-install-recommends ${CALIBRI_METRICS_PACKAGE}`,
    );
  return problems;
}

export interface Conversion {
  /** The PDF for each input name, or null when LibreOffice could not load the document. */
  pdfs: Map<string, string | null>;
  /** soffice's own output (stdout and stderr), for failure messages. */
  log: string;
  /** Wall-clock milliseconds of the one soffice run. */
  millis: number;
  /** Removes the temporary folder (documents, PDFs and the LibreOffice profile). */
  cleanUp(): void;
}

/**
 * Converts every document in ONE soffice run (its start-up costs seconds), with its own user profile so parallel
 * runs do not share (and lock) one. soffice exits 0 even when a file cannot be loaded: look at `pdfs`.
 */
export async function convertToPdf(files: Array<{ name: string; bytes: Uint8Array }>, options: { timeoutMs: number }): Promise<Conversion> {
  const dir = mkdtempSync(path.join(tmpdir(), 'opensop-docx-'));
  const inDir = path.join(dir, 'in');
  const outDir = path.join(dir, 'out');
  mkdirSync(inDir);
  mkdirSync(outDir);
  const inputs = files.map(({ name, bytes }) => {
    const file = path.join(inDir, `${name}.docx`);
    writeFileSync(file, bytes);
    return file;
  });
  const started = performance.now();
  // Asynchronous, so the test runner's own timers keep running while soffice works.
  const result = await new Promise<{ stdout: string; stderr: string; error: Error | null }>((resolve) => {
    execFile(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...inputs],
      { encoding: 'utf8', timeout: options.timeoutMs, killSignal: 'SIGKILL', env: { ...process.env, HOME: dir } },
      (error, stdout, stderr) => resolve({ stdout, stderr, error }),
    );
  });
  const millis = Math.round(performance.now() - started);
  const log = `${result.stdout}${result.stderr}${result.error ? `\n${result.error.message}` : ''}`;
  const pdfs = new Map<string, string | null>();
  for (const { name } of files) {
    const pdf = path.join(outDir, `${name}.pdf`);
    pdfs.set(name, existsSync(pdf) ? pdf : null);
  }
  return { pdfs, log, millis, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}

export function pdfPageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** The pages (1-based) that show at least one picture, by poppler's `pdfimages -list`. */
export function pdfPagesWithImages(pdf: string): number[] {
  const list = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
  const pages = new Set<number>();
  for (const line of list.split('\n').slice(2)) {
    const [page, , type] = line.trim().split(/\s+/);
    if (type === 'image') pages.add(Number(page));
  }
  return [...pages].sort((a, b) => a - b);
}

/**
 * The PDF's text with poppler's layout kept: a word cut at the end of a line (a column too narrow for it) stays cut,
 * where the default mode would join "Jeugdgezondheids-" and "zorg" back together.
 */
export function pdfLayoutText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The PDF's text in reading order, whitespace collapsed: for looking up a phrase. */
export function pdfPlainText(pdf: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/\s+/g, ' ');
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return named[entity.toLowerCase()] ?? '';
  });
}

/**
 * The text a reader sees in a part of a .docx (the body, a header, a footer): the `<w:t>` runs, with a space between
 * paragraphs, cells and tabs. Field instructions (`<w:instrText>`) and simple fields' results are not text.
 */
export function wordPartText(xml: string): string {
  let text = '';
  // A simple field's result (PAGE, NUMPAGES) is computed by the reader: "1" in the file, the page number in the PDF.
  const withoutFields = xml.replace(/<w:fldSimple\b[^>]*>.*?<\/w:fldSimple>/gs, ' ');
  for (const match of withoutFields.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(?:p|tab|br|tc)[\s/>]/g)) text += match[1] !== undefined ? decodeXml(match[1]) : ' ';
  return text;
}

/** The text of a .docx's body, headers and footers. */
export function docxText(bytes: Uint8Array): string {
  const parts = unzipSync(bytes);
  return Object.entries(parts)
    .filter(([name]) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name))
    .map(([, content]) => wordPartText(strFromU8(content)))
    .join(' ');
}

/** Words (letters and digits; hyphens, dashes and punctuation separate), Unicode-normalised so ligatures compare. */
export function words(text: string): string[] {
  return text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Every word of `expected` that `actual` has fewer times than `expected` ("basisondersteuning 0/1"): text LibreOffice
 * lost, or a word cut in two by a column too narrow for it. Headers and footers repeat on every page, so more is fine.
 */
export function missingWords(expected: string, actual: string): string[] {
  const have = new Map<string, number>();
  for (const word of words(actual)) have.set(word, (have.get(word) ?? 0) + 1);
  const want = new Map<string, number>();
  for (const word of words(expected)) want.set(word, (want.get(word) ?? 0) + 1);
  return [...want].filter(([word, count]) => (have.get(word) ?? 0) < count).map(([word, count]) => `${word} ${have.get(word) ?? 0}/${count}`);
}

/**
 * Every XML part of a .docx that is not well-formed (namespaces included), with saxes' message. LibreOffice refuses a
 * broken document.xml, styles, numbering, settings, header, footer, relationships or [Content_Types].xml, but opens a
 * document whose docProps/core.xml or app.xml is broken; Word refuses them all.
 */
export function malformedParts(bytes: Uint8Array): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, content] of Object.entries(unzipSync(bytes))) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const parser = new SaxesParser({ xmlns: true });
    let error: string | null = null;
    parser.on('error', (e) => {
      error ??= e.message;
    });
    parser.write(strFromU8(content)).close();
    if (error) found[name] = error;
  }
  return found;
}
