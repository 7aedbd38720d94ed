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
  shareFontLayoutCache(require);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  isConfigured = true;
}

export const PDF_FONT = 'Roboto';

const MAX_CACHED_WORDS = 200_000;

/**
 * pdfkit caches the shaping of each word per document; shaping Roboto (kerning tables) is most of
 * the time of a small PDF, and the posters lay out several times. The cached runs depend only on
 * the font file (glyph ids and widths), so one cache per font style is shared across documents.
 */
function shareFontLayoutCache(require: NodeJS.Require): void {
  const PDFDocument = (require('pdfmake/js/PDFDocument.js') as { default: { prototype: Record<string, unknown> } }).default;
  const original = PDFDocument.prototype.provideFont as (this: unknown, family: string, bold: boolean, italics: boolean) => { layoutCache?: Record<string, unknown> };
  const caches = new Map<string, { words: Record<string, unknown> }>();
  PDFDocument.prototype.provideFont = function (this: unknown, family: string, bold: boolean, italics: boolean) {
    const font = original.call(this, family, bold, italics);
    if (font.layoutCache) {
      const key = `${family}/${bold ? 'b' : ''}${italics ? 'i' : ''}`;
      let shared = caches.get(key);
      if (!shared || Object.keys(shared.words).length > MAX_CACHED_WORDS) {
        shared = { words: Object.create(null) as Record<string, unknown> };
        caches.set(key, shared);
      }
      font.layoutCache = shared.words;
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

/**
 * Lay out without writing the PDF (no font subsetting, no compression): a cheap way to count
 * pages while searching for the largest font size that fits on one page.
 */
export async function measurePdfPages(build: (onPageCount: (count: number) => void) => TDocumentDefinitions): Promise<number> {
  configure();
  let pageCount = 0;
  const definition = build((count) => {
    pageCount = Math.max(pageCount, count);
  });
  await pdfmake.createPdf(definition).getStream();
  return pageCount;
}
