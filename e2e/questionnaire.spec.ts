/**
 * The school fills in its profile (issue 4), as ib@regenboog.example on De Regenboog's 2026-2027 profile.
 * Other specs use other schools (the cycle uses De Vlinder). Items are read from the page itself,
 * so the test follows whatever the demo template asks.
 */
import type { Locator, Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { DEMO, expect, expectAccessible, logIn, logOut, test } from './support/fixtures.js';

const JS_BUDGET_BYTES = 100 * 1024;

async function openProfile(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /Regenboog/ }).click();
  await page.getByRole('link', { name: 'SOP 2026-2027 openen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('SOP 2026-2027');
  return new URL(page.url()).pathname;
}

async function sectionLinks(page: Page, profilePath: string): Promise<string[]> {
  await page.goto(profilePath);
  return page.locator('.task-list a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
}

/** Signs in as De Regenboog's coordinator and opens the first section, with autosave ready. */
async function openFirstSectionAsEditor(page: Page): Promise<{ profilePath: string; firstSection: string }> {
  await logIn(page, DEMO.schoolEditor);
  const profilePath = await openProfile(page);
  const [firstSection] = await sectionLinks(page, profilePath);
  await page.goto(firstSection!);
  await expect(page.locator('form[data-autosave]')).toHaveAttribute('data-autosave-ready', 'true');
  return { profilePath, firstSection: firstSection! };
}

type Kind = 'single' | 'multi' | 'number' | 'text' | 'longtext' | 'limits';
interface ItemInfo {
  key: string;
  kind: Kind;
  options: string[];
  min: number | null;
  max: number | null;
  hasAmbition: boolean;
  hasParentText: boolean;
}

async function itemsOnPage(page: Page): Promise<ItemInfo[]> {
  return page.locator('form[data-autosave] [data-item-key]').evaluateAll((elements) =>
    elements.map((element) => {
      const el = element as HTMLElement;
      const fieldset = el.querySelector<HTMLElement>('fieldset[data-field="value"]');
      const input = el.querySelector<HTMLInputElement>('input[data-field="value"]');
      const kind: Kind = el.dataset['itemKey']!.startsWith('limits:')
        ? 'limits'
        : fieldset
          ? (fieldset.dataset['kind'] as 'single' | 'multi')
          : input
            ? input.hasAttribute('data-number')
              ? 'number'
              : 'text'
            : 'longtext';
      return {
        key: el.dataset['itemKey']!,
        kind,
        options: fieldset ? [...fieldset.querySelectorAll('input')].map((i) => (i as HTMLInputElement).value) : [],
        min: input?.dataset['min'] ? Number(input.dataset['min']) : null,
        max: input?.dataset['max'] ? Number(input.dataset['max']) : null,
        hasAmbition: Boolean(el.querySelector('[data-ambition-toggle]')),
        hasParentText: Boolean(el.querySelector('[data-field="parentText"]')),
      };
    }),
  );
}

/** What the test answers for an item, so the reload can check every answer. */
function plannedAnswer(item: ItemInfo, index: number): string | string[] {
  switch (item.kind) {
    case 'single':
      return item.options[index % item.options.length]!;
    case 'multi':
      return item.options.slice(0, 2);
    case 'number':
      return String(Math.min(item.max ?? 10, Math.max(item.min ?? 0, 7)));
    case 'text':
      return `E2E ${item.key}`;
    case 'longtext':
    case 'limits':
      return `E2E-antwoord voor ${item.key}.`;
  }
}

function itemLocator(page: Page, key: string): Locator {
  return page.locator(`[data-item-key="${key}"]`);
}

async function answerItem(page: Page, item: ItemInfo, answer: string | string[]): Promise<void> {
  const box = itemLocator(page, item.key);
  if (item.kind === 'single') await box.locator(`fieldset input[value="${answer as string}"]`).check();
  else if (item.kind === 'multi') {
    for (const input of await box.locator('fieldset input').all()) {
      const value = await input.getAttribute('value');
      if ((answer as string[]).includes(value!)) await input.check();
      else await input.uncheck();
    }
  } else if (item.kind === 'longtext' || item.kind === 'limits') await box.locator('textarea[data-field]').first().fill(answer as string);
  else await box.locator('input[data-field="value"]').fill(answer as string);
  if (item.hasParentText) await box.locator('textarea[data-field="parentText"]').fill(`Ouders: ${item.key}`.slice(0, 60));
}

async function expectAnswer(page: Page, item: ItemInfo, answer: string | string[]): Promise<void> {
  const box = itemLocator(page, item.key);
  if (item.kind === 'single') await expect(box.locator(`fieldset input[value="${answer as string}"]`), item.key).toBeChecked();
  else if (item.kind === 'multi') {
    for (const input of await box.locator('fieldset input').all()) {
      const value = await input.getAttribute('value');
      if ((answer as string[]).includes(value!)) await expect(input, `${item.key} ${value}`).toBeChecked();
      else await expect(input, `${item.key} ${value}`).not.toBeChecked();
    }
  } else if (item.kind === 'longtext' || item.kind === 'limits') await expect(box.locator('textarea[data-field]').first(), item.key).toHaveValue(answer as string);
  else await expect(box.locator('input[data-field="value"]'), item.key).toHaveValue(answer as string);
  if (item.hasParentText) await expect(box.locator('textarea[data-field="parentText"]')).toHaveValue(`Ouders: ${item.key}`.slice(0, 60));
}

async function waitUntilSaved(page: Page): Promise<void> {
  await expect(page.locator('form[data-autosave]')).toHaveAttribute('data-unsaved', 'false');
  await expect(page.locator('[data-save-state]').filter({ hasText: 'Niet opgeslagen' })).toHaveCount(0);
  await expect(page.locator('[data-autosave-error]')).toHaveCount(0);
}

test('fills in the whole template section by section with autosave, and finds every answer after a reload', async ({ page }) => {
  test.setTimeout(240_000);
  await logIn(page, DEMO.schoolEditor);
  const profilePath = await openProfile(page);
  await expectAccessible(page, 'profile home');
  await page.getByRole('link', { name: 'Lees eerst de uitleg bij de vragenlijst' }).click();
  await expectAccessible(page, 'welcome');
  await page.locator('details.q-panel summary').first().click();
  await expectAccessible(page, 'welcome, panel open');

  // The page's JavaScript stays within budget (gzipped).
  const scripts: Array<Promise<number>> = [];
  const onResponse = (response: { url(): string; body(): Promise<Buffer> }) => {
    if (/\/static\/client\/.+\.js$/.test(response.url())) scripts.push(response.body().then((body) => gzipSync(body).length));
  };
  page.on('response', onResponse);
  await page.locator('#main').getByRole('link', { name: 'Start' }).click();
  await expect(page.locator('form[data-autosave]')).toHaveAttribute('data-autosave-ready', 'true');
  page.off('response', onResponse);
  const sizes = await Promise.all(scripts);
  expect(sizes.length).toBeGreaterThan(0);
  expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(JS_BUDGET_BYTES);

  const sections = await sectionLinks(page, profilePath);
  expect(sections.length).toBeGreaterThan(3);
  const planned = new Map<string, { items: ItemInfo[]; answers: Map<string, string | string[]> }>();
  let ambitionDone = false;
  for (const sectionPath of sections) {
    await page.goto(sectionPath);
    await expect(page.locator('form[data-autosave]')).toHaveAttribute('data-autosave-ready', 'true');
    await expectAccessible(page, sectionPath);
    const items = await itemsOnPage(page);
    const answers = new Map<string, string | string[]>();
    for (const [index, item] of items.entries()) {
      const answer = plannedAnswer(item, index);
      answers.set(item.key, answer);
      await answerItem(page, item, answer);
      if (item.hasAmbition && !ambitionDone) {
        const box = itemLocator(page, item.key);
        await box.getByLabel('Nog niet, maar we zijn het van plan').check();
        await box.getByLabel('In welk schooljaar?').selectOption('2027-2028');
        ambitionDone = true;
      }
    }
    await waitUntilSaved(page);
    await expect(page.locator('[data-save-state]').filter({ hasText: 'Opgeslagen' }).first()).toBeVisible();
    // The side navigation shows this section's progress live.
    const sectionKey = sectionPath.split('/').pop()!;
    await expect(page.locator(`[data-section-progress="${sectionKey}"] [data-progress-status]`)).toHaveText('Klaar');
    await expectAccessible(page, `${sectionPath} after answering`);
    planned.set(sectionPath, { items, answers });
  }

  for (const [sectionPath, { items, answers }] of planned) {
    await page.goto(sectionPath);
    for (const item of items) await expectAnswer(page, item, answers.get(item.key)!);
  }
  expect(ambitionDone).toBe(true);
  const ambition = page.locator('[data-ambition-toggle]:checked');
  await page.goto(sections.find((path) => planned.get(path)!.items.some((item) => item.hasAmbition))!);
  await expect(ambition.first()).toBeChecked();

  await page.goto(profilePath);
  await expect(page.locator('.task-list .status-tag').filter({ hasText: 'Klaar' })).toHaveCount(sections.length);
  // One check page: every answer, nothing missing, and the submit section.
  await page.getByRole('link', { name: 'Controleren en indienen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Controleer uw antwoorden');
  await expect(page.getByText('Het SOP is nog niet compleet')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'SOP indienen' })).toBeVisible();
  await expectAccessible(page, 'check page');
});

test('two editors: an edit based on an outdated value shows both values and loses nothing', async ({ page, browser }) => {
  const { firstSection } = await openFirstSectionAsEditor(page);
  const textItem = (await itemsOnPage(page)).find((item) => item.kind === 'text')!;

  const other = await browser.newContext();
  const director = await other.newPage();
  const directorErrors: string[] = [];
  director.on('console', (message) => {
    // The refused save answers 409 on purpose; anything else is a real error.
    if (message.type() === 'error' && !/status of 409/.test(message.text())) directorErrors.push(message.text());
  });
  director.on('pageerror', (error) => directorErrors.push(error.message));
  await logIn(director, DEMO.schoolDirector);
  await director.goto(firstSection);
  await expect(director.locator('form[data-autosave]')).toHaveAttribute('data-autosave-ready', 'true');

  // The coordinator saves first …
  await itemLocator(page, textItem.key).locator('input[data-field="value"]').fill('Antwoord van de IB-er');
  await waitUntilSaved(page);
  // … the director, whose page is older, types something else.
  const directorItem = itemLocator(director, textItem.key);
  await directorItem.locator('input[data-field="value"]').fill('Antwoord van de directeur');
  const alert = directorItem.getByRole('alert');
  await expect(alert).toContainText('Iemand anders heeft dit antwoord intussen gewijzigd');
  await expect(alert).toContainText('Hun antwoord: Antwoord van de IB-er');
  await expect(alert).toContainText('Uw antwoord: Antwoord van de directeur');
  await expectAccessible(director, 'conflict');
  // Nothing was overwritten.
  await page.reload();
  await expect(itemLocator(page, textItem.key).locator('input[data-field="value"]')).toHaveValue('Antwoord van de IB-er');

  await alert.getByRole('button', { name: 'Mijn antwoord gebruiken' }).click();
  await expect(director.locator('form[data-autosave]')).toHaveAttribute('data-unsaved', 'false');
  await expect(directorItem.locator('[data-save-state]')).toHaveText('Opgeslagen');
  await page.reload();
  await expect(itemLocator(page, textItem.key).locator('input[data-field="value"]')).toHaveValue('Antwoord van de directeur');
  await other.close();
  expect(directorErrors).toEqual([]);
});

test('without JavaScript: a section saves every valid field and shows the invalid one in an error summary', async ({ browser, page: checker }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await logIn(page, DEMO.schoolEditor);
  const profilePath = await openProfile(page);
  const sections = await sectionLinks(page, profilePath);
  // The first section with a number and a text item.
  let target: { path: string; number: ItemInfo; text: ItemInfo } | undefined;
  for (const path of sections) {
    await page.goto(path);
    const items = await itemsOnPage(page);
    const number = items.find((item) => item.kind === 'number' && item.max !== null);
    const text = items.find((item) => item.kind === 'text');
    if (number && text) {
      target = { path, number, text };
      break;
    }
  }
  expect(target).toBeDefined();
  const { number, text } = target!;
  const numberInput = itemLocator(page, number.key).locator('input[data-field="value"]');
  const before = await numberInput.inputValue();
  await numberInput.fill(String(number.max! + 1));
  await itemLocator(page, text.key).locator('input[data-field="value"]').fill('Opgeslagen zonder JavaScript');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();

  const summary = page.locator('#error-summary');
  await expect(summary).toContainText('Er is een probleem');
  await expect(summary.getByRole('link')).toHaveText(/Vul een getal in/);
  await expect(itemLocator(page, number.key).locator('.utrecht-form-field-error-message')).toContainText('Vul een getal in');
  await expect(numberInput).toHaveValue(String(number.max! + 1)); // what was typed stays
  await expect(page.getByText('De andere antwoorden zijn opgeslagen.')).toBeVisible();
  // axe needs JavaScript: check the very same HTML in a page that has it (same origin, so the CSS loads).
  const html = await page.content();
  await checker.goto('/inloggen');
  await checker.setContent(html);
  await expectAccessible(checker, 'no-JS error summary');

  await page.goto(target!.path);
  await expect(itemLocator(page, text.key).locator('input[data-field="value"]')).toHaveValue('Opgeslagen zonder JavaScript');
  await expect(itemLocator(page, number.key).locator('input[data-field="value"]')).toHaveValue(before);
  await context.close();
});

test('keyboard only: a section can be completed with Tab, Space, arrow keys and typing', async ({ page }) => {
  await logIn(page, DEMO.schoolEditor);
  const profilePath = await openProfile(page);
  const sections = await sectionLinks(page, profilePath);
  const sectionPath = sections[0]!;
  const sectionKey = sectionPath.split('/').pop()!;
  await page.goto(sectionPath);
  await expect(page.locator('form[data-autosave]')).toHaveAttribute('data-autosave-ready', 'true');
  // Setup: empty one required text answer, so the section is unfinished before the keyboard run.
  const requiredKeys = await page.locator('[data-item-key][data-required="true"]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset['itemKey']!));
  const textItem = (await itemsOnPage(page)).find((item) => ['text', 'longtext', 'number'].includes(item.kind) && requiredKeys.includes(item.key))!;
  const textControl = () => itemLocator(page, textItem.key).locator('input[data-field="value"], textarea[data-field="value"]');
  await textControl().fill('');
  await waitUntilSaved(page);
  const status = page.locator(`[data-section-progress="${sectionKey}"] [data-progress-status]`);
  await expect(status).toHaveText('Bezig');
  await page.reload();
  await page.locator('h1').focus();

  const changedGroups = new Set<string>();
  for (let step = 0; step < 400; step += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el) return null;
      return {
        tag: el.tagName,
        type: el.type ?? '',
        name: el.name ?? '',
        field: el.closest<HTMLElement>('[data-field]')?.dataset['field'] ?? '',
        text: el.textContent?.trim() ?? '',
        inForm: Boolean(el.closest('form[data-autosave]')),
        isNumber: el.hasAttribute('data-number'),
        value: el.value ?? '',
      };
    });
    if (!focused) continue;
    if (focused.tag === 'BUTTON' && focused.text === 'Opslaan') break;
    if (!focused.inForm) continue;
    if (focused.field === 'value' && focused.type === 'radio' && !changedGroups.has(focused.name)) {
      // Arrow keys move the choice inside a radio group; Space selects the focused option.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Space');
      changedGroups.add(focused.name);
    } else if (focused.field === 'value' && focused.type === 'checkbox' && focused.value !== '_geen') {
      if (!(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked))) await page.keyboard.press('Space');
    } else if (focused.field === 'value' && (focused.type === 'text' || focused.tag === 'TEXTAREA')) {
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(focused.isNumber ? '3' : 'Met het toetsenbord ingevuld');
    }
  }
  expect(changedGroups.size).toBeGreaterThan(0);
  await waitUntilSaved(page);
  await expect(status).toHaveText('Klaar');
  await expectAccessible(page, 'after keyboard completion');
  await page.reload();
  await expect(status).toHaveText('Klaar');
  await expect(textControl()).toHaveValue(textItem.kind === 'number' ? '3' : 'Met het toetsenbord ingevuld');
});

