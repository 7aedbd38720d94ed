/**
 * Questionnaire templates in the app (issue 3): the editor's use cases through the real routes
 * and the use cases themselves, on PGlite and PostgreSQL; file import/export round trips.
 */
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTemplatePosterFit } from '../src/features/documents/check-template-poster-fit.js';
import { auditLog } from '../src/audit/schema.js';
import { loadPrincipal } from '../src/features/accounts/repository.js';
import { loadExampleTemplate } from '../src/features/templates/example-templates.js';
import { exportTemplate } from '../src/features/templates/export-template.js';
import { parseTemplateFile } from '../src/features/templates/format/parse-template-file.js';
import { importTemplate } from '../src/features/templates/import-template.js';
import { diffTemplateVersions } from '../src/features/templates/model/diff-versions.js';
import { carryOverCounts } from '../src/features/templates/views/pages.js';
import { publishVersion } from '../src/features/templates/publish-version.js';
import { findTemplateByKey, getTemplateVersion, latestVersion, listTemplateVersions, updateDraftDefinition } from '../src/features/templates/repository.js';
import { itemValues } from '../src/features/templates/editor/form-input.js';
import { describeNorm } from '../src/features/templates/model/answer.js';
import { listItems } from '../src/features/templates/model/template.js';
import { saveDraftEdit } from '../src/features/templates/save-draft-edit.js';
import { startNewDraft } from '../src/features/templates/start-new-draft.js';
import { uploadTemplate } from '../src/features/templates/upload-template.js';
import * as edits from '../src/features/templates/editor/edits.js';
import type { Authorized } from '../src/ui/route.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';
import { THIRD_TEMPLATE_YAML } from './templates-third.js';

const SWV_ADMIN = 'swv@voorbeeldstad.example';

