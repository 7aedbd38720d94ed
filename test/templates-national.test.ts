/**
 * A national item set (landelijke norm) end to end: uploaded on the draft's page, adopted into the
 * draft as national items, answered in the questionnaire with `national_norm_status` stored beside
 * `norm_status`, and carried over into the next year with both recomputed. PGlite and PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { carryOverAnswers } from '../src/features/cycle/prefill.js';
import { loadPrincipal } from '../src/features/accounts/repository.js';
import { findProfile } from '../src/features/questionnaire/profiles-repository.js';
import { answers, profiles } from '../src/features/questionnaire/schema.js';
import { findTemplateByKey, latestVersion } from '../src/features/templates/repository.js';
import { startNewDraft } from '../src/features/templates/start-new-draft.js';
import type { Authorized } from '../src/ui/route.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const SET_SOURCE = readFileSync(new URL('../templates/national/landelijke-norm-voorbeeld.yaml', import.meta.url), 'utf8');

for (const kind of TEST_DATABASE_KINDS) {
  describe(`national item sets (${kind})`, () => {
    let testApp: TestApp;
    let admin: TestClient;
    let ib: TestClient;
    let auth: Authorized;
    let templateId: string;
    let vbase: string;

    beforeAll(async () => {
      testApp = await createTestApp(kind, { now: '2026-10-12T10:00:00+02:00' });
      const userId = testApp.demo.userIds['swv@voorbeeldstad.example']!;
      admin = await TestClient.signedIn(testApp, userId);
      ib = await TestClient.signedIn(testApp, testApp.demo.userIds['ib@regenboog.example']!);
      auth = { principal: (await loadPrincipal(testApp.deps.db, userId))!, permission: 'template.manage', scope: { level: 'partnership', partnershipId: testApp.demo.partnershipId } };
      templateId = (await findTemplateByKey(testApp.deps.db, testApp.demo.partnershipId, 'zoetermeer-po'))!.id;
      const { versionId } = await startNewDraft({ db: testApp.deps.db, clock: testApp.clock, auth, templateId });
      vbase = `/swv/${testApp.demo.partnershipId}/vragenlijsten/versies/${versionId}`;
    }, 60_000);
    afterAll(async () => testApp?.close());

    /** A multipart upload with the admin's session (TestClient posts urlencoded forms only). */
    const upload = async (path: string, fields: Record<string, string>, fileName: string, content: string) => {
      const form = new FormData();
      form.append('_csrf', admin.csrfToken);
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('file', new File([content], fileName, { type: 'application/yaml' }));
      const headers = (admin as unknown as { headers(): Record<string, string> }).headers();
      return testApp.app.request(`http://opensop.test${path}`, { method: 'POST', headers, body: form, redirect: 'manual' });
    };

    it('offers the upload on the draft page, refuses a broken set with every error and changes nothing', async () => {
      const page = await (await admin.get(vbase)).text();
      expect(page).toContain('Landelijke set overnemen');
      const before = (await latestVersion(testApp.deps.db, templateId, 'draft'))!;
      const broken = SET_SOURCE.replace('nationalNorm: { equals: true }\n        parentText', 'nationalNorm: { includes: [x] }\n        parentText').replace('key: landelijk-gedrag', 'key: Landelijk Gedrag');
      const response = await upload(`${vbase}/landelijke-set`, { section: '' }, 'set.yaml', broken);
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('De landelijke set is niet overgenomen');
      expect(html).toContain('sections[0].items[1].key');
      const after = (await latestVersion(testApp.deps.db, templateId, 'draft'))!;
      expect(after.revision).toBe(before.revision);
    });

    it('adopts the set into the draft as national items, audited', async () => {
      const response = await upload(`${vbase}/landelijke-set`, { section: '' }, 'landelijke-norm-voorbeeld.yaml', SET_SOURCE);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toContain('melding=landelijke-set');
      const draft = (await latestVersion(testApp.deps.db, templateId, 'draft'))!;
      expect(draft.definition.nationalSet?.key).toBe('landelijke-norm-voorbeeld');
      const section = draft.definition.sections.find((s) => s.key === 'landelijke-norm')!;
      expect(section.items.map((item) => item.origin)).toEqual(Array(5).fill('national'));
      const audit = await testApp.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, draft.id), eq(auditLog.action, 'template.national-set.adopt')));
      expect(audit).toHaveLength(1);
      const again = await upload(`${vbase}/landelijke-set`, { section: '' }, 'landelijke-norm-voorbeeld.yaml', SET_SOURCE);
      expect(again.status).toBe(400);
      expect(await again.text()).toContain('bestaat al in onderdeel');
    });

    it('stores national_norm_status beside norm_status when a school answers, and shows the national norm', async () => {
      const draft = (await latestVersion(testApp.deps.db, templateId, 'draft'))!;
      const profile = (await findProfile(testApp.deps.db, testApp.demo.schoolIds['regenboog']!, '2026-2027'))!;
      // The school's profile answers the version with the national set (as after publishing it for a year).
      await testApp.deps.db.update(profiles).set({ templateVersionId: draft.id }).where(eq(profiles.id, profile.id));
      const url = `/profielen/${profile.id}/antwoorden`;
      const below = await ib.postJson(url, { itemKey: 'landelijk-medisch-handelen', field: 'value', value: false, baseRevision: 0 });
      expect(below.status).toBe(200);
      // The autosave answer carries the national status (live on the page) beside the SWV one (none here).
      expect(await below.json()).toMatchObject({ ok: true, normStatus: 'no-norm', nationalNormStatus: 'below' });
      const row = async (itemKey: string) =>
        (await testApp.deps.db.select().from(answers).where(and(eq(answers.profileId, profile.id), eq(answers.itemKey, itemKey))))[0]!;
      expect(await row('landelijk-medisch-handelen')).toMatchObject({ value: false, normStatus: null, nationalNormStatus: 'below' });
      const meets = await ib.postJson(url, { itemKey: 'landelijk-medisch-handelen', field: 'value', value: true, baseRevision: 1 });
      expect(meets.status).toBe(200);
      expect(await meets.json()).toMatchObject({ ok: true, nationalNormStatus: 'meets' });
      expect(await row('landelijk-medisch-handelen')).toMatchObject({ value: true, nationalNormStatus: 'meets' });

      // The section page shows the national norm and the answer's status against it.
      const page = await ib.get(`/profielen/${profile.id}/onderdelen/landelijke-norm`);
      const html = await page.text();
      expect(html).toContain('Landelijke norm: In de school');
      expect(html).toContain('Voldoet aan de landelijke norm');
    });

    it('answers every autosave with the national status, the same as the section page shows after a reload', async () => {
      const profile = (await findProfile(testApp.deps.db, testApp.demo.schoolIds['regenboog']!, '2026-2027'))!;
      const url = `/profielen/${profile.id}/antwoorden`;
      const save = async (body: Record<string, unknown>) => {
        const response = await ib.postJson(url, body);
        expect(response.status).toBe(200);
        return (await response.json()) as { nationalNormStatus: string; sectionProgress: { belowNormItemKeys: string[] } };
      };
      const below = await save({ itemKey: 'landelijk-toegankelijk', field: 'value', value: false, baseRevision: 0 });
      expect(below.nationalNormStatus).toBe('below');
      // "Vragen onder de norm" stays the SWV's norm, on first render and live alike: no national-only item there.
      expect(below.sectionProgress.belowNormItemKeys).toEqual([]);
      // An ambition (another field of the item) changes the national status too.
      const ambition = await save({ itemKey: 'landelijk-toegankelijk', field: 'ambition', value: { schoolYear: '2027-2028' }, baseRevision: 1 });
      expect(ambition.nationalNormStatus).toBe('ambition');
      const page = await (await ib.get(`/profielen/${profile.id}/onderdelen/landelijke-norm`)).text();
      const block = page.slice(page.indexOf('id="item-landelijk-toegankelijk"'));
      expect(block.slice(block.indexOf('data-national-norm-status'), block.indexOf('</p>', block.indexOf('data-national-norm-status')))).toContain('Ambitie vastgelegd');
      // The same value again writes nothing and still answers with the status.
      const again = await save({ itemKey: 'landelijk-toegankelijk', field: 'ambition', value: { schoolYear: '2027-2028' }, baseRevision: 2 });
      expect(again.nationalNormStatus).toBe('ambition');
      // Limits (no item) have no national status.
      const limitsSection = (await latestVersion(testApp.deps.db, templateId, 'draft'))!.definition.sections.find((s) => s.asksLimits);
      if (limitsSection) {
        const [stored] = await testApp.deps.db.select().from(answers).where(and(eq(answers.profileId, profile.id), eq(answers.itemKey, `limits:${limitsSection.key}`)));
        const limits = await save({ itemKey: `limits:${limitsSection.key}`, field: 'limits', value: 'Geen zwembad.', baseRevision: stored?.revision ?? 0 });
        expect(limits.nationalNormStatus).toBe('no-norm');
      }
    });

    it('carries both norms over into the next version', async () => {
      const draft = (await latestVersion(testApp.deps.db, templateId, 'draft'))!;
      const carried = carryOverAnswers(draft.definition, draft.definition, { 'landelijk-lezen-rekenen': { value: 'elders', ambition: null, parentText: null } }, {});
      expect(carried).toEqual([expect.objectContaining({ itemKey: 'landelijk-lezen-rekenen', normStatus: null, nationalNormStatus: 'below' })]);
    });
  });
}
