/**
 * Documents in the browser: a school downloads every output of its 2026-2027 profile, the parent
 * poster web page passes axe, and an SWV admin builds the ZIP of all schools. Screenshots, the
 * downloaded files and PNGs of every PDF page (pdftoppm) are kept under test-results/documents/ and
 * attached to the test report. (.docx files are checked by the unit tests, not pictured.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO, expect, expectAccessible, logIn, test } from './support/fixtures.js';

const OUT = path.join('test-results', 'documents');
const KINDS = ['sop-docx', 'sop-pdf', 'schoolgids-docx', 'ouderposter-a4-pdf', 'ouderposter-a3-pdf', 'lerarenposter-pdf'] as const;

/** Every page of a PDF as PNG with poppler's pdftoppm (no browser PDF viewer in headless mode); the PNG paths. */
function pdfPagesToPng(pdfFile: string): string[] {
  const prefix = `${pdfFile}.pagina`;
  execFileSync('pdftoppm', ['-r', '80', '-png', pdfFile, prefix]);
  const dir = path.dirname(pdfFile);
  const base = path.basename(prefix);
  return readdirSync(dir)
    .filter((name) => name.startsWith(`${base}-`) && name.endsWith('.png'))
    .sort()
    .map((name) => path.join(dir, name));
}

const HAS_PDFTOPPM = existsSync('/usr/bin/pdftoppm') || existsSync('/usr/local/bin/pdftoppm');

test('a school downloads every document of its profile; the parent poster page is accessible', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  mkdirSync(OUT, { recursive: true });
  await logIn(page, DEMO.schoolEditor);
  await page.locator('.card-list a').first().click();
  await expectAccessible(page, 'school page');
  await page.getByRole('link', { name: 'Documenten 2026-2027' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documenten 2026-2027' })).toBeVisible();
  await expectAccessible(page, 'documents page');
  await page.screenshot({ path: path.join(OUT, 'documentenpagina.png'), fullPage: true });
  // The school-guide chapter as HTML to copy into the school website.
  const fragment = await page.getByLabel('HTML van het hoofdstuk (alleen lezen)').inputValue();
  expect(fragment).toContain('<article class="sop-school-guide"');
  expect(fragment).not.toMatch(/\sstyle=/);

  for (const kind of KINDS) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`a[data-kind="${kind}"]`).click()]);
    const file = path.join(OUT, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(kind.endsWith('docx') ? /\.docx$/ : /\.pdf$/);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString(), kind).toBe(kind.endsWith('docx') ? 'PK' : '%P');
    if (kind.endsWith('pdf') && HAS_PDFTOPPM) {
      const pngs = pdfPagesToPng(file);
      expect(pngs.length, kind).toBeGreaterThan(0);
      if (kind !== 'sop-pdf') expect(pngs, `${kind} is one page`).toHaveLength(1);
      for (const png of pngs) await testInfo.attach(path.basename(png), { path: png, contentType: 'image/png' });
    }
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
