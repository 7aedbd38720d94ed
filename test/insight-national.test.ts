/**
 * The platform administrator's national insight (issue 12) on a real database: the demo SWV and the second tenant
 * (given a round, a late profile with answers and a "<5" pupil count here). Every figure of a row equals a recount
 * from the raw rows (schools, pupil counts, profiles, answers) and the SWV's own insight home; the view is the
 * platform administrator's only; sorting by query; exports parse back. And the basic-support matrix of a big place
 * in pages: other schools on page 2, the totals per item still those of every school.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCycleFor } from '../src/features/cycle/repository.js';
import { cycles } from '../src/features/cycle/schema.js';
import { cellStatus, coverageItems, emptyTally, gapCount, meetsShare } from '../src/features/insight/figures.js';
import { normedItemsOf } from '../src/features/insight/insight-context.js';
import { loadInsightHome } from '../src/features/insight/load-insight-home.js';
import { loadBasicSupport } from '../src/features/insight/load-basic-support.js';
import { loadNationalInsight } from '../src/features/insight/load-national-insight.js';
import { loadSchoolGaps } from '../src/features/insight/load-school-gaps.js';
import { compareStatuses, loadYearComparison } from '../src/features/insight/load-year-comparison.js';
import { schools } from '../src/features/partnerships/schema.js';
import { answers, profiles } from '../src/features/questionnaire/schema.js';
import { loadTemplateDefinition } from '../src/features/questionnaire/template-cache.js';
import { schoolPupilCounts } from '../src/features/register/schema.js';
import { deriveNormStatus } from '../src/features/templates/model/answer.js';
import type { Principal } from '../src/auth/roles.js';
import type { Authorized } from '../src/ui/route.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const YEAR = '2026-2027';

for (const kind of TEST_DATABASE_KINDS) {
  describe(`national insight (${kind})`, () => {
    let app: TestApp;
    let platform: TestClient;

    beforeAll(async () => {
      app = await createTestApp(kind);
      platform = await TestClient.signedIn(app, app.demo.userIds['beheer@opensop.example']!);
      // The second tenant gets this year's round (the demo's questionnaire), one profile submitted after the
      // deadline with a copy of a demo school's answers, and a pupil count published as "<5".
      const db = app.deps.db;
      const round = (await getCycleFor(db, app.demo.partnershipId, YEAR))!;
      const now = app.deps.clock.now();
      await db.insert(cycles).values({
        id: crypto.randomUUID(),
        partnershipId: app.other.partnershipId,
        schoolYear: YEAR,
        opensOn: round.opensOn,
        submitDeadline: '2026-09-01',
        closesOn: round.closesOn,
        templateVersionId: round.templateVersionId,
        openedAt: now,
      });
      const profileId = crypto.randomUUID();
      await db.insert(profiles).values({
        id: profileId,
        partnershipId: app.other.partnershipId,
        schoolId: app.other.schoolId,
        schoolYear: YEAR,
        templateVersionId: round.templateVersionId,
        status: 'submitted',
        submittedAt: new Date('2026-09-03T10:00:00+02:00'),
        createdAt: now,
        updatedAt: now,
      });
      const [source] = await db.select({ id: profiles.id }).from(profiles).where(and(eq(profiles.schoolId, app.demo.schoolIds['regenboog']!), eq(profiles.schoolYear, YEAR)));
      const copied = await db.select().from(answers).where(eq(answers.profileId, source!.id));
      if (copied.length > 0) await db.insert(answers).values(copied.map((row) => ({ ...row, profileId, partnershipId: app.other.partnershipId })));
      // Every kind of stored row on the normed items, so that a summary decoded wrongly shows in the figures: a
      // cleared answer (its row stays, "not answered"), one that cannot be judged, one below with an ambition, one
      // below without, and an item without any row (not counted at all).
      const template = await loadTemplateDefinition(db, round.templateVersionId);
      const normedKeys = normedItemsOf(template).filter((entry) => entry.hasNorm).map(({ item }) => item.key);
      const [cleared, unjudged, intended, removed, missed] = normedKeys;
      const ofOther = (itemKey: string) => and(eq(answers.profileId, profileId), eq(answers.itemKey, itemKey));
      await db.update(answers).set({ value: null, normStatus: null, nationalNormStatus: null, ambition: null }).where(ofOther(cleared!));
      await db.update(answers).set({ normStatus: 'cannot-judge', ambition: null }).where(ofOther(unjudged!));
      await db.update(answers).set({ normStatus: 'below', ambition: { schoolYear: '2027-2028' } }).where(ofOther(intended!));
      await db.update(answers).set({ normStatus: 'below', ambition: null }).where(ofOther(missed!));
      await db.delete(answers).where(ofOther(removed!));
      await db.insert(schoolPupilCounts).values({ schoolId: app.other.schoolId, partnershipId: app.other.partnershipId, countedOn: '2026-10-01', low: 1, high: 4, fileName: 'test.csv', importedAt: now });
    });
    afterAll(async () => app?.close());

    function platformAuth(): Authorized {
      const principal: Principal = {
        userId: app.demo.userIds['beheer@opensop.example']!,
        email: 'beheer@opensop.example',
        name: 'Pim Platform',
        locale: 'nl',
        memberships: [{ role: 'platform_admin', partnershipId: null, boardId: null, schoolId: null, placeName: 'OpenSOP', homePartnershipId: null }],
      };
      return { principal, scope: { level: 'platform' }, permission: 'platform.viewInsight' };
    }

    /** The figures of one SWV recounted in Node from its raw rows, with its own round's template. */
    async function recount(partnershipId: string) {
      const db = app.deps.db;
      const round = (await getCycleFor(db, partnershipId, YEAR))!;
      const template = await loadTemplateDefinition(db, round.templateVersionId);
      const ofSwv = await db.select().from(schools).where(eq(schools.partnershipId, partnershipId));
      const profileRows = await db.select().from(profiles).where(and(eq(profiles.partnershipId, partnershipId), eq(profiles.schoolYear, YEAR)));
      const withProfile = new Set(profileRows.map((row) => row.schoolId));
      const counted = ofSwv.filter((school) => school.archivedAt === null || withProfile.has(school.id));
      const counts = await db.select().from(schoolPupilCounts).where(eq(schoolPupilCounts.partnershipId, partnershipId));
      const latest = new Map<string, { low: number; high: number; countedOn: string }>();
      for (const count of counts) if ((latest.get(count.schoolId)?.countedOn ?? '') < count.countedOn) latest.set(count.schoolId, count);
      let exact = 0;
      let fewerThanFive = 0;
      for (const school of counted) {
        const count = latest.get(school.id);
        if (count && count.low === count.high) exact += count.low;
        if (count && count.low === 1 && count.high === 4) fewerThanFive += 1;
      }
      const tally = emptyTally();
      const normed = new Set(normedItemsOf(template).filter((entry) => entry.hasNorm).map(({ item }) => item.key));
      const rows = await db.select().from(answers).where(and(eq(answers.partnershipId, partnershipId), eq(answers.schoolYear, YEAR)));
      for (const row of rows) {
        if (!normed.has(row.itemKey)) continue;
        const status = deriveNormStatus(row.normStatus, { hasNorm: true, hasAmbition: row.ambition !== null });
        if (status !== 'no-norm') tally[status] += 1;
      }
      // Holes: district (of the schools with a profile) × coverage item without a school answering "at school level".
      const districtOf = new Map(ofSwv.map((school) => [school.id, school.districtId ?? 'none']));
      const profileSchool = new Map(profileRows.map((row) => [row.id, row.schoolId]));
      const districts = new Set(profileRows.map((row) => districtOf.get(row.schoolId)!));
      let holes = 0;
      for (const { item, levels } of coverageItems(template)) {
        const offering = new Set(rows.filter((row) => row.itemKey === item.key && row.value === levels[0]!.value).map((row) => districtOf.get(profileSchool.get(row.profileId)!)!));
        for (const district of districts) if (!offering.has(district)) holes += 1;
      }
      return { schools: counted.length, withProfile: withProfile.size, exact, fewerThanFive, tally, holes, districts: districts.size, profiles: profileRows.length };
    }

    it('counts every figure of each SWV as a recount from the raw rows and as its own insight home', async () => {
      const page = await loadNationalInsight({ db: app.deps.db, clock: app.deps.clock, auth: platformAuth(), schoolYear: YEAR });
      expect(page.schoolYear).toBe(YEAR);
      for (const partnershipId of [app.demo.partnershipId, app.other.partnershipId]) {
        const row = page.rows.find((entry) => entry.partnershipId === partnershipId)!;
        const expected = await recount(partnershipId);
        expect(row.hasRound).toBe(true);
        expect(row.schools).toBe(expected.schools);
        expect(row.withProfile).toBe(expected.withProfile);
        expect(row.pupils.exact).toBe(expected.exact);
        expect(row.pupils.fewerThanFive).toBe(expected.fewerThanFive);
        expect(row.tally).toEqual(expected.tally);
        expect(row.share).toBe(meetsShare(expected.tally));
        expect(row.below).toBe(gapCount(expected.tally));
        expect(row.cannotJudge).toBe(expected.tally['cannot-judge']);
        expect(row.holes).toBe(expected.holes);
        expect(row.districts).toBe(expected.districts);
        expect(Object.values(row.statusCounts).reduce((sum, n) => sum + n, 0)).toBe(expected.profiles);
        // The SWV's own home says the same.
        const home = await loadInsightHome({
          db: app.deps.db,
          clock: app.deps.clock,
          auth: { ...platformAuth(), scope: { level: 'partnership', partnershipId }, permission: 'partnership.view' },
          schoolYear: YEAR,
          noDistrict: 'Zonder wijk',
        });
        expect(row.statusCounts).toEqual(home.statusCounts);
        expect(row.late).toBe(home.late.length);
        expect(row.holes).toBe(home.holes.length);
        expect(row.tally.meets).toBe(home.swv.tally.meets);
        expect(row.share).toBe(home.swv.share);
      }
      const other = page.rows.find((entry) => entry.partnershipId === app.other.partnershipId)!;
      // The setup's rows: each status is there to be counted (or miscounted).
      for (const status of ['meets', 'below', 'ambition', 'cannot-judge', 'unanswered'] as const) expect(other.tally[status], status).toBeGreaterThan(0);
      expect(other.holes).toBeGreaterThan(0);
      expect(other.late).toBe(1);
      expect(other.pupils.fewerThanFive).toBe(1);
      expect(page.totals.schools).toBe(page.rows.reduce((sum, row) => sum + row.schools, 0));
      expect(page.totals.tally.meets).toBe(page.rows.reduce((sum, row) => sum + row.tally.meets, 0));
    });

    it("reads one school's gaps from its summary row: every normed item's status as its answer row says", async () => {
      const db = app.deps.db;
      const auth: Authorized = { ...platformAuth(), scope: { level: 'partnership', partnershipId: app.other.partnershipId }, permission: 'partnership.view' };
      const page = await loadSchoolGaps({ db, clock: app.deps.clock, auth, schoolYear: YEAR, schoolId: app.other.schoolId });
      const rows = await db.select().from(answers).where(and(eq(answers.partnershipId, app.other.partnershipId), eq(answers.schoolYear, YEAR)));
      const rowOf = new Map(rows.map((row) => [row.itemKey, row]));
      const statusOf = (itemKey: string, stored: 'swv' | 'national') => {
        const row = rowOf.get(itemKey);
        const status = deriveNormStatus((stored === 'swv' ? row?.normStatus : row?.nationalNormStatus) ?? null, { hasNorm: true, hasAmbition: (row?.ambition ?? null) !== null });
        return status === 'no-norm' ? 'unanswered' : status;
      };
      let meets = 0;
      const expectedGaps: Array<[string, string | null, string | null]> = [];
      for (const { item, hasNorm, hasNationalNorm } of page.context.normedItems) {
        const swv = hasNorm ? statusOf(item.key, 'swv') : null;
        const national = hasNationalNorm ? statusOf(item.key, 'national') : null;
        if ((swv ?? national) === 'meets' && (national === null || national === 'meets')) meets += 1;
        else expectedGaps.push([item.key, swv, national]);
      }
      expect(page.gaps.map((gap) => [gap.entry.item.key, gap.swv, gap.national])).toEqual(expectedGaps);
      expect(page.meets).toBe(meets);
      // The setup's cleared, unjudged, intended and missing rows are all among the gaps.
      expect(new Set(page.gaps.map((gap) => gap.swv))).toEqual(new Set(['unanswered', 'cannot-judge', 'ambition', 'below']));
      // Another SWV's school through this place: 404.
      await expect(loadSchoolGaps({ db, clock: app.deps.clock, auth, schoolYear: YEAR, schoolId: app.demo.schoolIds['regenboog']! })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('shows the platform administrator one row per SWV, linked to its insight, sortable by query', async () => {
      const response = await platform.get(`/beheer/inzicht?jaar=${YEAR}`);
      const html = await response.text();
      expect(response.status, html.slice(0, 2000)).toBe(200);
      expect(html).toContain(`Landelijk inzicht ${YEAR}`);
      expect(html).toContain(`/swv/${app.demo.partnershipId}/inzicht?jaar=${YEAR}`);
      expect(html).toContain(`/swv/${app.other.partnershipId}/inzicht?jaar=${YEAR}`);
      expect(html).toContain('Totaal (2 samenwerkingsverbanden)');
      expect(html).toContain('+ 1 school/scholen met minder dan 5');
      expect(html).toContain('<svg');
      // "SWV Passend Onderwijs Rivierenland" sorts before "SWV PO Voorbeeldstad"; the links show the order.
      const order = async (query: string) => {
        const text = await (await platform.get(`/beheer/inzicht?${query}`)).text();
        return text.indexOf(`/swv/${app.other.partnershipId}/inzicht`) < text.indexOf(`/swv/${app.demo.partnershipId}/inzicht`) ? 'other first' : 'demo first';
      };
      expect(await order('sorteer=naam&richting=op')).toBe('other first');
      expect(await order('sorteer=naam&richting=af')).toBe('demo first');
      expect(await order('sorteer=scholen&richting=af')).toBe('demo first');
      expect(await order('sorteer=scholen&richting=op')).toBe('other first');
      expect((await platform.get('/beheer/inzicht?sorteer=iets')).status).toBe(400);
      expect((await platform.get('/beheer/inzicht?jaar=1990-1991')).status).toBe(404);
      expect(await (await platform.get('/beheer')).text()).toContain('href="/beheer/inzicht"');
    });

    it('is the platform administrator\'s only: an SWV admin or a board user does not reach it', async () => {
      const swvAdmin = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      const boardUser = await TestClient.signedIn(app, app.demo.userIds['bestuur@spov.example']!);
      for (const client of [swvAdmin, boardUser]) {
        expect((await client.get('/beheer/inzicht')).status).toBe(404);
        expect((await client.get('/beheer/inzicht/export?formaat=csv')).status).toBe(404);
      }
    });

    it('exports the rows and the totals as CSV and XLSX that parse back', async () => {
      const csv = await platform.get(`/beheer/inzicht/export?jaar=${YEAR}&formaat=csv`);
      expect(csv.status).toBe(200);
      const rows = parse(Buffer.from(await csv.arrayBuffer()), { delimiter: ';', bom: true, columns: true }) as Array<Record<string, string>>;
      expect(rows.map((row) => row['Samenwerkingsverband'])).toEqual(['SWV Passend Onderwijs Rivierenland', 'SWV PO Voorbeeldstad', 'Totaal (2 samenwerkingsverbanden)']);
      const page = await loadNationalInsight({ db: app.deps.db, clock: app.deps.clock, auth: platformAuth(), schoolYear: YEAR });
      const demo = page.rows.find((row) => row.partnershipId === app.demo.partnershipId)!;
      expect(Number(rows[1]!['Scholen'])).toBe(demo.schools);
      expect(Number(rows[1]!['Onder de norm'])).toBe(demo.below);
      expect(Number(rows[0]!['Scholen met minder dan 5 leerlingen'])).toBe(1);
      const xlsx = await platform.get(`/beheer/inzicht/export?jaar=${YEAR}&formaat=xlsx`);
      expect(xlsx.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.rowCount).toBe(4);
      expect(String(sheet.getRow(3).getCell(1).value)).toBe('SWV PO Voorbeeldstad');
      expect(Number(sheet.getRow(3).getCell(2).value)).toBe(demo.schools);
      expect((await platform.get('/beheer/inzicht/export?formaat=pdf')).status).toBe(400);
    });

    it('pages the matrix of a place with more schools than a page: other schools on page 2, totals of every school', async () => {
      const swvAdmin = { ...platformAuth(), scope: { level: 'partnership' as const, partnershipId: app.demo.partnershipId }, permission: 'partnership.view' as const };
      const base = { db: app.deps.db, clock: app.deps.clock, auth: swvAdmin, schoolYear: YEAR, filters: {}, which: 'swv' as const };
      const whole = await loadBasicSupport(base);
      expect(whole.paging).toBeUndefined();
      const first = await loadBasicSupport({ ...base, paging: { page: 1, size: 5 } });
      const second = await loadBasicSupport({ ...base, paging: { page: 2, size: 5 } });
      expect(whole.rows.length).toBe(7);
      expect(first.paging).toMatchObject({ page: 1, pages: 2, first: 1, last: 5, total: 7 });
      expect(second.paging).toMatchObject({ page: 2, pages: 2, first: 6, last: 7, total: 7 });
      expect([...first.rows, ...second.rows].map((row) => row.school.id)).toEqual(whole.rows.map((row) => row.school.id));
      expect([...first.rows, ...second.rows].map((row) => row.cells)).toEqual(whole.rows.map((row) => row.cells));
      // The totals per item and overall are the whole place's on every page (counted in the database).
      for (const page of [first, second]) {
        expect(page.itemTotals).toEqual(whole.itemTotals);
        expect(page.overall).toEqual(whole.overall);
      }
      // With a board filter the counts follow the filter.
      const filters = { boardId: app.demo.boardIds['spov'] };
      const spov = await loadBasicSupport({ ...base, filters });
      const spovPaged = await loadBasicSupport({ ...base, filters, paging: { page: 1, size: 5 } });
      expect(spov.rows.length).toBeLessThanOrEqual(5);
      expect(spovPaged.itemTotals).toEqual(spov.itemTotals);

      const client = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      const swvBase = `/swv/${app.demo.partnershipId}/inzicht/basisondersteuning`;
      const html = await (await client.get(`${swvBase}?jaar=${YEAR}&aantal=5&pagina=2`)).text();
      expect(html).toContain('Scholen 6 tot en met 7 van 7 (pagina 2 van 2)');
      // The filter form keeps the page size (a new filter starts at page 1).
      expect(html).toMatch(/<input type="hidden" name="aantal" value="5"\/?>/);
      expect(html).not.toMatch(/name="pagina"/);
      expect(html).toContain('rel="prev"');
      expect(html).not.toContain('rel="next"');
      expect(html).toContain(second.rows[0]!.school.name);
      expect(html).not.toContain(`>${first.rows[0]!.school.name}</a>`);
      expect((await client.get(`${swvBase}?aantal=5&pagina=3`)).status).toBe(400);
      expect((await client.get(`${swvBase}?pagina=nul`)).status).toBe(400);
      // The export still holds every school.
      const csv = await client.get(`/swv/${app.demo.partnershipId}/inzicht/export/basisondersteuning?jaar=${YEAR}&formaat=csv&aantal=5&pagina=2`);
      const [matrixPart] = Buffer.from(await csv.arrayBuffer()).toString('utf8').split('\r\n\r\n');
      expect((parse(matrixPart!, { delimiter: ';', bom: true, columns: true }) as unknown[]).length).toBe(7);
      const xlsx = await client.get(`/swv/${app.demo.partnershipId}/inzicht/export/basisondersteuning?jaar=${YEAR}&formaat=xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
      expect(workbook.worksheets.map((sheet) => sheet.name)[0]).toBe('Matrix basisondersteuning');
      expect(workbook.worksheets).toHaveLength(2);
      expect(workbook.worksheets[0]!.rowCount).toBe(8);
      expect(workbook.worksheets[1]!.rowCount).toBe(whole.itemTotals.length + 1);
    });

    it('pages year over year of a big place: counts of every school (in the database), the names of the page', async () => {
      const swvAdmin = { ...platformAuth(), scope: { level: 'partnership' as const, partnershipId: app.demo.partnershipId }, permission: 'partnership.view' as const };
      const base = { db: app.deps.db, clock: app.deps.clock, auth: swvAdmin, schoolYear: YEAR, previousYear: '2025-2026', filters: {} };
      const whole = await loadYearComparison(base);
      const first = await loadYearComparison({ ...base, paging: { page: 1, size: 5 } });
      const second = await loadYearComparison({ ...base, paging: { page: 2, size: 5 } });
      expect(whole.paging).toBeUndefined();
      expect(second.paging).toMatchObject({ page: 2, pages: 2, first: 6, last: 7, total: 7 });
      expect(whole.items.some((row) => row.rose.length + row.fell.length > 0), 'the demo has a school that rose or fell').toBe(true);
      whole.items.forEach((row, index) => {
        for (const paged of [first, second]) {
          const other = paged.items[index]!;
          expect(other.entry.item.key).toBe(row.entry.item.key);
          expect([other.comparability, other.compared, other.meetsBefore, other.meetsNow]).toEqual([row.comparability, row.compared, row.meetsBefore, row.meetsNow]);
          if (row.comparability === 'same' || row.comparability === 'norm-changed') expect([other.roseCount, other.fellCount]).toEqual([row.rose.length, row.fell.length]);
        }
        const names = (list: Array<{ id: string }>) => list.map((school) => school.id).sort();
        expect(names([...first.items[index]!.rose, ...second.items[index]!.rose])).toEqual(names(row.rose));
        expect(names([...first.items[index]!.fell, ...second.items[index]!.fell])).toEqual(names(row.fell));
      });
      // The same figures recounted from the raw answer rows of both years (cellStatus and compareStatuses per cell).
      const rowsOf = async (year: string) => {
        const list = await app.deps.db
          .select({ schoolId: profiles.schoolId, itemKey: answers.itemKey, normStatus: answers.normStatus, nationalNormStatus: answers.nationalNormStatus, ambition: answers.ambition })
          .from(answers)
          .innerJoin(profiles, eq(profiles.id, answers.profileId))
          .where(and(eq(answers.partnershipId, app.demo.partnershipId), eq(answers.schoolYear, year)));
        return new Map(list.map((row) => [`${row.schoolId}|${row.itemKey}`, { ...row, hasAmbition: row.ambition !== null }]));
      };
      const [nowRows, beforeRows] = [await rowsOf(YEAR), await rowsOf('2025-2026')];
      const withBoth = new Set((await app.deps.db.select({ schoolId: profiles.schoolId }).from(profiles).where(and(eq(profiles.partnershipId, app.demo.partnershipId), eq(profiles.schoolYear, '2025-2026')))).map((row) => row.schoolId));
      const compared = whole.context.schools.filter((school) => withBoth.has(school.id));
      for (const row of whole.items.filter((entry) => entry.comparability === 'same' || entry.comparability === 'norm-changed')) {
        const statusOf = (rows: typeof nowRows, schoolId: string) => cellStatus(rows.get(`${schoolId}|${row.entry.item.key}`), 'swv');
        const change = (schoolId: string) => compareStatuses(statusOf(beforeRows, schoolId), statusOf(nowRows, schoolId));
        expect([row.entry.item.key, row.compared, row.meetsBefore, row.meetsNow]).toEqual([
          row.entry.item.key,
          compared.length,
          compared.filter((school) => statusOf(beforeRows, school.id) === 'meets').length,
          compared.filter((school) => statusOf(nowRows, school.id) === 'meets').length,
        ]);
        expect(row.rose.map((school) => school.id)).toEqual(compared.filter((school) => change(school.id) === 'rose').map((school) => school.id));
        expect(row.fell.map((school) => school.id)).toEqual(compared.filter((school) => change(school.id) === 'fell').map((school) => school.id));
      }
      const client = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      const html = await (await client.get(`/swv/${app.demo.partnershipId}/inzicht/jaarvergelijking?jaar=${YEAR}&aantal=5`)).text();
      expect(html).toContain('rel="next"');
      expect(html).toContain('de namen zijn die van de scholen 1 tot en met 5 (pagina 1 van 2)');
      expect(html).toMatch(/<input type="hidden" name="aantal" value="5"\/?>/);
    });
  });
}
