/**
 * Documents on a real database: the data loaded for a profile, every download with its mime type,
 * snapshots (immutable, served after the cycle closes), the SWV's batch ZIP, and tenant isolation.
 */
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAnswers } from '../src/features/cycle/demo-answers.js';
import { replaceAnswers } from '../src/features/cycle/repository.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../src/features/documents/document-kinds.js';
import { loadDocumentData, loadParentPosterData } from '../src/features/documents/load-document-data.js';
import { buildBatchExport } from '../src/features/documents/build-batch-export.js';
import { countExportChunks, getExport, listExports, listSnapshotFiles, listSnapshots } from '../src/features/documents/repository.js';
import { requestDocumentSnapshot } from '../src/features/documents/request-document-snapshot.js';
import { takeDocumentSnapshotNow } from '../src/features/documents/take-snapshot.js';
import { findProfile, type ProfileRow } from '../src/features/questionnaire/profiles-repository.js';
import { loadTemplateDefinition } from '../src/features/questionnaire/template-cache.js';
import { describeAnswer } from '../src/features/templates/model/answer.js';
import { listItems, type TemplateDefinition } from '../src/features/templates/model/template.js';
import { and, eq } from 'drizzle-orm';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditLog } from '../src/audit/schema.js';
import { runCli } from '../src/cli/run-cli.js';
import { checkParentPosterFits } from '../src/features/documents/render/index.js';
import { listSchoolContacts } from '../src/features/partnerships/repository.js';
import { formFields } from './support/form-fields.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const MIME: Record<DocumentKind, string> = {
  'sop-docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'sop-pdf': 'application/pdf',
  'sop-html': 'text/html; charset=utf-8',
  'schoolgids-docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'schoolgids-html': 'text/html; charset=utf-8',
  'ouderposter-a4-pdf': 'application/pdf',
  'ouderposter-a3-pdf': 'application/pdf',
  'ouderposter-html': 'text/html; charset=utf-8',
  'lerarenposter-pdf': 'application/pdf',
  'lerarenposter-html': 'text/html; charset=utf-8',
};

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

