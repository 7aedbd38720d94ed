/**
 * A parent, without an account (issue 13): finds schools by support and by postcode, opens one and reads what
 * changed since last year, follows the support point's contact, compares three schools; the embed renders in
 * a page of another origin. axe on every public page; no cookie is set.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, expectAccessible, test } from './support/fixtures.js';

test.use({ axeEveryPage: true });

test('a parent finds, reads and compares schools on the public pages', async ({ page, context, baseURL }) => {
  await page.goto('/voorbeeldstad');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SWV PO Voorbeeldstad');
  await expectAccessible(page, 'SWV page');
  // The support point's contact is a working link.
  await expect(page.getByRole('link', { name: '010 123 45 67' })).toHaveAttribute('href', 'tel:0101234567');

  // Search by support.
  await page.getByLabel('Ondersteuning').fill('dyslexie');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('heading', { name: 'Gevonden scholen' })).toBeVisible();
  await expect(page.locator('.public-reasons').first()).toContainText(/dyslexie/i);
  await expectAccessible(page, 'search by support');

  // Search by postcode: the four digits are enough.
  await page.getByLabel('Ondersteuning').fill('');
  await page.getByLabel('Postcode').fill('2712');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  const results = page.locator('.public-result');
  await expect(results.first()).toBeVisible();
  for (const text of await results.allTextContents()) expect(text).toContain('2712');

  // Filter by district.
  await page.getByLabel('Postcode').fill('');
  await page.getByLabel('Wijk').selectOption('Noord');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  for (const text of await results.allTextContents()) expect(text).toContain('Noord');

  // Open a school: what changed since last year, whom to ask.
  await page.goto('/voorbeeldstad');
  await page.getByRole('link', { name: 'Basisschool De Regenboog' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Basisschool De Regenboog');
  await expect(page.getByRole('heading', { name: 'Wat is er veranderd sinds vorig jaar?' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Wie kunt u iets vragen?' })).toBeVisible();
  await expectAccessible(page, 'school page');

  // The stand-alone web pages style themselves with inline <style>: the CSP allows those blocks by their hash
  // (they are kept in the public cache, so no per-request nonce), and the browser refuses nothing.
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  for (const name of ['sop-webpagina', 'ouderposter-webpagina', 'schoolgids']) {
    const response = await page.goto(`/voorbeeldstad/scholen/12AB00/documenten/${name}`);
    expect(response?.status(), name).toBe(200);
    expect(await page.locator('style').count(), name).toBeGreaterThan(0);
  }
  expect(refused).toEqual([]);

  // Compare three schools.
  await page.goto('/voorbeeldstad');
  const boxes = page.getByRole('checkbox');
  for (const index of [0, 1, 2]) await boxes.nth(index).check();
  await page.getByRole('button', { name: 'Vergelijk de gekozen scholen' }).click();
  await expect(page.getByRole('table')).toContainText('Vergelijking van 3 scholen');
  await expectAccessible(page, 'compare');

  // English interface from the URL, and the statements.
  await page.goto('/voorbeeldstad?lang=en');
  await expect(page.getByRole('heading', { name: 'Find a school' })).toBeVisible();
  for (const path of ['/toegankelijkheid', '/privacy']) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
  expect(await context.cookies()).toEqual([]);

  // The embed inside a page of another origin: the school's site at 127.0.0.1 frames the app at localhost.
  const host = `<!doctype html><html lang="nl"><head><title>Schoolwebsite</title></head><body><main><iframe title="Ondersteuning" src="${baseURL}/embed/voorbeeldstad/scholen/12AB00" width="600" height="800"></iframe></main></body></html>`;
  // A real server, not page.route: Chromium blocks a fulfilled (address-less) page from framing localhost.
  const schoolSite = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(host));
  await new Promise<void>((resolve) => schoolSite.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://127.0.0.1:${(schoolSite.address() as AddressInfo).port}/`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('link', { name: 'Lees meer over de ondersteuning op deze school' })).toBeVisible();
  } finally {
    schoolSite.close();
  }
});