test('readers see the profile read-only, with answers in words', async ({ page }) => {
  await logIn(page, DEMO.boardUser);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').nth(1).click();
  await page.getByRole('link', { name: /Regenboog/ }).first().click();
  await page.getByRole('link', { name: 'SOP 2026-2027 openen' }).click();
  await expectAccessible(page, 'board: profile home');
  await page.locator('.task-list a').first().click();
  await expect(page.getByText('U kunt dit SOP alleen bekijken.')).toBeVisible();
  await expect(page.locator('form[data-autosave]')).toHaveCount(0);
  await expect(page.locator('main input, main textarea')).toHaveCount(0);
  await expectAccessible(page, 'board: read-only section');
});

test('a failed save says so, is retried, and is not lost', async ({ page, consoleErrors }) => {
  const { firstSection } = await openFirstSectionAsEditor(page);
  const item = (await itemsOnPage(page)).find((candidate) => candidate.kind === 'longtext')!;
  // The network drops the first two saves.
  let dropped = 0;
  await page.route('**/antwoorden', (route) => (dropped++ < 2 ? route.abort('failed') : route.continue()));
  await itemLocator(page, item.key).locator('textarea[data-field="value"]').fill('Opgeslagen na een storing');
  await expect(itemLocator(page, item.key).locator('[data-save-state]')).toHaveText('Niet opgeslagen — we proberen het opnieuw');
  await expect(page.locator('form[data-autosave]')).toHaveAttribute('data-unsaved', 'true');
  await expect(itemLocator(page, item.key).locator('[data-save-state]')).toHaveText('Opgeslagen', { timeout: 15_000 });
  await expect(page.locator('form[data-autosave]')).toHaveAttribute('data-unsaved', 'false');
  expect(dropped).toBeGreaterThanOrEqual(3);
  await page.unroute('**/antwoorden');
  await page.reload();
  await expect(itemLocator(page, item.key).locator('textarea[data-field="value"]')).toHaveValue('Opgeslagen na een storing');
  // The dropped requests were logged by the browser on purpose; nothing else may be.
  const unexpected = consoleErrors.filter((message) => !/net::ERR_FAILED/.test(message));
  consoleErrors.splice(0, consoleErrors.length, ...unexpected);
});

