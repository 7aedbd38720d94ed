/**
 * Items prefilled from public data (issue 11): a template item with `publicSource` starts with the inspection's
 * verdict or DUO's pupil count from the SWV's register; the school sees the source and date, and its own
 * correction is never overwritten by a later import.
 */
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareProfilesForNewSchools } from '../src/features/cycle/open-cycle.js';
import { answerHistory, answers, profiles } from '../src/features/questionnaire/schema.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/register/${name}`, import.meta.url));

/** A multipart post (file uploads) with the client's session cookie and CSRF token. */
async function upload(t: TestApp, client: TestClient, path: string, fields: Record<string, string>, file: [string, Buffer]): Promise<Response> {
  const form = new FormData();
  form.append('_csrf', client.csrfToken);
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new File([new Uint8Array(file[1])], file[0], { type: 'text/csv' }));
  const cookie = (client as unknown as { cookies: Map<string, string> }).cookies;
  return t.app.request(`http://opensop.test${path}`, { method: 'POST', body: form, headers: { cookie: [...cookie].map(([k, v]) => `${k}=${v}`).join('; ') }, redirect: 'manual' });
}

for (const kind of TEST_DATABASE_KINDS) {
  describe(`answers prefilled from public data (${kind})`, () => {
    let t: TestApp;
    let admin: TestClient;
    let ib: TestClient;
    const profileOf = async (schoolKey: string, year: string) =>
      (await t.deps.db.select().from(profiles).where(and(eq(profiles.schoolId, t.demo.schoolIds[schoolKey]!), eq(profiles.schoolYear, year))))[0]!;
    const answer = async (profileId: string, itemKey: string) => (await t.deps.db.select().from(answers).where(and(eq(answers.profileId, profileId), eq(answers.itemKey, itemKey))))[0];
    const importFile = async (path: string, fields: Record<string, string>, name: string) => {
      const preview = await upload(t, admin, `/swv/${t.demo.partnershipId}/${path}`, fields, [name, fixture(name)]);
      expect(preview.status).toBe(303);
      expect((await admin.post(preview.headers.get('location')!, {})).status).toBe(303);
    };

    beforeAll(async () => {
      t = await createTestApp(kind);
      admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      ib = await TestClient.signedIn(t, t.demo.userIds['ib@regenboog.example']!);
    }, 300_000);
    afterAll(async () => t?.close());

    it('fills the verdict and the count into profiles being filled in, with the source beside the answer; published ones stay', async () => {
      const current = await profileOf('regenboog', '2026-2027');
      const published = await profileOf('regenboog', '2025-2026');
      expect(current.status).toBe('in_progress');
      const publishedBefore = await answer(published.id, 'inspectie-oordeel');

      await importFile('inspectieoordelen', {}, 'oordelen.csv');
      await importFile('leerlingaantallen', { countedOn: '' }, 'leerlingen-po.csv');

      // Last year's carried "goed" gives way to this year's public verdict; the count from DUO's file.
      expect(await answer(current.id, 'inspectie-oordeel')).toMatchObject({ value: 'voldoende', normStatus: 'meets', updatedBy: null });
      expect((await answer(current.id, 'aantal-leerlingen'))?.value).toBe(312);
      const history = await t.deps.db.select().from(answerHistory).where(and(eq(answerHistory.profileId, current.id), eq(answerHistory.itemKey, 'inspectie-oordeel')));
      expect(history.at(-1)).toMatchObject({ changedBy: null, after: expect.objectContaining({ value: 'voldoende' }) });
      // A published profile is a record: untouched.
      expect(await answer(published.id, 'inspectie-oordeel')).toEqual(publishedBefore);

      const section = await (await ib.get(`/profielen/${current.id}/onderdelen/algemeen#item-inspectie-oordeel`)).text();
      expect(section).toContain('Ingevuld uit openbare gegevens');
      expect(section).toContain('Inspectie van het Onderwijs, oordeel: Voldoende (vastgesteld op 12 maart 2024).');
      expect(section).toContain('DUO, aantal leerlingen: 312 leerlingen op 1 oktober 2025.');
    });

    it('keeps the school\'s correction, shown as the school\'s, through a later import', async () => {
      const current = await profileOf('regenboog', '2026-2027');
      const stored = (await answer(current.id, 'inspectie-oordeel'))!;
      const saved = await ib.postJson(`/profielen/${current.id}/antwoorden`, { itemKey: 'inspectie-oordeel', field: 'value', value: 'goed', baseRevision: stored.revision });
      expect(saved.status).toBe(200);

      await importFile('inspectieoordelen', {}, 'oordelen.csv');
      expect(await answer(current.id, 'inspectie-oordeel')).toMatchObject({ value: 'goed', updatedBy: t.demo.userIds['ib@regenboog.example'] });
      const section = await (await ib.get(`/profielen/${current.id}/onderdelen/algemeen`)).text();
      expect(section).toContain('Aangepast door de school');
      expect(section).toContain('Uw eigen antwoord blijft staan.');
    });

    it('does not turn DUO\'s "<5" into a number: the school sees "fewer than 5" beside its own answer', async () => {
      const klimop = await profileOf('klimop', '2026-2027');
      const before = await answer(klimop.id, 'aantal-leerlingen');
      expect(before?.value).not.toBeNull();
      const editor = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const section = await (await editor.get(`/profielen/${klimop.id}/onderdelen/algemeen`)).text();
      expect(section).toContain('DUO, aantal leerlingen: minder dan 5 leerlingen op 1 oktober 2025.');
      expect(section).not.toContain('Aangepast door de school');
      expect(await answer(klimop.id, 'aantal-leerlingen')).toEqual(before);
    });

    it('starts a profile prepared after the import with the public facts, before last year\'s answers', async () => {
      const vlinder = await profileOf('vlinder', '2026-2027');
      await t.deps.db.delete(profiles).where(eq(profiles.id, vlinder.id));
      const [profileId] = await t.deps.db.transaction((tx) =>
        prepareProfilesForNewSchools(tx, { schoolIds: [t.demo.schoolIds['vlinder']!], partnershipId: t.demo.partnershipId, actorUserId: null, now: t.deps.clock.now() }),
      );
      expect(profileId).toBeDefined();
      expect(await answer(profileId!, 'aantal-leerlingen')).toMatchObject({ value: 187, carriedOver: false, updatedBy: null });
      expect(await answer(profileId!, 'inspectie-oordeel')).toMatchObject({ value: 'goed', normStatus: 'meets' });
      // Other items still carry last year's answers.
      const carried = await t.deps.db.select().from(answers).where(and(eq(answers.profileId, profileId!), eq(answers.carriedOver, true)));
      expect(carried.length).toBeGreaterThan(10);
    });
  });
}
