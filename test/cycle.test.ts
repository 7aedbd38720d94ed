/**
 * The yearly cycle end to end on a real database: one SWV (the second tenant, "Rivierenland")
 * through two school years, the transition rules (role × state × date), atomicity and reminders.
 */
import { and, count, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/auth/app-error.js';
import { loadPrincipal } from '../src/features/accounts/repository.js';
import { partnershipMessages } from '../src/features/partnerships/messages.js';
import { translator } from '../src/ui/i18n.js';
import { addSchool, addSchoolInput } from '../src/features/partnerships/add-school.js';
import { getSchool as getSchoolRow } from '../src/features/partnerships/repository.js';
import { addReviewRemark } from '../src/features/cycle/add-review-remark.js';
import { adoptProfile } from '../src/features/cycle/adopt-profile.js';
import { generateAnswer } from '../src/features/cycle/demo-answers.js';
import { openCycle, openDueCycles } from '../src/features/cycle/open-cycle.js';
import { listItemsToReview } from '../src/features/cycle/items-to-review.js';
import { loadProfileChanges } from '../src/features/cycle/profile-changes.js';
import { publishProfile } from '../src/features/cycle/publish-profile.js';
import { recordAdvice } from '../src/features/cycle/record-advice.js';
import { cycleJobs, queueDeadlineReminders } from '../src/features/cycle/reminders.js';
import { reopenProfile } from '../src/features/cycle/reopen-profile.js';
import { amsterdamDate } from '../src/features/cycle/editability.js';
import { insertCycle, listCycles, listProgressRows, listReviewRemarks, listTransitions, type CycleRow } from '../src/features/cycle/repository.js';
import { respondToReviewRemark } from '../src/features/cycle/respond-to-review-remark.js';
import { saveCycle } from '../src/features/cycle/save-cycle.js';
import { calendarDates, findCalendar } from '../src/features/cycle/calendars.js';
import { submitProfile } from '../src/features/cycle/submit-profile.js';
import type { Permission } from '../src/auth/policy.js';
import { listAnswers } from '../src/features/questionnaire/answers-repository.js';
import { findProfile, getProfile } from '../src/features/questionnaire/profiles-repository.js';
import { saveAnswer } from '../src/features/questionnaire/save-answer.js';
import { saveSection } from '../src/features/questionnaire/save-section.js';
import { profileScope } from '../src/features/questionnaire/scopes.js';
import { loadExampleTemplate } from '../src/features/templates/example-templates.js';
import { importTemplate } from '../src/features/templates/import-template.js';
import { listItems, type TemplateDefinition } from '../src/features/templates/model/template.js';
import { jobs } from '../src/jobs/schema.js';
import { auditLog } from '../src/audit/schema.js';
import type { Authorized } from '../src/ui/route.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const BASE = 'http://opensop.test';

/** This scenario follows de Eem's calendar (an SWV's choice; the default finishes before the school year starts). */
const defaultCycleDates = (schoolYear: string) => calendarDates(findCalendar('de-eem'), schoolYear);

for (const kind of TEST_DATABASE_KINDS) {
  describe(`yearly cycle (${kind})`, () => {
    let app: TestApp;
    let template: TemplateDefinition;
    const users = {} as Record<'admin' | 'board' | 'editor' | 'council', string>;
    let schoolId: string;
    let partnershipId: string;

    async function as(who: keyof typeof users, permission: Permission, profileId?: string): Promise<Authorized> {
      const principal = (await loadPrincipal(app.deps.db, users[who]))!;
      const scope = profileId ? (await profileScope(app.deps.db, profileId)).scope : { level: 'partnership' as const, partnershipId };
      return { principal, permission, scope };
    }
    const deps = () => ({ db: app.deps.db, clock: app.clock });

    async function answerAll(profileId: string, definition: TemplateDefinition, skip: string[] = []): Promise<void> {
      const auth = await as('editor', 'profile.edit', profileId);
      const stored = await listAnswers(app.deps.db, profileId);
      for (const { item } of listItems(definition)) {
        if (!item.required || skip.includes(item.key) || stored.answers[item.key]) continue;
        const result = await saveAnswer({ ...deps(), auth, profileId, itemKey: item.key, field: 'value', value: generateAnswer(definition, item, 'test').value, baseRevision: 0 });
        expect(result.kind, item.key).toBe('saved');
      }
    }

    async function refusal(promise: Promise<unknown>): Promise<AppError> {
      const error = await promise.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      return error as AppError;
    }

    beforeAll(async () => {
      app = await createTestApp(kind, { now: '2027-01-10T10:00:00+01:00' });
      partnershipId = app.other.partnershipId;
      schoolId = app.other.schoolId;
      users.admin = app.other.userIds.partnership_admin;
      users.board = app.other.userIds.board_user;
      users.editor = app.other.userIds.school_editor;
      users.council = app.other.userIds.council_member;
      template = loadExampleTemplate('zoetermeer-po');
    });
    afterAll(async () => app?.close());

    it('seeds demo data around the clock: a running cycle mid-way and an archived previous year', async () => {
      // The clock (10 January 2027) lies after the usual close date: the demo moves its dates around now.
      const db = app.deps.db;
      const demoCycles = await listCycles(db, app.demo.partnershipId);
      expect(demoCycles.map((cycle) => cycle.schoolYear)).toEqual(['2026-2027', '2025-2026']);
      const [running, archived] = demoCycles as [CycleRow, CycleRow];
      expect(running.opensOn < '2027-01-10' && '2027-01-10' < running.submitDeadline).toBe(true);
      expect(archived.closesOn < running.opensOn).toBe(true);
      const progress = await listProgressRows(db, app.demo.partnershipId, '2026-2027');
      expect(new Set(progress.map((row) => row.status))).toEqual(new Set(['not_started', 'in_progress', 'submitted', 'advised', 'adopted', 'published']));
      const previous = await listProgressRows(db, app.demo.partnershipId, '2025-2026');
      expect(previous.filter((row) => row.submittedAt && amsterdamDate(row.submittedAt) > archived.submitDeadline)).toHaveLength(1);
      const vlinder = progress.find((row) => row.schoolName === 'OBS De Vlinder')!;
      expect((await listTransitions(db, vlinder.profileId)).some((t) => t.toStatus === 'in_progress' && t.reason)).toBe(true);
      const jozef = progress.find((row) => row.schoolName === 'Sint Jozefschool')!;
      expect((await listReviewRemarks(db, jozef.profileId))[0]).toMatchObject({ response: expect.stringContaining('inspectie') });
      const [snapshots] = await db.select({ n: count() }).from(jobs).where(eq(jobs.kind, 'documents.snapshot'));
      expect(snapshots!.n).toBe(previous.length);
    });

    it('takes one SWV through two school years: open, edit, submit, advise, adopt, publish, close; prefill; diff', async () => {
      const db = app.deps.db;
      // Year one: a cycle with de Eem's dates and the published questionnaire.
      const first = await importTemplate({ ...deps(), partnershipId, definition: template, actorUserId: users.admin, publishForYear: '2027-2028' });
      await saveCycle({ ...deps(), auth: await as('admin', 'cycle.manage'), partnershipId, mode: 'create', input: { schoolYear: '2027-2028', ...defaultCycleDates('2027-2028'), templateVersionId: first.versionId } });
      const duplicate = await refusal(saveCycle({ ...deps(), auth: await as('admin', 'cycle.manage'), partnershipId, mode: 'create', input: { schoolYear: '2027-2028', ...defaultCycleDates('2027-2028'), templateVersionId: first.versionId } }));
      expect(duplicate.userMessage).toContain('Er is al een SOP-ronde voor 2027-2028');

      // Not yet open: the daily job leaves it alone; on 1 February it opens (twice is harmless).
      expect(await findProfile(db, schoolId, '2027-2028')).toBeNull();
      // The progress page lists the schools without a profile and says what opening does.
      const progressHtml = await (await (await TestClient.signedIn(app, users.admin)).get(`/swv/${partnershipId}/cyclus/2027-2028`)).text();
      expect(progressHtml).toContain('Geen SOP');
      expect(progressHtml).toContain('Dan krijgt iedere school een SOP voor 2027-2028');
      expect(progressHtml).not.toContain('Ronde nu openen');
      app.clock.set('2027-02-01T07:00:00+01:00');
      await openDueCycles(deps());
      await openDueCycles(deps());
      expect(await openCycle({ ...deps(), auth: await as('admin', 'cycle.manage'), partnershipId, schoolYear: '2027-2028' })).toEqual({ created: 0, skipped: 1 });
      const profile1 = (await findProfile(db, schoolId, '2027-2028'))!;
      expect(profile1.status).toBe('not_started');
      expect(Object.keys((await listAnswers(db, profile1.id)).answers)).toEqual([]);

      // Edit: not complete yet → submit refused with what to do.
      app.clock.set('2027-06-01T10:00:00+02:00');
      const firstRequired = listItems(template).find(({ item }) => item.required)!.item.key;
      await answerAll(profile1.id, template, [firstRequired]);
      const incomplete = await refusal(submitProfile({ ...deps(), auth: await as('editor', 'profile.submit', profile1.id), profileId: profile1.id, baseUrl: BASE }));
      expect(incomplete.code).toBe('invalid_state');
      expect(incomplete.userMessage).toContain('1 verplichte vraag is nog niet ingevuld');
      await answerAll(profile1.id, template);

      // Submit, advise, adopt, publish.
      app.clock.set('2027-10-01T10:00:00+02:00');
      expect(await submitProfile({ ...deps(), auth: await as('editor', 'profile.submit', profile1.id), profileId: profile1.id, baseUrl: BASE })).toEqual({ late: false });
      const [snapshots] = await db.select({ n: count() }).from(jobs).where(and(eq(jobs.kind, 'documents.snapshot'), sql`${jobs.payload}->>'profileId' = ${profile1.id}`));
      expect(snapshots!.n).toBe(1);
      const mailSubjects = async (pattern: string) =>
        (await db.select().from(jobs).where(and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'subject' like ${pattern}`))).map((job) => (job.payload as { to: string }).to);
      // Submission tells the council; the board hears it can adopt only once the council has given its say.
      expect(await mailSubjects('Het SOP 2027-2028 van % is ingediend')).toHaveLength(1);

      // The council's say over HTTP: which it was and its outcome; withheld consent needs the council's words.
      const councilClient = await TestClient.signedIn(app, users.council);
      const noOutcome = await councilClient.post(`/profielen/${profile1.id}/advies`, { adviceDate: '2027-10-01', adviceText: 'Akkoord.' });
      expect(noOutcome.status).toBe(400);
      expect(await noOutcome.text()).toContain('Kies of de MR advies gaf of instemde, en met welke uitkomst.');
      const noWords = await councilClient.post(`/profielen/${profile1.id}/advies`, { adviceDate: '2027-10-01', outcome: 'instemming-onthouden' });
      expect(noWords.status).toBe(400);
      expect(await noWords.text()).toContain('Vul de toelichting van de MR in');
      expect((await getProfile(db, profile1.id))!.status).toBe('submitted');
      expect(await mailSubjects('De MR heeft zich uitgesproken over het SOP 2027-2028%')).toHaveLength(0);
      const said = await councilClient.post(`/profielen/${profile1.id}/advies`, {
        adviceDate: '2027-10-01',
        outcome: 'instemming-onthouden',
        adviceText: 'De oudergeleding mist de grenzen van de ondersteuning in de schoolgids.',
      });
      expect(said.status).toBe(303);
      expect(await getProfile(db, profile1.id)).toMatchObject({ status: 'advised', councilSay: 'consent', councilOutcome: 'withheld' });
      expect(await mailSubjects('De MR heeft zich uitgesproken over het SOP 2027-2028%')).toHaveLength(1);
      // The board sees the council's say and is warned; adopting takes an explicit confirmation.
      const boardClient = await TestClient.signedIn(app, users.board);
      const boardPage = await (await boardClient.get(`/profielen/${profile1.id}/cyclus`)).text();
      expect(boardPage).toContain('Oordeel van de MR: Instemming van de oudergeleding onthouden (schoolgids)');
      // Who submitted it, by name (a school editor, not one of the SWV's own users).
      expect(boardPage).toContain('Ingediend op 1 oktober 2027 door Rivier school_editor');
      expect(boardPage).toContain('De MR gaf een negatief advies of onthield haar instemming.');
      const unconfirmed = await refusal(adoptProfile({ ...deps(), auth: await as('board', 'profile.adopt', profile1.id), profileId: profile1.id, input: { adoptedOn: '2027-10-01', adoptedByName: 'R. Rivier' } }));
      expect(unconfirmed.details).toMatchObject({ field: 'confirmWarnings', warnings: ['negative'] });
      await adoptProfile({ ...deps(), auth: await as('board', 'profile.adopt', profile1.id), profileId: profile1.id, input: { adoptedOn: '2027-10-01', adoptedByName: 'R. Rivier', confirmWarnings: true } });
      await publishProfile({ ...deps(), auth: await as('editor', 'profile.publish', profile1.id), profileId: profile1.id });
      const published = (await getProfile(db, profile1.id))!;
      expect(published).toMatchObject({ status: 'published', adviceText: 'De oudergeleding mist de grenzen van de ondersteuning in de schoolgids.', adoptedByName: 'R. Rivier' });
      expect((await listTransitions(db, profile1.id)).map((t) => t.toStatus).slice(-4)).toEqual(['submitted', 'advised', 'adopted', 'published']);

      // Closed: nothing moves any more.
      app.clock.set('2027-12-24T09:00:00+01:00');
      const closed = await refusal(addReviewRemark({ ...deps(), auth: await as('admin', 'profile.review', profile1.id), profileId: profile1.id, input: { body: 'Klopt dit?' }, baseUrl: BASE }));
      expect(closed.userMessage).toContain('De SOP-ronde 2027-2028 is gesloten sinds 24 december 2027');

      // Year two: a new template version — one item changed, one added, one removed.
      const next = structuredClone(template);
      const changed = listItems(next).find(({ item }) => item.kind === 'development')!.item;
      // A reworded question: last year's answer carried over, marked "Gewijzigd – controleer uw antwoord", confirmed with one click.
      changed.title = `${changed.title} (nieuw geformuleerd)`;
      // A wider text limit (what can be answered changed): left open, marked, with last year's answer beside it.
      const widened = listItems(next).find(({ item }) => item.required && item.kind === 'longtext' && item.key !== changed.key)!.item;
      widened.maxLength = 6000;
      const { section: promise, item: removed } = listItems(next).find(({ item }) => item.kind === 'protocol' || item.kind === 'availability')!;
      promise.items = promise.items.filter((i) => i.key !== removed.key);
      const yesno = listItems(next).find(({ item }) => item.kind === 'yesno')!.item;
      promise.items.push({ ...yesno, key: 'nieuwe-vraag-2028', title: 'Heeft de school een nieuw aanbod?', required: true });
      const unchanged = listItems(next).find(({ item }) => item.required && item.key !== changed.key && item.key !== 'nieuwe-vraag-2028' && item.kind === 'yesno')!.item;
      const second = await importTemplate({ ...deps(), partnershipId, definition: next, actorUserId: users.admin, publishForYear: '2028-2029' });
      await saveCycle({ ...deps(), auth: await as('admin', 'cycle.manage'), partnershipId, mode: 'create', input: { schoolYear: '2028-2029', ...defaultCycleDates('2028-2029'), templateVersionId: second.versionId } });
      app.clock.set('2028-02-01T10:00:00+01:00');
      expect(await openCycle({ ...deps(), auth: await as('admin', 'cycle.manage'), partnershipId, schoolYear: '2028-2029' })).toEqual({ created: 1, skipped: 0 });
      const profile2 = (await findProfile(db, schoolId, '2028-2029'))!;
      // Prefilled but not touched: "not started" says where the answers came from, instead of contradicting itself.
      expect(profile2.status).toBe('not_started');
      const progress2 = await (await (await TestClient.signedIn(app, users.admin)).get(`/swv/${partnershipId}/cyclus/2028-2029`)).text();
      expect(progress2).toMatch(/\d+ van \d+ vragen overgenomen van vorig jaar/);
      const home2 = await (await (await TestClient.signedIn(app, users.editor)).get(`/profielen/${profile2.id}`)).text();
      expect(home2).toMatch(/\d+ van \d+ verplichte vragen overgenomen van vorig jaar/);
      const carried = (await listAnswers(db, profile2.id)).answers;
      const previousAnswers = (await listAnswers(db, profile1.id)).answers;
      expect(carried[unchanged.key]).toMatchObject({ value: previousAnswers[unchanged.key]!.value, carriedOver: true, revision: 1 });
      expect(carried[changed.key]).toMatchObject({ value: previousAnswers[changed.key]!.value, carriedOver: true });
      expect(carried[widened.key]).toBeUndefined();
      expect(carried['nieuwe-vraag-2028']).toBeUndefined();
      expect(carried[removed.key]).toBeUndefined();
      // The earlier year is untouched.
      expect((await getProfile(db, profile1.id))!.status).toBe('published');

      // New and changed items are marked for the school: in the data, on the section page and on the task list.
      const { marks, previousAnswers: previousWords } = await listItemsToReview(db, profile2);
      expect(previousWords[widened.key]).toBeTruthy();
      expect(marks).toMatchObject({ [changed.key]: 'changed', [widened.key]: 'changed', 'nieuwe-vraag-2028': 'new' });
      expect(marks[unchanged.key]).toBeUndefined();
      expect(Object.keys((await listItemsToReview(db, profile1)).marks)).toEqual([]);
      const editorClient = await TestClient.signedIn(app, users.editor);
      const sectionPage = await (await editorClient.get(`/profielen/${profile2.id}/onderdelen/${promise.key}`)).text();
      const itemHtml = (key: string) => sectionPage.slice(sectionPage.indexOf(`id="item-${key}"`), sectionPage.indexOf(`id="item-${key}"`) + 600);
      expect(itemHtml('nieuwe-vraag-2028')).toContain('>Nieuw<');
      expect(itemHtml(unchanged.key)).not.toContain('Nieuw<');
      const changedSection = listItems(next).find(({ item }) => item.key === changed.key)!.section.key;
      const changedPage = await (await editorClient.get(`/profielen/${profile2.id}/onderdelen/${changedSection}`)).text();
      expect(changedPage).toContain('Gewijzigd – controleer uw antwoord');
      expect(changedPage).toContain(`form="bevestig-${changed.key}"`);
      expect(changedPage).toContain(`action="/profielen/${profile2.id}/antwoorden/${changed.key}/bevestigen"`);
      const widenedSection = listItems(next).find(({ item }) => item.key === widened.key)!.section.key;
      const widenedPage = await (await editorClient.get(`/profielen/${profile2.id}/onderdelen/${widenedSection}`)).text();
      expect(widenedPage).toContain(`Vorig jaar antwoordde de school: ${previousWords[widened.key]}.`);
      expect(widenedPage).not.toContain(`form="bevestig-${widened.key}"`);
      const home = await (await editorClient.get(`/profielen/${profile2.id}`)).text();
      expect(home).toMatch(/\d+ nieuw of gewijzigd/);

      // The school changes one answer; the diff shows it, the new and the removed item.
      const edit = await as('editor', 'profile.edit', profile2.id);
      const flipped = !(previousAnswers[unchanged.key]!.value as boolean);
      expect((await saveAnswer({ ...deps(), auth: edit, profileId: profile2.id, itemKey: unchanged.key, field: 'value', value: flipped, baseRevision: 1 })).kind).toBe('saved');
      const changes = await loadProfileChanges(db, (await getProfile(db, profile2.id))!);
      expect(changes.previousYear).toBe('2027-2028');
      const byKey = new Map(changes.rows.map((row) => [row.key, row]));
      expect(byKey.get(unchanged.key)).toMatchObject({ changed: true, previous: flipped ? 'Nee' : 'Ja', current: flipped ? 'Ja' : 'Nee' });
      expect(byKey.get('nieuwe-vraag-2028')).toMatchObject({ previous: null, changed: true });
      expect(byKey.get(removed.key)).toMatchObject({ current: null, changed: true });
      const untouched = listItems(next).find(({ item }) => item.key !== unchanged.key && carried[item.key])!.item.key;
      expect(byKey.get(untouched)!.changed).toBe(false);

      // One click confirms the reworded question's answer: its mark is gone, the answer unchanged, the click audited.
      const confirm = await editorClient.post(`/profielen/${profile2.id}/antwoorden/${changed.key}/bevestigen`);
      expect(confirm.status).toBe(303);
      expect(confirm.headers.get('location')).toBe(`/profielen/${profile2.id}/onderdelen/${changedSection}?opgeslagen=1#item-${changed.key}`);
      const reviewed = await (await editorClient.get(`/profielen/${profile2.id}/onderdelen/${changedSection}`)).text();
      expect(reviewed).not.toContain(`form="bevestig-${changed.key}"`);
      expect((await listItemsToReview(db, profile2)).marks[changed.key]).toBe('changed');
      expect((await listAnswers(db, profile2.id)).answers[changed.key]).toMatchObject({ value: previousAnswers[changed.key]!.value, carriedOver: false, revision: 1 });
      const [confirmAudit] = await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, 'answer.confirmCarriedOver'), eq(auditLog.entityId, `${profile2.id}:${changed.key}`)));
      expect(confirmAudit!.n).toBe(1);
      // A second click has nothing left to confirm; an item that was never carried over cannot be confirmed.
      expect((await editorClient.post(`/profielen/${profile2.id}/antwoorden/${changed.key}/bevestigen`)).status).toBe(303);
      expect((await editorClient.post(`/profielen/${profile2.id}/antwoorden/${unchanged.key}/bevestigen`)).status).toBe(400);
      // Once the school answers the question left open, its mark is gone too.
      expect((await saveAnswer({ ...deps(), auth: edit, profileId: profile2.id, itemKey: widened.key, field: 'value', value: previousAnswers[widened.key]!.value, baseRevision: 0 })).kind).toBe('saved');
      expect(await (await editorClient.get(`/profielen/${profile2.id}/onderdelen/${widenedSection}`)).text()).not.toContain('Vorig jaar antwoordde de school');
    });

    describe('transition rules', () => {
      let profileId: string;
      let versionId: string;
      beforeAll(async () => {
        // A fresh school year for the rules: 2029-2030, opened and completely answered.
        app.clock.set('2029-01-05T10:00:00+01:00');
        const version = await importTemplate({ ...deps(), partnershipId, definition: template, actorUserId: users.admin, publishForYear: '2029-2030' });
        versionId = version.versionId;
        await saveCycle({ ...deps(), auth: await as('admin', 'cycle.manage'), partnershipId, mode: 'create', input: { schoolYear: '2029-2030', ...defaultCycleDates('2029-2030'), templateVersionId: version.versionId } });
        // Before the open date: opening refused.
        const early = await refusal(openCycle({ ...deps(), auth: await as('admin', 'cycle.manage'), partnershipId, schoolYear: '2029-2030' }));
        expect(early.userMessage).toContain('dat gebeurt op 1 februari 2029');
        app.clock.set('2029-03-01T10:00:00+01:00');
        await openCycle({ ...deps(), auth: await as('admin', 'cycle.manage'), partnershipId, schoolYear: '2029-2030' });
        profileId = (await findProfile(app.deps.db, schoolId, '2029-2030'))!.id;
      });

      it('refuses each transition to the wrong role, in the wrong state, and says why', async () => {
        const p = () => ({ ...deps(), profileId });
        const status = async () => (await getProfile(app.deps.db, profileId))!.status;
        // Wrong state: nothing submitted yet.
        for (const [run, text] of [
          [async () => recordAdvice({ ...p(), auth: await as('editor', 'profile.recordAdvice', profileId), input: { adviceDate: '2029-03-01', adviceText: 'x', say: 'advice', outcome: 'positive' }, baseUrl: BASE }), 'kan alleen worden vastgelegd als de school het SOP heeft ingediend'],
          [async () => adoptProfile({ ...p(), auth: await as('board', 'profile.adopt', profileId), input: { adoptedOn: '2029-03-01', adoptedByName: 'R. Rivier' } }), 'pas vaststellen'],
          [async () => publishProfile({ ...p(), auth: await as('editor', 'profile.publish', profileId) }), 'pas worden gepubliceerd'],
          [async () => reopenProfile({ ...p(), auth: await as('admin', 'profile.reopen', profileId), input: { reason: 'Graag aanpassen' }, baseUrl: BASE }), 'kan worden heropend'],
          [async () => addReviewRemark({ ...p(), auth: await as('admin', 'profile.review', profileId), input: { body: 'Klopt dit?' }, baseUrl: BASE }), 'pas worden geplaatst'],
        ] as const) {
          const error = await refusal(run());
          expect(error.code).toBe('invalid_state');
          expect(error.userMessage).toContain(text);
        }
        // Wrong role for submit: board, council (403 with who can), admin.
        await answerAll(profileId, template);
        for (const who of ['board', 'admin'] as const) {
          const error = await refusal(submitProfile({ ...p(), auth: await as(who, 'profile.submit', profileId), baseUrl: BASE }));
          expect(error.code).toBe('forbidden');
          expect(error.userMessage).toContain('Alleen het schoolteam');
        }
        // An outsider (another SWV's admin) learns nothing.
        const outsider: Authorized = { principal: (await loadPrincipal(app.deps.db, app.demo.userIds['swv@voorbeeldstad.example']!))!, permission: 'profile.submit', scope: { level: 'platform' } };
        expect((await refusal(submitProfile({ ...p(), auth: outsider, baseUrl: BASE }))).code).toBe('not_found');

        // After the deadline: refused, unless the SWV allows late submission for this cycle (then marked late).
        app.clock.set('2029-11-05T10:00:00+01:00');
        const tooLate = await refusal(submitProfile({ ...p(), auth: await as('editor', 'profile.submit', profileId), baseUrl: BASE }));
        expect(tooLate.userMessage).toBe('De uiterste indiendatum was 1 november 2029; vraag het samenwerkingsverband de datum te verschuiven.');
        await saveCycle({ ...deps(), auth: await as('admin', 'cycle.manage'), partnershipId, mode: 'update', input: { schoolYear: '2029-2030', ...defaultCycleDates('2029-2030'), templateVersionId: versionId, allowLateSubmission: true } });
        expect(await submitProfile({ ...p(), auth: await as('editor', 'profile.submit', profileId), baseUrl: BASE })).toEqual({ late: true });
        expect((await refusal(submitProfile({ ...p(), auth: await as('editor', 'profile.submit', profileId), baseUrl: BASE }))).userMessage).toContain('al ingediend');
        // Submitted: the school can no longer save answers, one by one (autosave) or per section.
        const { section: firstSection, item: firstItem } = listItems(template).find(({ item }) => item.kind === 'yesno')!;
        const saveOne = async () => saveAnswer({ ...p(), auth: await as('editor', 'profile.edit', profileId), itemKey: firstItem.key, field: 'value', value: true, baseRevision: 1 });
        const saveWhole = async () => saveSection({ ...p(), auth: await as('editor', 'profile.edit', profileId), sectionKey: firstSection.key, form: { [firstItem.key]: 'ja' } });
        for (const save of [saveOne, saveWhole]) {
          const error = await refusal(save());
          expect(error.code).toBe('invalid_state');
          expect(error.userMessage).toContain('ingediend en daarmee definitief');
        }
        for (const [who, run, text] of [
          ['board', async () => recordAdvice({ ...p(), auth: await as('board', 'profile.recordAdvice', profileId), input: { adviceDate: '2029-11-05', adviceText: 'x', say: 'advice', outcome: 'positive' }, baseUrl: BASE }), 'Alleen de MR'],
          ['editor', async () => adoptProfile({ ...p(), auth: await as('editor', 'profile.adopt', profileId), input: { adoptedOn: '2029-11-05', adoptedByName: 'X Y' } }), 'Alleen het schoolbestuur'],
          ['editor', async () => reopenProfile({ ...p(), auth: await as('editor', 'profile.reopen', profileId), input: { reason: 'Graag aanpassen' }, baseUrl: BASE }), 'Alleen het samenwerkingsverband'],
          ['council', async () => addReviewRemark({ ...p(), auth: await as('council', 'profile.review', profileId), input: { body: 'x' }, baseUrl: BASE }), 'Alleen het samenwerkingsverband'],
        ] as const) {
          const error = await refusal(run());
          expect(error.code, who).toBe('forbidden');
          expect(error.userMessage).toContain(text);
        }
        // Over HTTP the route's 403 says who can do it, not the generic text.
        const councilClient = await TestClient.signedIn(app, users.council);
        const forbiddenAdopt = await councilClient.post(`/profielen/${profileId}/vaststellen`, { adoptedOn: '2029-11-05', adoptedByName: 'X Y' });
        expect(forbiddenAdopt.status).toBe(403);
        expect(await forbiddenAdopt.text()).toContain('Alleen het schoolbestuur van deze school kan het SOP vaststellen.');
        const forbiddenReopen = await (await TestClient.signedIn(app, users.editor)).post(`/profielen/${profileId}/heropenen`, { reason: 'Graag aanpassen' });
        expect(forbiddenReopen.status).toBe(403);
        expect(await forbiddenReopen.text()).toContain('Alleen het samenwerkingsverband kan een ingediend SOP heropenen.');
        // A future advice date is refused.
        expect((await refusal(recordAdvice({ ...p(), auth: await as('council', 'profile.recordAdvice', profileId), input: { adviceDate: '2030-01-01', adviceText: 'x', say: 'advice', outcome: 'positive' }, baseUrl: BASE }))).code).toBe('invalid_input');

        // Review remarks: the SWV remarks, the school answers.
        const mailsAbout = async (subject: string) =>
          (await app.deps.db.select().from(jobs).where(and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'subject' like ${`%${subject}%`}`))).map((m) => m.payload as { to: string; text: string });
        const remarkId = await addReviewRemark({ ...p(), auth: await as('admin', 'profile.review', profileId), input: { body: 'Past "ver ontwikkeld" bij deze school?' }, baseUrl: BASE });
        // The school's editors are e-mailed, and the profile home counts the open remark with a link.
        const remarkMails = await mailsAbout('Opmerking van het samenwerkingsverband');
        expect(remarkMails).toHaveLength(1);
        expect(remarkMails[0]!.text).toContain('Past "ver ontwikkeld" bij deze school?');
        const editorHome = async () => (await (await TestClient.signedIn(app, users.editor)).get(`/profielen/${profileId}`)).text();
        expect(await editorHome()).toContain('heeft 1 opmerking bij dit SOP die op uw antwoord wacht');
        await respondToReviewRemark({ ...p(), auth: await as('editor', 'profile.respondToReview', profileId), input: { remarkId, response: 'Ja, zie het inspectierapport.' }, baseUrl: BASE });
        // The remark's author hears the answer; the count is gone.
        const answerMails = await mailsAbout('heeft geantwoord op uw opmerking');
        expect(answerMails).toHaveLength(1);
        expect(answerMails[0]!.text).toContain('Ja, zie het inspectierapport.');
        expect(await editorHome()).not.toContain('opmerking bij dit SOP');

        // Reopen with a reason: in progress again, the school is e-mailed.
        await reopenProfile({ ...p(), auth: await as('admin', 'profile.reopen', profileId), input: { reason: 'Belofte 2 graag aanvullen.' }, baseUrl: BASE });
        expect(await status()).toBe('in_progress');
        const mails = await app.deps.db.select().from(jobs).where(and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'subject' like '%heropend%'`));
        expect(mails.map((m) => (m.payload as { text: string }).text).join()).toContain('Belofte 2 graag aanvullen.');
        // The council and the board hear it too (their advice and adoption lapse).
        const lapsedMails = mails.filter((m) => (m.payload as { text: string }).text.includes('Er was nog geen advies of vaststelling vastgelegd.'));
        expect(lapsedMails.length).toBe(2);

        // Closed: everything refused with the close date.
        app.clock.set('2029-12-24T10:00:00+01:00');
        const error = await refusal(submitProfile({ ...p(), auth: await as('editor', 'profile.submit', profileId), baseUrl: BASE }));
        expect(error.userMessage).toContain('gesloten sinds 24 december 2029');
        // Closed (the profile is in progress again after the reopen): no saving either.
        expect((await getProfile(app.deps.db, profileId))!.status).toBe('in_progress');
        for (const save of [saveOne, saveWhole]) {
          const closedError = await refusal(save());
          expect(closedError.code).toBe('invalid_state');
          expect(closedError.userMessage).toContain('gesloten sinds 24 december 2029');
        }
      });

      it('is atomic: a failure halfway (the audit insert) leaves the old state', async () => {
        app.clock.set('2029-06-01T10:00:00+02:00');
        await app.deps.db.execute(sql`create or replace function fail_profile_audit() returns trigger language plpgsql as $$ begin raise exception 'audit kapot'; end $$`);
        await app.deps.db.execute(sql`create trigger fail_profile_audit before insert on audit_log for each row when (new.action = 'profile.submit') execute function fail_profile_audit()`);
        try {
          const before = (await getProfile(app.deps.db, profileId))!;
          const transitionsBefore = (await listTransitions(app.deps.db, profileId)).length;
          await expect(submitProfile({ ...deps(), auth: await as('editor', 'profile.submit', profileId), profileId, baseUrl: BASE })).rejects.toThrow(/audit_log/);
          const after = (await getProfile(app.deps.db, profileId))!;
          expect(after.status).toBe(before.status);
          expect(after.submittedAt).toBeNull();
          expect((await listTransitions(app.deps.db, profileId)).length).toBe(transitionsBefore);
        } finally {
          await app.deps.db.execute(sql`drop trigger fail_profile_audit on audit_log`);
        }
      });

      // PostgreSQL only: PGlite has one connection, so two transactions cannot overlap there.
      it.skipIf(kind !== 'postgres')('submit locks the profile before the completeness check: an autosave in flight finishes first', async () => {
        app.clock.set('2029-06-01T10:00:00+02:00');
        expect((await getProfile(app.deps.db, profileId))!.status).toBe('in_progress');
        const required = listItems(template).find(({ item }) => item.required)!.item.key;
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        let locked!: () => void;
        const lockTaken = new Promise<void>((resolve) => (locked = resolve));
        // An autosave holds the profile row (FOR SHARE, as its status check does) and empties a required answer.
        const autosave = app.deps.db.transaction(async (tx) => {
          await tx.execute(sql`select id from profiles where id = ${profileId} for share`);
          locked();
          await released;
          await tx.execute(sql`delete from answers where profile_id = ${profileId} and item_key = ${required}`);
        });
        await lockTaken;
        let settled = false;
        const submit = submitProfile({ ...deps(), auth: await as('editor', 'profile.submit', profileId), profileId, baseUrl: BASE }).finally(() => {
          settled = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(settled).toBe(false);
        release();
        await autosave;
        // The submit saw the autosave's result: incomplete, so refused; nothing final with an empty answer.
        expect((await refusal(submit)).userMessage).toContain('1 verplichte vraag is nog niet ingevuld');
        expect((await getProfile(app.deps.db, profileId))!.status).toBe('in_progress');
        await answerAll(profileId, template);
      });

      it('queues each reminder once per cycle, threshold, school and editor: a skipped day still sends, a moved deadline does not resend', async () => {
        const reminders = async () => (await app.deps.db.select({ n: count() }).from(jobs).where(like(jobs.dedupeKey, 'cycle.reminder:%')))[0]!.n;
        const start = await reminders();
        app.clock.set('2029-10-15T08:00:00+02:00'); // 17 days before: nothing yet
        expect(await queueDeadlineReminders({ ...deps(), baseUrl: BASE })).toBe(0);
        app.clock.set('2029-10-20T08:00:00+02:00'); // 12 days before: the job missed day −14, the 14-day reminder still goes
        expect(await queueDeadlineReminders({ ...deps(), baseUrl: BASE })).toBe(1);
        // A second process (or a second run, or the next day) queues nothing more.
        expect(await queueDeadlineReminders({ ...deps(), baseUrl: BASE })).toBe(0);
        app.clock.set('2029-10-21T08:00:00+02:00');
        expect(await queueDeadlineReminders({ ...deps(), baseUrl: BASE })).toBe(0);
        // The SWV moves the deadline two days: 14 days before the new one, nothing is sent again.
        await saveCycle({ ...deps(), auth: await as('admin', 'cycle.manage'), partnershipId, mode: 'update', input: { schoolYear: '2029-2030', ...defaultCycleDates('2029-2030'), submitDeadline: '2029-11-03', templateVersionId: versionId } });
        app.clock.set('2029-10-20T08:00:00+02:00');
        expect(await queueDeadlineReminders({ ...deps(), baseUrl: BASE })).toBe(0);
        app.clock.set('2029-11-01T08:00:00+01:00'); // 2 days before the new deadline: the 3-day reminder, once
        expect(await queueDeadlineReminders({ ...deps(), baseUrl: BASE })).toBe(1);
        app.clock.set('2029-11-02T08:00:00+01:00');
        expect(await queueDeadlineReminders({ ...deps(), baseUrl: BASE })).toBe(0);
        app.clock.set('2029-11-04T08:00:00+01:00'); // after the deadline: none
        expect(await queueDeadlineReminders({ ...deps(), baseUrl: BASE })).toBe(0);
        expect(await reminders()).toBe(start + 2);
        await saveCycle({ ...deps(), auth: await as('admin', 'cycle.manage'), partnershipId, mode: 'update', input: { schoolYear: '2029-2030', ...defaultCycleDates('2029-2030'), templateVersionId: versionId } });
      });

      it('schedules the next daily check even when opening cycles fails', async () => {
        app.clock.set('2029-05-10T08:00:00+02:00');
        const daily = cycleJobs(app.deps).find((job) => job.kind === 'cycle.daily')!;
        // A cycle due to open whose opening fails (a broken profile insert).
        await insertCycle(app.deps.db, { id: crypto.randomUUID(), partnershipId: app.demo.partnershipId, schoolYear: '2031-2032', opensOn: '2029-05-01', submitDeadline: '2031-11-01', closesOn: '2031-12-24', templateVersionId: (await listCycles(app.deps.db, app.demo.partnershipId))[0]!.templateVersionId, createdAt: app.clock.now() });
        await app.deps.db.execute(sql`create or replace function fail_profile_insert() returns trigger language plpgsql as $$ begin raise exception 'profiel kapot'; end $$`);
        await app.deps.db.execute(sql`create trigger fail_profile_insert before insert on profiles for each row execute function fail_profile_insert()`);
        try {
          await expect(daily.run({ date: '2029-05-10' }, { jobId: 'test', reportProgress: async () => {} })).rejects.toThrow();
          const [next] = await app.deps.db.select().from(jobs).where(eq(jobs.dedupeKey, 'cycle.daily:2029-05-11'));
          expect(next).toBeDefined();
        } finally {
          await app.deps.db.execute(sql`drop trigger fail_profile_insert on profiles`);
          await app.deps.db.execute(sql`delete from cycles where school_year = '2031-2032'`);
        }
      });

      it('refuses cycle settings that change a closed year, close an opened year today, or overlap', async () => {
        app.clock.set('2029-10-29T08:00:00+01:00');
        const auth = await as('admin', 'cycle.manage');
        const update = (schoolYear: string, changes: Partial<ReturnType<typeof defaultCycleDates>> = {}) =>
          saveCycle({ ...deps(), auth, partnershipId, mode: 'update', input: { schoolYear, ...defaultCycleDates(schoolYear), ...changes, templateVersionId: versionId } });
        const closed = await refusal(update('2027-2028'));
        expect(closed.code).toBe('invalid_state');
        expect(closed.userMessage).toContain('De SOP-ronde 2027-2028 is gesloten sinds 24 december 2027 en kan niet meer worden gewijzigd');
        const closeToday = await refusal(update('2029-2030', { closesOn: '2029-10-29', submitDeadline: '2029-10-01' }));
        expect(closeToday.code).toBe('invalid_input');
        expect(closeToday.details).toMatchObject({ field: 'closesOn' });
        const overlap = await refusal(
          saveCycle({ ...deps(), auth, partnershipId, mode: 'create', input: { schoolYear: '2030-2031', opensOn: '2029-12-01', submitDeadline: '2030-11-01', closesOn: '2030-12-24', templateVersionId: versionId } }),
        );
        expect(overlap.userMessage).toContain('De SOP-ronde 2029-2030 sluit pas op 24 december 2029');
        const earlierCloses = await refusal(update('2028-2029'));
        expect(earlierCloses.code).toBe('invalid_state');
        // Over HTTP the refusal is shown on the page, and nothing changed.
        const admin = await TestClient.signedIn(app, users.admin);
        const response = await admin.post(`/swv/${partnershipId}/cyclus/2027-2028`, { ...defaultCycleDates('2027-2028'), closesOn: '2028-06-01', templateVersionId: versionId });
        expect(response.status).toBe(409);
        expect(await response.text()).toContain('kan niet meer worden gewijzigd');
      });

      it('prepares the profile of a school added while the cycle runs, in the same transaction', async () => {
        app.clock.set('2029-04-01T10:00:00+02:00');
        const admin = await as('admin', 'partnership.manage');
        const boardId = (await getSchoolRow(app.deps.db, schoolId))!.boardId;
        const t = translator(partnershipMessages, 'nl');
        const newSchoolId = await addSchool({ ...deps(), auth: admin, partnershipId, t, input: addSchoolInput(t).parse({ name: 'OBS Nieuwkomer', brin: '77ZZ', vestiging: '00', boardId }) });
        const profile = (await findProfile(app.deps.db, newSchoolId, '2029-2030'))!;
        expect(profile).toMatchObject({ status: 'not_started', templateVersionId: versionId });
        expect(Object.keys((await listAnswers(app.deps.db, profile.id)).answers)).toEqual([]);
        // Not for a closed year.
        expect(await findProfile(app.deps.db, newSchoolId, '2028-2029')).toBeNull();
        const html = await (await (await TestClient.signedIn(app, users.admin)).get(`/swv/${partnershipId}/cyclus/2029-2030`)).text();
        expect(html).toContain('OBS Nieuwkomer');
        expect(html).not.toContain('Geen SOP');
        // Other years are one click away, for the SWV and for the board.
        expect(html).toContain(`href="/swv/${partnershipId}/cyclus/2027-2028"`);
        const boardHtml = await (await (await TestClient.signedIn(app, users.board)).get(`/besturen/${boardId}/voortgang?jaar=2029-2030`)).text();
        expect(boardHtml).toContain(`href="/besturen/${boardId}/voortgang?jaar=2028-2029"`);
        expect(boardHtml).toContain('OBS Nieuwkomer');
      });
    });

    describe('over HTTP (the demo SWV mid-round)', () => {
      let horizonId: string;
      beforeAll(async () => {
        // Inside the demo's running round (its dates were moved around the test's start, 10 January 2027).
        app.clock.set('2027-01-20T10:00:00+01:00');
        horizonId = (await listProgressRows(app.deps.db, app.demo.partnershipId, '2026-2027')).find((row) => row.schoolName === 'Daltonschool Horizon')!.profileId;
      });

      it('proposes the next round on the law’s calendar, shows the legal moment of each date, and keeps de Eem’s as a choice', async () => {
        const admin = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
        // The running round (2026-2027) closes on 11 March 2027: 2027-2028 would open before that, so 2028-2029 is proposed.
        const form = await (await admin.get(`/swv/${app.demo.partnershipId}/cyclus/nieuw`)).text();
        expect(form).toContain('value="2028-2029"');
        expect(form).toMatch(/name="opensOn"[^>]*value="2028-01-15"/);
        expect(form).toMatch(/name="closesOn"[^>]*value="2028-07-01"/);
        expect(form).toContain('Welk wettelijk moment elke datum dient');
        expect(form).toContain('De wet vraagt dat vóór het begin van het schooljaar (1 augustus 2028)');
        expect(form).not.toContain('na het begin van schooljaar');
        const deEem = await (await admin.get(`/swv/${app.demo.partnershipId}/cyclus/nieuw?kalender=de-eem`)).text();
        expect(deEem).toMatch(/name="closesOn"[^>]*value="2028-12-24"/);
        expect(deEem).toContain('Deze ronde sluit op 24 december 2028, na het begin van schooljaar 2028-2029 (1 augustus 2028)');
      });

      it('redirects (303) after every successful cycle post, to a page that says what happened; a refresh posts nothing', async () => {
        const admin = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
        const remark = await admin.post(`/profielen/${horizonId}/opmerkingen`, { body: 'Klopt het antwoord over de leerlingbespreking?' });
        expect(remark.status).toBe(303);
        expect(remark.headers.get('location')).toBe(`/profielen/${horizonId}/cyclus?gedaan=opmerking`);
        expect(await (await admin.get(remark.headers.get('location')!)).text()).toContain('De opmerking is geplaatst.');
        // An unknown notice word shows nothing.
        expect(await (await admin.get(`/profielen/${horizonId}/cyclus?gedaan=%3Cscript%3E`)).text()).not.toContain('utrecht-alert--ok');
        // A failed post still answers on the post address, with the error (400), and changes nothing.
        const invalid = await admin.post(`/profielen/${horizonId}/opmerkingen`, { body: '' });
        expect(invalid.status).toBe(400);
        expect((await listReviewRemarks(app.deps.db, horizonId)).length).toBe(1);

        const board = await TestClient.signedIn(app, app.demo.userIds['bestuur@spov.example']!);
        // The council has not spoken and a remark is open: the board must confirm it saw that.
        const unconfirmed = await board.post(`/profielen/${horizonId}/vaststellen`, { adoptedOn: '2027-01-20', adoptedByName: 'B. Bakker, bestuurder' });
        expect(unconfirmed.status).toBe(400);
        const warned = await unconfirmed.text();
        expect(warned).toContain('De MR heeft zich nog niet uitgesproken');
        expect(warned).toContain('Er staat nog 1 opmerking van het samenwerkingsverband open');
        expect(warned).toContain('Vink aan dat u de punten hierboven hebt gezien');
        const adopt = await board.post(`/profielen/${horizonId}/vaststellen`, { adoptedOn: '2027-01-20', adoptedByName: 'B. Bakker, bestuurder', confirmWarnings: 'ja' });
        expect(adopt.status).toBe(303);
        expect(adopt.headers.get('location')).toBe(`/profielen/${horizonId}/cyclus?gedaan=vastgesteld`);
        expect(await (await board.get(adopt.headers.get('location')!)).text()).toContain('Het SOP is vastgesteld.');

        // Round settings: the created round and the opening redirect to the list with their notice.
        const created = await admin.post(`/swv/${app.demo.partnershipId}/cyclus`, {
          schoolYear: '2027-2028',
          opensOn: '2027-04-01',
          submitDeadline: '2027-05-15',
          closesOn: '2027-07-15',
          templateVersionId: (await listCycles(app.deps.db, app.demo.partnershipId))[0]!.templateVersionId,
          allowLateSubmission: 'nee',
        });
        expect(created.status).toBe(303);
        expect(created.headers.get('location')).toBe(`/swv/${app.demo.partnershipId}/cyclus?gedaan=aangemaakt&jaar=2027-2028`);
        const list = await (await admin.get(created.headers.get('location')!)).text();
        expect(list).toContain('De SOP-ronde 2027-2028 is aangemaakt.');
        // The running round is not offered "Ronde nu openen" (every school has its SOP); the new one not before its open date.
        expect(list).not.toContain('Ronde nu openen');
        app.clock.set('2027-04-01T08:00:00+02:00');
        const adminThen = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
        const listThen = await (await adminThen.get(`/swv/${app.demo.partnershipId}/cyclus`)).text();
        expect(listThen.match(/Ronde nu openen/g)).toHaveLength(1);
        const opened = await adminThen.post(`/swv/${app.demo.partnershipId}/cyclus/2027-2028/openen`);
        expect(opened.status).toBe(303);
        expect(await (await adminThen.get(opened.headers.get('location')!)).text()).toContain('De ronde is geopend: 7 SOP’s aangemaakt, 0 scholen hadden er al een.');
        expect(await (await adminThen.get(`/swv/${app.demo.partnershipId}/cyclus`)).text()).not.toContain('Ronde nu openen');
        await app.deps.db.execute(sql`delete from profiles where school_year = '2027-2028' and partnership_id = ${app.demo.partnershipId}`);
        await app.deps.db.execute(sql`delete from cycles where school_year = '2027-2028' and partnership_id = ${app.demo.partnershipId}`);
      });
    });
  });
}
