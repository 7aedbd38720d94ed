/**
 * The questionnaire against a real database: autosave, conflicts between two editors, history,
 * invalid input with the rest of the section saved, read-only after submit, and tenant isolation.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { answers, profiles } from '../src/features/questionnaire/schema.js';
import { listAnswerHistory } from '../src/features/questionnaire/answers-repository.js';
import { findProfile } from '../src/features/questionnaire/profiles-repository.js';
import { loadTemplateDefinition } from '../src/features/questionnaire/template-cache.js';
import type { TemplateDefinition } from '../src/features/templates/model/template.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
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
      expect(body).toMatchObject({ ok: true, revision: 1, normStatus: 'meets', sectionProgress: { sectionKey: 'algemeen', answered: 1 } });
      const stored = await row('inspectie-oordeel');
      expect(stored).toMatchObject({ value: 'voldoende', meetsNorm: true, revision: 1, schoolYear: '2026-2027', partnershipId: testApp.demo.partnershipId });
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
  });
}