for (const kind of TEST_DATABASE_KINDS) {
  describe(`documents (${kind})`, { timeout: 180_000 }, () => {
    let app: TestApp;
    let profile: ProfileRow;
    let template: TemplateDefinition;
    let ib: TestClient;
    /** The first finished batch ZIP (replaced by later ones: only the newest per SWV and year is kept). */
    let firstExportId: string;
    const base = () => `/profielen/${profile.id}/documenten`;

    beforeAll(async () => {
      app = await createTestApp(kind, { now: '2026-10-12T10:00:00+02:00' });
      profile = (await findProfile(app.deps.db, app.demo.schoolIds['regenboog']!, '2026-2027'))!;
      template = await loadTemplateDefinition(app.deps.db, profile.templateVersionId);
      // Answers straight into the questionnaire's answers table (as the demo does).
      await replaceAnswers(app.deps.db, profile, generateAnswers(template, 'documenten-test', { belowNormEvery: 5, ambitionYear: '2027-2028' }), app.clock.now(), null);
      await app.deps.db.execute(`update partnerships set primary_color = '#7a1f5c' where id = '${app.demo.partnershipId}'`);
      ib = await TestClient.signedIn(app, app.demo.userIds['ib@regenboog.example']!);
    }, 120_000);
    afterAll(async () => app?.close());

    it('loads branding, school facts, contacts, template and answers for a profile', async () => {
      const data = await loadDocumentData(app.deps.db, app.clock, profile.id);
      expect(data.branding.partnershipName).toBe('SWV PO Voorbeeldstad');
      expect(data.branding.primaryColor).toBe('#7a1f5c');
      expect(data.branding.parentSupportPoint?.email).toBe('steunpunt@swv-voorbeeldstad.nl');
      expect(data.school).toMatchObject({ name: 'Basisschool De Regenboog', locationCode: '12AB00', city: 'Voorbeeldstad', districtName: 'Centrum' });
      // The school's contact persons (demo data), with function and topic, in their order.
      expect(data.school.contacts?.map((c) => c.name)).toEqual(['Fatima el Idrissi', 'Jeroen Smit', 'Annelies Bakker', 'Sander Mulder']);
      expect(data.school.contacts?.[0]).toMatchObject({ role: 'Intern begeleider', topic: expect.stringContaining('Extra ondersteuning'), email: 'ib@regenboog.example' });
      expect(data.schoolYear).toBe('2026-2027');
      expect(Object.keys(data.answers).length).toBeGreaterThan(10);
      expect(data.template.sections.length).toBe(template.sections.length);
      expect(data.generatedAt.toISOString()).toBe(app.clock.now().toISOString());
    });

    it("the parent-text fit check loads only the poster's data: the same fields as the whole document data, nothing else", async () => {
      const whole = await loadDocumentData(app.deps.db, app.clock, profile.id);
      const poster = await loadParentPosterData(app.deps.db, profile.id);
      expect(Object.keys(poster).sort()).toEqual(['answers', 'branding', 'school', 'schoolYear', 'template']);
      expect(poster).toEqual({ branding: whole.branding, school: whole.school, schoolYear: whole.schoolYear, template: whole.template, answers: whole.answers });
    });

    it('serves every output with its mime type; the .docx holds the answers', async () => {
      const page = await ib.get(base());
      expect(page.status).toBe(200);
      const html = await page.text();
      for (const k of DOCUMENT_KINDS) expect(html).toContain(`${base()}/${k}`);
      // The page lists the files without rendering them, and offers the school-guide chapter as HTML to copy.
      expect(html).toContain('wordt gemaakt bij downloaden');
      expect(html).toMatch(/<textarea[^>]*id="schoolgids-html-fragment"[^>]*readonly/);
      expect(html).toContain('&lt;article class=&quot;sop-school-guide&quot;');
      // The accessible web page is linked beside every PDF a parent can open.
      expect(html).toContain(`href="${base()}/sop-html" data-accessible-for="sop-pdf"`);
      expect(html).toContain(`href="${base()}/ouderposter-html" data-accessible-for="ouderposter-a4-pdf"`);
      expect(html).toContain(`href="${base()}/ouderposter-html" data-accessible-for="ouderposter-a3-pdf"`);
      expect(html).toContain(`href="${base()}/lerarenposter-html" data-accessible-for="lerarenposter-pdf"`);
      for (const k of DOCUMENT_KINDS) {
        const response = await ib.get(`${base()}/${k}`);
        expect(response.status, k).toBe(200);
        expect(response.headers.get('content-type'), k).toBe(MIME[k]);
        const disposition = response.headers.get('content-disposition') ?? '';
        expect(disposition, k).toMatch(k.endsWith('html') ? /^inline; filename=/ : /^attachment; filename=/);
        const bytes = await bytesOf(response);
        if (k.endsWith('pdf')) expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
        if (k === 'ouderposter-html') expect(bytes.toString()).toMatch(/<style nonce="[^"]+">/);
        if (k === 'schoolgids-html') expect(bytes.toString()).toContain('Basisschool De Regenboog');
        if (k === 'sop-html') expect(bytes.toString()).toMatch(/<h1>Schoolondersteuningsprofiel Basisschool De Regenboog<\/h1>/);
        if (k === 'sop-docx') {
          const { value } = await mammoth.extractRawText({ buffer: bytes });
          expect(value).toContain('Basisschool De Regenboog');
          const answered = listItems(template).find(({ item }) => item.kind !== 'longtext' && item.kind !== 'text');
          const data = await loadDocumentData(app.deps.db, app.clock, profile.id);
          expect(value).toContain(answered!.item.title);
          expect(value).toContain(describeAnswer(template, answered!.item, data.answers[answered!.item.key]?.value));
        }
      }
      expect((await ib.get(`${base()}/onbekend-soort`)).status).toBe(404);
    });

    it('stores an immutable snapshot, and serves it after the cycle closes', async () => {
      await requestDocumentSnapshot(app.deps.db, app.clock, { profileId: profile.id, reason: 'submitted', actorUserId: app.demo.userIds['ib@regenboog.example']! });
      expect(await app.runJobs()).toBeGreaterThan(0);
      const [snapshot] = await listSnapshots(app.deps.db, profile.id);
      expect(snapshot?.reason).toBe('submitted');
      expect(snapshot?.files.map((f) => f.kind).sort()).toEqual([...DOCUMENT_KINDS].sort());
      const before = new Map((await listSnapshotFiles(app.deps.db, snapshot!.id)).map((f) => [f.kind, Buffer.from(f.bytes)]));

      const stored = await ib.get(`${base()}/snapshots/${snapshot!.id}/sop-pdf`);
      expect(stored.status).toBe(200);
      expect((await bytesOf(stored)).equals(before.get('sop-pdf')!)).toBe(true);

      // A later change and a second snapshot leave the first one as it was.
      const changed = generateAnswers(template, 'later', { belowNormEvery: 2 });
      await replaceAnswers(app.deps.db, profile, changed, app.clock.now(), null);
      app.clock.advanceDays(1);
      await requestDocumentSnapshot(app.deps.db, app.clock, { profileId: profile.id, reason: 'adopted', actorUserId: null });
      await app.runJobs();
      const all = await listSnapshots(app.deps.db, profile.id);
      expect(all).toHaveLength(2);
      const after = await listSnapshotFiles(app.deps.db, snapshot!.id);
      for (const file of after) expect(Buffer.from(file.bytes).equals(before.get(file.kind)!)).toBe(true);

      // After the close date (24 December 2026) the latest snapshot is served, not a live rendering.
      await replaceAnswers(app.deps.db, profile, generateAnswers(template, 'na-sluiting', { belowNormEvery: 3 }), app.clock.now(), null);
      app.clock.set('2027-01-05T10:00:00+01:00');
      const latestFiles = new Map((await listSnapshotFiles(app.deps.db, all[0]!.id)).map((f) => [f.kind, Buffer.from(f.bytes)]));
      const later = await TestClient.signedIn(app, app.demo.userIds['ib@regenboog.example']!); // sessions expire over the holidays
      const served = await later.get(`${base()}/sop-docx`);
      expect((await bytesOf(served)).equals(latestFiles.get('sop-docx')!)).toBe(true);
      const page = await (await later.get(base())).text();
      expect(page).toContain('is gesloten op 24 december 2026');
      app.clock.set('2026-10-13T10:00:00+02:00');
    });

    it('a snapshot shows the answers as of the transition, dated at the transition, not when the job runs', async () => {
      app.clock.set('2026-10-14T10:00:00+02:00');
      const vision = listItems(template).find(({ item }) => item.kind === 'longtext')!.item;
      const answer = (text: string) => [{ itemKey: vision.key, value: text, ambition: null, parentText: null, normStatus: null }];
      await replaceAnswers(app.deps.db, profile, answer('Visie zoals ingediend op de transitie.'), app.clock.now(), null);
      const requestedAt = app.clock.now();
      await requestDocumentSnapshot(app.deps.db, app.clock, { profileId: profile.id, reason: 'submitted', actorUserId: null });
      // Changed after the request, before the job runs (and the job runs a day later).
      await replaceAnswers(app.deps.db, profile, answer('Visie na de transitie gewijzigd.'), app.clock.now(), null);
      app.clock.advanceDays(1);
      await app.runJobs();
      const [latest] = await listSnapshots(app.deps.db, profile.id);
      expect(latest!.createdAt.toISOString()).toBe(requestedAt.toISOString());
      const files = new Map((await listSnapshotFiles(app.deps.db, latest!.id)).map((f) => [f.kind, Buffer.from(f.bytes)]));
      const { value } = await mammoth.extractRawText({ buffer: files.get('sop-docx')! });
      expect(value).toContain('Visie zoals ingediend op de transitie.');
      expect(value).not.toContain('Visie na de transitie gewijzigd.');
      app.clock.set('2026-10-13T10:00:00+02:00');
    });

    it('school editors keep the contact persons on the school page; they reach the documents; mistakes get a Dutch message', async () => {
      const schoolId = app.demo.schoolIds['regenboog']!;
      const url = `/scholen/${schoolId}/contactpersonen`;
      const ib = await TestClient.signedIn(app, app.demo.userIds['ib@regenboog.example']!); // earlier tests moved the clock
      const page = await (await ib.get(`/scholen/${schoolId}`)).text();
      expect(page).toContain('name="contacts.0.name"');
      expect(page).toContain('value="Fatima el Idrissi"');
      const contactsVersion = versionIn(page);
      const invalid = await ib.post(url, { contactsVersion, 'contacts.0.name': 'Iris Ib', 'contacts.0.role': '', 'contacts.0.email': 'geen-adres' });
      expect(invalid.status).toBe(400);
      const html = await invalid.text();
      expect(html).toContain('Vul de functie in, bijvoorbeeld Intern begeleider');
      expect(html).toContain('Vul een geldig e-mailadres in of laat het veld leeg');
      // The same mistakes for a reader of the English interface: the messages in English.
      await ib.post('/taal', { locale: 'en', returnTo: '/' });
      try {
        const english = await (await ib.post(url, { contactsVersion, 'contacts.0.name': 'Iris Ib', 'contacts.0.role': '', 'contacts.0.email': 'geen-adres' })).text();
        expect(english).toContain('Enter the role, for example Intern begeleider');
        expect(english).toContain('Enter a valid e-mail address or leave the field empty');
        expect(english).not.toContain('Vul een geldig e-mailadres');
      } finally {
        await ib.post('/taal', { locale: 'nl', returnTo: '/' });
      }
      expect(await listSchoolContacts(app.deps.db, [schoolId])).toHaveLength(4); // nothing lost
      const saved = await ib.post(url, {
        contactsVersion,
        'contacts.0.name': 'Iris Ib',
        'contacts.0.role': 'Intern begeleider',
        'contacts.0.topic': 'Extra ondersteuning',
        'contacts.0.email': 'iris@regenboog.example',
        'contacts.0.showToParents': '1',
        'contacts.1.name': '',
        'contacts.1.role': '',
        'contacts.2.name': 'Bram Gedrag',
        'contacts.2.role': 'Gedragsspecialist',
      });
      expect(saved.status).toBe(303);
      const rows = await listSchoolContacts(app.deps.db, [schoolId]);
      expect(rows.map((r) => [r.name, r.role, r.topic, r.email, r.showToParents])).toEqual([
        ['Iris Ib', 'Intern begeleider', 'Extra ondersteuning', 'iris@regenboog.example', true],
        ['Bram Gedrag', 'Gedragsspecialist', null, null, false],
      ]);
      const audit = await app.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, schoolId), eq(auditLog.action, 'school.update_contacts')));
      expect(audit).toHaveLength(1);
      const data = await loadDocumentData(app.deps.db, app.clock, profile.id);
      expect(data.school.contacts?.[0]).toMatchObject({ name: 'Iris Ib', role: 'Intern begeleider', topic: 'Extra ondersteuning' });
      // The council reads the school page but cannot change the contacts.
      const council = await TestClient.signedIn(app, app.demo.userIds['mr@regenboog.example']!);
      expect((await council.post(url, { contactsVersion, 'contacts.0.name': 'X', 'contacts.0.role': 'Y' })).status).toBe(403);
    });

    it('contact persons: a save based on an outdated list is refused with both versions, nothing lost; a post without the version gets a 400', async () => {
      const schoolId = app.demo.schoolIds['regenboog']!;
      const url = `/scholen/${schoolId}/contactpersonen`;
      const ib = await TestClient.signedIn(app, app.demo.userIds['ib@regenboog.example']!);
      const director = await TestClient.signedIn(app, app.demo.userIds['directie@regenboog.example']!);
      // Both open the page on the same list.
      const opened = versionIn(await (await ib.get(`/scholen/${schoolId}`)).text());
      expect(versionIn(await (await director.get(`/scholen/${schoolId}`)).text())).toBe(opened);
      const directorsList = { 'contacts.0.name': 'Dirk Directeur', 'contacts.0.role': 'Directeur', 'contacts.0.topic': 'Aanmelding en plaatsing' };
      expect((await director.post(url, { contactsVersion: opened, ...directorsList })).status).toBe(303);
      const stored = await listSchoolContacts(app.deps.db, [schoolId]);
      // The coordinator saves the list as it was when the page was opened: refused, both versions shown.
      const mine = { 'contacts.0.name': 'Iris Ib', 'contacts.0.role': 'Intern begeleider', 'contacts.1.name': 'Gerrit Gedrag', 'contacts.1.role': 'Gedragsspecialist' };
      const stale = await ib.post(url, { contactsVersion: opened, ...mine });
      expect(stale.status).toBe(409);
      const html = await stale.text();
      expect(html).toContain('De contactpersonen zijn intussen gewijzigd');
      expect(html).toContain('Directeur: Dirk Directeur — Aanmelding en plaatsing'); // theirs
      expect(html).toContain('value="Gerrit Gedrag"'); // mine, still in the form
      expect(await listSchoolContacts(app.deps.db, [schoolId])).toEqual(stored);
      // Saving again from that page is a deliberate choice: it replaces theirs.
      const again = await ib.post(url, { contactsVersion: versionIn(html), ...mine });
      expect(again.status).toBe(303);
      expect((await listSchoolContacts(app.deps.db, [schoolId])).map((row) => row.name)).toEqual(['Iris Ib', 'Gerrit Gedrag']);
      // A hand-made post without the version never overwrites blindly.
      const blind = await director.post(url, directorsList);
      expect(blind.status).toBe(400);
      expect(await blind.text()).toContain('Dit formulier zegt niet van welke versie van de contactpersonen het uitgaat');
      expect((await listSchoolContacts(app.deps.db, [schoolId])).map((row) => row.name)).toEqual(['Iris Ib', 'Gerrit Gedrag']);
    });

    it('refuses a parent text that makes the parent poster not fit, with a Dutch message, and keeps the saved text', async () => {
      const ib = await TestClient.signedIn(app, app.demo.userIds['ib@regenboog.example']!);
      const data = await loadDocumentData(app.deps.db, app.clock, profile.id);
      const editable = listItems(template).filter(({ item }) => item.posters.parent && item.parentTextEditable).map(({ item }) => item);
      expect(editable.length).toBeGreaterThan(1);
      const [target, ...others] = editable;
      const long = (n: number) => 'Wij helpen uw kind in de klas en in een klein groepje, samen met u. '.repeat(80).slice(0, n).trim();
      // Every other parent text three times as long as allowed today (saved under an earlier template version with
      // a higher limit), written straight into the answers: the poster is full, so no text may make it fuller.
      await replaceAnswers(
        app.deps.db,
        profile,
        others.map((item) => ({ itemKey: item.key, value: data.answers[item.key]?.value ?? null, ambition: data.answers[item.key]?.ambition ?? null, parentText: long(3 * item.parentTextMaxLength), normStatus: null })),
        app.clock.now(),
        null,
      );
      const before = await loadDocumentData(app.deps.db, app.clock, profile.id);
      const withTarget = { ...before, answers: { ...before.answers, [target!.key]: { ...(before.answers[target!.key] ?? { value: null, ambition: null }), parentText: long(target!.parentTextMaxLength) } } };
      expect((await checkParentPosterFits(withTarget)).fits).toBe(false);
      const response = await ib.postJson(`/profielen/${profile.id}/antwoorden`, { itemKey: target!.key, field: 'parentText', value: long(target!.parentTextMaxLength), baseRevision: 0 });
      expect(response.status).toBe(422);
      expect(((await response.json()) as { error: string }).error).toContain('past de ouderposter niet meer op één pagina');
      const after = await loadDocumentData(app.deps.db, app.clock, profile.id);
      expect(after.answers[target!.key]?.parentText ?? null).toBe(before.answers[target!.key]?.parentText ?? null);
    });

    it('without JavaScript, a section post checks each parent text against the poster as the texts before it left it', async () => {
      const ib = await TestClient.signedIn(app, app.demo.userIds['ib@regenboog.example']!);
      const editable = listItems(template).filter(({ item }) => item.posters.parent && item.parentTextEditable);
      const { item: target, section } = editable[0]!;
      const long = 'Wij helpen uw kind in de klas en in een klein groepje, samen met u. '.repeat(20).slice(0, target.parentTextMaxLength).trim();
      const before = await loadDocumentData(app.deps.db, app.clock, profile.id);
      // The form as the browser shows it (revision and base of every item), with a long parent text typed in.
      const form = formFields(await (await ib.get(`/profielen/${profile.id}/onderdelen/${section.key}`)).text());
      const response = await ib.post(`/profielen/${profile.id}/onderdelen/${section.key}`, { ...form, [`${target.key}.parentText`]: long });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('past de ouderposter niet meer op één pagina');
      const after = await loadDocumentData(app.deps.db, app.clock, profile.id);
      expect(after.answers[target.key]?.parentText ?? null).toBe(before.answers[target.key]?.parentText ?? null);
    });

    it('takeDocumentSnapshotNow stores a snapshot right away, also inside a transaction (the demo seed)', async () => {
      const horizon = (await findProfile(app.deps.db, app.demo.schoolIds['horizon']!, '2026-2027'))!;
      const at = new Date('2026-06-30T10:00:00Z');
      const id = await app.deps.db.transaction((tx) => takeDocumentSnapshotNow(tx, app.clock, { profileId: horizon.id, reason: 'archive', actorUserId: null, at }));
      const [snapshot] = await listSnapshots(app.deps.db, horizon.id);
      expect(snapshot).toMatchObject({ id, reason: 'archive' });
      expect(snapshot!.createdAt.toISOString()).toBe(at.toISOString());
      expect(snapshot!.files).toHaveLength(DOCUMENT_KINDS.length);
    });

    it('keeps snapshots and exports inside their school and SWV', async () => {
      const [snapshot] = await listSnapshots(app.deps.db, profile.id);
      const other = (await findProfile(app.deps.db, app.demo.schoolIds['vlinder']!, '2026-2027'))!;
      // Another school's editor, and a snapshot id used under another profile: 404.
      const vlinder = await TestClient.signedIn(app, app.demo.userIds['ib@vlinder.example']!);
      expect((await vlinder.get(`${base()}/snapshots/${snapshot!.id}/sop-pdf`)).status).toBe(404);
      expect((await vlinder.get(`/profielen/${other.id}/documenten/snapshots/${snapshot!.id}/sop-pdf`)).status).toBe(404);
      const swvAdmin = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      expect((await swvAdmin.get(`/profielen/${other.id}/documenten/snapshots/${snapshot!.id}/sop-pdf`)).status).toBe(404);
      // Another SWV's people.
      const b = await TestClient.signedIn(app, app.other.userIds.school_editor);
      expect((await b.get(base())).status).toBe(404);
      expect((await b.get(`${base()}/snapshots/${snapshot!.id}/sop-pdf`)).status).toBe(404);
      const bAdmin = await TestClient.signedIn(app, app.other.userIds.partnership_admin);
      expect((await bAdmin.get(`/swv/${app.demo.partnershipId}/documenten`)).status).toBe(404);
      // The council sees the documents only once the profile is submitted.
      const council = await TestClient.signedIn(app, app.demo.userIds['mr@regenboog.example']!);
      expect((await council.get(base())).status).toBe(403);
    });

    it('builds one ZIP with a folder per school, with progress, for the SWV only', async () => {
      const admin = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      const page = await admin.get(`/swv/${app.demo.partnershipId}/documenten`);
      expect(page.status).toBe(200);
      expect((await admin.post(`/swv/${app.demo.partnershipId}/documenten`, { schoolYear: '1999-2000' })).status).toBe(400);
      const started = await admin.post(`/swv/${app.demo.partnershipId}/documenten`, { schoolYear: '2026-2027' });
      expect(started.status).toBe(303);
      const queued = await (await admin.get(`/swv/${app.demo.partnershipId}/documenten?aangevraagd=1`)).text();
      expect(queued).toContain('In de wachtrij');
      await app.runJobs();
      const done = await (await admin.get(`/swv/${app.demo.partnershipId}/documenten`)).text();
      expect(done).toContain('Klaar');
      const exportId = /documenten\/([0-9a-f-]{36})\/zip/.exec(done)![1]!;
      firstExportId = exportId;
      const zip = await admin.get(`/swv/${app.demo.partnershipId}/documenten/${exportId}/zip`);
      expect(zip.status).toBe(200);
      expect(zip.headers.get('content-type')).toBe('application/zip');
      const body = new Uint8Array(await zip.arrayBuffer());
      // Streamed from its stored chunks, with the length known up front.
      expect(Number(zip.headers.get('content-length'))).toBe(body.length);
      expect((await getExport(app.deps.db, app.demo.partnershipId, exportId))!.size).toBe(body.length);
      const entries = unzipSync(body);
      const folders = new Set(Object.keys(entries).map((name) => name.split('/')[0]));
      const schools = Object.keys(app.demo.schoolIds).length;
      expect(folders.size).toBe(schools);
      expect([...folders]).toContain('12AB00 Basisschool De Regenboog');
      expect(Object.keys(entries).filter((name) => name.startsWith('12AB00 ')).length).toBe(DOCUMENT_KINDS.length);
      expect(strFromU8(entries[Object.keys(entries).find((n) => n.startsWith('12AB00 ') && n.includes('Ouderposter-') && n.endsWith('.html'))!]!)).toContain('<!doctype html>');
      // Another SWV's admin cannot fetch it, not even through their own SWV's URL.
      const bAdmin = await TestClient.signedIn(app, app.other.userIds.partnership_admin);
      expect((await bAdmin.get(`/swv/${app.other.partnershipId}/documenten/${exportId}/zip`)).status).toBe(404);
      expect((await bAdmin.get(`/swv/${app.demo.partnershipId}/documenten/${exportId}/zip`)).status).toBe(404);
    });

    /** Requests a batch ZIP of 2026-2027 over HTTP and returns the id of the new (queued) export. */
    const requestExport = async (admin: TestClient) => {
      const before = new Set((await listExports(app.deps.db, app.demo.partnershipId)).map((e) => e.id));
      expect((await admin.post(`/swv/${app.demo.partnershipId}/documenten`, { schoolYear: '2026-2027' })).status).toBe(303);
      return (await listExports(app.deps.db, app.demo.partnershipId)).find((e) => !before.has(e.id))!.id;
    };
    const zipUrl = (exportId: string) => `/swv/${app.demo.partnershipId}/documenten/${exportId}/zip`;

    it('stores the ZIP in chunks as it is made; a run killed halfway is not downloadable, and its retry starts clean', async () => {
      const admin = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      const exportId = await requestExport(admin);
      const chunkSize = 32 * 1024;

      // A run that stops after its second school, as if its process were killed (no error handling runs).
      let atSecondSchool!: () => void;
      const reached = new Promise<void>((resolve) => (atSecondSchool = resolve));
      let wakeUp!: () => void;
      const asleep = new Promise<void>((resolve) => (wakeUp = resolve));
      const killed = buildBatchExport(
        app.deps,
        exportId,
        async ({ done }) => {
          if (done === 2) {
            atSecondSchool();
            await asleep;
          }
        },
        { chunkSize },
      );
      await reached;
      expect(await countExportChunks(app.deps.db, exportId)).toBeGreaterThan(0);
      expect((await getExport(app.deps.db, app.demo.partnershipId, exportId))!.status).toBe('running');
      // Half a ZIP is never served: no link on the page, and the URL says it is not ready.
      const page = await (await admin.get(`/swv/${app.demo.partnershipId}/documenten`)).text();
      expect(page).not.toContain(zipUrl(exportId));
      const early = await admin.get(zipUrl(exportId));
      expect(early.status).toBe(409);
      expect(await early.text()).toContain('Dit ZIP-bestand is nog niet klaar.');

      // The retry (the job queue runs it again after the lease) deletes the chunks of the killed run first.
      const retry = await buildBatchExport(app.deps, exportId, undefined, { chunkSize });
      expect(retry).not.toBeNull();
      expect(retry!.chunks).toBeGreaterThan(1);
      expect(await countExportChunks(app.deps.db, exportId)).toBe(retry!.chunks);
      // The killed run wakes up (its lease had expired): it can no longer write to the export and stops quietly.
      wakeUp();
      expect(await killed).toBeNull();
      expect(await countExportChunks(app.deps.db, exportId)).toBe(retry!.chunks);
      const row = (await getExport(app.deps.db, app.demo.partnershipId, exportId))!;
      expect(row).toMatchObject({ status: 'done', size: retry!.size, chunkCount: retry!.chunks });

      const zip = await admin.get(zipUrl(exportId));
      expect(zip.status).toBe(200);
      const body = new Uint8Array(await zip.arrayBuffer());
      expect(body.length).toBe(retry!.size);
      expect(Number(zip.headers.get('content-length'))).toBe(retry!.size);
      const entries = unzipSync(body);
      const bySchool = new Map<string, number[]>();
      for (const [name, bytes] of Object.entries(entries)) bySchool.set(name.split('/')[0]!, [...(bySchool.get(name.split('/')[0]!) ?? []), bytes.length]);
      expect(bySchool.size).toBe(Object.keys(app.demo.schoolIds).length);
      expect([...bySchool.values()].every((sizes) => sizes.length === DOCUMENT_KINDS.length)).toBe(true);
      // Memory: the job never held the ZIP, at most one chunk plus one school's files (and their ZIP headers).
      const largestSchool = Math.max(...[...bySchool.values()].map((sizes) => sizes.reduce((a, b) => a + b, 0)));
      expect(retry!.maxBufferedBytes).toBeLessThan(chunkSize + largestSchool + 4096);
      expect(retry!.maxBufferedBytes).toBeLessThan(retry!.size);

      // The job itself still runs later: the export is done, so it changes nothing.
      await app.runJobs();
      expect(await countExportChunks(app.deps.db, exportId)).toBe(retry!.chunks);

      // Only the newest finished ZIP of the year is kept: the first one is replaced, its chunks deleted.
      expect((await getExport(app.deps.db, app.demo.partnershipId, firstExportId))!.status).toBe('expired');
      expect(await countExportChunks(app.deps.db, firstExportId)).toBe(0);
      const replaced = await admin.get(zipUrl(firstExportId));
      expect(replaced.status).toBe(409);
      expect(await replaced.text()).toContain('niet meer beschikbaar');
      const after = await (await admin.get(`/swv/${app.demo.partnershipId}/documenten`)).text();
      expect(after).toContain('Vervangen');
      expect(after).toContain('Niet meer beschikbaar: er is een nieuwer ZIP-bestand van dit schooljaar.');
    });

    it('a run that fails halfway deletes its partial ZIP; the job queue retries it from the start', async () => {
      const admin = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      const exportId = await requestExport(admin);
      const failing = buildBatchExport(
        app.deps,
        exportId,
        async ({ done }) => {
          if (done === 2) throw new Error('verbinding met de database verbroken');
        },
        { chunkSize: 32 * 1024 },
      );
      await expect(failing).rejects.toThrow('verbinding met de database verbroken');
      expect((await getExport(app.deps.db, app.demo.partnershipId, exportId))!.status).toBe('failed');
      expect(await countExportChunks(app.deps.db, exportId)).toBe(0);
      expect((await admin.get(zipUrl(exportId))).status).toBe(409);
      // The queued job is the retry (default chunk size).
      await app.runJobs();
      const row = (await getExport(app.deps.db, app.demo.partnershipId, exportId))!;
      expect(row.status).toBe('done');
      expect(await countExportChunks(app.deps.db, exportId)).toBe(row.chunkCount);
      const entries = unzipSync(new Uint8Array(await (await admin.get(zipUrl(exportId))).arrayBuffer()));
      expect(new Set(Object.keys(entries).map((name) => name.split('/')[0])).size).toBe(Object.keys(app.demo.schoolIds).length);
    });

    it('a school whose documents fail does not fail the ZIP: the others go in, the failure is listed in the ZIP and on the page', async () => {
      // Corrupt data in one school's profile (an answer that is no valid value) makes its rendering throw.
      const vlinder = (await findProfile(app.deps.db, app.demo.schoolIds['vlinder']!, '2026-2027'))!;
      const item = listItems(template).find(({ item }) => item.kind !== 'longtext')!.item;
      await replaceAnswers(app.deps.db, vlinder, [{ itemKey: item.key, value: { kapot: true } as never, ambition: null, parentText: null, normStatus: null }], app.clock.now(), null);
      const admin = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      expect((await admin.post(`/swv/${app.demo.partnershipId}/documenten`, { schoolYear: '2026-2027' })).status).toBe(303);
      await app.runJobs();
      const done = await (await admin.get(`/swv/${app.demo.partnershipId}/documenten`)).text();
      expect(done).toContain('Niet gelukt: 13CD00 OBS De Vlinder');
      // The page lists every export; this one is the export whose row lists the failure.
      const row = done.split('<tr').find((r) => r.includes('Niet gelukt: 13CD00'))!;
      const exportId = /documenten\/([0-9a-f-]{36})\/zip/.exec(row)![1]!;
      const entries = unzipSync(new Uint8Array(await (await admin.get(`/swv/${app.demo.partnershipId}/documenten/${exportId}/zip`)).arrayBuffer()));
      const names = Object.keys(entries);
      expect(names.filter((n) => !n.includes('/')), names.join(', ').slice(0, 400)).toContain('Niet gelukt.txt');
      expect(strFromU8(entries['Niet gelukt.txt']!)).toContain('13CD00 OBS De Vlinder');
      expect(names.some((n) => n.startsWith('13CD00 OBS De Vlinder/'))).toBe(false);
      expect(names.filter((n) => n.startsWith('12AB00 ')).length).toBe(DOCUMENT_KINDS.length);
      await replaceAnswers(app.deps.db, vlinder, [{ itemKey: item.key, value: null, ambition: null, parentText: null, normStatus: null }], app.clock.now(), null);
    });
  });
}

