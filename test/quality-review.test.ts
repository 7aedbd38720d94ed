/**
 * Self-assessment with review checklist (IJK-instrument and Kijkwijzer, issue 15) on a real database, through the
 * app's HTTP routes: the SWV defines its standards from a file (a broken file is refused with its line) and in the
 * app; OBS De Vlinder rates itself; the SWV adviser (for board SPOV only) fills in the checklist on a visit and
 * shares it; the differences show side by side and one is resolved; the adviser gets 404 at a school of another
 * board; the SWV's and the board's views count ratings and differences per indicator.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { switchOffScopeAssertionForTests } from '../src/auth/policy.js';
import { loadPrincipal } from '../src/features/accounts/repository.js';
import { loadSchoolQualityPage } from '../src/features/quality-review/load-school-quality-page.js';
import { findAssessment, getStandards, insertAssessment, listRatings, listResolutions } from '../src/features/quality-review/repository.js';
import { saveChecklist } from '../src/features/quality-review/save-checklist.js';
import { schoolYearOf } from '../src/features/templates/school-year.js';
import { AppError } from '../src/auth/app-error.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

async function upload(t: TestApp, client: TestClient, path: string, name: string, text: string): Promise<Response> {
  const form = new FormData();
  form.append('_csrf', client.csrfToken);
  form.append('file', new File([text], name, { type: 'application/yaml' }));
  const cookie = (client as unknown as { cookies: Map<string, string> }).cookies;
  return t.app.request(`http://opensop.test${path}`, { method: 'POST', body: form, headers: { cookie: [...cookie].map(([k, v]) => `${k}=${v}`).join('; ') }, redirect: 'manual' });
}

const BROKEN_INDENT = `format: opensop-kwaliteit/1
name: Basiskwaliteit SWV Rijnmond
scale:
  - key: zwak
    label: Zwak
  - key: sterk
     label: Sterk
domains: []
`;

const MISSING_LABEL = `format: opensop-kwaliteit/1
name: Basiskwaliteit SWV Rijnmond
scale:
  - key: zwak
    label: Zwak
  - key: sterk
domains:
  - key: klimaat
    title: Schoolklimaat
    indicators:
      - key: klimaat-veiligheid
        text: De school meet de veiligheid jaarlijks.
`;

for (const kind of TEST_DATABASE_KINDS) {
  describe(`self-assessment with review checklist (${kind})`, () => {
    let app: TestApp;
    let swv: TestClient;
    let vlinder: TestClient;
    let adviser: TestClient;
    let board: TestClient;
    let vlinderId: string;
    let year: string;
    const standardsPath = () => `/swv/${app.demo.partnershipId}/kwaliteit/standaarden`;

    beforeAll(async () => {
      app = await createTestApp(kind);
      vlinderId = app.demo.schoolIds['vlinder']!;
      year = schoolYearOf(app.clock.now());
      swv = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      vlinder = await TestClient.signedIn(app, app.demo.userIds['ib@vlinder.example']!);
      adviser = await TestClient.signedIn(app, app.demo.userIds['adviseur@voorbeeldstad.example']!);
      board = await TestClient.signedIn(app, app.demo.userIds['bestuur@spov.example']!);
    });
    afterAll(async () => app?.close());

    it('refuses a broken standards file with its line number and keeps the standards as they were', async () => {
      const before = await getStandards(app.deps.db, app.demo.partnershipId);
      const indent = await upload(app, swv, `${standardsPath()}/bestand`, 'kapot.yaml', BROKEN_INDENT);
      expect(indent.status).toBe(400);
      expect(await indent.text()).toMatch(/Regel 7: /);
      const missing = await upload(app, swv, `${standardsPath()}/bestand`, 'zonder-label.yaml', MISSING_LABEL);
      expect(missing.status).toBe(400);
      const html = await missing.text();
      expect(html).toContain('Regel 6: &quot;label&quot; ontbreekt');
      expect(html).toContain('scale[1].label');
      // The demo's schools rated indicators of the example: a file without them would hide their ratings.
      const valid = MISSING_LABEL.replace('  - key: sterk\n', '  - key: sterk\n    label: Sterk\n');
      const inUse = await upload(app, swv, `${standardsPath()}/bestand`, 'ander.yaml', valid);
      expect(inUse.status).toBe(400);
      expect(await inUse.text()).toMatch(/is al door scholen beoordeeld en kan niet worden verwijderd/);
      expect((await getStandards(app.deps.db, app.demo.partnershipId))!.definition).toEqual(before!.definition);
    });

    it('exports the standards as a file that reads back in, and edits them in the app', async () => {
      const exported = await swv.get(`${standardsPath()}/bestand`);
      expect(exported.headers.get('content-type')).toContain('yaml');
      const text = await exported.text();
      expect(text).toContain('format: opensop-kwaliteit/1');
      expect(text).toContain('example: true');
      const changed = text.replace('label: Excellent', 'label: Uitstekend');
      expect((await upload(app, swv, `${standardsPath()}/bestand`, 'basiskwaliteit.yaml', changed)).status).toBe(303);
      expect((await getStandards(app.deps.db, app.demo.partnershipId))!.definition.scale.map((l) => l.label)).toEqual(['Onvoldoende', 'Voldoende', 'Goed', 'Uitstekend']);

      // In the app: the page shows the example notice and the rows; a new indicator is added to "Schoolklimaat".
      const page = await (await swv.get(standardsPath())).text();
      expect(page).toContain('Dit is een voorbeeld');
      const form = (await import('./support/form-fields.js')).postForms(page, standardsPath()).find((f) => f.action === standardsPath())!;
      const fields = form.fields as Record<string, string>;
      const domainIndex = Object.entries(fields).find(([name, value]) => /^domain_\d+_title$/.test(name) && value === 'Schoolklimaat')![0].split('_')[1];
      const emptyRow = Object.keys(fields).find((name) => new RegExp(`^ind_${domainIndex}_\\d+_text$`).test(name) && fields[name] === '')!;
      const added = await swv.post(standardsPath(), { ...fields, [emptyRow]: 'De school heeft een aanpak voor sociale media en online pesten.' });
      expect(added.status).toBe(303);
      const saved = (await getStandards(app.deps.db, app.demo.partnershipId))!.definition;
      expect(saved.example).toBeUndefined();
      expect(saved.domains.find((d) => d.key === 'schoolklimaat')!.indicators.at(-1)).toEqual({ key: 'de-school-heeft-een-aanpak', text: 'De school heeft een aanpak voor sociale media en online pesten.' });

      // Emptying an indicator that schools rated is refused with a Dutch message; the scale needs two levels.
      const used = Object.entries(fields).find(([name, value]) => name.endsWith('_key') && value === 'aanbod-kerndoelen')![0].replace('_key', '_text');
      const refused = await swv.post(standardsPath(), { ...fields, [used]: '' });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('is al door scholen beoordeeld');
      const short = await swv.post(standardsPath(), { ...fields, level_1_label: '', level_1_description: '', level_2_label: '', level_2_description: '', level_3_label: '', level_3_description: '' });
      expect(short.status).toBe(400);
      expect(await short.text()).toContain('Een beoordelingsschaal heeft minstens twee niveaus');
    });

    it('lets the school rate itself, refusing a level that is not on the scale', async () => {
      const path = `/scholen/${vlinderId}/kwaliteit/zelfevaluatie`;
      const page = await (await vlinder.get(path)).text();
      expect(page).toContain('Zelfevaluatie basiskwaliteit van OBS De Vlinder');
      const bad = await vlinder.post(path, { schoolYear: year, 'level_aanbod-kerndoelen': 'tien' });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('Kies een van de niveaus van de beoordelingsschaal');
      const ok = await vlinder.post(path, {
        schoolYear: year,
        'level_aanbod-kerndoelen': 'goed',
        'remark_aanbod-kerndoelen': 'Nieuwe rekenmethode sinds 2025; dekt alle kerndoelen.',
        'level_klimaat-veiligheid': 'goed',
        'level_didactiek-uitleg': 'voldoende',
        'level_resultaten-eindtoets': 'goed',
      });
      expect(ok.status).toBe(303);
      const self = await findAssessment(app.deps.db, vlinderId, year, 'self');
      expect((await listRatings(app.deps.db, [self!.id])).length).toBe(4);
      const audit = await app.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'quality.selfAssess'), eq(auditLog.entityId, self!.id)));
      expect(audit).toHaveLength(1);
    });

    it('lets the adviser review on a visit; the school sees it only once shared', async () => {
      const path = `/scholen/${vlinderId}/kwaliteit/kijkwijzer`;
      const page = await (await adviser.get(path)).text();
      expect(page).toContain('Zelfevaluatie van de school: Goed');
      const ratings = { 'level_aanbod-kerndoelen': 'goed', 'level_klimaat-veiligheid': 'voldoende', 'remark_klimaat-veiligheid': 'Monitor afgenomen, maar geen acties op de uitkomsten.', 'level_didactiek-uitleg': 'voldoende', 'level_resultaten-eindtoets': 'voldoende' };
      const noDate = await adviser.post(path, { schoolYear: year, ...ratings });
      expect(noDate.status).toBe(400);
      expect(await noDate.text()).toContain('Vul de datum van het schoolbezoek in.');
      expect((await adviser.post(path, { schoolYear: year, visitedOn: '2026-10-06', ...ratings })).status).toBe(303);
      const draft = await (await vlinder.get(`/scholen/${vlinderId}/kwaliteit`)).text();
      expect(draft).toContain('De bezoeker heeft de kijkwijzer nog niet gedeeld.');
      expect(draft).not.toContain('geen acties op de uitkomsten');
      // The school cannot open the reviewer's form at all.
      expect((await vlinder.get(path)).status).toBe(403);

      expect((await adviser.post(path, { schoolYear: year, visitedOn: '2026-10-06', share: '1', ...ratings })).status).toBe(303);
      const shared = await (await vlinder.get(`/scholen/${vlinderId}/kwaliteit`)).text();
      expect(shared).toContain('geen acties op de uitkomsten');
      expect(shared).toContain('Verschillen: 2; daarvan opgelost: 0, in bespreking: 0.');
      // Marked in words, not by colour alone.
      expect(shared.match(/>Verschil</g)).toHaveLength(2);
      expect(shared).toContain('>Gelijk<');
    });

    it('resolves a difference with the agreed level and a note, audited; refuses where there is none', async () => {
      const path = `/scholen/${vlinderId}/kwaliteit/verschillen`;
      const noNote = await vlinder.post(path, { schoolYear: year, indicatorKey: 'klimaat-veiligheid', agreedLevel: 'voldoende', note: '' });
      expect(noNote.status).toBe(400);
      expect(await noNote.text()).toContain('Schrijf kort op wat er is besproken of afgesproken.');
      const same = await vlinder.post(path, { schoolYear: year, indicatorKey: 'aanbod-kerndoelen', agreedLevel: 'goed', note: 'Eens.' });
      expect(same.status).toBe(400);
      expect(await same.text()).toContain('er valt niets op te lossen');
      const ok = await vlinder.post(path, { schoolYear: year, indicatorKey: 'klimaat-veiligheid', agreedLevel: 'voldoende', note: 'Eens: actieplan op de monitor volgt voor de kerstvakantie.' });
      expect(ok.status).toBe(303);
      const review = await findAssessment(app.deps.db, vlinderId, year, 'review');
      const [resolution] = await listResolutions(app.deps.db, [review!.id]);
      expect(resolution).toMatchObject({ indicatorKey: 'klimaat-veiligheid', agreedLevelKey: 'voldoende', recordedByName: 'Kees Mulder' });
      const audit = await app.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'quality.resolveDifference'), eq(auditLog.entityId, review!.id)));
      expect(audit).toHaveLength(1);
      const page = await (await adviser.get(`/scholen/${vlinderId}/kwaliteit`)).text();
      expect(page).toContain('Verschillen: 2; daarvan opgelost: 1, in bespreking: 0.');
      expect(page).toContain('Afgesproken niveau: Voldoende');
    });

    it('gives the adviser 404 at a school of another board, and leaves it out of the overview', async () => {
      const sintJozef = app.demo.schoolIds['sint-jozef']!;
      expect((await adviser.get(`/scholen/${sintJozef}/kwaliteit`)).status).toBe(404);
      expect((await adviser.get(`/scholen/${sintJozef}/kwaliteit/kijkwijzer`)).status).toBe(404);
      const post = await adviser.post(`/scholen/${sintJozef}/kwaliteit/kijkwijzer`, { schoolYear: year, visitedOn: '2026-10-06', 'level_aanbod-kerndoelen': 'goed' });
      expect(post.status).toBe(404);
      expect(await findAssessment(app.deps.db, sintJozef, year, 'review')).toBeNull();
      const overview = await (await adviser.get(`/swv/${app.demo.partnershipId}/kwaliteit`)).text();
      expect(overview).toContain('u ziet alleen die scholen');
      expect(overview).toContain('OBS De Vlinder');
      expect(overview).not.toContain('Sint Jozefschool');
    });

    it('counts ratings and differences per indicator for the SWV, filtered by board; the board sees its own schools', async () => {
      const all = await (await swv.get(`/swv/${app.demo.partnershipId}/kwaliteit`)).text();
      expect(all).toContain('Sint Jozefschool');
      // Safety: in the SWV's view De Regenboog and De Vlinder each differ on this indicator or not; the row counts schools.
      const row = (html: string, text: string) => html.slice(html.indexOf(text), html.indexOf('</tr>', html.indexOf(text)));
      const numbers = (html: string) => [...html.matchAll(/numeric">(\d+)</g)].map((m) => Number(m[1]));
      // "Het aanbod dekt de kerndoelen": school ratings Onvoldoende/Voldoende/Goed/Uitstekend, then the shared reviews, differences, resolved.
      expect(numbers(row(all, 'Het aanbod dekt de kerndoelen'))).toEqual([0, 2, 3, 0, 0, 0, 2, 0, 0, 0]);
      expect(numbers(row(all, 'De school monitort de veiligheid'))).toEqual([0, 2, 1, 0, 0, 2, 0, 0, 1, 1]);
      const linde = app.demo.boardIds['linde']!;
      const filtered = await (await swv.get(`/swv/${app.demo.partnershipId}/kwaliteit?bestuur=${linde}`)).text();
      expect(filtered).toContain('Sint Jozefschool');
      expect(filtered).not.toContain('OBS De Vlinder');
      const own = await (await board.get(`/besturen/${app.demo.boardIds['spov']}/kwaliteit`)).text();
      expect(own).toContain('OBS De Vlinder');
      expect(own).not.toContain('Sint Jozefschool');
      expect((await board.get(`/besturen/${linde}/kwaliteit`)).status).toBe(404);
    });

    it.runIf(kind === 'postgres')('the save that loses the race for the first checklist gets a conflict, and the winner’s row stays', async () => {
      // Deterministic race: another transaction has inserted the first checklist and not yet committed when this save
      // reads (it sees none) and inserts (it waits on the unique index, then finds the row taken).
      const wereldwijzerId = app.demo.schoolIds['wereldwijzer']!; // the demo has no self-assessment of De Wereldwijzer
      const principal = await loadPrincipal(app.deps.db, app.demo.userIds['swv@voorbeeldstad.example']!);
      const auth = { principal: principal!, permission: 'quality.selfAssess' as const, scope: { level: 'school', partnershipId: app.demo.partnershipId, boardId: app.demo.boardIds['linde']!, schoolId: wereldwijzerId } as const };
      expect(await findAssessment(app.deps.db, wereldwijzerId, year, 'self')).toBeFalsy();
      const winnerId = crypto.randomUUID();
      let losing: Promise<unknown> | null = null;
      await app.deps.db.transaction(async (tx) => {
        await insertAssessment(tx, { id: winnerId, partnershipId: app.demo.partnershipId, schoolId: wereldwijzerId, schoolYear: year, kind: 'self', visitedOn: null, sharedAt: null, updatedBy: principal!.userId, updatedByName: principal!.name, updatedAt: app.clock.now() });
        losing = saveChecklist({ db: app.deps.db, clock: app.clock, auth, schoolId: wereldwijzerId, kind: 'self', values: { schoolYear: year, 'level_aanbod-kerndoelen': 'goed' } }).catch((error: unknown) => error);
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      const outcome = await losing!;
      expect(outcome).toBeInstanceOf(AppError);
      expect((outcome as AppError).code).toBe('conflict');
      expect((await findAssessment(app.deps.db, wereldwijzerId, year, 'self'))!.id).toBe(winnerId);
    });

    it('has a load-bearing scope assertion on the school page', async () => {
      const principal = await loadPrincipal(app.deps.db, app.demo.userIds['swv@voorbeeldstad.example']!);
      const auth = { principal: principal!, permission: 'quality.viewSchool' as const, scope: { level: 'school', partnershipId: app.demo.partnershipId, boardId: app.demo.boardIds['spov']!, schoolId: app.demo.schoolIds['regenboog']! } as const };
      const call = () => loadSchoolQualityPage({ db: app.deps.db, clock: app.clock, auth, schoolId: app.other.schoolId, schoolYear: null });
      await expect(call()).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'not_found');
      switchOffScopeAssertionForTests('loadSchoolQualityPage');
      try {
        await expect(call()).resolves.toMatchObject({ school: { id: app.other.schoolId } });
      } finally {
        switchOffScopeAssertionForTests(null);
      }
    });
  });
}
