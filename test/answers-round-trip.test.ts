/**
 * Stored answers come back exactly as they were saved (issue 10): a scale whose option values look like
 * numbers ("1" … "5"), text answers that look like JSON ("3", "true", "null", "0", "[1]", "{}"), and every
 * item kind — through autosave, the repository reads, the history, the reloaded page (option selected,
 * right status), a later change without a false conflict, and the no-JavaScript save. PGlite and PostgreSQL.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAnswerState, listAnswerHistory, listAnswers, listAnswerStates } from '../src/features/questionnaire/answers-repository.js';
import { findProfile } from '../src/features/questionnaire/profiles-repository.js';
import { answers, profiles } from '../src/features/questionnaire/schema.js';
import { loadTemplateDefinition } from '../src/features/questionnaire/template-cache.js';
import { importTemplate } from '../src/features/templates/import-template.js';
import { templateSchema, type TemplateDefinition } from '../src/features/templates/model/template.js';
import { formFields } from './support/form-fields.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

/** The demo questionnaire with one more section: every kind, and a 1–5 rating whose option values are digits. */
function withRatingSection(demo: TemplateDefinition): TemplateDefinition {
  return templateSchema.parse({
    ...demo,
    key: 'cijfers-test',
    scales: [...demo.scales, { key: 'cijfer', name: 'Cijfer 1–5', options: ['1', '2', '3', '4', '5'].map((value) => ({ value, label: `${value} van 5` })) }],
    sections: [
      ...demo.sections,
      {
        key: 'cijfers',
        kind: 'extra',
        title: 'Cijfers',
        asksLimits: true,
        items: [
          { key: 'cijfer-zorg', kind: 'choice', title: 'Hoe tevreden is het team over de zorgstructuur?', scale: 'cijfer', norm: { accept: ['4', '5'] }, ambition: true },
          { key: 'cijfer-aanbod', kind: 'availability', title: 'Aanbod op een schaal van 1 tot 5', scale: 'cijfer', nationalNorm: { accept: ['5'] } },
          { key: 'cijfer-partners', kind: 'partners', title: 'Welke cijfers gelden?', scale: 'cijfer', norm: { includes: ['1'] } },
          { key: 'code', kind: 'text', title: 'Interne code', required: false },
          { key: 'toelichting', kind: 'longtext', title: 'Toelichting', required: false },
          { key: 'ja-nee', kind: 'yesno', title: 'Is er een ondersteuningsplan?', norm: { equals: true } },
          { key: 'fte', kind: 'number', title: 'Formatie IB', min: 0, max: 40, unit: 'fte', norm: { min: 0.5 } },
        ],
      },
    ],
  });
}

