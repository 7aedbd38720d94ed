/**
 * Insight (issue 12) on a real database with the demo SWV: the home's figures, the basic-support matrix against
 * the answers' stored statuses, the tenant rule (a board sees only its schools; another board's school is 404),
 * coverage and the exports parsed back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

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

    it('refuses a malformed filter with a Dutch message and a 400', async () => {
      const response = await admin.get(`${swvBase}/basisondersteuning?wijk=kapot`);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Deze filter klopt niet');
    });
  });
}
