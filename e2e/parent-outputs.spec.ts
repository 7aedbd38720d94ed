/**
 * Issue 10, "Parent poster and school-guide chapter: honest and readable", read as a parent would:
 * the demo school's parent poster and school-guide chapter carry the school's own limits and
 * extra-support texts (src/features/cycle/demo-answers.ts), never a placeholder; the accessible
 * web pages beside the PDFs (poster, chapter, full SOP) pass axe, with one main and one h1.
 */
import { DEMO, expect, expectAccessible, logIn, test } from './support/fixtures.js';

/** The demo school's own words (demo data), as the poster shortens them at a sentence boundary. */
const OWN_LIMIT = 'Een kind dat de hele dag één-op-één begeleiding nodig heeft, kunnen wij die hulp niet bieden.';
const OWN_LIMIT_LATER = 'Ons gebouw heeft geen lift, dus de lokalen boven zijn niet bereikbaar met een rolstoel.';
const OWN_EXTRA = 'Twee keer per week werkt een onderwijsassistent met kleine groepjes aan lezen en rekenen.';
const PLACEHOLDERS = ['Dit bieden wij extra.', 'Dit kunnen wij (nog) niet bieden.'];

test('a parent reads the school’s own limits and extra support on the poster and in the school-guide chapter', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, DEMO.schoolEditor);
  await page.locator('.card-list a').first().click();
  await page.getByRole('link', { name: 'Documenten 2026-2027' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documenten 2026-2027' })).toBeVisible();
  // The accessible version sits beside each PDF a parent can open.
  for (const pdf of ['sop-pdf', 'ouderposter-a4-pdf', 'ouderposter-a3-pdf']) {
    await expect(page.locator(`a[data-accessible-for="${pdf}"]`)).toHaveText('Toegankelijke versie (webpagina)');
  }
  const documents = page.url();

  // The parent poster as a web page.
  await page.locator('a[data-kind="ouderposter-html"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  const limits = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Wat kunnen wij (nog) niet bieden?' }) });
  await expect(limits).toContainText(OWN_LIMIT);
  await expect(limits).toContainText('Grens van onze ondersteuning');
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Welke extra hulp bieden wij?' }) })).toContainText(OWN_EXTRA);
  const poster = (await page.locator('main').textContent()) ?? '';
  for (const placeholder of PLACEHOLDERS) expect(poster).not.toContain(placeholder);
  await expectAccessible(page, 'parent poster web page');

  // The school-guide chapter as a web page: the whole limits text, plain sentences, whom to ask.
  await page.goto(documents);
  await page.locator('a[data-kind="schoolgids-html"]').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ondersteuning op onze school' })).toBeVisible();
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  const chapter = (await page.locator('main').textContent()) ?? '';
  for (const own of [OWN_LIMIT, OWN_LIMIT_LATER, OWN_EXTRA]) expect(chapter).toContain(own);
  for (const placeholder of PLACEHOLDERS) expect(chapter).not.toContain(placeholder);
  expect(chapter).toContain('Praat eerst met de leerkracht van uw kind.');
  expect(chapter).toContain('Ouder- en Jeugdsteunpunt Voorbeeldstad');
  expect(chapter).not.toContain('Voldoet aan basisondersteuning');
  await expect(page.locator('table')).toHaveCount(0);
  await expectAccessible(page, 'school-guide chapter web page');

  // The full SOP as an accessible web page.
  await page.goto(documents);
  await page.locator('a[data-accessible-for="sop-pdf"]').click();
  await expect(page.getByRole('heading', { level: 1, name: /Schoolondersteuningsprofiel/ })).toBeVisible();
  await expect(page.getByRole('main')).toHaveCount(1);
  expect(await page.locator('main').textContent()).toContain(OWN_LIMIT_LATER);
  await expectAccessible(page, 'SOP web page');
});