test('a school editor with one school lands on its profile after logging in', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(DEMO.schoolEditor);
  await page.getByLabel('Wachtwoord', { exact: true }).fill('Voorbeeld-2026!');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/profielen\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('SOP 2026-2027');
  await expect(page.getByText('Indienen vóór')).toBeVisible();
  await expect(page.getByText('Voortgang', { exact: true })).toBeVisible();
  await expectAccessible(page, 'landing on the profile');
});

test('live feedback against the norm, and a section summary that follows every change', async ({ page }) => {
  await logIn(page, DEMO.schoolEditor);
  const profilePath = await openProfile(page);
  const sections = await sectionLinks(page, profilePath);
  // The first section whose single-choice items all have a norm and one of them allows an ambition.
  let target: { path: string; keys: string[]; ambitionKey: string } | undefined;
  for (const path of sections) {
    await page.goto(path);
    const normed = await page
      .locator('form[data-autosave] [data-item-key]')
      .evaluateAll((els) =>
        els.map((el) => ({ key: (el as HTMLElement).dataset['itemKey']!, single: Boolean(el.querySelector('fieldset[data-kind="single"]')), norm: Boolean(el.querySelector('[data-norm-status]')), ambition: Boolean(el.querySelector('[data-ambition-toggle]')) })),
      );
    const singles = normed.filter((item) => item.single);
    const ambitionItem = singles.find((item) => item.norm && item.ambition);
    if (singles.length > 0 && singles.every((item) => item.norm) && ambitionItem && normed.filter((i) => i.norm).every((i) => i.single)) {
      target = { path, keys: singles.map((item) => item.key), ambitionKey: ambitionItem.key };
      break;
    }
  }
  expect(target).toBeDefined();
  const { path, keys, ambitionKey } = target!;
  await page.goto(path);
  await expect(page.locator('form[data-autosave]')).toHaveAttribute('data-autosave-ready', 'true');
  const item = itemLocator(page, ambitionKey);
  const status = item.locator('[data-norm-status]');
  const summaryItem = page.locator(`[data-below-norm-list] [data-below-norm-item="${ambitionKey}"]`);
  const noneBelow = page.locator('[data-below-norm-empty]');
  /** Chooses the first option for which the page reports `wanted` (read from the page, not from the template). */
  const choose = async (key: string, wanted: string) => {
    const box = itemLocator(page, key);
    for (const option of await box.locator('fieldset input').all()) {
      await option.check();
      await waitUntilSaved(page);
      if ((await box.locator('[data-norm-status]').textContent())?.trim() === wanted) return;
    }
    throw new Error(`${key}: no option gives "${wanted}"`);
  };
  const best = (key: string) => choose(key, 'Voldoet aan de basisondersteuning');
  for (const key of keys) await best(key);
  await item.getByLabel('Nog niet, maar we zijn het van plan').uncheck();
  await waitUntilSaved(page);
  await expect(status).toHaveText('Voldoet aan de basisondersteuning');

  await choose(ambitionKey, 'Onder de norm');
  await expect(status).toHaveText('Onder de norm');
  await expect(summaryItem).toBeVisible();
  await expect(noneBelow).toBeHidden();
  await waitUntilSaved(page);
  // Loaded with an item below the norm, the page still turns to "none below the norm" once it is fixed.
  await page.reload();
  await expect(page.locator('form[data-autosave]')).toHaveAttribute('data-autosave-ready', 'true');
  await expect(noneBelow).toBeHidden();
  await item.getByLabel('Nog niet, maar we zijn het van plan').check();
  await expect(status).toHaveText('Ambitie vastgelegd');
  await expect(summaryItem).toHaveCount(0);
  await expect(noneBelow).toBeVisible();
  await expectAccessible(page, 'norm feedback');
  await item.getByLabel('Nog niet, maar we zijn het van plan').uncheck();
  await expect(status).toHaveText('Onder de norm');
  await best(ambitionKey);
  await expect(status).toHaveText('Voldoet aan de basisondersteuning');
  await waitUntilSaved(page);

  // The summary's count follows too: empty a required text answer and fill it in again.
  await page.goto(sections[0]!);
  await expect(page.locator('form[data-autosave]')).toHaveAttribute('data-autosave-ready', 'true');
  const requiredText = page.locator('[data-item-key][data-required="true"] textarea[data-field="value"]').first();
  const count = page.locator('[data-section-summary-count]');
  const before = (await count.textContent())!;
  const answered = Number(/^(\d+) van/.exec(before)![1]);
  const original = await requiredText.inputValue();
  await requiredText.fill(original ? '' : 'Ingevuld');
  await waitUntilSaved(page);
  await expect(count).toContainText(`${original ? answered - 1 : answered + 1} van`);
  await requiredText.fill(original || 'Ingevuld');
  await waitUntilSaved(page);
  await expect(count).toContainText(`${original ? answered : answered + 1} van`);
});