describe('documents generate (command line)', () => {
  let dataDir: string;
  let outDir: string;
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('writes every output of one school for one year, and explains a wrong school in Dutch', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'opensop-docs-cli-'));
    outDir = mkdtempSync(path.join(os.tmpdir(), 'opensop-docs-out-'));
    process.env['DATA_DIR'] = dataDir;
    process.env['LOG_LEVEL'] = 'silent';
    delete process.env['DATABASE_URL'];
    const io = () => {
      const output: string[] = [];
      const errors: string[] = [];
      return { output, errors, out: (t: string) => output.push(t), err: (t: string) => errors.push(t) };
    };
    expect(await runCli(['migrate'], io())).toBe(0);
    expect(await runCli(['demo', 'seed'], io())).toBe(0);
    const run = io();
    expect(await runCli(['documents', 'generate', '--school', '12AB00', '--year', '2026-2027', '--out', outDir], run), run.errors.join('\n')).toBe(0);
    const files = readdirSync(outDir).sort();
    expect(files).toHaveLength(DOCUMENT_KINDS.length);
    expect(files).toContain('SOP-2026-2027-12AB00-de-regenboog.docx');
    expect(files).toContain('Lerarenposter-2026-2027-12AB00-de-regenboog.pdf');
    const wrong = io();
    expect(await runCli(['documents', 'generate', '--school', '99ZZ00', '--year', '2026-2027', '--out', outDir], wrong)).not.toBe(0);
    expect(wrong.errors.join('\n')).toMatch(/99ZZ00/);
  }, 180_000);
});

/** The version of the contact persons a school page's form was opened on. */
function versionIn(html: string): string {
  return /name="contactsVersion" value="([0-9a-f]{16})"/.exec(html)![1]!;
}
