/**
 * Shared browser-test fixtures: a console error fails the test, `expectAccessible` runs axe-core
 * (WCAG 2.1 A/AA) on the current page, `logIn` signs in through the real form.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const DEMO_PASSWORD = 'Voorbeeld-2026!';
export const DEMO = {
  platformAdmin: 'beheer@opensop.example',
  swvAdmin: 'swv@voorbeeldstad.example',
  boardUser: 'bestuur@spov.example',
  schoolEditor: 'ib@regenboog.example',
  schoolDirector: 'directie@regenboog.example',
  councilMember: 'mr@regenboog.example',
  otherSchoolEditor: 'ib@vlinder.example',
} as const;

// axe refuses to start while it runs: the automatic check and an explicit one take turns per page.
const axeTurns = new WeakMap<Page, Promise<unknown>>();

/** Runs axe-core (WCAG 2.1 A/AA) on the current page; returns the violations as readable lines. */
function axeViolations(page: Page): Promise<string[]> {
  const run = (axeTurns.get(page) ?? Promise.resolve()).catch(() => undefined).then(() => runAxe(page));
  axeTurns.set(page, run);
  return run;
}

async function runAxe(page: Page): Promise<string[]> {
  type AxeResult = { violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> };
  // A navigation between injecting axe and running it leaves the new document without axe: inject again.
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe?: { run: (ctx: unknown, opts: unknown) => Promise<AxeResult> } }).axe;
      if (!axe) return null;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    });
    if (result) return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  }
  throw new Error('axe could not run: the page kept changing (navigation)');
}

export async function expectAccessible(page: Page, context = ''): Promise<void> {
  expect(await axeViolations(page), `axe violations on ${page.url()} ${context}`).toEqual([]);
}

/** "/scholen/3f2…/documenten" → "/scholen/:id/documenten": each kind of page is checked once per test. */
export function pagePattern(url: URL): string {
  return url.pathname
    .split('/')
    .map((segment) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment) ? ':id' : /^[\w-]{24,}$/.test(segment) ? ':token' : /^\d+$/.test(segment) ? ':n' : segment,
    )
    .join('/');
}

/** The navigation moved on while axe ran: this visit is not checked; the next visit of the pattern is. */
function isNavigationRace(error: unknown): boolean {
  return /Execution context was destroyed|navigation|Target (page, context or browser )?(has been )?closed|frame was detached/i.test(String(error));
}

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
  // A school editor with one school lands on its profile; specs start from the list of places.
  if (new URL(page.url()).pathname !== '/') await page.goto('/');
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
}

/** E-mails the app wrote to its outbox (the e2e server runs without SMTP), oldest first. */
export function readOutbox(): Array<{ to: string; subject: string; text: string }> {
  const dir = path.join(process.env['E2E_DATA_DIR']!, 'outbox');
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
  } catch {
    return [];
  }
}

export const test = base.extend<{ consoleErrors: string[]; axeEveryPage: boolean; autoAxe: void }>({
  /** Runs axe after every load of an HTML page of the app (each URL pattern once per test); violations fail the test. */
  axeEveryPage: [true, { option: true }],
  autoAxe: [
    async ({ page, axeEveryPage, baseURL }, use) => {
      if (!axeEveryPage) return use();
      const origin = new URL(baseURL!).origin;
      const checked = new Set<string>();
      const violations: string[] = [];
      let queue = Promise.resolve();
      const check = async () => {
        const url = new URL(page.url());
        const pattern = pagePattern(url);
        if (url.origin !== origin || checked.has(pattern) || url.pathname.startsWith('/static/')) return;
        try {
          if ((await page.evaluate(() => document.contentType)) !== 'text/html') return;
          const found = await axeViolations(page);
          checked.add(pattern);
          for (const line of found) violations.push(`${pattern}: ${line}`);
        } catch (error) {
          if (!isNavigationRace(error)) throw error;
        }
      };
      const onLoad = () => {
        queue = queue.then(check);
      };
      page.on('load', onLoad);
      await use();
      page.off('load', onLoad);
      await queue;
      expect(violations, `axe violations (checked: ${[...checked].join(', ')})`).toEqual([]);
    },
    { auto: true },
  ],
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // A form page answered with 400/401/409/422 on purpose (validation errors) is not a script error.
        const isDocumentStatus = /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()) && message.location().url === page.url();
        if (!isDocumentStatus) errors.push(`${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