for (const kind of TEST_DATABASE_KINDS) {
  describe(`questionnaire templates in the app (${kind})`, () => {
    let testApp: TestApp;
    let client: TestClient;
    let auth: Authorized;
    let base: string;
    let templateId: string;
    /** The demo's latest published version (2026-2027); the editor's draft is the next number. */
    let publishedNumber: number;

    beforeAll(async () => {
      testApp = await createTestApp(kind, { now: '2026-10-12T10:00:00+02:00' });
      const userId = testApp.demo.userIds[SWV_ADMIN]!;
      client = await TestClient.signedIn(testApp, userId);
      const principal = (await loadPrincipal(testApp.deps.db, userId))!;
      auth = { principal, permission: 'template.manage', scope: { level: 'partnership', partnershipId: testApp.demo.partnershipId } };
      base = `/swv/${testApp.demo.partnershipId}/vragenlijsten`;
      templateId = (await findTemplateByKey(testApp.deps.db, testApp.demo.partnershipId, 'zoetermeer-po'))!.id;
      publishedNumber = (await latestVersion(testApp.deps.db, templateId, 'published'))!.number;
    }, 60_000);
    afterAll(async () => testApp?.close());

    const draft = async () => (await latestVersion(testApp.deps.db, templateId, 'draft'))!;

    it('links the format documentation and the JSON Schema from the import form', async () => {
      const list = await (await client.get(base)).text();
      expect(list).toContain(`<a class="utrecht-link" href="${base}/formaat">`);
      const docs = await client.get(`${base}/formaat`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain('# Het vragenlijstbestand (template) van OpenSOP');
      const schema = await client.get(`${base}/template.schema.json`);
      expect(JSON.parse(await schema.text())).toMatchObject({ title: 'OpenSOP-vragenlijst (template)' });
    });

    it('lists the template with its published version and links it from the SWV overview', async () => {
      const overview = await client.get(`/swv/${testApp.demo.partnershipId}`);
      expect(await overview.text()).toContain(`href="${base}"`);
      const list = await client.get(base);
      expect(list.status).toBe(200);
      const html = await list.text();
      expect(html).toContain('Schoolondersteuningsprofiel SWV PO Voorbeeldstad');
      expect(html).not.toContain('Zoetermeer');
      expect(html).toContain('Gepubliceerd');
      expect(html).toContain('2026-2027');
    });

    it('warns in the cycle form when the chosen version was published for another school year', async () => {
      // Before any test publishes more: the next cycle (2027-2028) has no version of its own yet: the form proposes the 2026-2027 one.
      const html = await (await client.get(`/swv/${testApp.demo.partnershipId}/cyclus/nieuw`)).text();
      expect(html).toMatch(/is gepubliceerd voor schooljaar 2026-2027, niet voor 2027-2028/);
      const current = await (await client.get(`/swv/${testApp.demo.partnershipId}/cyclus/2026-2027/bewerken`)).text();
      expect(current).not.toContain('niet voor 2026-2027');
    });

    it('starts one new draft from the published version, and only one', async () => {
      const response = await client.post(`${base}/${templateId}/nieuwe-conceptversie`);
      expect(response.status).toBe(303);
      const created = await draft();
      expect(created.number).toBe(publishedNumber + 1);
      expect(created.definition).toEqual((await latestVersion(testApp.deps.db, templateId, 'published'))!.definition);
      const again = await client.post(`${base}/${templateId}/nieuwe-conceptversie`);
      expect(again.headers.get('location')).toContain(`/versies/${created.id}?melding=concept-bestaat`);
      expect(await listTemplateVersions(testApp.deps.db, templateId)).toHaveLength(publishedNumber + 1);
    });

    it('adds an item with a norm, checks it like a file import, and audits the change', async () => {
      const version = await draft();
      const url = `${base}/versies/${version.id}/onderdelen/belofte-1/vragen/nieuw`;
      const form = { revision: String(version.revision), key: 'aanbod-rekenen', kind: 'availability', title: 'Aanbod voor rekenen', scale: 'availability-level', normAccept: ['op-school', 'wijk'], required: 'ja', origin: 'swv', parentTextMaxLength: '250', sectionKey: 'belofte-1' };

      // The empty form is short: the key (made from the title), the texts for parents and the rarely used settings
      // are folded; the national norm is not offered for the SWV's own item.
      const empty = await (await client.get(url)).text();
      expect(empty.match(/<details class="editor-more">/g)).toHaveLength(3);
      expect(empty).toContain('Sleutel zelf kiezen (anders gemaakt uit de titel)');
      expect(empty).not.toContain('name="nationalNormLabel"');

      const invalid = await client.post(url, { ...form, key: 'Fout Sleutel', title: '' });
      expect(invalid.status).toBe(400);
      const html = await invalid.text();
      expect(html).toContain('mag niet leeg zijn');
      expect(html).toContain('een sleutel bestaat uit kleine letters');
      expect(html).toContain('value="Fout Sleutel"'); // the user's input is kept
      // A folded field with an error (or a typed value) is shown open.
      expect(html).toMatch(/<details class="editor-more" open="">\s*<summary>Sleutel zelf kiezen/);
      expect((await draft()).revision).toBe(version.revision);

      const badNorm = await client.post(url, { ...form, scale: 'development-level' });
      expect(badNorm.status).toBe(400);
      expect(await badNorm.text()).toContain('antwoordoptie &quot;op-school&quot; bestaat niet in schaal &quot;development-level&quot;');

      const saved = await client.post(url, form);
      expect(saved.status).toBe(303);
      const after = await draft();
      expect(after.revision).toBe(version.revision + 1);
      const section = after.definition.sections.find((s) => s.key === 'belofte-1')!;
      expect(section.items.at(-1)).toMatchObject({ key: 'aanbod-rekenen', norm: { accept: ['op-school', 'wijk'] }, required: true });
      const audits = await testApp.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, after.id), eq(auditLog.action, 'template.item.add')));
      expect(audits).toHaveLength(1);
    });

    it('makes a new item\'s key from its title, keeps its parent title, lets the norm words follow the options, and flags stale hand-written words before publishing', async () => {
      const start = await draft();
      const added = await client.post(`${base}/versies/${start.id}/onderdelen/belofte-1/vragen/nieuw`, {
        revision: String(start.revision), key: '', kind: 'longtext', title: 'Wat biedt de school aan begaafde leerlingen?', parentTitle: 'Wat doen wij voor kinderen die snel leren?', role: 'extraSupport', required: 'ja', origin: 'swv', parentTextMaxLength: '250', sectionKey: 'belofte-1',
      });
      expect(added.status).toBe(303);
      let version = await draft();
      expect(version.definition.sections.find((s) => s.key === 'belofte-1')!.items.at(-1)).toMatchObject({ key: 'wat-biedt-de-school-aan-begaafde-leerlingen', parentTitle: 'Wat doen wij voor kinderen die snel leren?', role: 'extraSupport' });
      // The form of an SWV item shows no national-norm block.
      const form = await (await client.get(`${base}/versies/${version.id}/vragen/wat-biedt-de-school-aan-begaafde-leerlingen`)).text();
      expect(form).toContain('name="parentTitle"');
      expect(form).not.toContain('name="nationalNormLabel"');

      // An item whose norm words are the generated ones: accepting one more option changes the words.
      const labelled = listItems(version.definition).find(({ item }) => item.norm?.label && item.norm.accept?.length === 1 && item.origin === 'swv' && describeNorm(version.definition, item, { accept: item.norm.accept }) === item.norm.label)!;
      const scale = version.definition.scales.find((candidate) => candidate.key === labelled.item.scale)!;
      const extra = scale.options.find((option) => !labelled.item.norm!.accept!.includes(option.value) && !option.notOffered)!;
      const values = itemValues(labelled.item, labelled.section.key);
      const edited = await client.post(`${base}/versies/${version.id}/vragen/${labelled.item.key}`, { ...values, revision: String(version.revision), normAccept: [...labelled.item.norm!.accept!, extra.value] });
      expect(edited.status).toBe(303);
      version = await draft();
      const after = listItems(version.definition).find(({ item }) => item.key === labelled.item.key)!.item;
      expect(after.norm?.label).toBeUndefined();
      expect(describeNorm(version.definition, after)).toContain(extra.label);

      // Hand-written words kept while the norm changed since the published version: flagged on the publish page.
      const other = listItems(version.definition).find(({ item }) => item.norm?.label && item.norm.accept?.length === 1 && item.key !== labelled.item.key)!;
      const otherExtra = version.definition.scales.find((candidate) => candidate.key === other.item.scale)!.options.find((option) => !other.item.norm!.accept!.includes(option.value) && !option.notOffered)!;
      const result = await saveDraftEdit({ db: testApp.deps.db, clock: testApp.clock, auth, versionId: version.id, revision: version.revision, edit: edits.updateItem(other.item.key, { ...other.item, norm: { ...other.item.norm, accept: [...other.item.norm!.accept!, otherExtra.value] } }, other.section.key) });
      expect(result.ok).toBe(true);
      const publish = await (await client.get(`${base}/versies/${version.id}/publiceren`)).text();
      expect(publish).toContain(`data-stale-norm-label="${other.item.key}"`);
      expect(publish).not.toContain(`data-stale-norm-label="${labelled.item.key}"`);

      // Back to the published questions for the tests that follow.
      version = await draft();
      expect(await updateDraftDefinition(testApp.deps.db, version.id, version.revision, start.definition)).toBe(true);
    });

    it('reorders items and sections, and moves an item to another section', async () => {
      let version = await draft();
      const keys = () => version.definition.sections.find((s) => s.key === 'belofte-1')!.items.map((i) => i.key);
      const before = keys();
      expect(before.at(-1)).toBe('aanbod-rekenen');
      const up = await client.post(`${base}/versies/${version.id}/vragen/aanbod-rekenen/verplaatsen`, { revision: String(version.revision), richting: 'up' });
      expect(up.status).toBe(303);
      // Back at the row that moved (the editor focuses it), not at the top of the page.
      expect(up.headers.get('location')).toBe(`${base}/versies/${version.id}/onderdelen/belofte-1?melding=verplaatst#item-aanbod-rekenen`);
      const sectionHtml = await (await client.get(`${base}/versies/${version.id}/onderdelen/belofte-1`)).text();
      expect(sectionHtml).toContain('<tr id="item-aanbod-rekenen" tabindex="-1">');
      expect(sectionHtml).toContain('/static/client/editor-focus.js');
      version = await draft();
      expect(keys().at(-2)).toBe('aanbod-rekenen');

      const sections = version.definition.sections.map((s) => s.key);
      const sectionUp = await client.post(`${base}/versies/${version.id}/onderdelen/belofte-2/verplaatsen`, { revision: String(version.revision), richting: 'up' });
      expect(sectionUp.status).toBe(303);
      expect(sectionUp.headers.get('location')).toMatch(/#section-belofte-2$/);
      version = await draft();
      expect(version.definition.sections.map((s) => s.key).slice(0, 3)).toEqual([sections[0], 'belofte-2', 'belofte-1']);

      // Move the item to belofte-3 through its edit form.
      const item = version.definition.sections.find((s) => s.key === 'belofte-1')!.items.find((i) => i.key === 'aanbod-rekenen')!;
      const moved = await client.post(`${base}/versies/${version.id}/vragen/aanbod-rekenen`, {
        revision: String(version.revision),
        kind: item.kind,
        title: item.title,
        scale: 'availability-level',
        normAccept: ['op-school'],
        required: 'ja',
        origin: 'swv',
        parentTextMaxLength: '250',
        sectionKey: 'belofte-3',
      });
      expect(moved.status).toBe(303);
      version = await draft();
      expect(version.definition.sections.find((s) => s.key === 'belofte-3')!.items.at(-1)).toMatchObject({ key: 'aanbod-rekenen', norm: { accept: ['op-school'] } });
    });

    it('refuses a stale save with a clear message and keeps the user input; nothing is lost', async () => {
      const version = await draft();
      // Someone else saves in between.
      const other = await saveDraftEdit({ db: testApp.deps.db, clock: testApp.clock, auth, versionId: version.id, revision: version.revision, edit: edits.moveSection('belofte-1', 'up') });
      expect(other.ok).toBe(true);
      const stale = await client.post(`${base}/versies/${version.id}/onderdelen/belofte-3`, { revision: String(version.revision), kind: 'promise', title: 'Mijn nieuwe titel' });
      expect(stale.status).toBe(409);
      const html = await stale.text();
      expect(html).toContain('Iemand anders heeft deze conceptversie opgeslagen');
      expect(html).toContain('value="Mijn nieuwe titel"');
      expect(html).toContain(`name="revision" value="${version.revision + 1}"`);
      const unchanged = await draft();
      expect(unchanged.definition.sections.find((s) => s.key === 'belofte-3')!.title).not.toBe('Mijn nieuwe titel');
      // The second save (re-shown form, current revision) goes through and keeps the other change.
      const retry = await client.post(`${base}/versies/${version.id}/onderdelen/belofte-3`, { revision: String(version.revision + 1), kind: 'promise', title: 'Mijn nieuwe titel' });
      expect(retry.status).toBe(303);
      const after = await draft();
      expect(after.definition.sections.find((s) => s.key === 'belofte-3')!.title).toBe('Mijn nieuwe titel');
      expect(after.definition.sections.map((s) => s.key).slice(0, 3)).toEqual(unchanged.definition.sections.map((s) => s.key).slice(0, 3));
    });

    it('edits a scale, and refuses to remove a scale that items use', async () => {
      const version = await draft();
      const scale = version.definition.scales.find((s) => s.key === 'protocol-status')!;
      const form: Record<string, string> = { revision: String(version.revision), name: 'Status van het protocol' };
      scale.options.forEach((option, index) => {
        form[`options.${index}.value`] = option.value;
        form[`options.${index}.label`] = index === 0 ? 'Wordt actief toegepast' : option.label;
      });
      expect((await client.post(`${base}/versies/${version.id}/schalen/protocol-status`, form)).status).toBe(303);
      const after = await draft();
      expect(after.definition.scales.find((s) => s.key === 'protocol-status')!.options[0]!.label).toBe('Wordt actief toegepast');

      const confirm = await client.get(`${base}/versies/${after.id}/schalen/protocol-status/verwijderen`);
      expect(await confirm.text()).toContain('wordt nog gebruikt door');
      const removal = await client.post(`${base}/versies/${after.id}/schalen/protocol-status/verwijderen`, { revision: String(after.revision), bevestigen: 'ja' });
      expect(removal.status).toBe(409);
      expect((await draft()).definition.scales.some((s) => s.key === 'protocol-status')).toBe(true);
    });

    it('copies a scale from another version or an example template, refusing a key that is taken', async () => {
      const version = await draft();
      const page = await (await client.get(`${base}/versies/${version.id}/schalen/nieuw`)).text();
      expect(page).toContain('Schaal overnemen uit…');
      expect(page).toContain('value="voorbeeld:de-eem-po|protocol-state"');
      const published = (await listTemplateVersions(testApp.deps.db, templateId)).find((v) => v.number === publishedNumber)!;
      expect(page).toContain(`value="versie:${published.id}|availability-level"`);

      // Same key as a scale the draft already has: refused, with the field named.
      const clash = await client.post(`${base}/versies/${version.id}/schalen/overnemen`, { revision: String(version.revision), bron: `versie:${published.id}|availability-level`, copyKey: '' });
      expect(clash.status).toBe(409);
      expect(await clash.text()).toContain('Deze conceptversie heeft al een schaal met sleutel &quot;availability-level&quot;');

      const copied = await client.post(`${base}/versies/${version.id}/schalen/overnemen`, { revision: String(version.revision), bron: 'voorbeeld:de-eem-po|protocol-state', copyKey: 'protocol-eem' });
      expect(copied.status).toBe(303);
      const after = await draft();
      const source = loadExampleTemplate('de-eem-po').scales.find((scale) => scale.key === 'protocol-state')!;
      expect(after.definition.scales.find((scale) => scale.key === 'protocol-eem')).toEqual({ ...source, key: 'protocol-eem' });

      // Another SWV's version is no source.
      const foreign = await client.post(`${base}/versies/${version.id}/schalen/overnemen`, { revision: String(after.revision), bron: `versie:${crypto.randomUUID()}|availability-level`, copyKey: 'x' });
      expect(foreign.status).toBe(400);
      expect(await foreign.text()).toContain('Deze schaal bestaat niet (meer)');
    });

    it('says "1 vraag", not "1 vragen"', async () => {
      const version = await draft();
      const lonely = await saveDraftEdit({ db: testApp.deps.db, clock: testApp.clock, auth, versionId: version.id, revision: version.revision, edit: edits.addSection({ key: 'een-vraag', kind: 'promise', title: 'Eén vraag' }) });
      expect(lonely.ok).toBe(true);
      const withItem = await saveDraftEdit({ db: testApp.deps.db, clock: testApp.clock, auth, versionId: version.id, revision: version.revision + 1, edit: edits.addItem('een-vraag', { key: 'enige-vraag', kind: 'yesno', title: 'Enige vraag' }) });
      expect(withItem.ok).toBe(true);
      const html = await (await client.get(`${base}/versies/${version.id}`)).text();
      expect(html).toContain('<td>1 vraag</td>');
      const after = await draft();
      expect((await saveDraftEdit({ db: testApp.deps.db, clock: testApp.clock, auth, versionId: after.id, revision: after.revision, edit: edits.removeSection('een-vraag') })).ok).toBe(true);
    });

    it('removes an item only after confirmation', async () => {
      const version = await draft();
      const confirm = await (await client.get(`${base}/versies/${version.id}/vragen/aanbod-rekenen/verwijderen`)).text();
      const title = version.definition.sections.flatMap((s) => s.items).find((i) => i.key === 'aanbod-rekenen')!.title;
      expect(confirm).toContain(`<h1 class="utrecht-heading-1">Vraag &quot;${title}&quot; verwijderen?</h1>`);
      expect((await client.post(`${base}/versies/${version.id}/vragen/aanbod-rekenen/verwijderen`, { revision: String(version.revision) })).status).toBe(303);
      expect((await draft()).revision).toBe(version.revision);
      const section = version.definition.sections.find((s) => s.items.some((i) => i.key === 'aanbod-rekenen'))!;
      const index = section.items.findIndex((i) => i.key === 'aanbod-rekenen');
      const neighbour = (section.items[index + 1] ?? section.items[index - 1])!.key;
      const removed = await client.post(`${base}/versies/${version.id}/vragen/aanbod-rekenen/verwijderen`, { revision: String(version.revision), bevestigen: 'ja' });
      expect(removed.status).toBe(303);
      expect(removed.headers.get('location')).toMatch(new RegExp(`#item-${neighbour}$`));
      const after = await draft();
      expect(after.definition.sections.flatMap((s) => s.items).some((i) => i.key === 'aanbod-rekenen')).toBe(false);
    });

    it('previews a section with the questionnaire item field', async () => {
      const version = await draft();
      const response = await client.get(`${base}/versies/${version.id}/onderdelen/belofte-1/voorbeeld`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('q-item');
      expect(html).toContain(version.definition.sections.find((s) => s.key === 'belofte-1')!.items[0]!.title);
      // Exactly the school's section page: its groups, the "Wat kan de school niet?" question, no form.
      expect(html).toContain('class="q-group"');
      const withLimits = version.definition.sections.find((s) => s.asksLimits)!;
      const limitsHtml = await (await client.get(`${base}/versies/${version.id}/onderdelen/${withLimits.key}/voorbeeld`)).text();
      expect(limitsHtml).toContain('Wat kan de school niet?');
      expect(html).toContain('q-form--preview');
      expect(html).not.toContain('data-autosave');
      expect(html).not.toMatch(/<form[^>]*action="\/profielen/);
      // No links into a profile that does not exist (the history pages were 404s, issue 16).
      expect(html).not.toContain('/geschiedenis');
      expect(limitsHtml).not.toContain('/geschiedenis');
      expect(html).toContain(`href="${base}/versies/${version.id}/onderdelen/belofte-2/voorbeeld"`);
    });

    it('previews the welcome page, with the start button leading to the first section preview', async () => {
      const version = await draft();
      const response = await client.get(`${base}/versies/${version.id}/welkom/voorbeeld`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(version.definition.welcome.title);
      for (const panel of version.definition.welcome.panels) expect(html).toContain(panel.title);
      expect(html).toContain(`href="${base}/versies/${version.id}/onderdelen/${version.definition.sections[0]!.key}/voorbeeld"`);
    });

    it('warns on the publish page when the parent poster cannot fit with the longest parent texts', async () => {
      const version = await draft();
      const fit = await checkTemplatePosterFit(version.definition);
      const html = await (await client.get(`${base}/versies/${version.id}/publiceren`)).text();
      expect(html.includes('data-poster-warning')).toBe(!fit.fits);
      // Far too many poster items: always a warning.
      const crowded = structuredClone(version.definition);
      for (const section of crowded.sections) for (const item of section.items) item.posters = { ...item.posters, parent: true };
      expect((await checkTemplatePosterFit(crowded)).fits).toBe(false);
    });

    it('publishes for a free school year only, after which the version never changes', async () => {
      const version = await draft();
      const taken = await client.post(`${base}/versies/${version.id}/publiceren`, { schoolYear: '2026-2027' });
      expect(taken.status).toBe(400);
      expect(await taken.text()).toContain(`Voor schooljaar 2026-2027 is al versie ${publishedNumber} gepubliceerd`);
      expect((await draft()).status).toBe('draft');
      // The same refusal for a reader of the English interface, in English.
      await client.post('/taal', { locale: 'en', returnTo: '/' });
      try {
        const english = await (await client.post(`${base}/versies/${version.id}/publiceren`, { schoolYear: '2026-2027' })).text();
        expect(english).toContain(`Version ${publishedNumber} has already been published for school year 2026-2027.`);
      } finally {
        await client.post('/taal', { locale: 'nl', returnTo: '/' });
      }

      expect((await client.post(`${base}/versies/${version.id}/publiceren`, { schoolYear: '2027-2028' })).status).toBe(303);
      const published = (await getTemplateVersion(testApp.deps.db, version.id))!;
      expect(published).toMatchObject({ status: 'published', schoolYear: '2027-2028' });

      // Immutable: neither the routes nor the use case change it.
      const edit = await client.post(`${base}/versies/${version.id}/onderdelen/belofte-1`, { revision: String(published.revision), kind: 'promise', title: 'Anders' });
      expect(edit.status).toBe(409);
      await expect(saveDraftEdit({ db: testApp.deps.db, clock: testApp.clock, auth, versionId: version.id, revision: published.revision, edit: edits.removeSection('belofte-1') })).rejects.toMatchObject({ code: 'invalid_state' });
      expect((await getTemplateVersion(testApp.deps.db, version.id))!.definition).toEqual(published.definition);

      // Another draft cannot take 2027-2028 either.
      const next = await startNewDraft({ db: testApp.deps.db, clock: testApp.clock, auth, templateId });
      expect(next.number).toBe(publishedNumber + 2);
      await expect(publishVersion({ db: testApp.deps.db, clock: testApp.clock, auth, versionId: next.versionId, schoolYear: '2027-2028' })).rejects.toMatchObject({ code: 'conflict' });
    });

    it('compares a version with its predecessor', async () => {
      const v1 = (await listTemplateVersions(testApp.deps.db, templateId)).find((v) => v.number === publishedNumber)!;
      const v2 = (await listTemplateVersions(testApp.deps.db, templateId)).find((v) => v.number === publishedNumber + 1)!;
      const diff = diffTemplateVersions(v1.definition, v2.definition);
      expect(diff.counts.new).toBe(0); // aanbod-rekenen was added and removed again
      expect(diff.counts.changed).toBeGreaterThan(0); // protocol items: the scale's option label changed
      const page = await client.get(`${base}/versies/${v2.id}/vergelijken`);
      const html = await page.text();
      expect(html).toContain(`Versie ${v2.number} vergeleken met versie ${v1.number}`);
      expect(html).toContain(`data-count="changed">${diff.counts.changed}<`);
      // A relabelled option: those items are open again for the school, with last year's answer beside them.
      const counts = carryOverCounts(diff);
      expect(counts.count + counts.open).toBe(diff.counts.unchanged + diff.counts.changed);
      expect(counts.open).toBeGreaterThan(0);
      expect(html).toContain(`Antwoorden op ${counts.count} vragen gaan mee naar deze versie; bij ${counts.check} daarvan`);
      expect(html).toContain(`${counts.open} gewijzigde vragen staan voor de school weer open`);
      expect(html).toContain('data-carry-over="open">Vraag staat weer open; de school ziet het antwoord van vorig jaar<');
    });

    it('imports an uploaded file as a draft, and a broken file changes nothing', async () => {
      const broken = THIRD_TEMPLATE_YAML.replace('kind: promise', 'kind: belofte').replace('scale: niveau-vo', 'scale: bestaat-niet');
      const rejected = await uploadTemplate({ db: testApp.deps.db, clock: testApp.clock, auth, fileName: 'vo.yaml', source: broken });
      expect(rejected.ok).toBe(false);
      if (!rejected.ok) {
        expect(rejected.errors.length).toBeGreaterThanOrEqual(2);
        expect(rejected.errors.every((error) => typeof error.line === 'number')).toBe(true);
      }
      expect(await findTemplateByKey(testApp.deps.db, testApp.demo.partnershipId, 'swv-vo-test')).toBeNull();

      const accepted = await uploadTemplate({ db: testApp.deps.db, clock: testApp.clock, auth, fileName: 'vo.yaml', source: THIRD_TEMPLATE_YAML });
      expect(accepted).toMatchObject({ ok: true, number: 1 });
      const twice = await uploadTemplate({ db: testApp.deps.db, clock: testApp.clock, auth, fileName: 'vo.yaml', source: THIRD_TEMPLATE_YAML });
      expect(twice.ok).toBe(false); // one draft at a time
    });

    it('round-trips every template through export and import', async () => {
      const partnershipId = testApp.other.partnershipId;
      const auditorsTemplate = parseTemplateFile(readFileSync(new URL('./templates-fixtures/third-vo-rijnmond.yaml', import.meta.url), 'utf8'));
      for (const definition of [
        loadExampleTemplate('zoetermeer-po'),
        loadExampleTemplate('de-eem-po'),
        (parseTemplateFile(THIRD_TEMPLATE_YAML) as { ok: true; template: never; warnings: never }).template,
        (auditorsTemplate as { ok: true; template: never; warnings: never }).template,
      ]) {
        await importTemplate({ db: testApp.deps.db, clock: testApp.clock, partnershipId, definition, actorUserId: null, publishForYear: '2026-2027' });
        const exported = await exportTemplate({ db: testApp.deps.db, partnershipId, key: (definition as { key: string }).key });
        expect(exported.ok).toBe(true);
        if (!exported.ok) continue;
        const reparsed = parseTemplateFile(exported.yaml);
        expect(reparsed.ok && reparsed.template).toEqual(definition);
        await importTemplate({ db: testApp.deps.db, clock: testApp.clock, partnershipId, definition: (reparsed as { ok: true; template: never; warnings: never }).template, actorUserId: null });
        const again = await exportTemplate({ db: testApp.deps.db, partnershipId, key: (definition as { key: string }).key });
        expect(again.ok && again.yaml).toBe(exported.yaml);
        expect(again.ok && again.version.number).toBe(2);
      }
    });
  });
}