for (const kind of TEST_DATABASE_KINDS) {
  describe(`answers round-trip exactly (${kind})`, () => {
    let testApp: TestApp;
    let profileId: string;
    let ib: TestClient;
    let directie: TestClient;
    const url = () => `/profielen/${profileId}/antwoorden`;
    const page = () => `/profielen/${profileId}/onderdelen/cijfers`;
    const save = (client: TestClient, itemKey: string, value: unknown, extra: Record<string, unknown> = {}) =>
      client.postJson(url(), { itemKey, field: 'value', value, baseRevision: 0, ...extra });
    /** The status tag the item shows (not the words the live update may use). */
    const shownStatus = (html: string, itemKey: string) => {
      const item = html.slice(html.indexOf(`id="item-${itemKey}"`));
      return /data-norm-status=""[^>]*>\s*<span class="status-tag[^"]*">([^<]*)</.exec(item)?.[1] ?? null;
    };
    const stored = async (itemKey: string) => {
      const [row] = await testApp.deps.db.select().from(answers).where(and(eq(answers.profileId, profileId), eq(answers.itemKey, itemKey)));
      return row;
    };

    beforeAll(async () => {
      testApp = await createTestApp(kind, { now: '2026-10-12T10:00:00+02:00' });
      const profile = (await findProfile(testApp.deps.db, testApp.demo.schoolIds['regenboog']!, '2026-2027'))!;
      profileId = profile.id;
      const demo = await loadTemplateDefinition(testApp.deps.db, profile.templateVersionId);
      const version = await importTemplate({ db: testApp.deps.db, clock: testApp.clock, partnershipId: testApp.demo.partnershipId, definition: withRatingSection(demo), actorUserId: null });
      await testApp.deps.db.delete(answers).where(eq(answers.profileId, profileId));
      await testApp.deps.db.update(profiles).set({ templateVersionId: version.versionId, status: 'in_progress' }).where(eq(profiles.id, profileId));
      ib = await TestClient.signedIn(testApp, testApp.demo.userIds['ib@regenboog.example']!);
      directie = await TestClient.signedIn(testApp, testApp.demo.userIds['directie@regenboog.example']!);
    });
    afterAll(async () => testApp?.close());

    it('keeps text answers that look like JSON as the text they are, in every read and in the history', async () => {
      for (const itemKey of ['code', 'toelichting']) {
        let revision = 0;
        let before: string | null = null;
        for (const text of ['3', 'true', 'null', '0', '[1]', '{}', '"3"', '1.250']) {
          const response = await save(ib, itemKey, text, { baseRevision: revision, baseValue: before });
          expect(response.status, `${itemKey} ← ${text}`).toBe(200);
          revision = ((await response.json()) as { revision: number }).revision;
          before = text;
          expect((await stored(itemKey))!.value, `${itemKey} ← ${text}`).toBe(text);
          expect((await listAnswers(testApp.deps.db, profileId)).answers[itemKey]!.value).toBe(text);
          expect((await listAnswerStates(testApp.deps.db, profileId)).get(itemKey)!.value).toBe(text);
          expect((await getAnswerState(testApp.deps.db, profileId, itemKey))!.value).toBe(text);
        }
        const history = await listAnswerHistory(testApp.deps.db, profileId, itemKey);
        expect(history.map((entry) => (entry.after as { value: unknown }).value)).toEqual(['3', 'true', 'null', '0', '[1]', '{}', '"3"', '1.250']);
        expect(history.slice(1).map((entry) => (entry.before as { value: unknown }).value)).toEqual(['3', 'true', 'null', '0', '[1]', '{}', '"3"']);
      }
      // In the database as JSON strings: not re-encoded, not numbers.
      const types = (await testApp.deps.db.execute(sql`select distinct jsonb_typeof(value) as type from answers where profile_id = ${profileId} and item_key in ('code', 'toelichting')`)) as unknown as {
        rows: Array<{ type: string }>;
      };
      expect(types.rows).toEqual([{ type: 'string' }]);
    });

    it('clears a text answer of only spaces (it is no answer)', async () => {
      const current = (await stored('code'))!;
      const response = await save(ib, 'code', '  ', { baseRevision: current.revision, baseValue: current.value });
      expect(response.status).toBe(200);
      expect((await stored('code'))!.value).toBeNull();
    });

    it('answers a numeric-looking scale: the option is selected after a reload, the status is right, and a later change raises no false conflict', async () => {
      const first = await save(ib, 'cijfer-zorg', '3');
      expect(first.status).toBe(200);
      expect(await first.json()).toMatchObject({ ok: true, normStatus: 'below' });
      expect(await stored('cijfer-zorg')).toMatchObject({ value: '3', normStatus: 'below' });

      const html = await (await ib.get(page())).text();
      expect(html).toMatch(/<input[^>]*name="cijfer-zorg"[^>]*value="3"[^>]*checked/);
      expect(html).not.toMatch(/<input[^>]*name="cijfer-zorg"[^>]*value="4"[^>]*checked/);
      expect(shownStatus(html, 'cijfer-zorg')).toBe('Onder de norm');
      // The base the page carries is the option "3", so the next change is not a conflict.
      const form = formFields(html);
      expect(JSON.parse(form['cijfer-zorg.base'] as string)).toMatchObject({ value: '3' });

      const second = await save(ib, 'cijfer-zorg', '4', { baseRevision: 1, baseValue: JSON.parse(form['cijfer-zorg.base'] as string).value });
      expect(second.status).toBe(200);
      expect(await second.json()).toMatchObject({ ok: true, normStatus: 'meets' });
      // Another editor who opened the page before the change is told about the conflict, with both options in words.
      const stale = await save(directie, 'cijfer-zorg', '2', { baseRevision: 1, baseValue: '3' });
      expect(stale.status).toBe(409);
      expect(await stale.json()).toMatchObject({ conflict: { theirs: { words: '4 van 5' }, yours: { words: '2 van 5' } } });
    });

    it('saves the section without JavaScript from the reloaded page: no false conflict, no "can no longer be changed"', async () => {
      const form = formFields(await (await ib.get(page())).text());
      expect(form['cijfer-zorg']).toBe('4');
      const response = await ib.post(page(), { ...form, 'cijfer-zorg': '5', 'cijfer-aanbod': '2', 'cijfer-partners': ['1', '3'], code: '3', toelichting: 'null', 'ja-nee': 'ja', fte: '0,8' });
      expect(response.status, await response.clone().text().then((text) => text.slice(text.indexOf('error-summary'), text.indexOf('error-summary') + 600))).toBe(303);
      expect(await stored('cijfer-zorg')).toMatchObject({ value: '5', normStatus: 'meets' });
      expect(await stored('cijfer-aanbod')).toMatchObject({ value: '2', normStatus: null, nationalNormStatus: 'below' });
      expect(await stored('cijfer-partners')).toMatchObject({ value: ['1', '3'], normStatus: 'meets' });
      expect(await stored('code')).toMatchObject({ value: '3', normStatus: null });
      expect(await stored('toelichting')).toMatchObject({ value: 'null' });
      expect(await stored('ja-nee')).toMatchObject({ value: true, normStatus: 'meets' });
      expect(await stored('fte')).toMatchObject({ value: 0.8, normStatus: 'meets' });

      // Posting the same page again is not a change and not a conflict.
      const againHtml = await (await ib.get(page())).text();
      expect(shownStatus(againHtml, 'cijfer-zorg')).toBe('Voldoet aan de basisondersteuning');
      const again = formFields(againHtml);
      expect(again).toMatchObject({ 'cijfer-zorg': '5', 'cijfer-aanbod': '2', 'cijfer-partners': ['1', '3'], code: '3', toelichting: 'null', 'ja-nee': 'ja', fte: '0,8' });
      expect((await ib.post(page(), again)).status).toBe(303);
      const revisions = await testApp.deps.db.select({ key: answers.itemKey, revision: answers.revision }).from(answers).where(eq(answers.profileId, profileId));
      expect(revisions.find((row) => row.key === 'cijfer-aanbod')!.revision).toBe(1);
    });

    it('every kind comes back as saved, and the conflict check compares like with like', async () => {
      const cases: Array<[string, unknown]> = [
        ['cijfer-aanbod', '1'],
        ['cijfer-partners', []],
        ['cijfer-partners', ['2', '4', '5']],
        ['ja-nee', false],
        ['fte', 0],
        ['fte', 12.5],
        ['toelichting', '{}'],
      ];
      for (const [itemKey, value] of cases) {
        const current = (await stored(itemKey))!;
        const response = await save(ib, itemKey, value, { baseRevision: current.revision, baseValue: current.value });
        expect(response.status, `${itemKey} ← ${JSON.stringify(value)}`).toBe(200);
        expect((await stored(itemKey))!.value).toEqual(value);
        expect((await listAnswers(testApp.deps.db, profileId)).answers[itemKey]!.value).toEqual(value);
      }
      const html = await (await ib.get(page())).text();
      expect(html).toMatch(/<input[^>]*name="cijfer-aanbod"[^>]*value="1"[^>]*checked/);
      expect(html).toMatch(/<input[^>]*name="cijfer-partners"[^>]*value="4"[^>]*checked/);
      expect(html).not.toMatch(/<input[^>]*name="cijfer-partners"[^>]*value="3"[^>]*checked/);
    });

    it('an answer the norm cannot judge reads "Kan niet beoordelen" on every page, never "Voldoet"', async () => {
      // Rows of a type the item does not have (as an older version could store them): a number for a choice
      // item with an SWV norm, a yes/no for a choice item with only a national norm.
      await testApp.deps.db.update(answers).set({ value: 4, normStatus: 'cannot-judge' }).where(and(eq(answers.profileId, profileId), eq(answers.itemKey, 'cijfer-zorg')));
      await testApp.deps.db.update(answers).set({ value: true, nationalNormStatus: 'cannot-judge' }).where(and(eq(answers.profileId, profileId), eq(answers.itemKey, 'cijfer-aanbod')));
      for (const other of ['cijfer-partners', 'ja-nee', 'fte']) {
        await testApp.deps.db.update(answers).set({ value: other === 'cijfer-partners' ? ['1'] : other === 'ja-nee' ? true : 1 }).where(and(eq(answers.profileId, profileId), eq(answers.itemKey, other)));
      }

      const section = await (await ib.get(page())).text();
      expect(shownStatus(section, 'cijfer-zorg')).toBe('Kan niet beoordelen');
      const aanbod = section.slice(section.indexOf('id="item-cijfer-aanbod"'), section.indexOf('id="item-cijfer-partners"'));
      expect(aanbod).toContain('Kan niet beoordelen tegen de landelijke norm');
      expect(aanbod).not.toContain('>Voldoet');
      // The summary lists both and does not claim that every answer meets the norm.
      const summary = section.slice(section.indexOf('id="q-summary-heading"'));
      expect(summary).toMatch(/data-cannot-judge-item="cijfer-zorg"/);
      expect(summary).toMatch(/data-cannot-judge-item="cijfer-aanbod"/);
      expect(summary).toMatch(/<p class="utrecht-paragraph" data-below-norm-empty="" hidden="">/);

      const home = await (await ib.get(`/profielen/${profileId}`)).text();
      expect(home).toContain('2 kan niet beoordelen');

      const check = await (await ib.get(`/profielen/${profileId}/controleren`)).text();
      const row = (key: string) => /data-check-status="[^"]*"[^>]*>\s*<span class="status-tag[^"]*">([^<]*)</.exec(check.slice(check.indexOf(`data-check-status="${key}"`) - 40))?.[1];
      expect(row('cijfer-zorg')).toBe('Kan niet beoordelen');
      expect(row('cijfer-aanbod')).toBe('Kan niet beoordelen');
      expect(check).not.toContain('Voldoet');

      // One check page: the old submit address leads there; the SWV reads the same page without change links or submit.
      const old = await ib.get(`/profielen/${profileId}/indienen`);
      expect(old.status).toBe(303);
      expect(old.headers.get('location')).toBe(`/profielen/${profileId}/controleren`);
      const swv = await TestClient.signedIn(testApp, testApp.demo.userIds['swv@voorbeeldstad.example']!);
      const read = await swv.get(`/profielen/${profileId}/controleren`);
      expect(read.status).toBe(200);
      const readHtml = await read.text();
      expect(readHtml).toContain('Kan niet beoordelen');
      expect(readHtml).not.toContain('check-answers__action');
      expect(readHtml).not.toContain('/indienen"');
    });

    it('reads Dutch numbers ("1.250" is 1250, refused here with how it was read; "27,5" is 27.5) and shows a decimal comma', async () => {
      let current = (await stored('fte'))!;
      const thousands = await save(ib, 'fte', '1.250', { baseRevision: current.revision, baseValue: current.value });
      expect(thousands.status).toBe(422);
      expect(((await thousands.json()) as { error: string }).error).toBe('Vul een getal in van 0 tot en met 40. U vulde 1.250 in; dat lezen wij als 1250. Gebruik een komma voor decimalen, bijvoorbeeld 1,25.');
      const english = await save(ib, 'fte', '1,250.5', { baseRevision: current.revision, baseValue: current.value });
      expect(english.status).toBe(422);
      const response = await save(ib, 'fte', '27,5', { baseRevision: current.revision, baseValue: current.value });
      expect(response.status).toBe(200);
      current = (await stored('fte'))!;
      expect(current.value).toBe(27.5);
      const html = await (await ib.get(page())).text();
      expect(formFields(html)['fte']).toBe('27,5');
      const check = await (await ib.get(`/profielen/${profileId}/controleren`)).text();
      expect(check).toContain('27,5 fte');
      expect(check).not.toContain('27.5');

      // Without JavaScript: the error summary names the question, its heading sits above the list.
      const refused = await ib.post(page(), { ...formFields(html), fte: '1,250.5' });
      expect(refused.status).toBe(400);
      const summary = await refused.text();
      expect(summary).toMatch(/id="error-summary"[^>]*>\s*<h2[^>]*>[^<]*<\/h2>\s*<ul[^>]*>\s*<li[^>]*>\s*<a class="utrecht-link" href="#[^"]*fte[^"]*">Formatie IB: Vul een getal in van 0 tot en met 40\. Schrijf een getal met een komma/);
    });

    it('forms: the no-JavaScript hint only without JavaScript, the section list collapsible, the task list with the promises', async () => {
      const html = await (await ib.get(page())).text();
      expect(html).toMatch(/<noscript>\s*<p class="utrecht-paragraph q-save-hint">/);
      expect(html).toMatch(/<nav class="q-sidenav"[^>]*>\s*<details class="q-sidenav__details">\s*<summary class="q-sidenav__summary">Alle onderdelen \(\d+ van \d+ klaar\)<\/summary>/);
      const home = await (await ib.get(`/profielen/${profileId}`)).text();
      const template = await loadTemplateDefinition(testApp.deps.db, (await findProfile(testApp.deps.db, testApp.demo.schoolIds['regenboog']!, '2026-2027'))!.templateVersionId);
      const promise = template.sections.find((section) => section.promise)!;
      expect(home).toContain(`<p class="task-list__promise">${promise.promise!.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</p>`);
    });
  });
}
