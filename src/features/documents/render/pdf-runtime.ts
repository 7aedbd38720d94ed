/**
 * pdfmake set up once for the server: the Roboto fonts that ship inside the pdfmake package
 * (so a fresh `npm ci` is enough — no system fonts, no downloads), and access policies that
 * refuse every URL and every local file: images arrive as data URLs, fonts as bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

let isConfigured = false;

function configure(): void {
  if (isConfigured) return;
  const require = createRequire(import.meta.url);
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  // Fonts go into pdfmake's in-memory file system: read once per process, and the local
  // access policy can then refuse every path on disk.
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void } }).virtualfs;
  const font = (file: string) => {
    const name = `opensop-fonts/${file}`;
    vfs.writeFileSync(name, readFileSync(join(fontDir, file)));
    return name;
  };
  pdfmake.setFonts({
    Roboto: {
      normal: font('Roboto-Regular.ttf'),
      bold: font('Roboto-Medium.ttf'),
      italics: font('Roboto-Italic.ttf'),
      bolditalics: font('Roboto-MediumItalic.ttf'),
    },
  });
  shareParsedFonts(require);
  shareFontLayoutCache(require);
  allowLayoutOnly(require);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  isConfigured = true;
}

export const PDF_FONT = 'Roboto';

const MAX_CACHED_WORDS = 50_000;

/**
 * pdfkit parses each font file again for every document (fontkit.create: ~15–20 ms per style,
 * plus the garbage); and the shared word-layout cache below then kept glyphs of old documents'
 * font objects alive, so every parsed font stayed in memory. The parsed font depends only on
 * the file bytes (pdfmake hands over the same Buffer from its virtual file system every time),
 * so one fontkit font per file serves every document (its tables are parsed once); each document
 * gets its own glyph cache and makes its own subset (`createSubset`) for embedding.
 */
function shareParsedFonts(require: NodeJS.Require): void {
  // fontkit's exports are read-only getters, but its format list is open: TrueType files are
  // passed on (probe → false) to a format registered last, whose constructor hands out the one
  // parsed font per file (a constructor may return another object).
  type FontClass = { probe(buffer: Uint8Array): boolean; new (stream: unknown): object };
  const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as {
    create(buffer: Uint8Array): object;
    registerFormat(format: FontClass): void;
  };
  const sample = readFileSync(join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto', 'Roboto-Regular.ttf'));
  const TrueType = fontkit.create(sample).constructor as FontClass & { sharedByOpenSop?: boolean };
  if (TrueType.sharedByOpenSop) return;
  const probe = TrueType.probe.bind(TrueType);
  const parsed = new WeakMap<Uint8Array, object>();
  let current: Uint8Array | null = null;
  TrueType.probe = (buffer: Uint8Array) => {
    if (!probe(buffer)) return false;
    current = buffer;
    return false;
  };
  class SharedTrueType {
    static probe(buffer: Uint8Array): boolean {
      return buffer === current;
    }
    constructor(stream: unknown) {
      const buffer = current!;
      current = null;
      let font = parsed.get(buffer);
      if (!font) {
        font = new TrueType(stream);
        parsed.set(buffer, font);
      }
      // Each document gets its own view on the parsed tables: glyph objects remember the code
      // points they were first looked up with (pdfkit writes those into the PDF's ToUnicode
      // map), so the glyph cache and the layout engine must not be shared between documents.
      return Object.create(font, { _glyphs: { value: {}, writable: true } }) as SharedTrueType;
    }
  }
  fontkit.registerFormat(SharedTrueType as unknown as FontClass);
  TrueType.sharedByOpenSop = true;
}

/**
 * pdfkit caches the shaping of each word per document; shaping Roboto (kerning tables) is most of
 * the time of a small PDF, and the posters lay out several times. The cached runs depend only on
 * the font file (glyph ids and widths), so one cache per font style is shared across documents.
 */
function shareFontLayoutCache(require: NodeJS.Require): void {
  const PDFDocument = (require('pdfmake/js/PDFDocument.js') as { default: { prototype: Record<string, unknown> } }).default;
  const original = PDFDocument.prototype.provideFont as (this: unknown, family: string, bold: boolean, italics: boolean) => { layoutCache?: Record<string, unknown> };
  const caches = new Map<string, { words: Record<string, unknown> }>();
  // provideFont runs for every text fragment; swap the cache in only once per font object
  // (once per document and style) and check the cache size only then.
  const shared = new WeakSet<object>();
  PDFDocument.prototype.provideFont = function (this: unknown, family: string, bold: boolean, italics: boolean) {
    const font = original.call(this, family, bold, italics);
    if (font.layoutCache && !shared.has(font)) {
      shared.add(font);
      const key = `${family}/${bold ? 'b' : ''}${italics ? 'i' : ''}`;
      let cache = caches.get(key);
      if (!cache || Object.keys(cache.words).length > MAX_CACHED_WORDS) {
        cache = { words: Object.create(null) as Record<string, unknown> };
        caches.set(key, cache);
      }
      font.layoutCache = cache.words;
    }
    return font;
  };
}

/**
 * Render a definition built fresh for this call (pdfmake mutates it).
 * `pageCount` is read from the footer callback pdfmake calls with the final page count.
 */
export async function renderPdf(build: (onPageCount: (count: number) => void) => TDocumentDefinitions): Promise<{ bytes: Buffer; pageCount: number }> {
  configure();
  let pageCount = 0;
  const definition = build((count) => {
    pageCount = Math.max(pageCount, count);
  });
  const bytes = await pdfmake.createPdf(definition).getBuffer();
  return { bytes, pageCount };
}

/** Image maps of definitions that are only measured: their pages are laid out, never drawn. */
const layoutOnly = new WeakSet<object>();

/**
 * pdfmake lays a document out (LayoutBuilder) and then draws the pages into pdfkit (Renderer).
 * Measuring needs only the first step, so the renderer skips documents marked layout-only.
 * The mark travels on the definition's `images` object, which pdfmake hands to its pdfkit
 * document unchanged; this keeps concurrent renders in one process independent.
 */
function allowLayoutOnly(require: NodeJS.Require): void {
  const Renderer = (require('pdfmake/js/Renderer.js') as { default: { prototype: Record<string, unknown> } }).default;
  const original = Renderer.prototype.renderPages as (this: { pdfDocument: { images?: object } }, pages: unknown[]) => void;
  Renderer.prototype.renderPages = function (this: { pdfDocument: { images?: object } }, pages: unknown[]) {
    const images = this.pdfDocument.images;
    if (images && layoutOnly.has(images)) return;
    original.call(this, pages);
  };
}

/**
 * Lay out without drawing or writing the PDF (no drawing, no font subsetting, no compression):
 * a cheap way to count pages while searching for the largest font size that fits on one page.
 */
export async function measurePdfPages(build: (onPageCount: (count: number) => void) => TDocumentDefinitions): Promise<number> {
  configure();
  let pageCount = 0;
  const definition = build((count) => {
    pageCount = Math.max(pageCount, count);
  });
  const images = (definition.images ??= {});
  layoutOnly.add(images);
  await pdfmake.createPdf(definition).getStream();
  return pageCount;
}
