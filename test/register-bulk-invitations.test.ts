/** Bulk invitations (issue 11): a pasted table or a CSV file, checked row by row, then sent through the one invitation rule. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { memberships, users } from '../src/features/accounts/schema.js';
import { boards, schools } from '../src/features/partnerships/schema.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

async function postMultipart(t: TestApp, client: TestClient, path: string, fields: Record<string, string>, file?: [string, string | Uint8Array]): Promise<Response> {
  const form = new FormData();
  form.append('_csrf', client.csrfToken);
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append('bestand', new File([new Uint8Array(typeof file[1] === 'string' ? new TextEncoder().encode(file[1]) : file[1])], file[0], { type: 'text/csv' }));
  const cookie = (client as unknown as { cookies: Map<string, string> }).cookies;
  return t.app.request(`http://opensop.test${path}`, { method: 'POST', body: form, headers: { cookie: [...cookie].map(([k, v]) => `${k}=${v}`).join('; ') }, redirect: 'manual' });
}

const hiddenData = (html: string) => /name="data" value="([^"]+)"/.exec(html)?.[1];

for (const kind of TEST_DATABASE_KINDS) {
  describe(`bulk invitations (${kind})`, () => {
    let t: TestApp;
    let admin: TestClient;
    let swv: string;
    let schoolCode: string;
    let boardNumber: string;
    const path = () => `/swv/${swv}/gebruikers/meerdere-uitnodigen`;

    beforeAll(async () => {
      t = await createTestApp(kind);
      admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      swv = t.demo.partnershipId;
      const [school] = await t.deps.db.select().from(schools).where(eq(schools.id, t.demo.schoolIds['regenboog']!));
      schoolCode = school!.locationCode;
      const [board] = await t.deps.db.select().from(boards).where(eq(boards.id, school!.boardId));
      boardNumber = board!.boardNumber ?? '41999';
      if (!board!.boardNumber) await t.deps.db.update(boards).set({ boardNumber }).where(eq(boards.id, board!.id));
    }, 300_000);
    afterAll(async () => t?.close());

    it('shows the form, linked from the register page', async () => {
      const page = await admin.get(path());
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Meerdere mensen tegelijk uitnodigen');
      expect(await (await admin.get(`/swv/${swv}/scholen`)).text()).toContain(`href="${path()}"`);
    });

    it('refuses an empty form and a table without the needed columns, with a Dutch message', async () => {
      const empty = await postMultipart(t, admin, path(), { tabel: '' });
      expect(empty.status).toBe(400);
      expect(await empty.text()).toContain('Plak een tabel of kies een bestand.');
      const noRole = await postMultipart(t, admin, path(), { tabel: `schoolcode;e-mail;naam\n${schoolCode};a@b.example;Anna` });
      expect(noRole.status).toBe(400);
      expect(await noRole.text()).toContain('De kolom rol ontbreekt in de kopregel.');
    });

    it('checks every row, sends only the good ones, and says per row what happened', async () => {
      const usersBefore = (await t.deps.db.select().from(users)).length;
      const table = [
        'Schoolcode\tE-mail\tNaam\tRol',
        `${schoolCode}\tnieuw.ib@regenboog.example\tNina Bakker\tSchoolteam`,
        `${schoolCode.slice(0, 4)}\tmr.lid@regenboog.example\tOmar El Idrissi\tMR`,
        `${boardNumber}\tbestuurder@bestuur.example\tEls de Vries\tbestuur`,
        `99ZZ00\tonbekend@school.example\tPiet Onbekend\tschoolteam`,
        `${schoolCode}\tgeen-adres\tKees\tschoolteam`,
        `${schoolCode}\tx@school.example\tX Y\tconciërge`,
        `${schoolCode}\tnieuw.ib@regenboog.example\tNina Bakker\tschoolteam`,
      ].join('\n');
      const preview = await postMultipart(t, admin, path(), { tabel: table });
      expect(preview.status).toBe(200);
      const html = await preview.text();
      expect(html).toContain('3 klaar om te versturen, 4 met een fout.');
      expect(html).toContain('Regel 5: er is geen school met code 99ZZ00 in uw register.');
      expect(html).toContain('Regel 6: &quot;geen-adres&quot; is geen geldig e-mailadres.');
      expect(html).toContain('Regel 7: de rol &quot;conciërge&quot; kennen we niet.');
      expect(html).toContain('Regel 8: dezelfde uitnodiging staat ook al op regel 2.');
      // Nothing sent yet.
      expect((await t.deps.db.select().from(users)).length).toBe(usersBefore);

      const sent = await admin.post(`${path()}/versturen`, { data: hiddenData(html)! });
      expect(sent.status).toBe(200);
      const result = await sent.text();
      expect(result).toContain('3 uitnodigingen verstuurd.');
      const invited = await t.deps.db.select().from(users).where(eq(users.email, 'nieuw.ib@regenboog.example'));
      expect(invited).toHaveLength(1);
      const roles = await t.deps.db.select().from(memberships).where(eq(memberships.userId, invited[0]!.id));
      expect(roles).toMatchObject([{ role: 'school_editor', schoolId: t.demo.schoolIds['regenboog'] }]);
      const board = await t.deps.db.select().from(users).where(eq(users.email, 'bestuurder@bestuur.example'));
      expect(board).toHaveLength(1);
      expect(await t.deps.db.select().from(users).where(eq(users.email, 'onbekend@school.example'))).toHaveLength(0);
      const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.partnershipId, swv), eq(auditLog.action, 'user.invite')));
      expect(audits.length).toBeGreaterThanOrEqual(3);

      // Sending the same table again invites nobody twice: the rows say the role is already given.
      const again = await admin.post(`${path()}/versturen`, { data: hiddenData(html)! });
      expect(again.status).toBe(200);
      expect(await again.text()).toContain('0 uitnodigingen verstuurd.');
    });

    it('reads a Windows-1252 CSV file with semicolons', async () => {
      const bytes = Uint8Array.from(Buffer.from(`schoolcode;e-mail;naam;rol\r\n${schoolCode};zoe.muller@regenboog.example;Zoë Müller;schoolteam\r\n`, 'latin1'));
      const preview = await postMultipart(t, admin, path(), { tabel: '' }, ['uitnodigingen.csv', bytes]);
      expect(preview.status).toBe(200);
      const html = await preview.text();
      expect(html).toContain('Zoë Müller');
      expect(html).toContain('1 klaar om te versturen, 0 met een fout.');
    });

    it('is not there for another SWV or a school editor', async () => {
      const editor = await TestClient.signedIn(t, t.demo.userIds['ib@regenboog.example']!);
      expect([403, 404]).toContain((await editor.get(path())).status);
    });
  });
}