test('a number that cannot be read gets its message next to the field and the stored number stays', async ({ page, consoleErrors }) => {
  await logIn(page, DEMO.schoolEditor);
  const profilePath = await openProfile(page);
  const sections = await sectionLinks(page, profilePath);
  await page.goto(sections[0]!);
  await expect(page.locator('form[data-autosave]')).toHaveAttribute('data-autosave-ready', 'true');
  const number = (await itemsOnPage(page)).find((item) => item.kind === 'number')!;
  const input = itemLocator(page, number.key).locator('input[data-field="value"]');
  await expect(input).toHaveAttribute('inputmode', 'decimal');
  await input.fill('12');
  await waitUntilSaved(page);
  await input.fill('12a');
  await expect(itemLocator(page, number.key).locator('[data-autosave-error]')).toContainText('Vul een getal in');
  // On the field (right above it, named by it), not under the history link.
  await expect(itemLocator(page, number.key).locator('[data-autosave-error] + input[data-field="value"]')).toHaveCount(1);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'section page with an autosave error');
  await expect(input).toHaveValue('12a');
  await page.reload();
  await expect(itemLocator(page, number.key).locator('input[data-field="value"]')).toHaveValue('12');
  // The refused value was answered with 422 on purpose; the browser logs that, nothing else may be.
  const unexpected = consoleErrors.filter((message) => !/status of 422/.test(message));
  consoleErrors.splice(0, consoleErrors.length, ...unexpected);
});

