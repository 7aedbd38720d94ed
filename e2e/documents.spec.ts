/**
 * Documents in the browser: a school downloads every output of its 2026-2027 profile, the parent
 * poster web page passes axe, and an SWV admin builds the ZIP of all schools. Screenshots, the
 * downloaded files and PNGs of the PDFs' first pages are kept under test-results/documents/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO, expect, expectAccessible, logIn, test } from './support/fixtures.js';

const OUT = path.join('test-results', 'documents');
const KINDS = ['sop-docx', 'sop-pdf', 'schoolgids-docx', 'ouderposter-a4-pdf', 'ouderposter-a3-pdf', 'lerarenposter-pdf'] as const;

/** Page 1 of a PDF as PNG, with pdf.js on @napi-rs/canvas (no browser PDF viewer in headless mode). */
async function pdfFirstPageToPng(pdfFile: string, pngFile: string): Promise<void> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { createCanvas } = await import('@napi-rs/canvas');
  const doc = await getDocument({ data: new Uint8Array(readFileSync(pdfFile)), isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: 1.5 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({ canvasContext: canvas.getContext('2d'), viewport, canvas } as never).promise;
  writeFileSync(pngFile, canvas.toBuffer('image/png'));
  await doc.destroy();
}

test('a school downloads every document of its profile; the parent poster page is accessible', async ({ page }) => {
  test.setTimeout(180_000);
  mkdirSync(OUT, { recursive: true });
  await logIn(page, DEMO.schoolEditor);
  await page.locator('.card-list a').first().click();
  await expectAccessible(page, 'school page');
  await page.getByRole('link', { name: 'Documenten 2026-2027' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documenten 2026-2027' })).toBeVisible();
  await expectAccessible(page, 'documents page');
  await page.screenshot({ path: path.join(OUT, 'documentenpagina.png'), fullPage: true });

  for (const kind of KINDS) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`a[data-kind="${kind}"]`).click()]);
    const file = path.join(OUT, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(kind.endsWith('docx') ? /\.docx$/ : /\.pdf$/);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString(), kind).toBe(kind.endsWith('docx') ? 'PK' : '%P');
    if (kind.endsWith('pdf')) await pdfFirstPageToPng(file, `${file}.pagina-1.png`);
  }

  // The school-guide chapter is an HTML fragment to paste into a school guide: fetch and keep it.
  const guideHref = await page.locator('a[data-kind="schoolgids-html"]').getAttribute('href');
  const guide = await page.request.get(guideHref!);
  expect(guide.headers()['content-type']).toBe('text/html; charset=utf-8');
  writeFileSync(path.join(OUT, 'schoolgids-hoofdstuk.html'), await guide.body());

  // The parent poster as a web page for the school website.
  await page.locator('a[data-kind="ouderposter-html"]').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zo helpen wij uw kind' })).toBeVisible();
  await expectAccessible(page, 'parent poster web page');
  await page.screenshot({ path: path.join(OUT, 'ouderposter-webpagina.png'), fullPage: true });
});

test('an SWV admin builds the ZIP with all schools’ documents and sees it finish', async ({ page }) => {
  test.setTimeout(240_000);
  mkdirSync(OUT, { recursive: true });
  await logIn(page, DEMO.swvAdmin);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'SWV PO Voorbeeldstad' }).click();
  await page.getByRole('link', { name: 'Documenten van alle scholen (ZIP)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documenten van alle scholen' })).toBeVisible();
  await expectAccessible(page, 'batch page');
  await page.getByLabel('Schooljaar').selectOption('2026-2027');
  await page.getByRole('button', { name: 'Download alle documenten (ZIP)' }).click();
  await expect(page.getByText('Het ZIP-bestand wordt gemaakt.')).toBeVisible();
  await expectAccessible(page, 'batch page, export requested');
  // The page refreshes the progress table itself while the job runs.
  const link = page.getByRole('link', { name: /ZIP downloaden/ });
  await expect(link).toBeVisible({ timeout: 200_000 });
  await expectAccessible(page, 'batch page, export done');
  await page.screenshot({ path: path.join(OUT, 'batch-klaar.png'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = path.join(OUT, download.suggestedFilename());
  await download.saveAs(file);
  expect(download.suggestedFilename()).toBe('Documenten-2026-2027.zip');
  expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
});
