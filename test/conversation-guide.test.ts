/**
 * The conversation guide (issue 15) on a real database, through the app's HTTP routes: the SWV edits the guide of
 * its template in the app and as a file (checked with line numbers, the example offered and marked as example),
 * the school reads it beside its profile, prints it and records conclusions per section, which the board, the SWV
 * and its adviser read and nobody outside sees; next year's profile starts empty with last year's readable.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { exampleGuide } from '../src/features/conversation-guide/example-guide.js';
import { parseGuideFile } from '../src/features/conversation-guide/guide-format.js';
import { findGuideOfTemplate, listConclusions } from '../src/features/conversation-guide/repository.js';
import { findProfile, insertProfile } from '../src/features/questionnaire/profiles-repository.js';
import { getTemplateVersion } from '../src/features/templates/repository.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

async function upload(t: TestApp, client: TestClient, path: string, name: string, text: string): Promise<Response> {
  const form = new FormData();
  form.append('_csrf', client.csrfToken);
  form.append('file', new File([text], name, { type: 'application/yaml' }));
  const cookie = (client as unknown as { cookies: Map<string, string> }).cookies;
  return t.app.request(`http://opensop.test${path}`, { method: 'POST', body: form, headers: { cookie: [...cookie].map(([k, v]) => `${k}=${v}`).join('; ') }, redirect: 'manual' });
}

const GOOD_FILE = `format: opensop-conversation-guide/1
name: Gespreksleidraad SWV Voorbeeldstad
sections:
  - key: belofte-1
    questions:
      - Waar zien wij in de klas dat elke leerling zich veilig voelt?
      - Wat vertellen de leerlingen zelf daarover in de tevredenheidspeiling?
    tips:
      - Begin bij een voorbeeld uit de eigen groep.
  - key: bestaat-niet
    questions:
      - Deze vraag hoort bij geen onderdeel.
`;

for (const kind of TEST_DATABASE_KINDS) {
  describe(`conversation guide (${kind})`, () => {
    let app: TestApp;
    let swv: TestClient;
    let editor: TestClient;
    let profileId: string;
    let templateId: string;
    let editorPath: string;

    beforeAll(async () => {
      app = await createTestApp(kind);
      swv = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      editor = await TestClient.signedIn(app, app.demo.userIds['ib@regenboog.example']!);
      const profile = (await findProfile(app.deps.db, app.demo.schoolIds['regenboog']!, '2026-2027'))!;
      profileId = profile.id;
      templateId = (await getTemplateVersion(app.deps.db, profile.templateVersionId))!.templateId;
      editorPath = `/swv/${app.demo.partnershipId}/vragenlijsten/${templateId}/gespreksleidraad`;
    });
    afterAll(async () => app?.close());

    it('shows the demo SWV’s adopted example to the school and the SWV, marked as example', async () => {
      const school = await (await editor.get(`/profielen/${profileId}/gespreksleidraad`)).text();
      expect(school).toContain('Voorbeeld van OpenSOP');
      expect(school).toContain('Lees de belofte hardop.');
      const overview = await (await swv.get(`/swv/${app.demo.partnershipId}/gespreksleidraad`)).text();
      expect(overview).toContain('onderdelen met vragen');
      const page = await (await swv.get(editorPath)).text();
      expect(page).toContain('Deze leidraad is (nog) het voorbeeld van OpenSOP.');
      expect(page).toContain('Lees de belofte hardop.');
      const file = await swv.get(`${editorPath}/bestand`);
      expect(file.headers.get('content-disposition')).toContain('gespreksleidraad-');
      const parsed = parseGuideFile(await file.text());
      expect(parsed.ok && parsed.value.example).toBe(true);
    });

    it('refuses a file with mistakes, naming each line, and changes nothing', async () => {
      const bad = 'format: opensop-conversation-guide/1\nname: Leidraad\nsections:\n  - key: belofte-1\n    questions:\n      - ""\n    tipps:\n      - Begin klein.\n  - key: belofte-1\n';
      const response = await upload(app, swv, `${editorPath}/importeren`, 'leidraad.yaml', bad);
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('regel 6, kolom 9: sections[0].questions[0] — een gespreksvraag mag niet leeg zijn');
      expect(html).toContain('regel 7, kolom 5: sections[0].tipps — onbekend veld');
      expect((await findGuideOfTemplate(app.deps.db, templateId))!.definition).toEqual(exampleGuide());
      const tab = await upload(app, swv, `${editorPath}/importeren`, 'leidraad.yaml', 'format: opensop-conversation-guide/1\nname: x\nsections:\n\t- key: a\n');
      expect(tab.status).toBe(400);
      expect(await tab.text()).toContain('regel 4');
    });

    it('takes a good file, warning about a section the template does not have, and writes an audit row', async () => {
      const response = await upload(app, swv, `${editorPath}/importeren`, 'leidraad.yaml', GOOD_FILE);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('de vragenlijst heeft geen onderdeel &quot;bestaat-niet&quot;');
      const guide = (await findGuideOfTemplate(app.deps.db, templateId))!.definition;
      expect(guide.example).toBe(false);
      expect(guide.sections[0]!.questions).toHaveLength(2);
      const audits = await app.deps.db.select().from(auditLog).where(eq(auditLog.action, 'conversationGuide.import'));
      expect(audits).toHaveLength(1);
    });

    it('saves one section from the editor, checking line lengths in Dutch', async () => {
      const tooLong = await swv.post(editorPath, { section: 'algemeen', questions_algemeen: `Wat ${'heel '.repeat(100)}lang?`, tips_algemeen: '', examples_algemeen: '' });
      expect(tooLong.status).toBe(400);
      expect(await tooLong.text()).toContain('Regel 1 is te lang: hooguit 400 tekens.');
      const unknown = await swv.post(editorPath, { section: 'geen-onderdeel', questions_geen: 'Vraag?' });
      expect(unknown.status).toBe(400);
      const saved = await swv.post(editorPath, { section: 'algemeen', questions_algemeen: 'Herkennen wij onze school in de algemene gegevens?\n\nWat is veranderd sinds vorig jaar?', tips_algemeen: 'Neem het schoolplan mee.', examples_algemeen: '' });
      expect(saved.status).toBe(303);
      const guide = (await findGuideOfTemplate(app.deps.db, templateId))!.definition;
      expect(guide.sections.map((s) => s.key)).toEqual(['algemeen', 'belofte-1', 'bestaat-niet']);
      expect(guide.sections[0]!.questions).toEqual(['Herkennen wij onze school in de algemene gegevens?', 'Wat is veranderd sinds vorig jaar?']);
      // Exported and read again: the same guide.
      const again = parseGuideFile(await (await swv.get(`${editorPath}/bestand`)).text());
      expect(again.ok && again.value).toEqual(guide);
    });

    it('lets the school read the guide, print it and record a conclusion, audited; a stale form does not overwrite', async () => {
      const page = await (await editor.get(`/profielen/${profileId}/gespreksleidraad`)).text();
      expect(page).toContain('Waar zien wij in de klas dat elke leerling zich veilig voelt?');
      expect(page).toContain('Afdrukken voor de teamvergadering');
      const print = await (await editor.get(`/profielen/${profileId}/gespreksleidraad?afdruk=1`)).text();
      expect(print).toContain('Gespreksleidraad SOP Basisschool De Regenboog');
      expect(print).not.toContain('name="conclusion_');
      const path = `/profielen/${profileId}/gespreksleidraad`;
      const saved = await editor.post(path, { section: 'belofte-1', 'conclusion_belofte-1': 'Het team ziet veiligheid vooral in de pauzes als aandachtspunt; we maken afspraken over toezicht.', 'previous_belofte-1': '' });
      expect(saved.status).toBe(303);
      const stale = await editor.post(path, { section: 'belofte-1', 'conclusion_belofte-1': 'Een andere tekst.', 'previous_belofte-1': '' });
      expect(stale.status).toBe(409);
      const staleHtml = await stale.text();
      expect(staleHtml).toContain('Een andere tekst.');
      expect(staleHtml).toContain('Opgeslagen tekst: Het team ziet veiligheid');
      const tooLong = await editor.post(path, { section: 'belofte-1', 'conclusion_belofte-1': 'x'.repeat(2001), 'previous_belofte-1': '' });
      expect(tooLong.status).toBe(400);
      expect(await tooLong.text()).toContain('hooguit 2000 tekens');
      const unknown = await editor.post(path, { section: 'geen-onderdeel', 'conclusion_geen-onderdeel': 'Tekst', 'previous_geen-onderdeel': '' });
      expect(unknown.status).toBe(400);
      const rows = await listConclusions(app.deps.db, [profileId]);
      expect(rows.map((r) => r.text)).toEqual(['Het team ziet veiligheid vooral in de pauzes als aandachtspunt; we maken afspraken over toezicht.']);
      const audits = await app.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'conversationGuide.conclusion'), eq(auditLog.entityId, profileId)));
      expect(audits).toHaveLength(1);
    });

    it('shows the conclusion to the board and the SWV, not to the council, another school or the public', async () => {
      const path = `/profielen/${profileId}/gespreksleidraad`;
      for (const email of ['bestuur@spov.example', 'swv@voorbeeldstad.example', 'adviseur@voorbeeldstad.example']) {
        const reader = await TestClient.signedIn(app, app.demo.userIds[email]!);
        const response = await reader.get(path);
        expect(response.status, email).toBe(200);
        const html = await response.text();
        expect(html).toContain('Het team ziet veiligheid');
        expect(html).not.toContain('name="conclusion_');
        expect((await reader.post(path, { section: 'belofte-1', 'conclusion_belofte-1': 'Overschreven', 'previous_belofte-1': '' })).status, email).toBe(403);
      }
      expect((await (await TestClient.signedIn(app, app.demo.userIds['mr@regenboog.example']!)).get(path)).status).toBe(403);
      expect((await (await TestClient.signedIn(app, app.demo.userIds['ib@vlinder.example']!)).get(path)).status).toBe(404);
      const anonymous = await TestClient.anonymous(app.app);
      expect((await anonymous.get(path)).status).toBe(302);
    });

    it("keeps the conclusions with this year's profile; next year's starts empty with last year's readable", async () => {
      const profile = (await findProfile(app.deps.db, app.demo.schoolIds['regenboog']!, '2026-2027'))!;
      const nextId = crypto.randomUUID();
      await insertProfile(app.deps.db, { id: nextId, partnershipId: profile.partnershipId, schoolId: profile.schoolId, schoolYear: '2027-2028', templateVersionId: profile.templateVersionId, createdAt: app.clock.now() });
      const next = await (await editor.get(`/profielen/${nextId}/gespreksleidraad`)).text();
      expect(next).toContain('Conclusie vorig jaar (2026-2027)');
      expect(next).toContain('Het team ziet veiligheid');
      expect(next).toContain('Nog geen conclusie vastgelegd.');
      expect(await listConclusions(app.deps.db, [nextId])).toEqual([]);
      expect(await listConclusions(app.deps.db, [profileId])).toHaveLength(1);
    });
  });
}
