/**
 * The open-data API (issue 13): every response is validated against the served OpenAPI 3.1 document (its JSON
 * Schemas turned back into validators), with ETag / Last-Modified, CORS, JSON 404s, the CSV, and the
 * "cannot judge" status never reported as meets.
 */
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { profiles, answers } from '../src/features/questionnaire/schema.js';
import { loadTemplateDefinition } from '../src/features/questionnaire/template-cache.js';
import { listItems } from '../src/features/templates/model/template.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

type OpenApi = {
  openapi: string;
  paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: { $ref?: string; type?: string } }> }> } }>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

function validatorFor(doc: OpenApi, path: string, status: string): z.ZodType {
  const schema = doc.paths[path]!.get.responses[status]!.content!['application/json']!.schema;
  const name = schema.$ref!.replace('#/components/schemas/', '');
  return z.fromJSONSchema(doc.components.schemas[name]! as never);
}

for (const kind of TEST_DATABASE_KINDS) {
  describe(`open-data API (${kind})`, () => {
    let t: TestApp;
    let doc: OpenApi;
    let cannotJudgeTitle: string;

    beforeAll(async () => {
      t = await createTestApp(kind);
      doc = (await (await t.app.request('/api/openapi.json')).json()) as OpenApi;
      // An answer of a type the norm check does not expect (a number for a choice), in De Regenboog's published profile: "cannot judge".
      const [profile] = await t.deps.db
        .select()
        .from(profiles)
        .where(and(eq(profiles.schoolId, t.demo.schoolIds['regenboog']!), eq(profiles.status, 'published')))
        .orderBy(desc(profiles.schoolYear))
        .limit(1);
      const template = await loadTemplateDefinition(t.deps.db, profile!.templateVersionId);
      const { item } = listItems(template).find(({ item }) => item.norm?.accept && item.kind === 'availability')!;
      cannotJudgeTitle = item.parentTitle ?? item.title;
      await t.deps.db.update(answers).set({ value: 3, normStatus: 'cannot-judge' }).where(and(eq(answers.profileId, profile!.id), eq(answers.itemKey, item.key)));
    }, 180_000);
    afterAll(async () => t?.close());

    it('serves an OpenAPI 3.1 document', async () => {
      const response = await t.app.request('/api/openapi.json');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(['/api/{swvSlug}', '/api/{swvSlug}/scholen/{locationCode}', '/api/{swvSlug}/aanbod.csv']);
    });

    it('answers the SWV and every school per the document, cacheable, without a cookie', async () => {
      const response = await t.app.request('/api/voorbeeldstad');
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(response.headers.get('last-modified')).toMatch(/GMT$/);
      const swv = validatorFor(doc, '/api/{swvSlug}', '200').parse(await response.json()) as { schools: Array<{ locationCode: string; api: string }> };
      expect(swv.schools.length).toBeGreaterThan(2);
      const school = validatorFor(doc, '/api/{swvSlug}/scholen/{locationCode}', '200');
      for (const entry of swv.schools) {
        const one = await t.app.request(`/api/voorbeeldstad/scholen/${entry.locationCode}`);
        expect(one.status).toBe(200);
        school.parse(await one.json());
      }
      const again = await t.app.request('/api/voorbeeldstad', { headers: { 'if-none-match': response.headers.get('etag')! } });
      expect(again.status).toBe(304);
    });

    it('reports an answer the norm check cannot judge as cannot-judge ("Kan niet beoordelen"), never as meets', async () => {
      const body = (await (await t.app.request('/api/voorbeeldstad/scholen/12AB00')).json()) as { items: Array<{ title: string; normStatus: string; answer: string }> };
      const item = body.items.find((i) => i.title === cannotJudgeTitle)!;
      expect(item.normStatus).toBe('cannot-judge');
      const page = await (await t.app.request('/voorbeeldstad/scholen/12AB00')).text();
      const row = page.slice(page.indexOf(`>${cannotJudgeTitle}</th>`), page.indexOf('</tr>', page.indexOf(`>${cannotJudgeTitle}</th>`)));
      expect(row).toContain('Kan niet beoordelen');
      expect(row).not.toContain('Voldoet');
    });

    it('answers an unknown SWV or school with a JSON 404 per the document', async () => {
      for (const path of ['/api/bestaat-niet', '/api/voorbeeldstad/scholen/00XX00', '/api/rivierenland/scholen/12AB00']) {
        const response = await t.app.request(path);
        expect(response.status, path).toBe(404);
        validatorFor(doc, '/api/{swvSlug}', '404').parse(await response.json());
      }
    });

    it('gives the support offer per location as CSV', async () => {
      const response = await t.app.request('/api/voorbeeldstad/aanbod.csv');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      const csv = await response.text();
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toBe('vestiging,school,plaats,schooljaar,onderdeel,sleutel,vraag,antwoord,norm,normstatus');
      expect(lines.some((line) => line.startsWith('"12AB00","Basisschool De Regenboog"'))).toBe(true);
      expect(lines.slice(1).every((line) => line.split('","').length === 10)).toBe(true);
      expect(csv).not.toContain('"='); // no spreadsheet formulas
    });
  });
}
