/** The SWV's register by hand: a full location code in the BRIN field, boards by number, editing and archiving. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { listSchoolsOfPartnership } from '../src/features/partnerships/repository.js';
import { boards, schools } from '../src/features/partnerships/schema.js';
import { profiles } from '../src/features/questionnaire/schema.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

for (const kind of TEST_DATABASE_KINDS) {
  describe(`the register by hand (${kind})`, () => {
    let t: TestApp;
    let admin: TestClient;
    beforeAll(async () => {
      t = await createTestApp(kind);
      admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
    }, 180_000);
    afterAll(async () => t?.close());

    it('understands a full location code in the BRIN field and matches a board by its number', async () => {
      const path = `/swv/${t.demo.partnershipId}/scholen`;
      const conflicting = await admin.post(path, { name: 'De Wilg', brin: '17lm01', vestiging: '02', newBoardNumber: '41234' });
      expect(conflicting.status).toBe(400);
      expect(await conflicting.text()).toContain('In het BRIN-veld staat de hele code 17LM01, maar het vestigingsnummer is 02');

      const ok = await admin.post(path, { name: 'De Wilg', brin: '17LM01', vestiging: '00', newBoardNumber: '041234', schoolTypes: 'bao, SBO' });
      expect(ok.status).toBe(303);
      const [school] = await t.deps.db.select().from(schools).where(and(eq(schools.partnershipId, t.demo.partnershipId), eq(schools.locationCode, '17LM01')));
      expect(school).toMatchObject({ brin: '17LM', boardId: t.demo.boardIds['spov'], sector: 'po', schoolTypes: ['bao', 'sbo'] });
      const newBoards = await t.deps.db.select().from(boards).where(eq(boards.partnershipId, t.demo.partnershipId));
      expect(newBoards).toHaveLength(2);

      const unknownBoard = await admin.post(path, { name: 'De Es', brin: '17LM', vestiging: '2', newBoardNumber: '99999' });
      expect(await unknownBoard.text()).toContain('Er is nog geen bestuur met nummer 99999: vul ook de naam van het bestuur in');
    });

    it('edits a school and a board, audited; a board number stays unique in the SWV', async () => {
      const id = t.demo.schoolIds['vlinder']!;
      const form = await admin.get(`/scholen/${id}/bewerken`);
      expect(form.status).toBe(200);
      expect(await form.text()).toContain('value="OBS De Vlinder"');
      const saved = await admin.post(`/scholen/${id}/bewerken`, { name: 'OBS De Vlinder (Noord)', brin: '13CD', vestiging: '00', boardId: t.demo.boardIds['linde']!, sector: 'po', schoolTypes: 'bao', districtName: 'Oost', street: 'Kastanjestraat 5', postalCode: '2712CD', city: 'Voorbeeldstad' });
      expect(saved.status).toBe(303);
      const [school] = await t.deps.db.select().from(schools).where(eq(schools.id, id));
      expect(school).toMatchObject({ name: 'OBS De Vlinder (Noord)', boardId: t.demo.boardIds['linde'], houseNumber: '5', postalCode: '2712 CD' });
      const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'school.edit')));
      expect(audit!.before).toMatchObject({ name: 'OBS De Vlinder' });

      const boardId = t.demo.boardIds['linde']!;
      const taken = await admin.post(`/besturen/${boardId}/bewerken`, { name: 'Stichting De Linde', boardNumber: '41234' });
      expect(taken.status).toBe(400);
      expect(await taken.text()).toContain('Nummer 41234 hoort al bij Stichting Primair Onderwijs Voorbeeldstad');
      expect((await admin.post(`/besturen/${boardId}/bewerken`, { name: 'Stichting De Linde', boardNumber: '41567' })).status).toBe(303);
      const [board] = await t.deps.db.select().from(boards).where(eq(boards.id, boardId));
      expect(board).toMatchObject({ name: 'Stichting De Linde', nameSetBySwv: true });
      // A board with schools in the register cannot be archived.
      const refused = await admin.post(`/besturen/${boardId}/archiveren`, { bevestigd: '1' });
      expect(refused.status).toBe(409);
    });

    it('archives a school with profiles (never deleted): it leaves the register and the cycle, its profiles stay', async () => {
      const id = t.demo.schoolIds['regenboog']!;
      const before = await t.deps.db.select().from(profiles).where(eq(profiles.schoolId, id));
      expect(before.length).toBeGreaterThan(0);
      const question = await admin.get(`/scholen/${id}/archiveren`);
      expect(await question.text()).toContain('Wilt u Basisschool De Regenboog (12AB00) archiveren?');
      // A post without the confirmation only asks again.
      expect((await admin.post(`/scholen/${id}/archiveren`, {})).headers.get('location')).toBe(`/scholen/${id}/archiveren`);
      expect((await admin.post(`/scholen/${id}/archiveren`, { bevestigd: '1' })).status).toBe(303);
      const inRegister = await listSchoolsOfPartnership(t.deps.db, t.demo.partnershipId);
      expect(inRegister.map((s) => s.id)).not.toContain(id);
      expect(await t.deps.db.select().from(profiles).where(eq(profiles.schoolId, id))).toHaveLength(before.length);
      const page = await (await admin.get(`/scholen/${id}`)).text();
      expect(page).toContain('Deze school is gearchiveerd op');
      const register = await (await admin.get(`/swv/${t.demo.partnershipId}/scholen`)).text();
      expect(register).toContain('Gearchiveerde scholen');

      expect((await admin.post(`/scholen/${id}/terugzetten`, {})).status).toBe(303);
      expect((await listSchoolsOfPartnership(t.deps.db, t.demo.partnershipId)).map((s) => s.id)).toContain(id);
      const actions = (await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((row) => row.action);
      expect(actions).toEqual(expect.arrayContaining(['school.archive', 'school.restore']));
    });

    it('refuses another SWV\'s board in the form, and another SWV\'s admin gets 404', async () => {
      const response = await admin.post(`/scholen/${t.demo.schoolIds['horizon']!}/bewerken`, { name: 'Horizon', brin: '14EF', vestiging: '00', boardId: t.other.boardId });
      expect(await response.text()).toContain('Kies een schoolbestuur van dit samenwerkingsverband');
      const outsider = await TestClient.signedIn(t, t.other.userIds.partnership_admin);
      expect((await outsider.get(`/scholen/${t.demo.schoolIds['horizon']!}/bewerken`)).status).toBe(404);
    });
  });
}
