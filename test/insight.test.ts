/**
 * Insight (issue 12) on a real database with the demo SWV: the home's figures, the basic-support matrix against
 * the answers' stored statuses, the tenant rule (a board sees only its schools; another board's school is 404),
 * coverage and the exports parsed back.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCycleFor } from '../src/features/cycle/repository.js';
import { normedItemsOf } from '../src/features/insight/insight-context.js';
import { loadTemplateDefinition } from '../src/features/questionnaire/template-cache.js';
import { templateVersions } from '../src/features/templates/schema.js';
import type { TemplateDefinition } from '../src/features/templates/model/template.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const decodeEntities = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

for (const kind of TEST_DATABASE_KINDS) {
  describe(`insight (${kind})`, () => {
    let app: TestApp;
    let admin: TestClient;
    let board: TestClient;
    let swvBase: string;
    let boardBase: string;

    beforeAll(async () => {
      app = await createTestApp(kind);
      admin = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      board = await TestClient.signedIn(app, app.demo.userIds['bestuur@spov.example']!);
      swvBase = `/swv/${app.demo.partnershipId}/inzicht`;
      boardBase = `/besturen/${app.demo.boardIds['spov']}/inzicht`;
    });
    afterAll(async () => app?.close());

    it('shows the SWV admin the home with figures that link to their views', async () => {
      const response = await admin.get(swvBase);
      const html = await response.text();
      expect(response.status, html.slice(0, 2000)).toBe(200);
      expect(html).toContain('Inzicht 2026-2027');
      expect(html).toContain(`${swvBase}/basisondersteuning?jaar=2026-2027`);
      expect(html).toContain(`${swvBase}/dekking?jaar=2026-2027`);
      expect(html).toContain('De SOP-ronde');
    });

    it('shows the matrix for every school of the SWV, and a board only its own schools', async () => {
      const all = await (await admin.get(`${swvBase}/basisondersteuning`)).text();
      expect(all).toContain('Sint Jozefschool');
      expect(all).toContain('Basisschool De Regenboog');
      const own = await board.get(`${boardBase}/basisondersteuning`);
      const html = await own.text();
      expect(own.status).toBe(200);
      expect(html).toContain('Basisschool De Regenboog');
      expect(html).not.toContain('Sint Jozefschool');
    });

    it("answers 404 for another board's school and for the other board's insight", async () => {
      const other = app.demo.schoolIds['sint-jozef']!;
      expect((await board.get(`${boardBase}/basisondersteuning/scholen/${other}`)).status).toBe(404);
      expect((await board.get(`/besturen/${app.demo.boardIds['linde']}/inzicht`)).status).toBe(404);
      expect((await admin.get(`${swvBase}/basisondersteuning/scholen/${other}`)).status).toBe(200);
    });

    it('shows coverage per district and per board, and the ambitions', async () => {
      const response = await admin.get(`${swvBase}/dekking`);
      const html = await response.text();
      expect(response.status, html.slice(0, 2000)).toBe(200);
      expect(html).toContain('Dekkend netwerk 2026-2027');
      expect(html).toContain('Noord');
      const perBoard = await (await admin.get(`${swvBase}/dekking?per=bestuur`)).text();
      expect(perBoard).toContain('Stichting Katholiek Onderwijs De Linde');
      const own = await (await board.get(`${boardBase}/dekking?per=bestuur`)).text();
      expect(own).not.toContain('Stichting Katholiek Onderwijs De Linde');
    });

    it('counts the ambitions per item on the coverage page and names the schools of one item on its own page, paged', async () => {
      const html = await (await admin.get(`${swvBase}/dekking`)).text();
      const table = html.slice(html.indexOf('data-table="ambitions"'), html.indexOf('</table>', html.indexOf('data-table="ambitions"')));
      // The page carries counts and a link per item, not the schools' ambitions themselves.
      expect(table).not.toContain('<details>');
      const first = /<td>(\d+) <a class="utrecht-link" href="([^"]*\/dekking\/ambities\/[^"]+)"/.exec(table);
      expect(first, 'the demo has ambitions').not.toBeNull();
      const count = Number(first![1]);
      const href = first![2]!.replace(/&amp;/g, '&');
      const details = await admin.get(href);
      const page = await details.text();
      expect(details.status, page.slice(0, 1500)).toBe(200);
      const rowsOf = (markup: string) => markup.slice(markup.indexOf('data-table="ambition-schools"')).split('<tbody>')[1]!.split('</tbody>')[0]!.match(/<tr>/g)?.length ?? 0;
      expect(rowsOf(page)).toBe(Math.min(count, 100));
      if (count > 5) {
        const paged = await (await admin.get(`${href}&aantal=5&pagina=2`)).text();
        expect(rowsOf(paged)).toBe(Math.min(5, count - 5));
        expect(paged).toContain('rel="prev"');
        expect((await admin.get(`${href}&aantal=5&pagina=${Math.ceil(count / 5) + 1}`)).status).toBe(400);
      }
      // The board sees only its own schools' ambitions on the same item.
      const own = await (await board.get(href.replace(swvBase, boardBase))).text();
      expect(own).not.toContain('Sint Jozefschool');
      expect((await admin.get(`${swvBase}/dekking/ambities/bestaat-niet`)).status).toBe(404);
      // The export lists every ambition, one row each, with the same count per item as the page.
      const csv = Buffer.from(await (await admin.get(`${swvBase}/export/dekking?formaat=csv`)).arrayBuffer()).toString('utf8');
      const sheet = csv.split('\r\n\r\n')[2]!;
      const rows = parse(sheet.slice(sheet.indexOf('\r\n') + 2), { delimiter: ';', columns: true }) as Array<Record<string, string>>;
      const title = decodeEntities(/<h1[^>]*>Ambities: (.*) \(2026-2027\)<\/h1>/.exec(page)![1]!);
      expect(rows.filter((row) => row['Vraag'] === title)).toHaveLength(count);
      expect(Object.keys(rows[0]!)).toEqual(['Onderdeel', 'Vraag', 'School', 'Wanneer', 'Beoogd niveau', 'Toelichting']);
    });

    it('exports all answers of the year as one XLSX sheet: a row per school, "section — item" headers, labels and norm statuses', async () => {
      const response = await admin.get(`${swvBase}/export/antwoorden?jaar=2026-2027&formaat=xlsx`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
      const sheet = workbook.worksheets[0]!;
      const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      expect(headers.slice(0, 3)).toEqual(['School', 'BRIN en vestiging', 'Bestuur']);
      expect(headers.some((header) => / — .+ \(norm\)$/.test(header))).toBe(true);
      const names = [];
      for (let row = 2; row <= sheet.rowCount; row += 1) names.push(String(sheet.getRow(row).getCell(1).value));
      expect(names).toContain('Basisschool De Regenboog');
      expect(names).toContain('Sint Jozefschool');
      // Norm statuses are words, and never an option key.
      const statusColumn = headers.findIndex((header) => header.endsWith('(norm)')) + 1;
      const statuses = new Set<string>();
      for (let row = 2; row <= sheet.rowCount; row += 1) statuses.add(String(sheet.getRow(row).getCell(statusColumn).value));
      for (const status of statuses) expect(['Voldoet', 'Onder de norm', 'Ambitie', 'Kan niet beoordelen', 'Niet beantwoord']).toContain(status);
      // A board's export holds only its own schools.
      const own = await board.get(`${boardBase}/export/antwoorden?formaat=csv`);
      const rows = parse(Buffer.from(await own.arrayBuffer()), { delimiter: ';', bom: true, columns: true }) as Array<Record<string, string>>;
      expect(rows.map((row) => row['School'])).toContain('Basisschool De Regenboog');
      expect(rows.map((row) => row['School'])).not.toContain('Sint Jozefschool');
    });

    it('exports the matrix and the coverage as CSV and XLSX with the figures of the page', async () => {
      const csv = await admin.get(`${swvBase}/export/basisondersteuning?formaat=csv&bestuur=${app.demo.boardIds['linde']}`);
      expect(csv.status).toBe(200);
      const text = Buffer.from(await csv.arrayBuffer()).toString('utf8');
      const [matrixPart] = text.split('\r\n\r\n');
      const rows = parse(matrixPart!, { delimiter: ';', bom: true, columns: true }) as Array<Record<string, string>>;
      expect(rows.map((row) => row['School']).sort()).toEqual(['IKC De Wereldwijzer', 'KBS De Fontein', 'Sint Jozefschool']);
      for (const row of rows) {
        const counted = ['Voldoet', 'Onder de norm', 'Ambitie', 'Kan niet beoordelen', 'Niet beantwoord'].reduce((sum, key) => sum + Number(row[key]), 0);
        expect(counted).toBeGreaterThan(0);
      }
      const xlsx = await admin.get(`${swvBase}/export/dekking?formaat=xlsx`);
      expect(xlsx.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toHaveLength(3);
      expect((await admin.get(`${swvBase}/export/onbekend?formaat=csv`)).status).toBe(404);
      expect((await admin.get(`${swvBase}/export/antwoorden?formaat=pdf`)).status).toBe(400);
    });

    it('compares two years: a norm changed in the new version is compared and marked, not shown as a new item', async () => {
      // The SWV widened one norm this year: last year's version accepted only the first option of its scale.
      const db = app.deps.db;
      const current = (await getCycleFor(db, app.demo.partnershipId, '2026-2027'))!;
      const previous = (await getCycleFor(db, app.demo.partnershipId, '2025-2026'))!;
      const template = await loadTemplateDefinition(db, current.templateVersionId);
      const target = normedItemsOf(template).find(({ item }) => (item.norm?.accept?.length ?? 0) > 1)!;
      expect(target, 'the demo questionnaire has a norm accepting two options').toBeDefined();
      const [row] = await db.select({ definition: templateVersions.definition }).from(templateVersions).where(eq(templateVersions.id, previous.templateVersionId));
      const before = structuredClone(row!.definition) as TemplateDefinition;
      const old = before.sections.flatMap((section) => section.items).find((item) => item.key === target.item.key)!;
      old.norm = { ...old.norm, accept: [target.item.norm!.accept![0]!] };
      delete old.norm.label;
      await db.update(templateVersions).set({ definition: before }).where(eq(templateVersions.id, previous.templateVersionId));

      const response = await admin.get(`${swvBase}/jaarvergelijking?jaar=2026-2027`);
      const html = await response.text();
      expect(response.status, html.slice(0, 1500)).toBe(200);
      expect(html).toContain('Vergelijking 2025-2026 en 2026-2027');
      const rowHtml = html.slice(html.indexOf(`data-item="${target.item.key}"`), html.indexOf('</tr>', html.indexOf(`data-item="${target.item.key}"`)));
      expect(rowHtml).toContain('norm gewijzigd');
      expect(rowHtml).not.toContain('Nieuw dit jaar');
      const csv = await admin.get(`${swvBase}/export/jaarvergelijking?jaar=2026-2027&vorig=2025-2026&formaat=csv`);
      const rows = parse(Buffer.from(await csv.arrayBuffer()), { delimiter: ';', bom: true, columns: true }) as Array<Record<string, string>>;
      const exported = rows.find((entry) => entry['Vraag'] === target.item.title)!;
      expect(exported['Status']).toBe('norm gewijzigd');
      expect(Number(exported['Voldoet 2026-2027'])).toBeGreaterThanOrEqual(0);
    });

    it('refuses a malformed filter with a Dutch message and a 400', async () => {
      const response = await admin.get(`${swvBase}/basisondersteuning?wijk=kapot`);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Deze filter klopt niet');
    });
  });
}
