/** The register from public files, through the web pages: DUO locations, re-import, pupil counts, verdicts, districts. */
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { boards, districts, schools } from '../src/features/partnerships/schema.js';
import { schoolInspectionVerdicts, schoolPupilCounts } from '../src/features/register/schema.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/register/${name}`, import.meta.url));

/** A multipart post (file uploads) with the client's session cookie and CSRF token. */
async function upload(t: TestApp, client: TestClient, path: string, fields: Record<string, string>, files: Record<string, [string, Buffer]>): Promise<Response> {
  const form = new FormData();
  form.append('_csrf', client.csrfToken);
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const [key, [name, bytes]] of Object.entries(files)) form.append(key, new File([new Uint8Array(bytes)], name, { type: 'text/csv' }));
  const cookie = (client as unknown as { cookies: Map<string, string> }).cookies;
  return t.app.request(`http://opensop.test${path}`, { method: 'POST', body: form, headers: { cookie: [...cookie].map(([k, v]) => `${k}=${v}`).join('; ') }, redirect: 'manual' });
}

for (const kind of TEST_DATABASE_KINDS) {
  describe(`the register from public files (${kind})`, () => {
    let t: TestApp;
    let admin: TestClient;
    let swv: string;
    const codes = async () => (await t.deps.db.select().from(schools).where(eq(schools.partnershipId, swv))).map((s) => s.locationCode).sort();
    beforeAll(async () => {
      t = await createTestApp(kind);
      admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      swv = t.demo.partnershipId;
    }, 300_000);
    afterAll(async () => t?.close());

    it('refuses a broken file with its line and column, and changes nothing', async () => {
      const before = await codes();
      const response = await upload(t, admin, `/swv/${swv}/scholen/importeren`, { selection: 'all' }, { file: ['kapot.csv', fixture('vestigingen-kapot.csv')] });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Regel 4 heeft 16 kolommen, de kopregel 15');
      expect(await codes()).toEqual(before);
    });

    it('previews a DUO file with the SWV membership file, then imports only what is confirmed', async () => {
      const before = await codes();
      const response = await upload(t, admin, `/swv/${swv}/scholen/importeren`, { selection: 'membership', swvCode: 'po 27-01' }, { file: ['vestigingen-po.csv', fixture('vestigingen-po.csv')], membership: ['deelnemers.csv', fixture('swv-deelnemers-po.csv')] });
      expect(response.status).toBe(303);
      const previewPath = response.headers.get('location')!;
      const preview = await (await admin.get(previewPath)).text();
      expect(preview).toContain('4 nieuw, 0 gewijzigd, 7 ongewijzigd, 0 niet meer in het bestand.');
      // Members of the SWV are ticked; a location of another SWV is offered but not ticked.
      expect(preview).toMatch(/name="add" value="19KP00" checked/);
      expect(preview).not.toMatch(/name="add" value="20ST00" checked/);
      expect(await codes()).toEqual(before);

      const confirmed = await admin.post(previewPath, { add: ['19KP00', '18NP00', '18NP01'] });
      expect(confirmed.status).toBe(303);
      expect(await codes()).toEqual([...before, '19KP00', '18NP00', '18NP01'].sort());
      const [brug] = await t.deps.db.select().from(schools).where(and(eq(schools.partnershipId, swv), eq(schools.locationCode, '18NP01')));
      expect(brug).toMatchObject({ name: 'SBO De Brug; locatie West', schoolTypes: ['sbo'], sector: 'po', houseNumber: '14-16' });
      const swvBoards = await t.deps.db.select().from(boards).where(eq(boards.partnershipId, swv));
      expect(swvBoards.map((b) => b.boardNumber).sort()).toEqual(['41234', '41567', '42001']);
      const [kompas] = await t.deps.db.select().from(schools).where(and(eq(schools.partnershipId, swv), eq(schools.locationCode, '19KP00')));
      expect(kompas!.boardId).toBe(t.demo.boardIds['spov']);
      const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.partnershipId, swv), eq(auditLog.action, 'register.import_locations')));
      expect(audit!.after).toMatchObject({ added: ['19KP00', '18NP00', '18NP01'] });
      // The preview is used up.
      expect((await admin.get(previewPath)).status).toBe(404);
    });

    it('re-imports next year\'s file: only the changes, a name the SWV set survives, a gone school offered for archiving', async () => {
      const brug = (await t.deps.db.select().from(boards).where(and(eq(boards.partnershipId, swv), eq(boards.boardNumber, '42001'))))[0]!;
      expect((await admin.post(`/besturen/${brug.id}/bewerken`, { name: 'Stichting De Brug', boardNumber: '42001' })).status).toBe(303);
      const vlinder = t.demo.schoolIds['vlinder']!;
      const [districtBefore] = await t.deps.db.select({ districtId: schools.districtId }).from(schools).where(eq(schools.id, vlinder));
      const response = await upload(t, admin, `/swv/${swv}/scholen/importeren`, { selection: 'pick' }, { file: ['vestigingen-2027.csv', fixture('vestigingen-po-volgend-jaar.csv')] });
      const previewPath = response.headers.get('location')!;
      const preview = await (await admin.get(previewPath)).text();
      expect(preview).toContain('2 nieuw, 1 gewijzigd, 8 ongewijzigd, 1 niet meer in het bestand.');
      expect(preview).toContain('OBS De Vlinder (vernieuwd)');
      expect(preview).toContain('Kastanjestraat 5');
      expect(preview).toContain('Daltonschool Horizon (14EF00) archiveren');
      const horizon = t.demo.schoolIds['horizon']!;
      expect((await admin.post(previewPath, { archive: horizon })).status).toBe(303);
      const [after] = await t.deps.db.select().from(schools).where(eq(schools.id, vlinder));
      expect(after).toMatchObject({ name: 'OBS De Vlinder (vernieuwd)', street: 'Kastanjestraat 5', districtId: districtBefore!.districtId });
      const [archived] = await t.deps.db.select().from(schools).where(eq(schools.id, horizon));
      expect(archived!.archivedAt).not.toBeNull();
      const [kept] = await t.deps.db.select().from(boards).where(eq(boards.id, brug.id));
      expect(kept!.name).toBe('Stichting De Brug');
    });

    it('reads a Latin-1 file with old column names', async () => {
      const response = await upload(t, admin, `/swv/${swv}/scholen/importeren`, { selection: 'brin', brinList: '22WX, 23YZ01' }, { file: ['latin1.csv', fixture('vestigingen-latin1.csv')] });
      const previewPath = response.headers.get('location')!;
      const preview = await (await admin.get(previewPath)).text();
      expect(preview).toContain('Windows-1252');
      expect(preview).toContain('Coëvorden-Zuid');
      expect((await admin.post(previewPath, { add: ['22WX00', '23YZ01'] })).status).toBe(303);
      const [ark] = await t.deps.db.select().from(schools).where(and(eq(schools.partnershipId, swv), eq(schools.locationCode, '22WX00')));
      expect(ark!.name).toBe("Ichthusschool 'De Ark', Coëvorden-Zuid");
    });

    it('imports pupil counts ("<5" stays fewer than 5) and verdicts per location, shown on the school page', async () => {
      const counts = await upload(t, admin, `/swv/${swv}/leerlingaantallen`, { countedOn: '' }, { file: ['leerlingen.csv', fixture('leerlingen-po.csv')] });
      const countsPreview = counts.headers.get('location')!;
      const page = await (await admin.get(countsPreview)).text();
      expect(page).toContain('minder dan 5');
      expect((await admin.post(countsPreview, {})).status).toBe(303);
      const klimop = t.demo.schoolIds['klimop']!;
      const [klimopCount] = await t.deps.db.select().from(schoolPupilCounts).where(eq(schoolPupilCounts.schoolId, klimop));
      expect(klimopCount).toMatchObject({ low: 1, high: 4, countedOn: '2025-10-01' });

      const verdicts = await upload(t, admin, `/swv/${swv}/inspectieoordelen`, {}, { file: ['oordelen.csv', fixture('oordelen.csv')] });
      const verdictsPreview = verdicts.headers.get('location')!;
      expect((await admin.post(verdictsPreview, {})).status).toBe(303);
      const regenboog = t.demo.schoolIds['regenboog']!;
      const stored = await t.deps.db.select().from(schoolInspectionVerdicts).where(eq(schoolInspectionVerdicts.schoolId, regenboog));
      expect(stored).toMatchObject([{ verdict: 'Voldoende', decidedOn: '2024-03-12', department: null }]);
      const school = await (await admin.get(`/scholen/${klimop}`)).text();
      expect(school).toContain('Leerlingen op 1 oktober 2025');
      expect(school).toContain('minder dan 5');
      const regenboogPage = await (await admin.get(`/scholen/${regenboog}`)).text();
      expect(regenboogPage).toContain('Voldoende (vastgesteld 12 maart 2024)');
    });

    it('assigns districts from a postcode table and from CBS\'s table, listing schools without a match', async () => {
      const response = await upload(t, admin, `/swv/${swv}/wijken/postcodes`, {}, { postcodeFile: ['wijken.csv', fixture('postcodes-wijken.csv')] });
      const previewPath = response.headers.get('location')!;
      const preview = await (await admin.get(previewPath)).text();
      expect(preview).toContain('Scholen zonder wijk in het bestand');
      expect(preview).toContain('KBS De Fontein (16JK00)');
      expect((await admin.post(previewPath, {})).status).toBe(303);
      const [kompas] = await t.deps.db.select({ districtId: schools.districtId }).from(schools).where(and(eq(schools.partnershipId, swv), eq(schools.locationCode, '19KP00')));
      const [oost] = await t.deps.db.select().from(districts).where(eq(districts.id, kompas!.districtId!));
      expect(oost!.name).toBe('Oost');

      const cbs = await upload(t, admin, `/swv/${swv}/wijken/cbs`, {}, { cbsFile: ['pc6hnr.csv', fixture('cbs-pc6hnr.csv')] });
      const cbsPreview = cbs.headers.get('location')!;
      const cbsPage = await (await admin.get(cbsPreview)).text();
      expect(cbsPage).toContain('Naam voor CBS-wijk WK099901');
      expect((await admin.post(cbsPreview, { 'wijk.WK099901': 'Binnenstad', 'wijk.WK099902': 'Noord' })).status).toBe(303);
      const [regenboog] = await t.deps.db.select({ districtId: schools.districtId }).from(schools).where(eq(schools.id, t.demo.schoolIds['regenboog']!));
      const [binnenstad] = await t.deps.db.select().from(districts).where(eq(districts.id, regenboog!.districtId!));
      expect(binnenstad!.name).toBe('Binnenstad');
    });

    it('keeps each SWV to its own: another SWV\'s admin gets 404 on the preview', async () => {
      const response = await upload(t, admin, `/swv/${swv}/scholen/importeren`, { selection: 'all' }, { file: ['po.csv', fixture('vestigingen-po.csv')] });
      const previewPath = response.headers.get('location')!;
      const outsider = await TestClient.signedIn(t, t.other.userIds.partnership_admin);
      const foreign = previewPath.replace(swv, t.other.partnershipId);
      expect((await outsider.get(foreign)).status).toBe(404);
      expect((await outsider.post(foreign, { add: '20ST00' })).status).toBe(404);
    });
  });
}
