/**
 * The section page's first load (HTML, CSS and JavaScript), in bytes as sent to a browser that accepts gzip,
 * stays under 100 KB (issue 10). Measures the compressed bodies the app returns — sizes, not timings.
 */
import { spawnSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplateDefinition } from '../src/features/questionnaire/template-cache.js';
import { findProfile } from '../src/features/questionnaire/profiles-repository.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';

const BUDGET = 100 * 1024;

describe('compressed first load of the section page', () => {
  let testApp: TestApp;
  let ib: TestClient;
  let profileId: string;
  let sectionKey: string;

  beforeAll(async () => {
    // The CSS and the client script are served from the build (dist/public), as in production.
    const build = spawnSync('node', ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
    expect(build.status).toBe(0);
    testApp = await createTestApp('pglite', { now: '2026-10-12T10:00:00+02:00' });
    const profile = (await findProfile(testApp.deps.db, testApp.demo.schoolIds['regenboog']!, '2026-2027'))!;
    profileId = profile.id;
    // The longest promise section: the heaviest section page of the demo questionnaire.
    const template = await loadTemplateDefinition(testApp.deps.db, profile.templateVersionId);
    sectionKey = template.sections.filter((section) => section.kind === 'promise').sort((a, b) => b.items.length - a.items.length)[0]!.key;
    ib = await TestClient.signedIn(testApp, testApp.demo.userIds['ib@regenboog.example']!);
  });
  afterAll(async () => testApp?.close());

  it('sends HTML, CSS and JavaScript gzipped, together under 100 KB', async () => {
    const gzip = { 'accept-encoding': 'gzip, deflate, br' };
    const section = await ib.get(`/profielen/${profileId}/onderdelen/${sectionKey}`, gzip);
    expect(section.status).toBe(200);
    expect(section.headers.get('content-encoding')).toBe('gzip');
    const sentHtml = new Uint8Array(await section.arrayBuffer());
    const html = gunzipSync(sentHtml).toString('utf8');
    expect(html).toContain('data-autosave');

    const assets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"|<script type="module" src="([^"]+)"/g)].map((match) => match[1] ?? match[2]!);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    const sizes: Record<string, { sent: number; plain: number }> = { [section.url || 'page']: { sent: sentHtml.byteLength, plain: Buffer.byteLength(html) } };
    for (const asset of assets) {
      const response = await ib.get(asset, gzip);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('content-encoding'), asset).toBe('gzip');
      const sent = new Uint8Array(await response.arrayBuffer());
      sizes[asset] = { sent: sent.byteLength, plain: gunzipSync(sent).byteLength };
    }
    const total = Object.values(sizes).reduce((sum, size) => sum + size.sent, 0);
    const plain = Object.values(sizes).reduce((sum, size) => sum + size.plain, 0);
    console.log(`section page first load: ${Math.round(total / 1024)} KB sent, ${Math.round(plain / 1024)} KB uncompressed`, sizes);
    expect(total).toBeLessThan(BUDGET);
    // Only the CSS the app uses (scripts/purge-css.mjs): the full Utrecht and token files are 600 KB.
    const css = Object.entries(sizes).filter(([asset]) => asset.endsWith('.css')).reduce((sum, [, size]) => sum + size.plain, 0);
    expect(css).toBeLessThan(200 * 1024);
  });

  it('leaves a client without gzip an uncompressed answer', async () => {
    const plain = await ib.get(`/profielen/${profileId}/onderdelen/${sectionKey}`, { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain('data-autosave');
  });
});