test('each answer has its history: who, when, old and new value in words', async ({ page }) => {
  const { firstSection } = await openFirstSectionAsEditor(page);
  const text = (await itemsOnPage(page)).find((item) => item.kind === 'text')!;
  const input = itemLocator(page, text.key).locator('input[data-field="value"]');
  await input.fill('Eerste versie');
  await waitUntilSaved(page);
  await input.fill('Tweede versie');
  await waitUntilSaved(page);
  await itemLocator(page, text.key).getByRole('link', { name: /^Geschiedenis/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Geschiedenis');
  const newest = page.locator('[data-history-entry]').first();
  await expect(newest).toContainText('Eerste versie');
  await expect(newest).toContainText('Tweede versie');
  await expect(newest).toContainText('Fatima el Idrissi');
  await expectAccessible(page, 'answer history');
});

test('signed out while editing: the change is kept, the user is told to sign in again, and it saves afterwards', async ({ page, consoleErrors }) => {
  const { firstSection } = await openFirstSectionAsEditor(page);
  const item = (await itemsOnPage(page)).find((candidate) => candidate.kind === 'longtext')!;
  // The session ends in another tab.
  const other = await page.context().newPage();
  await other.goto('/');
  await logOut(other);
  await itemLocator(page, item.key).locator('textarea[data-field="value"]').fill('Bewaard na opnieuw inloggen');
  const state = itemLocator(page, item.key).locator('[data-save-state]');
  await expect(state).toHaveText('U bent uitgelogd. Log opnieuw in in een ander tabblad; uw wijzigingen blijven bewaard.');
  await expect(page.locator('form[data-autosave]')).toHaveAttribute('data-unsaved', 'true');
  await logIn(other, DEMO.schoolEditor);
  await other.close();
  await page.bringToFront();
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(state).toHaveText('Opgeslagen', { timeout: 30_000 });
  await expect(page.locator('form[data-autosave]')).toHaveAttribute('data-unsaved', 'false');
  await page.reload();
  await expect(itemLocator(page, item.key).locator('textarea[data-field="value"]')).toHaveValue('Bewaard na opnieuw inloggen');
  // The refused requests were logged by the browser on purpose; nothing else may be.
  const unexpected = consoleErrors.filter((message) => !/status of 40[13]/.test(message));
  consoleErrors.splice(0, consoleErrors.length, ...unexpected);
});

test('"Hun antwoord houden" while another field of the item is waiting: that field is still saved before "Opgeslagen"', async ({ page, browser, consoleErrors }) => {
  await logIn(page, DEMO.schoolEditor);
  const profilePath = await openProfile(page);
  const [firstSection] = await sectionLinks(page, profilePath);
  const other = await browser.newContext();
  const director = await other.newPage();
  const directorErrors: string[] = [];
  director.on('console', (message) => {
    if (message.type() === 'error' && !/status of 409/.test(message.text())) directorErrors.push(message.text());
  });
  await logIn(director, DEMO.schoolDirector);
  await director.goto(firstSection!);
  await expect(director.locator('form[data-autosave]')).toHaveAttribute('data-autosave-ready', 'true');
  const key = await director.locator('[data-item-key]:has(textarea[data-field="parentText"])').first().getAttribute('data-item-key');

  // The coordinator changes the answer; the director's page still has the older one.
  await page.goto(firstSection!);
  await expect(page.locator('form[data-autosave]')).toHaveAttribute('data-autosave-ready', 'true');
  await itemLocator(page, key!).locator('textarea[data-field="value"]').fill('Antwoord van de IB-er');
  await waitUntilSaved(page);

  // The director's saves are slow: while the refused answer is on its way, the parent text is typed.
  await director.route('**/antwoorden', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const item = itemLocator(director, key!);
  await item.locator('textarea[data-field="value"]').fill('Antwoord van de directeur');
  await expect(director.locator('form[data-autosave]')).toHaveAttribute('data-unsaved', 'true');
  await item.locator('textarea[data-field="parentText"]').fill('Tekst voor ouders van de directeur');
  // Leaving the field ("change") asks to save it now, while the refused save is still in flight.
  await item.locator('textarea[data-field="parentText"]').blur();
  const alert = item.getByRole('alert');
  await expect(alert).toContainText('Hun antwoord: Antwoord van de IB-er');
  await alert.getByRole('button', { name: 'Hun antwoord houden' }).click();
  await expect(item.locator('textarea[data-field="value"]')).toHaveValue('Antwoord van de IB-er');
  await expect(director.locator('form[data-autosave]')).toHaveAttribute('data-unsaved', 'false', { timeout: 15_000 });
  await expect(item.locator('[data-save-state]')).toHaveText('Opgeslagen');
  await director.unroute('**/antwoorden');
  await other.close();

  await page.reload();
  await expect(itemLocator(page, key!).locator('textarea[data-field="value"]')).toHaveValue('Antwoord van de IB-er');
  await expect(itemLocator(page, key!).locator('textarea[data-field="parentText"]')).toHaveValue('Tekst voor ouders van de directeur');
  expect(directorErrors).toEqual([]);
  const unexpected = consoleErrors.filter((message) => !/status of 409/.test(message));
  consoleErrors.splice(0, consoleErrors.length, ...unexpected);
});

/** Starts e2e/support/national-norm-app.ts (the integration tests' app with the example national set); see there. */
async function startNationalNormApp(): Promise<{ url: string; profileId: string; session: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/support/national-norm-app.ts'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'silent' } });
  const stop = () => void child.kill('SIGTERM');
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the national-norm app did not start within 45 s')), 45_000);
      child.once('exit', (code) => reject(new Error(`the national-norm app stopped (exit ${code})`)));
      createInterface({ input: child.stdout! }).once('line', (first) => {
        clearTimeout(timer);
        resolve(first);
      });
    });
    return { ...(JSON.parse(line) as { url: string; profileId: string; session: string }), stop };
  } catch (error) {
    stop();
    throw error;
  }
}

