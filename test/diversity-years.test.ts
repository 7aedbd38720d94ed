/**
 * The rest of the diversity index (issue 15) on a real database: factors and arithmetic per school year (a change
 * for a year leaves earlier years' figures alone), the instrument as a file (import/export with line numbers, the
 * example marked as example), the SWV's trend over years, and the school's opt-in to show its school-level index
 * with the limits of its documents — where counts per category or group never appear, nor on any public page.
 */
import { strFromU8, unzipSync } from 'fflate';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { parseIndexFile } from '../src/features/diversity/index-format.js';
import { listCategories, listGroups, upsertDisclosure } from '../src/features/diversity/repository.js';
import { demoCycleDates } from '../src/features/demo/demo-years.js';
import { findProfile } from '../src/features/questionnaire/profiles-repository.js';
import { schools } from '../src/features/partnerships/schema.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

async function upload(t: TestApp, client: TestClient, path: string, fields: Record<string, string>, text: string): Promise<Response> {
  const form = new FormData();
  form.append('_csrf', client.csrfToken);
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new File([text], 'index.yaml', { type: 'application/yaml' }));
  const cookie = (client as unknown as { cookies: Map<string, string> }).cookies;
  return t.app.request(`http://opensop.test${path}`, { method: 'POST', body: form, headers: { cookie: [...cookie].map(([k, v]) => `${k}=${v}`).join('; ') }, redirect: 'manual' });
}

