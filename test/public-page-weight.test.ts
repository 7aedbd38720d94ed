/**
 * The public school page as a parent's phone receives it (issue 13): under 50 KB as sent compressed, and no
 * JavaScript it does not need (the page works without any: no script at all, no inline handlers).
 */
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schools } from '../src/features/partnerships/schema.js';
import { profiles } from '../src/features/questionnaire/schema.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('public school page weight (pglite)', () => {
  let t: TestApp;
  let paths: string[];

  beforeAll(async () => {
    t = await createTestApp('pglite');
    const published = await t.deps.db
      .selectDistinct({ locationCode: schools.locationCode })
      .from(profiles)
      .innerJoin(schools, eq(schools.id, profiles.schoolId))
      .where(eq(profiles.status, 'published'));
    paths = published.map((row) => `/voorbeeldstad/scholen/${row.locationCode}`);
  }, 180_000);
  afterAll(async () => t?.close());

  it('sends every published school page under 50 KB compressed, with its stylesheet, and without JavaScript', async () => {
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const response = await t.app.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-encoding')).toBe('gzip');
      const sent = new Uint8Array(await response.arrayBuffer());
      const html = new TextDecoder().decode(await new Response(new Blob([sent]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
      expect(html).toContain('</html>');
      // What the browser fetches besides the page: its stylesheets (compressed the same way), never a script.
      const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((match) => match[1]!);
      let stylesBytes = 0;
      for (const href of styles) {
        const css = await t.app.request(href, { headers: { 'Accept-Encoding': 'gzip' } });
        // Tests run without the built stylesheet (dist/); the page itself is measured either way.
        if (css.status !== 200) continue;
        const body = new Uint8Array(await css.arrayBuffer());
        stylesBytes += css.headers.get('content-encoding') === 'gzip' ? body.byteLength : gzipSync(body).byteLength;
      }
      expect(sent.byteLength + stylesBytes, `${path}: page ${sent.byteLength} B + CSS ${stylesBytes} B compressed`).toBeLessThan(50 * 1024);
      expect(html, path).not.toMatch(/<script\b/i);
      expect(html, path).not.toMatch(/\son[a-z]+="/i);
    }
  });
});