test('the national norm status follows every autosave beside the SWV norm; the summary stays with the SWV norm', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await startNationalNormApp();
  try {
    await page.context().addCookies([{ name: 'sop_session', value: app.session, url: app.url }]);
    await page.goto(`${app.url}/profielen/${app.profileId}/onderdelen/landelijke-norm`);
    await expect(page.locator('form[data-autosave]')).toHaveAttribute('data-autosave-ready', 'true');
    const noneBelow = page.locator('[data-below-norm-empty]');

    // An item with both norms: the SWV's (wider) own and the national one.
    const both = itemLocator(page, 'landelijk-lezen-rekenen');
    const swvStatus = both.locator('[data-norm-status]');
    const nationalStatus = both.locator('[data-national-norm-status]');
    await expect(nationalStatus).toHaveAttribute('aria-live', 'polite');
    await expect(nationalStatus).toHaveText('Nog niet ingevuld');
    const pick = async (item: Locator, value: string) => {
      await item.locator(`fieldset input[value="${value}"]`).check();
      await waitUntilSaved(page);
    };
    await pick(both, 'elders');
    await expect(swvStatus).toHaveText('Voldoet aan de basisondersteuning');
    await expect(nationalStatus).toHaveText('Onder de landelijke norm');
    // Below the national norm only: "Vragen onder de norm" lists what is below the SWV's norm, as on first render.
    await expect(page.locator('[data-below-norm-item="landelijk-lezen-rekenen"]')).toHaveCount(0);
    await expect(noneBelow).toBeVisible();
    await pick(both, 'in-de-school');
    await expect(swvStatus).toHaveText('Voldoet aan de basisondersteuning');
    await expect(nationalStatus).toHaveText('Voldoet aan de landelijke norm');
    await pick(both, 'niet');
    await expect(swvStatus).toHaveText('Onder de norm');
    await expect(nationalStatus).toHaveText('Onder de landelijke norm');
    await expect(page.locator('[data-below-norm-item="landelijk-lezen-rekenen"]')).toBeVisible();
    // An ambition counts for both norms.
    await both.getByLabel('Nog niet, maar we zijn het van plan').check();
    await waitUntilSaved(page);
    await expect(swvStatus).toHaveText('Ambitie vastgelegd');
    await expect(nationalStatus).toHaveText('Ambitie vastgelegd');

    // A national item without an SWV norm: only the national status, live.
    const nationalOnly = itemLocator(page, 'landelijk-medisch-handelen');
    await expect(nationalOnly.locator('[data-norm-status]')).toHaveCount(0);
    await pick(nationalOnly, 'nee');
    await expect(nationalOnly.locator('[data-national-norm-status]')).toHaveText('Onder de landelijke norm');
    await expect(page.locator('[data-below-norm-item="landelijk-medisch-handelen"]')).toHaveCount(0);
    await expectAccessible(page, 'national norm live status');

    // After a reload the server renders the same words.
    await page.reload();
    await expect(page.locator('form[data-autosave]')).toHaveAttribute('data-autosave-ready', 'true');
    await expect(swvStatus).toHaveText('Ambitie vastgelegd');
    await expect(nationalStatus).toHaveText('Ambitie vastgelegd');
    await expect(nationalOnly.locator('[data-national-norm-status]')).toHaveText('Onder de landelijke norm');
    await pick(nationalOnly, 'ja');
    await expect(nationalOnly.locator('[data-national-norm-status]')).toHaveText('Voldoet aan de landelijke norm');
  } finally {
    app.stop();
  }
});