/** The Horizon row of the SWV's table for a year: "<groups> <pupils> <figure>". */
async function horizonRow(swv: TestClient, partnershipId: string, year: string): Promise<string> {
  const html = await (await swv.get(`/swv/${partnershipId}/verscheidenheid?jaar=${year}`)).text();
  const row = /<th scope="row" class="utrecht-table__header-cell">Daltonschool Horizon<\/th>(.*?)<\/tr>/.exec(html)?.[1] ?? '';
  return row.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

const HIDDEN = ['Groep 1/2a', 'Groep 1/2b', 'Matige ondersteuningsbehoefte', 'Intensieve ondersteuningsbehoefte', 'Lichte ondersteuningsbehoefte'];

for (const kind of TEST_DATABASE_KINDS) {
  describe(`diversity index over the years (${kind})`, () => {
    let app: TestApp;
    let swv: TestClient;
    let previous: string;
    let current: string;
    let next: string;

    beforeAll(async () => {
      app = await createTestApp(kind);
      swv = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      ({ previous: { schoolYear: previous }, current: { schoolYear: current } } = demoCycleDates(app.clock.now()));
      next = `${Number(current.slice(0, 4)) + 1}-${Number(current.slice(0, 4)) + 2}`;
    });
    afterAll(async () => app?.close());

    it('shows the demo figures per year with that year’s factors, and a trend table over the years', async () => {
      const html = await (await swv.get(`/swv/${app.demo.partnershipId}/verscheidenheid?jaar=${current}`)).text();
      expect(html).toContain('Over de jaren');
      expect(html).toContain(`Zorgzwaarte per school over de jaren`);
      for (const year of [previous, current]) expect(html).toContain(`>${year}</th>`);
      expect(await horizonRow(swv, app.demo.partnershipId, previous)).toMatch(/ \d+ \d+ \d,\d+$/);
    });

    it('changes a factor from next year on without changing this year’s or last year’s figures, audited', async () => {
      const before = { previous: await horizonRow(swv, app.demo.partnershipId, previous), current: await horizonRow(swv, app.demo.partnershipId, current) };
      const categories = await listCategories(app.deps.db, app.demo.partnershipId);
      const path = `/swv/${app.demo.partnershipId}/verscheidenheid/categorieen`;
      const form = Object.fromEntries(categories.flatMap((c) => [[`name_${c.id}`, c.name], [`factor_${c.id}`, '3']]));
      expect((await swv.post(path, { ...form, schoolYear: next, arithmetic: 'points-per-pupil' })).status).toBe(303);
      expect(await horizonRow(swv, app.demo.partnershipId, previous)).toBe(before.previous);
      expect(await horizonRow(swv, app.demo.partnershipId, current)).toBe(before.current);
      // This year's own factors are shown for this year, next year's for next year.
      expect(await (await swv.get(`${path}?jaar=${current}`)).text()).toContain('value="2,25"');
      expect(await (await swv.get(`${path}?jaar=${next}`)).text()).not.toContain('value="2,25"');
      // A change for this year leaves last year alone too (the first factor has its only row last year).
      const first = categories[0]!;
      expect((await swv.post(path, { [`name_${first.id}`]: first.name, [`factor_${first.id}`]: '1,1', schoolYear: current })).status).toBe(303);
      expect(await horizonRow(swv, app.demo.partnershipId, previous)).toBe(before.previous);
      expect(await horizonRow(swv, app.demo.partnershipId, current)).not.toBe(before.current);
      const audits = await app.deps.db.select().from(auditLog).where(eq(auditLog.action, 'diversity.category'));
      expect(audits.length).toBe(categories.length + 1);
    });

    it('switches the arithmetic from a year on: the weighted group size, with last year still the care load', async () => {
      const path = `/swv/${app.demo.partnershipId}/verscheidenheid/categorieen`;
      expect((await swv.post(path, { schoolYear: current, arithmetic: 'weighted-group-size' })).status).toBe(303);
      const html = await (await swv.get(`/swv/${app.demo.partnershipId}/verscheidenheid?jaar=${current}`)).text();
      expect(html).toContain('Gewogen groepsgrootte per school over de jaren');
      expect(html).toContain(`${previous} (zorgzwaarte)`);
      expect(await horizonRow(swv, app.demo.partnershipId, current)).toMatch(/ \d+ \d+ \d{2},\d$/);
      expect(await horizonRow(swv, app.demo.partnershipId, previous)).toMatch(/ \d+ \d+ \d,\d+$/);
      expect((await swv.post(path, { schoolYear: current, arithmetic: 'gemiddelde' })).status).toBe(400);
      expect((await swv.post(path, { schoolYear: '2026-2028' })).status).toBe(400);
      expect((await app.deps.db.select().from(auditLog).where(eq(auditLog.action, 'diversity.arithmetic'))).length).toBe(1);
    });

    it('exports the content as a file and reads one in, refusing mistakes with their lines and changing nothing', async () => {
      const exported = await swv.get(`/swv/${app.demo.partnershipId}/verscheidenheid/bestand?jaar=${current}`);
      expect(exported.headers.get('content-disposition')).toContain(`verscheidenheidsindex-${current}.yaml`);
      const parsed = parseIndexFile(await exported.text());
      expect(parsed.ok && parsed.value.arithmetic).toBe('weighted-group-size');
      expect(parsed.ok && parsed.value.example).toBe(false);
      const importPath = `/swv/${app.demo.partnershipId}/verscheidenheid/importeren`;
      const before = await listCategories(app.deps.db, app.demo.partnershipId);
      const bad = await upload(app, swv, importPath, { schoolYear: next }, 'format: opensop-diversity-index/1\nname: Index\ncategories:\n  - name: Licht\n    factor: "anderhalf"\n');
      expect(bad.status).toBe(400);
      const badText = await bad.text();
      expect(badText.match(/regel 5[^<]*/)?.[0]).toContain('categories[0].factor — verwacht een factor tussen 0 en 100');
      expect(await listCategories(app.deps.db, app.demo.partnershipId)).toEqual(before);
      const text = `format: opensop-diversity-index/1\nname: Index Voorbeeldstad\narithmetic: points-per-pupil\ncategories:\n  - name: ${before[1]!.name.toUpperCase()}\n    factor: "1,75"\n  - name: Nieuwkomer (eerste jaar in Nederland)\n    factor: 1.25\n`;
      expect((await upload(app, swv, importPath, { schoolYear: next }, text)).status).toBe(303);
      const after = await listCategories(app.deps.db, app.demo.partnershipId);
      expect(after).toHaveLength(before.length + 1);
      const nextYear = parseIndexFile(await (await swv.get(`/swv/${app.demo.partnershipId}/verscheidenheid/bestand?jaar=${next}`)).text());
      expect(nextYear.ok && nextYear.value.categories.find((c) => c.name.toLowerCase() === before[1]!.name.toLowerCase())!.factorHundredths).toBe(175);
      expect(nextYear.ok && nextYear.value.arithmetic).toBe('points-per-pupil');
      const thisYear = parseIndexFile(await (await swv.get(`/swv/${app.demo.partnershipId}/verscheidenheid/bestand?jaar=${current}`)).text());
      expect(thisYear.ok && thisYear.value.categories.find((c) => c.name.toLowerCase() === before[1]!.name.toLowerCase())!.factorHundredths).toBe(150);
      const missing = await upload(app, swv, importPath, { schoolYear: 'volgend jaar' }, text);
      expect(missing.status).toBe(400);
    });

    it('lets the school show its school-level index with its limits; documents show it, never the counts', async () => {
      const horizon = app.demo.schoolIds['horizon']!;
      const profile = (await findProfile(app.deps.db, horizon, current))!;
      const editor = await TestClient.signedIn(app, app.demo.userIds['ib@horizon.example']!);
      const cycle = await (await editor.get(`/profielen/${profile.id}/cyclus`)).text();
      expect(cycle).toContain('Verscheidenheidsindex in het profiel');
      expect(cycle).toMatch(/leerlingen in \d+ groepen, gemiddelde groepsgrootte/);
      const board = await TestClient.signedIn(app, app.demo.userIds['bestuur@spov.example']!);
      expect((await board.post(`/profielen/${profile.id}/verscheidenheid`, { keuze: '1', include: 'ja' })).status).toBe(403);
      const sopBefore = await (await swv.get(`/profielen/${profile.id}/documenten/sop-html`)).text();
      expect(sopBefore).not.toContain('Groepsgrootte en zorgzwaarte');
      expect((await editor.post(`/profielen/${profile.id}/verscheidenheid`, { keuze: '1', include: 'ja' })).status).toBe(303);
      expect(await app.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'diversity.disclosure'), eq(auditLog.entityId, profile.id)))).toHaveLength(1);
      const groups = await listGroups(app.deps.db, horizon, current);
      const pupils = groups.reduce((sum, g) => sum + g.pupilCount, 0);
      const sop = await (await swv.get(`/profielen/${profile.id}/documenten/sop-html`)).text();
      expect(sop).toContain('Groepsgrootte en zorgzwaarte');
      expect(sop).toContain(`de school ${pupils} leerlingen in ${groups.length} groepen`);
      const guide = await (await swv.get(`/profielen/${profile.id}/documenten/schoolgids-html`)).text();
      expect(guide).toContain(`${pupils} leerlingen in ${groups.length} groepen`);
      const docx = new Uint8Array(await (await swv.get(`/profielen/${profile.id}/documenten/sop-docx`)).arrayBuffer());
      const wordXml = strFromU8(unzipSync(docx)['word/document.xml']!);
      expect(wordXml).toContain('Groepsgrootte en zorgzwaarte');
      for (const text of [sop, guide, wordXml]) for (const hidden of [...HIDDEN, ...groups.map((g) => `${g.name}<`)]) expect(text).not.toContain(hidden);
      // Switched off again: gone from the documents.
      expect((await editor.post(`/profielen/${profile.id}/verscheidenheid`, { keuze: '1' })).status).toBe(303);
      expect(await (await swv.get(`/profielen/${profile.id}/documenten/sop-html`)).text()).not.toContain('Groepsgrootte en zorgzwaarte');
    });

    it('keeps counts per category and group off every public page, also for a published profile that shows its index', async () => {
      const wereldwijzer = app.demo.schoolIds['wereldwijzer']!;
      const profile = (await findProfile(app.deps.db, wereldwijzer, current))!;
      await upsertDisclosure(app.deps.db, { profileId: profile.id, includeIndex: true, updatedBy: null, updatedAt: app.clock.now() });
      const [school] = await app.deps.db.select({ code: schools.locationCode }).from(schools).where(eq(schools.id, wereldwijzer));
      const anonymous = await TestClient.anonymous(app.app);
      // A bounded crawl of the SWV's public pages, from its home page and the school's page.
      const queue = ['/voorbeeldstad', `/voorbeeldstad/scholen/${school!.code}`];
      const seen = new Set<string>();
      while (queue.length && seen.size < 40) {
        const path = queue.shift()!;
        if (seen.has(path)) continue;
        seen.add(path);
        const response = await anonymous.get(path);
        if (response.status !== 200) continue;
        const body = await response.text();
        for (const hidden of HIDDEN) expect(body, path).not.toContain(hidden);
        for (const [, href] of body.matchAll(/href="(\/voorbeeldstad[^"#?]*)/g)) if (!seen.has(href!)) queue.push(href!);
      }
      expect(seen.size).toBeGreaterThan(3);
    });
  });
}
