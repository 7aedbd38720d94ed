/**
 * The questionnaire against a real database: autosave, conflicts between two editors, history,
 * invalid input with the rest of the section saved, read-only after submit, and tenant isolation.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { answers, profiles } from '../src/features/questionnaire/schema.js';
import { listAnswerHistory, writeAnswerField } from '../src/features/questionnaire/answers-repository.js';
import { findProfile } from '../src/features/questionnaire/profiles-repository.js';
import { loadTemplateDefinition } from '../src/features/questionnaire/template-cache.js';
import type { TemplateDefinition } from '../src/features/templates/model/template.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { formFields } from './support/form-fields.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

for (const kind of TEST_DATABASE_KINDS) {
  describe(`questionnaire (${kind})`, () => {
    let testApp: TestApp;
    let profileId: string;
    let template: TemplateDefinition;
    let ib: TestClient;
    let directie: TestClient;
    const url = () => `/profielen/${profileId}/antwoorden`;

    beforeAll(async () => {
      // Mid-cycle: the cycle is open and the deadline (1 November) has not passed.
      testApp = await createTestApp(kind, { now: '2026-10-12T10:00:00+02:00' });
      const profile = await findProfile(testApp.deps.db, testApp.demo.schoolIds['regenboog']!, '2026-2027');
      profileId = profile!.id;
      template = await loadTemplateDefinition(testApp.deps.db, profile!.templateVersionId);
      // Start from an empty, not yet started profile (the demo prefilled last year's answers).
      await testApp.deps.db.delete(answers).where(eq(answers.profileId, profileId));
      await testApp.deps.db.update(profiles).set({ status: 'not_started' }).where(eq(profiles.id, profileId));
      ib = await TestClient.signedIn(testApp, testApp.demo.userIds['ib@regenboog.example']!);
      directie = await TestClient.signedIn(testApp, testApp.demo.userIds['directie@regenboog.example']!);
    });
    afterAll(async () => testApp?.close());

    const row = async (itemKey: string) => {
      const [found] = await testApp.deps.db.select().from(answers).where(and(eq(answers.profileId, profileId), eq(answers.itemKey, itemKey)));
      return found;
    };

    it('shows the task list, the welcome page and every section', async () => {
      const home = await ib.get(`/profielen/${profileId}`);
      expect(home.status).toBe(200);
      const html = await home.text();
      expect(html).toContain('Niet begonnen');
      expect(html).toContain('1 november 2026');
      for (const section of template.sections) {
        expect(html).toContain(section.title);
        const page = await ib.get(`/profielen/${profileId}/onderdelen/${section.key}`);
        expect(page.status, section.key).toBe(200);
      }
      expect((await ib.get(`/profielen/${profileId}/welkom`)).status).toBe(200);
      expect((await ib.get(`/profielen/${profileId}/controleren`)).status).toBe(200);
      expect((await ib.get(`/profielen/${profileId}/onderdelen/bestaat-niet`)).status).toBe(404);
    });

    it('autosaves one answer: revision, norm status, section progress, denormalised row, profile started', async () => {
      const response = await ib.postJson(url(), { itemKey: 'inspectie-oordeel', field: 'value', value: 'voldoende', baseRevision: 0 });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { ok: boolean; revision: number; normStatus: string; sectionProgress: { sectionKey: string; answered: number } };
      expect(body).toMatchObject({ ok: true, revision: 1, normStatus: 'meets', nationalNormStatus: 'no-norm', sectionProgress: { sectionKey: 'algemeen', answered: 1 } });
      const stored = await row('inspectie-oordeel');
      expect(stored).toMatchObject({ value: 'voldoende', normStatus: 'meets', revision: 1, schoolYear: '2026-2027', partnershipId: testApp.demo.partnershipId });
      const [profile] = await testApp.deps.db.select().from(profiles).where(eq(profiles.id, profileId));
      expect(profile!.status).toBe('in_progress');
      const audit = await testApp.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, profileId), eq(auditLog.action, 'profile.start')));
      expect(audit).toHaveLength(1);
    });

    it('refuses an edit based on an outdated revision, with both values, and overwrites nothing', async () => {
      const mine = await ib.postJson(url(), { itemKey: 'aantal-leerlingen', field: 'value', value: 240, baseRevision: 0 });
      expect(mine.status).toBe(200);
      // The director still had the page from before: revision 0.
      const theirs = await directie.postJson(url(), { itemKey: 'aantal-leerlingen', field: 'value', value: 250, baseRevision: 0 });
      expect(theirs.status).toBe(409);
      const body = (await theirs.json()) as { conflict: { theirs: { words: string; who: string; revision: number }; yours: { words: string } } };
      expect(body.conflict.theirs).toMatchObject({ words: '240 leerlingen', revision: 1 });
      expect(body.conflict.theirs.who).toBeTruthy();
      expect(body.conflict.yours.words).toBe('250 leerlingen');
      expect((await row('aantal-leerlingen'))!.value).toBe(240);
      // "Mijn antwoord gebruiken": the same value on their revision goes through.
      const retry = await directie.postJson(url(), { itemKey: 'aantal-leerlingen', field: 'value', value: 250, baseRevision: 1 });
      expect(retry.status).toBe(200);
      expect((await row('aantal-leerlingen'))!).toMatchObject({ value: 250, revision: 2 });
    });

    it('keeps the history of every change: who, when, before and after', async () => {
      const history = await listAnswerHistory(testApp.deps.db, profileId, 'aantal-leerlingen');
      expect(history).toHaveLength(2);
      expect(history[0]).toMatchObject({ before: null, after: { value: 240 }, changedBy: testApp.demo.userIds['ib@regenboog.example'] });
      expect(history[1]).toMatchObject({ before: { value: 240 }, after: { value: 250 }, changedBy: testApp.demo.userIds['directie@regenboog.example'] });
      expect(history[1]!.changedAt).toBeInstanceOf(Date);
    });

    it('rejects invalid input with a specific message and saves nothing for it', async () => {
      const tooMany = await ib.postJson(url(), { itemKey: 'aantal-groepen', field: 'value', value: 500, baseRevision: 0 });
      expect(tooMany.status).toBe(422);
      expect(((await tooMany.json()) as { error: string }).error).toBe('Vul een getal in van 0 tot en met 80.');
      const unknownOption = await ib.postJson(url(), { itemKey: 'inspectie-oordeel', field: 'value', value: 'fantastisch', baseRevision: 1 });
      expect(unknownOption.status).toBe(422);
      // A reader of the English interface is told in English (their language, chosen through /taal).
      await ib.post('/taal', { locale: 'en', returnTo: '/' });
      try {
        const english = await ib.postJson(url(), { itemKey: 'aantal-groepen', field: 'value', value: '1.250', baseRevision: 0 });
        expect(english.status).toBe(422);
        expect(((await english.json()) as { error: string }).error).toMatch(/^Enter a number from 0 to 80\. You entered 1\.250; we read that as 1250\./);
        const englishOption = await ib.postJson(url(), { itemKey: 'inspectie-oordeel', field: 'value', value: 'fantastisch', baseRevision: 1 });
        expect(((await englishOption.json()) as { error: string }).error).toBe('Choose one of the options.');
      } finally {
        await ib.post('/taal', { locale: 'nl', returnTo: '/' });
      }
      expect(await row('aantal-groepen')).toBeUndefined();
      const unknownItem = await ib.postJson(url(), { itemKey: 'bestaat-niet', field: 'value', value: 'x', baseRevision: 0 });
      expect(unknownItem.status).toBe(400);
    });

    it('without JavaScript saves every valid field of a section and shows the invalid one with its message', async () => {
      const response = await ib.post(`/profielen/${profileId}/onderdelen/algemeen`, {
        visie: 'Elk kind hoort erbij.',
        'visie.revision': '0',
        onderwijsconcept: 'Daltononderwijs',
        'onderwijsconcept.revision': '0',
        'aantal-groepen': '120',
        'aantal-groepen.revision': '0',
        'aantal-leerlingen': '250',
        'aantal-leerlingen.revision': '2',
        'inspectie-oordeel': 'voldoende',
        'inspectie-oordeel.revision': '1',
      });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('error-summary');
      expect(html).toContain('Vul een getal in van 0 tot en met 80.');
      expect(html).toContain('value="120"'); // what was typed comes back
      expect((await row('visie'))!.value).toBe('Elk kind hoort erbij.');
      expect((await row('onderwijsconcept'))!.value).toBe('Daltononderwijs');
      expect(await row('aantal-groepen')).toBeUndefined();
      // Unchanged answers are not written again.
      expect((await row('aantal-leerlingen'))!.revision).toBe(2);
    });

    it('without JavaScript shows a conflict with both values and keeps the typed value', async () => {
      // The director changes "onderwijsconcept" while the coordinator's form still has revision 1.
      const theirs = await directie.postJson(url(), { itemKey: 'onderwijsconcept', field: 'value', value: 'Montessori', baseRevision: 1 });
      expect(theirs.status).toBe(200);
      const response = await ib.post(`/profielen/${profileId}/onderdelen/algemeen`, { onderwijsconcept: 'Jenaplan', 'onderwijsconcept.revision': '1' });
      expect(response.status).toBe(409);
      const html = await response.text();
      expect(html).toContain('Hun antwoord: Montessori');
      expect(html).toContain('Uw antwoord: Jenaplan');
      expect(html).toContain('Mijn antwoord gebruiken');
      expect(html).toContain('value="Jenaplan"');
      expect((await row('onderwijsconcept'))!.value).toBe('Montessori');
      // Only "onderwijsconcept" was posted: every other item of the section is left exactly as it was.
      expect((await row('visie'))!).toMatchObject({ value: 'Elk kind hoort erbij.', revision: 1 });
      expect((await row('aantal-leerlingen'))!).toMatchObject({ value: 250, revision: 2 });
      expect((await row('inspectie-oordeel'))!).toMatchObject({ value: 'voldoende', revision: 1 });
      // The conflict is in the error summary too, linking to the item.
      expect(html).toMatch(/id="error-summary"[\s\S]*href="#item-onderwijsconcept"/);
    });

    it('a hand-made section post without revision or base fields is checked as stale, never written blindly', async () => {
      const before = (await row('visie'))!;
      const theirs = await directie.postJson(url(), { itemKey: 'visie', field: 'value', value: 'Samen leren, samen leven.', baseRevision: before.revision });
      expect(theirs.status).toBe(200);
      // Only the field itself: no "visie.revision", no "visie.base".
      const response = await ib.post(`/profielen/${profileId}/onderdelen/algemeen`, { visie: 'Ieder kind telt.' });
      expect(response.status).toBe(409);
      const html = await response.text();
      expect(html).toContain('Samen leren, samen leven.');
      expect(html).toContain('Ieder kind telt.'); // what was typed is not lost
      expect((await row('visie'))!).toMatchObject({ value: 'Samen leren, samen leven.', revision: before.revision + 1 });
    });

    it('saves the limits of a section ("Wat kan de school niet")', async () => {
      const section = template.sections.find((s) => s.asksLimits)!;
      const response = await ib.postJson(url(), { itemKey: `limits:${section.key}`, field: 'limits', value: 'Geen verpleegkundige zorg.', baseRevision: 0 });
      expect(response.status).toBe(200);
      expect((await row(`limits:${section.key}`))!.value).toBe('Geen verpleegkundige zorg.');
    });

    it('other schools and other SWVs cannot reach the endpoint (404), readers cannot save (403)', async () => {
      const otherSchool = await TestClient.signedIn(testApp, testApp.demo.userIds['ib@vlinder.example']!);
      const otherTenant = await TestClient.signedIn(testApp, testApp.other.userIds.school_editor);
      const board = await TestClient.signedIn(testApp, testApp.demo.userIds['bestuur@spov.example']!);
      const change = { itemKey: 'onderwijsconcept', field: 'value', value: 'Gehackt', baseRevision: 3 };
      expect((await otherSchool.postJson(url(), change)).status).toBe(404);
      expect((await otherTenant.postJson(url(), change)).status).toBe(404);
      expect((await board.postJson(url(), change)).status).toBe(403);
      expect((await row('onderwijsconcept'))!.value).toBe('Montessori');
      // The board sees the section read-only: answers in words, no inputs.
      const page = await (await board.get(`/profielen/${profileId}/onderdelen/algemeen`)).text();
      expect(page).toContain('Montessori');
      expect(page).not.toContain('name="onderwijsconcept"');
    });

    it('is read-only once submitted: saving is refused and the pages show no inputs', async () => {
      await testApp.deps.db.update(profiles).set({ status: 'submitted' }).where(eq(profiles.id, profileId));
      const response = await ib.postJson(url(), { itemKey: 'onderwijsconcept', field: 'value', value: 'Jenaplan', baseRevision: 2 });
      expect(response.status).toBe(409);
      expect(((await response.json()) as { error: string }).error).toContain('ingediend');
      expect((await row('onderwijsconcept'))!.value).toBe('Montessori');
      const form = await ib.post(`/profielen/${profileId}/onderdelen/algemeen`, { onderwijsconcept: 'Jenaplan', 'onderwijsconcept.revision': '2' });
      expect(form.status).toBe(409);
      const page = await (await ib.get(`/profielen/${profileId}/onderdelen/algemeen`)).text();
      expect(page).not.toContain('name="onderwijsconcept"');
      expect(page).not.toContain('autosave.js');
      await testApp.deps.db.update(profiles).set({ status: 'in_progress' }).where(eq(profiles.id, profileId));
    });

    const section = (key = 'algemeen') => `/profielen/${profileId}/onderdelen/${key}`;
    /** The section form as the browser would post it, read from the page (fields, hidden bases, revisions). */
    const openForm = async (client: TestClient, key = 'algemeen') => formFields(await (await client.get(section(key))).text());

    it('"Opslaan" changes only what the editor changed: no false conflict, and another editor\'s newer answer stays', async () => {
      const form = await openForm(ib);
      expect(form['aantal-leerlingen']).toBe('250');
      // The director autosaves a newer number while the coordinator's page is open.
      const theirs = await directie.postJson(url(), { itemKey: 'aantal-leerlingen', field: 'value', value: '334', baseRevision: 0, baseValue: 250 });
      expect(theirs.status).toBe(200);
      // The coordinator changes only the vision and posts the whole (older) form.
      const response = await ib.post(section(), { ...form, visie: 'Iedereen doet mee.' });
      expect(response.status).toBe(303);
      expect((await row('aantal-leerlingen'))!.value).toBe(334);
      expect((await row('visie'))!.value).toBe('Iedereen doet mee.');
      // Posting the same old page again still reverts nothing.
      expect((await ib.post(section(), { ...form, visie: 'Iedereen doet mee.' })).status).toBe(303);
      expect((await row('aantal-leerlingen'))!.value).toBe(334);
    });

    it('after a conflict the re-rendered form overwrites theirs only on "Mijn antwoord gebruiken"; "Hun antwoord houden" keeps theirs', async () => {
      const form = await openForm(ib);
      expect((await directie.postJson(url(), { itemKey: 'onderwijsconcept', field: 'value', value: 'Freinet', baseRevision: 0, baseValue: 'Montessori' })).status).toBe(200);
      const refused = await ib.post(section(), { ...form, onderwijsconcept: 'Jenaplan' });
      expect(refused.status).toBe(409);
      const html = await refused.text();
      expect(html).toContain('Hun antwoord: Freinet');
      expect(html).toMatch(/id="error-summary"[\s\S]*href="#item-onderwijsconcept"/);
      const again = formFields(html);
      expect(again['onderwijsconcept']).toBe('Jenaplan');
      // A plain "Opslaan" of the re-rendered form is refused again: theirs is not silently overwritten.
      expect((await ib.post(section(), again)).status).toBe(409);
      expect((await row('onderwijsconcept'))!.value).toBe('Freinet');
      // The explicit choice goes through.
      expect((await ib.post(section(), { ...again, _useMine: 'onderwijsconcept' })).status).toBe(303);
      expect((await row('onderwijsconcept'))!.value).toBe('Jenaplan');

      const older = await openForm(ib);
      expect((await directie.postJson(url(), { itemKey: 'onderwijsconcept', field: 'value', value: 'Dalton', baseRevision: 0, baseValue: 'Jenaplan' })).status).toBe(200);
      const second = await ib.post(section(), { ...older, onderwijsconcept: 'Montessori', visie: 'Elk kind telt.' });
      expect(second.status).toBe(409);
      const rerendered = formFields(await second.text());
      expect((await row('visie'))!.value).toBe('Elk kind telt.'); // the other change was saved
      expect((await ib.post(section(), { ...rerendered, _keepTheirs: 'onderwijsconcept' })).status).toBe(303);
      expect((await row('onderwijsconcept'))!.value).toBe('Dalton');
      expect((await openForm(ib))['onderwijsconcept']).toBe('Dalton');
    });

    it('autosave conflicts are per field: a change to another field of the same item is not refused', async () => {
      const visie = (await row('visie'))!;
      const parent = await ib.postJson(url(), { itemKey: 'visie', field: 'parentText', value: 'Bij ons hoort ieder kind erbij.', baseRevision: visie.revision, baseValue: null });
      expect(parent.status).toBe(200);
      // The director's page still has the old revision, but the answer itself was not changed by anyone else.
      const value = await directie.postJson(url(), { itemKey: 'visie', field: 'value', value: 'Ieder kind telt mee.', baseRevision: visie.revision, baseValue: visie.value });
      expect(value.status).toBe(200);
      expect((await row('visie'))!).toMatchObject({ value: 'Ieder kind telt mee.', parentText: 'Bij ons hoort ieder kind erbij.' });
      // The same field changed meanwhile: refused, with their value to keep or replace.
      const stale = await ib.postJson(url(), { itemKey: 'visie', field: 'value', value: 'Iets anders.', baseRevision: 99, baseValue: visie.value });
      expect(stale.status).toBe(409);
      const body = (await stale.json()) as { conflict: { theirs: { value: unknown; words: string } } };
      expect(body.conflict.theirs).toMatchObject({ value: 'Ieder kind telt mee.', words: 'Ieder kind telt mee.' });
    });

    it('refuses an over-long text with its specific message, by autosave and by form, and keeps the stored one', async () => {
      const long = 'x'.repeat(301);
      const autosave = await ib.postJson(url(), { itemKey: 'onderwijsconcept', field: 'value', value: long, baseRevision: 0, baseValue: 'Dalton' });
      expect(autosave.status).toBe(422);
      expect(((await autosave.json()) as { error: string }).error).toBe('Maximaal 300 tekens; u heeft er 301.');
      const form = await openForm(ib);
      const posted = await ib.post(section(), { ...form, onderwijsconcept: long });
      expect(posted.status).toBe(400);
      expect(await posted.text()).toContain('Maximaal 300 tekens; u heeft er 301.');
      expect((await row('onderwijsconcept'))!.value).toBe('Dalton');
    });

    it('an unparseable number gets its message next to the field and does not clear the stored answer', async () => {
      const form = await openForm(ib);
      const posted = await ib.post(section(), { ...form, 'aantal-leerlingen': '12a' });
      expect(posted.status).toBe(400);
      expect(await posted.text()).toContain('Vul een getal in van 0 tot en met 2.000.');
      expect((await row('aantal-leerlingen'))!.value).toBe(334);
      // A decimal comma is a number.
      expect((await ib.post(section(), { ...form, 'aantal-leerlingen': '335,0' })).status).toBe(303);
      expect((await row('aantal-leerlingen'))!.value).toBe(335);
    });

    it('limits ("Wat kan de school niet"): a conflict shows both texts, by autosave and by form', async () => {
      const limitsSection = template.sections.find((s) => s.asksLimits)!;
      const key = `limits:${limitsSection.key}`;
      const form = await openForm(ib, limitsSection.key);
      expect((await directie.postJson(url(), { itemKey: key, field: 'limits', value: 'Geen 1-op-1 begeleiding.', baseRevision: 0, baseValue: 'Geen verpleegkundige zorg.' })).status).toBe(200);
      const stale = await ib.postJson(url(), { itemKey: key, field: 'limits', value: 'Geen medische zorg.', baseRevision: 0, baseValue: 'Geen verpleegkundige zorg.' });
      expect(stale.status).toBe(409);
      expect(((await stale.json()) as { conflict: { theirs: { words: string } } }).conflict.theirs.words).toBe('Geen 1-op-1 begeleiding.');
      const posted = await ib.post(section(limitsSection.key), { ...form, _limits: 'Geen medische zorg.' });
      expect(posted.status).toBe(409);
      const html = await posted.text();
      expect(html).toContain('Hun antwoord: Geen 1-op-1 begeleiding.');
      expect(html).toContain('Uw antwoord: Geen medische zorg.');
      expect(html).toContain(`href="#item-${key}"`);
      expect((await row(key))!.value).toBe('Geen 1-op-1 begeleiding.');
    });

    it('partners: "Geen van deze" is an answer without ticking anything first; with a partner ticked too it is refused', async () => {
      const partnersSection = template.sections.find((s) => s.items.some((item) => item.kind === 'partners'))!;
      const item = partnersSection.items.find((candidate) => candidate.kind === 'partners')!;
      const form = await openForm(ib, partnersSection.key);
      const both = await ib.post(section(partnersSection.key), { ...form, [item.key]: ['_geen', 'bao'] });
      expect(both.status).toBe(400);
      expect(await both.text()).toContain('Kies “Geen van deze” of een of meer partners, niet allebei.');
      const none = await ib.post(section(partnersSection.key), { ...form, [item.key]: '_geen' });
      expect(none.status).toBe(303);
      expect((await row(item.key))!.value).toEqual([]);
      expect(formFields(await (await ib.get(section(partnersSection.key))).text())[item.key]).toBe('_geen');
    });

    it('a signed-out autosave answers JSON that asks to sign in again (401/403 with reauth)', async () => {
      const stale = await TestClient.signedIn(testApp, testApp.demo.userIds['ib@regenboog.example']!);
      stale.csrfToken = 'verlopen-token-van-een-oude-sessie';
      const csrf = await stale.postJson(url(), { itemKey: 'onderwijsconcept', field: 'value', value: 'X', baseRevision: 0 });
      expect(csrf.status).toBe(403);
      expect(await csrf.json()).toMatchObject({ error: 'csrf', reauth: true });
      const anonymous = await TestClient.anonymous(testApp.app);
      const signedOut = await anonymous.postJson(url(), { itemKey: 'onderwijsconcept', field: 'value', value: 'X', baseRevision: 0 });
      expect(signedOut.status).toBe(401);
      expect(await signedOut.json()).toMatchObject({ error: 'unauthenticated', reauth: true });
      expect((await row('onderwijsconcept'))!.value).toBe('Dalton');
    });

    it('shows the history of an answer: who, when, and old → new in words; for readers too, not for other schools', async () => {
      const path = `/profielen/${profileId}/antwoorden/aantal-leerlingen/geschiedenis`;
      const response = await ib.get(path);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('Geschiedenis: Aantal leerlingen op 1 oktober');
      expect(html).toContain('334 leerlingen');
      expect(html).toMatch(/250 leerlingen<\/td><td[^>]*>334 leerlingen/);
      expect(html.match(/data-history-entry/g)!.length).toBeGreaterThanOrEqual(4);
      // The first entry had no answer before it: "(leeg)" in Dutch, "(empty)" for a reader of the English interface.
      expect(html).toContain('(leeg)');
      await ib.post('/taal', { locale: 'en', returnTo: '/' });
      try {
        const english = await (await ib.get(path)).text();
        expect(english).toContain('(empty)');
        expect(english).not.toContain('(leeg)');
      } finally {
        await ib.post('/taal', { locale: 'nl', returnTo: '/' });
      }
      const section = await (await ib.get(`/profielen/${profileId}/onderdelen/algemeen`)).text();
      expect(section).toContain(`href="${path}"`);
      const board = await TestClient.signedIn(testApp, testApp.demo.userIds['bestuur@spov.example']!);
      expect((await board.get(path)).status).toBe(200);
      const otherSchool = await TestClient.signedIn(testApp, testApp.demo.userIds['ib@vlinder.example']!);
      expect((await otherSchool.get(path)).status).toBe(404);
      expect((await ib.get(`/profielen/${profileId}/antwoorden/bestaat-niet/geschiedenis`)).status).toBe(404);
      const limitsSection = template.sections.find((s) => s.asksLimits)!;
      const limitsPage = await (await ib.get(`/profielen/${profileId}/onderdelen/${limitsSection.key}`)).text();
      expect(limitsPage).toContain(`/antwoorden/limits%3A${limitsSection.key}/geschiedenis`);
      const limits = await ib.get(`/profielen/${profileId}/antwoorden/limits%3A${limitsSection.key}/geschiedenis`);
      expect(limits.status).toBe(200);
      expect(await limits.text()).toContain('Geen 1-op-1 begeleiding.');
    });

    it('says "vraag" for one open required question and "vragen" for more', async () => {
      const home = await (await ib.get(`/profielen/${profileId}`)).text();
      expect(home).toContain('Nog 1 verplichte vraag open');
      expect(home).not.toContain('Nog 1 verplichte vragen open');
      expect(home).toMatch(/Nog \d+ verplichte vragen open/);
    });

    // Needs two connections: PGlite has one, so this runs on PostgreSQL only.
    it.skipIf(kind !== 'postgres')('an autosave racing a submission waits for it and then writes nothing', async () => {
      const db = testApp.deps.db;
      let write: Promise<unknown> | undefined;
      await db.transaction(async (tx) => {
        await tx.update(profiles).set({ status: 'submitted' }).where(eq(profiles.id, profileId));
        // The save starts while the submission is not yet committed …
        write = writeAnswerField(db, {
          profileId,
          itemKey: 'onderwijsconcept',
          partnershipId: testApp.demo.partnershipId,
          schoolYear: '2026-2027',
          field: 'value',
          value: 'Na het indienen',
          normStatus: null,
          baseRevision: 0,
          baseValue: 'Dalton',
          userId: testApp.demo.userIds['ib@regenboog.example']!,
          at: testApp.clock.now(),
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      // … and must see the submitted profile once it is.
      expect(await write).toBeNull();
      expect((await row('onderwijsconcept'))!.value).toBe('Dalton');
      await db.update(profiles).set({ status: 'in_progress' }).where(eq(profiles.id, profileId));
    });
  });
}
