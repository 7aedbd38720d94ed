/**
 * The diversity index (issue 15) on a real database, through the app's HTTP routes: the SWV sets its categories
 * and factors (the example 1; 1,5; 2; 4 is offered, not imposed), the school enters counts per group (never names),
 * sees the care load per group and for the school, and the SWV sees the care load per school, board and district.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { switchOffScopeAssertionForTests } from '../src/auth/policy.js';
import { listCategories, listGroups } from '../src/features/diversity/repository.js';
import { schools } from '../src/features/partnerships/schema.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const YEAR = '2026-2027';

for (const kind of TEST_DATABASE_KINDS) {
  describe(`diversity index (${kind})`, () => {
    let app: TestApp;
    let swv: TestClient;
    let editor: TestClient;
    let regenboogId: string;
    let categoryIds: string[];

    beforeAll(async () => {
      app = await createTestApp(kind);
      regenboogId = app.demo.schoolIds['regenboog']!;
      swv = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      editor = await TestClient.signedIn(app, app.demo.userIds['ib@regenboog.example']!);
    });
    afterAll(async () => app?.close());

    it('offers the example categories to an SWV without any, and saves them with Dutch factors', async () => {
      // The demo SWV has the example categories already (demo data); the second SWV has none.
      const otherPath = `/swv/${app.other.partnershipId}/verscheidenheid/categorieen`;
      const otherAdmin = await TestClient.signedIn(app, app.other.userIds.partnership_admin);
      const page = await (await otherAdmin.get(otherPath)).text();
      expect(page).toContain('het zijn geen landelijke waarden');
      expect(page).toContain('value="1,5"');
      const bad = await otherAdmin.post(otherPath, { name_new1: 'Licht', factor_new1: 'anderhalf', name_new2: '', factor_new2: '2', name_new3: 'Zwaar', factor_new3: '101' });
      expect(bad.status).toBe(400);
      const badHtml = await bad.text();
      expect(badHtml).toContain('Schrijf de factor als getal met een komma');
      expect(badHtml).toContain('Vul een naam in voor de categorie');
      expect(badHtml).toContain('De factor moet tussen 0 en 100 liggen');
      expect(await listCategories(app.deps.db, app.other.partnershipId)).toEqual([]);

      const path = `/swv/${app.demo.partnershipId}/verscheidenheid/categorieen`;
      const demoCategories = (await listCategories(app.deps.db, app.demo.partnershipId)).length;
      const saved = await swv.post(path, { name_new1: 'Extra aandacht', factor_new1: '1', name_new2: 'Eigen leerlijn', factor_new2: '1,5', name_new3: 'Arrangement', factor_new3: '2', name_new4: 'Intensief', factor_new4: '4' });
      expect(saved.status).toBe(303);
      const categories = (await listCategories(app.deps.db, app.demo.partnershipId)).slice(demoCategories);
      expect(categories.map((c) => [c.name, c.factorHundredths])).toEqual([
        ['Extra aandacht', 100],
        ['Eigen leerlijn', 150],
        ['Arrangement', 200],
        ['Intensief', 400],
      ]);
      categoryIds = categories.map((c) => c.id);
      // A factor changed later: 2 becomes 2,25.
      expect((await swv.post(path, { [`name_${categoryIds[2]}`]: 'Arrangement', [`factor_${categoryIds[2]}`]: '2,25' })).status).toBe(303);
      expect((await listCategories(app.deps.db, app.demo.partnershipId))[demoCategories + 2]!.factorHundredths).toBe(225);
      expect((await swv.post(path, { [`name_${categoryIds[2]}`]: 'Arrangement', [`factor_${categoryIds[2]}`]: '2' })).status).toBe(303);
    });

    it('refuses a category id of another SWV', async () => {
      const path = `/swv/${app.demo.partnershipId}/verscheidenheid/categorieen`;
      const response = await swv.post(path, { [`name_${crypto.randomUUID()}`]: 'Onbekend', [`factor_${crypto.randomUUID()}`]: '3' });
      expect(response.status).toBe(400);
    });

    it('lets the school enter counts per group and shows the care load per group and for the school', async () => {
      const path = `/scholen/${regenboogId}/verscheidenheid`;
      const [aandacht, leerlijn, arrangement, intensief] = categoryIds;
      // 26 pupils: 4×1 + 3×1,5 + 2×2 + 1×4 + 16×1 = 32,5 points → 1,25
      const saved = await editor.post(path, { schoolYear: YEAR, name: 'Groep 5a', pupilCount: '26', [`count_${aandacht}`]: '4', [`count_${leerlijn}`]: '3', [`count_${arrangement}`]: '2', [`count_${intensief}`]: '1' });
      expect(saved.status).toBe(303);
      // 24 pupils without a special need → 1; the school: (32,5 + 24) ÷ 50 = 1,13
      expect((await editor.post(path, { schoolYear: YEAR, name: 'Groep 3/4', pupilCount: '24', [`count_${aandacht}`]: '' })).status).toBe(303);
      // An empty group (zero pupils) is allowed and has no index.
      expect((await editor.post(path, { schoolYear: YEAR, name: 'Nieuwkomersgroep', pupilCount: '0' })).status).toBe(303);
      const html = await (await editor.get(`${path}?jaar=${YEAR}`)).text();
      expect(html).toContain('Groep 5a');
      expect(html).toContain('32,5');
      expect(html).toContain('1,25');
      expect(html).toContain('1,13');
      expect(html).toContain('56,5');
      const groups = await listGroups(app.deps.db, regenboogId, YEAR);
      expect(groups.map((g) => [g.name, g.pupilCount])).toEqual([
        ['Groep 3/4', 24],
        ['Groep 5a', 26],
        ['Nieuwkomersgroep', 0],
      ]);
      const audits = await app.deps.db.select().from(auditLog).where(eq(auditLog.action, 'diversity.group'));
      expect(audits).toHaveLength(3);
    });

    it('refuses bad counts with clear Dutch messages and a 400, keeping what was typed', async () => {
      const path = `/scholen/${regenboogId}/verscheidenheid`;
      const [aandacht, leerlijn] = categoryIds;
      const tooMany = await editor.post(path, { schoolYear: YEAR, name: 'Groep 8', pupilCount: '10', [`count_${aandacht}`]: '6', [`count_${leerlijn}`]: '5' });
      expect(tooMany.status).toBe(400);
      const html = await tooMany.text();
      expect(html).toContain('Samen staan er 11 leerlingen in de categorieën, maar de groep heeft er 10');
      expect(html).toContain('value="Groep 8"');
      for (const [field, value, message] of [
        [`count_${aandacht}`, '-1', 'Vul een heel getal van 0 of meer in'],
        [`count_${aandacht}`, '2,5', 'Vul een heel getal van 0 of meer in'],
        ['pupilCount', 'twintig', 'Vul het aantal leerlingen in als heel getal'],
        ['pupilCount', '', 'Vul het aantal leerlingen in als heel getal'],
        ['name', '   ', 'Vul de naam van de groep in'],
        ['schoolYear', '2026-2028', 'Kies een geldig schooljaar'],
      ] as const) {
        const response = await editor.post(path, { schoolYear: YEAR, name: 'Groep 8', pupilCount: '10', [field]: value });
        expect(response.status, `${field}=${value}`).toBe(400);
        expect(await response.text()).toContain(message);
      }
      const duplicate = await editor.post(path, { schoolYear: YEAR, name: 'Groep 5a', pupilCount: '20' });
      expect(duplicate.status).toBe(400);
      expect(await duplicate.text()).toContain('al een groep met deze naam');
      const foreign = await editor.post(path, { schoolYear: YEAR, name: 'Groep 8', pupilCount: '10', [`count_${crypto.randomUUID()}`]: '1' });
      expect(foreign.status).toBe(400);
      expect((await listGroups(app.deps.db, regenboogId, YEAR)).map((g) => g.name)).not.toContain('Groep 8');
    });

    it('changes a group; another school’s group id is not found', async () => {
      const path = `/scholen/${regenboogId}/verscheidenheid`;
      const group = (await listGroups(app.deps.db, regenboogId, YEAR)).find((g) => g.name === 'Groep 3/4')!;
      const form = await (await editor.get(`${path}?jaar=${YEAR}&groep=${group.id}`)).text();
      expect(form).toContain('Groep Groep 3/4 aanpassen');
      expect((await editor.post(path, { schoolYear: YEAR, groupId: group.id, name: 'Groep 3/4', pupilCount: '25', [`count_${categoryIds[3]}`]: '1' })).status).toBe(303);
      expect((await listGroups(app.deps.db, regenboogId, YEAR)).find((g) => g.id === group.id)!.pupilCount).toBe(25);
      // Another school's editor with this group id: the group is not theirs.
      const vlinder = await TestClient.signedIn(app, app.demo.userIds['ib@vlinder.example']!);
      const vlinderId = app.demo.schoolIds['vlinder']!;
      expect((await vlinder.get(`/scholen/${vlinderId}/verscheidenheid?groep=${group.id}`)).status).toBe(404);
      expect((await vlinder.post(`/scholen/${vlinderId}/verscheidenheid`, { schoolYear: YEAR, groupId: group.id, name: 'Overgenomen', pupilCount: '1' })).status).toBe(404);
      expect((await listGroups(app.deps.db, regenboogId, YEAR)).find((g) => g.id === group.id)!.name).toBe('Groep 3/4');
      // The assertions are load-bearing: with exactly one switched off, the other school's editor gets in.
      try {
        switchOffScopeAssertionForTests('loadSchoolDiversityPage');
        expect((await vlinder.get(`/scholen/${vlinderId}/verscheidenheid?groep=${group.id}`)).status).toBe(200);
      } finally {
        switchOffScopeAssertionForTests(null);
      }
    });

    it('shows the SWV the care load per school, board and district, without the counts per category', async () => {
      const html = await (await swv.get(`/swv/${app.demo.partnershipId}/verscheidenheid?jaar=${YEAR}`)).text();
      // Regenboog after the change: 32,5 + (24 + 4) + 0 points over 26 + 25 + 0 pupils = 60,5 / 51 = 1,19
      expect(html).toContain('<td class="utrecht-table__cell utrecht-table__cell--numeric">51</td><td class="utrecht-table__cell utrecht-table__cell--numeric">1,19</td>');
      expect(html).toContain('Niet ingevuld');
      expect(html).not.toContain('Eigen leerlijn');
      expect(html).not.toContain('Groep 5a');
    });

    it('keeps the counts off the public school pages and refuses the board', async () => {
      const [school] = await app.deps.db.select({ code: schools.locationCode }).from(schools).where(eq(schools.id, regenboogId));
      const anonymous = await TestClient.anonymous(app.app);
      let shown = 0;
      for (const path of [`/voorbeeldstad/scholen/${school!.code}`, `/voorbeeldstad/scholen/${school!.code}/${YEAR}`, `/voorbeeldstad/vergelijk`]) {
        const publicPage = await anonymous.get(path);
        if (publicPage.status !== 200) continue;
        shown++;
        const html = await publicPage.text();
        for (const hidden of ['Groep 5a', 'Groep 3/4', 'Nieuwkomersgroep', 'Eigen leerlijn', 'Arrangement', 'Verscheidenheidsindex']) expect(html, path).not.toContain(hidden);
      }
      expect(shown).toBeGreaterThan(0);
      const board = await TestClient.signedIn(app, app.demo.userIds['bestuur@spov.example']!);
      expect((await board.get(`/scholen/${regenboogId}/verscheidenheid`)).status).toBe(403);
    });
  });
}
