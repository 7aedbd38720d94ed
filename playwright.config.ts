import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';

/**
 * Browser tests in Debian's Chromium (no browser download). The app is built and started once
 * on a fresh embedded database with demo data and a fixed clock (mid-cycle, before the deadline).
 */
// Chosen once in the runner and inherited by its workers through the environment, so several
// runs on one machine (developers, CI) never share a port or a database folder.
process.env['E2E_PORT'] ??= String(20_000 + Math.floor(Math.random() * 20_000));
process.env['E2E_DATA_DIR'] ??= path.join(os.tmpdir(), `opensop-e2e-${process.pid}-${process.env['E2E_PORT']}`);
const port = Number(process.env['E2E_PORT']);
const dataDir = process.env['E2E_DATA_DIR'];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    locale: 'nl-NL',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    // axe-core is injected as an inline script; the app's own CSP stays strict for real users.
    bypassCSP: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `rm -rf ${dataDir} && npm run build --silent && node dist/main.js`,
    url: `http://localhost:${port}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      CLOCK_NOW: process.env['E2E_CLOCK_NOW'] ?? '2026-10-12T10:00:00+02:00',
      PUBLIC_BASE_URL: `http://localhost:${port}`,
    },
  },
});
