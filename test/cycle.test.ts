/**
 * The yearly cycle end to end on a real database: one SWV (the second tenant, "Rivierenland")
 * through two school years, the transition rules (role × state × date), atomicity and reminders.
 */
import { and, count, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/auth/app-error.js';
import { loadPrincipal } from '../src/features/accounts/repository.js';
import { addReviewRemark } from '../src/features/cycle/add-review-remark.js';
import { adoptProfile } from '../src/features/cycle/adopt-profile.js';
import { generateAnswer } from '../src/features/cycle/demo-answers.js';
import { openCycle, openDueCycles } from '../src/features/cycle/open-cycle.js';
import { loadProfileChanges } from '../src/features/cycle/profile-changes.js';
import { publishProfile } from '../src/features/cycle/publish-profile.js';
import { recordAdvice } from '../src/features/cycle/record-advice.js';
import { queueDeadlineReminders } from '../src/features/cycle/reminders.js';
import { reopenProfile } from '../src/features/cycle/reopen-profile.js';
import { listTransitions } from '../src/features/cycle/repository.js';
import { respondToReviewRemark } from '../src/features/cycle/respond-to-review-remark.js';
import { defaultCycleDates, saveCycle } from '../src/features/cycle/save-cycle.js';
import { submitProfile } from '../src/features/cycle/submit-profile.js';
import type { Permission } from '../src/auth/policy.js';
import { listAnswers } from '../src/features/questionnaire/answers-repository.js';
import { findProfile, getProfile } from '../src/features/questionnaire/profiles-repository.js';
import { saveAnswer } from '../src/features/questionnaire/save-answer.js';
import { profileScope } from '../src/features/questionnaire/scopes.js';
import { loadExampleTemplate } from '../src/features/templates/example-templates.js';
import { importTemplate } from '../src/features/templates/import-template.js';
import { listItems, type TemplateDefinition } from '../src/features/templates/model/template.js';
import { jobs } from '../src/jobs/schema.js';
import type { Authorized } from '../src/ui/route.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const BASE = 'http://opensop.test';

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

    it('takes one SWV through two school years: open, edit, submit, advise, adopt, publish, close; prefill; diff', async () => {
      const db = app.deps.db;
      // Year one: a cycle with the default dates and the published questionnaire.
      const first = await importTemplate({ ...deps(), partnershipId, definition: template, actorUserId: users.admin, publishForYear: '2027-2028' });
      await saveCycle({ ...deps(), auth: await as('admin', 'cycle.manage'), partnershipId, mode: 'create', input: { schoolYear: '2027-2028', ...defaultCycleDates('2027-2028'), templateVersionId: first.versionId } });
      const duplicate = await refusal(saveCycle({ ...deps(), auth: await as('admin', 'cycle.manage'), partnershipId, mode: 'create', input: { schoolYear: '2027-2028', ...defaultCycleDates('2027-2028'), templateVersionId: first.versionId } }));
      expect(duplicate.userMessage).toContain('Er is al een SOP-ronde voor 2027-2028');

      // Not yet open: the daily job leaves it alone; on 1 February it opens (twice is harmless).
      expect(await findProfile(db, schoolId, '2027-2028')).toBeNull();
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
      expect(incomplete.userMessage).toContain('1 verplichte vragen');
      await answerAll(profile1.id, template);

      // Submit, advise, adopt, publish.
      app.clock.set('2027-10-01T10:00:00+02:00');
      expect(await submitProfile({ ...deps(), auth: await as('editor', 'profile.submit', profile1.id), profileId: profile1.id, baseUrl: BASE })).toEqual({ late: false });
      const [snapshots] = await db.select({ n: count() }).from(jobs).where(eq(jobs.kind, 'documents.snapshot'));
      expect(snapshots!.n).toBe(1);
      await recordAdvice({ ...deps(), auth: await as('council', 'profile.recordAdvice', profile1.id), profileId: profile1.id, input: { adviceDate: '2027-10-01', adviceText: 'Positief advies.' } });
      await adoptProfile({ ...deps(), auth: await as('board', 'profile.adopt', profile1.id), profileId: profile1.id, input: { adoptedOn: '2027-10-01', adoptedByName: 'R. Rivier' } });
      await publishProfile({ ...deps(), auth: await as('editor', 'profile.publish', profile1.id), profileId: profile1.id });
      const published = (await getProfile(db, profile1.id))!;
      expect(published).toMatchObject({ status: 'published', adviceText: 'Positief advies.', adoptedByName: 'R. Rivier' });
      expect((await listTransitions(db, profile1.id)).map((t) => t.toStatus).slice(-4)).toEqual(['submitted', 'advised', 'adopted', 'published']);

      // Closed: nothing moves any more.
      app.clock.set('2027-12-24T09:00:00+01:00');
      const closed = await refusal(addReviewRemark({ ...deps(), auth: await as('admin', 'profile.review', profile1.id), profileId: profile1.id, input: { body: 'Klopt dit?' } }));
      expect(closed.userMessage).toContain('De SOP-ronde 2027-2028 is gesloten sinds 24 december 2027');

      // Year two: a new template version — one item changed, one added, one removed.
      const next = structuredClone(template);
      const changed = listItems(next).find(({ item }) => item.kind === 'development')!.item;
      changed.title = `${changed.title} (nieuw geformuleerd)`;
      // Another kind of item: its answer does not carry over (a reworded title alone would keep it).
      changed.kind = 'choice';
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
      const carried = (await listAnswers(db, profile2.id)).answers;
      const previousAnswers = (await listAnswers(db, profile1.id)).answers;
      expect(carried[unchanged.key]).toMatchObject({ value: previousAnswers[unchanged.key]!.value, carriedOver: true, revision: 1 });
      expect(carried[changed.key]).toBeUndefined();
      expect(carried['nieuwe-vraag-2028']).toBeUndefined();
      expect(carried[removed.key]).toBeUndefined();
      // The earlier year is untouched.
      expect((await getProfile(db, profile1.id))!.status).toBe('published');

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
    });

    describe('transition rules', () => {
      let profileId: string;
      beforeAll(async () => {
        // A fresh school year for the rules: 2029-2030, opened and completely answered.
        app.clock.set('2029-01-05T10:00:00+01:00');
        const version = await importTemplate({ ...deps(), partnershipId, definition: template, actorUserId: users.admin, publishForYear: '2029-2030' });
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
          [async () => recordAdvice({ ...p(), auth: await as('editor', 'profile.recordAdvice', profileId), input: { adviceDate: '2029-03-01', adviceText: 'x' } }), 'kan alleen worden vastgelegd als de school het SOP heeft ingediend'],
          [async () => adoptProfile({ ...p(), auth: await as('board', 'profile.adopt', profileId), input: { adoptedOn: '2029-03-01', adoptedByName: 'R. Rivier' } }), 'pas vaststellen'],
          [async () => publishProfile({ ...p(), auth: await as('editor', 'profile.publish', profileId) }), 'pas worden gepubliceerd'],
          [async () => reopenProfile({ ...p(), auth: await as('admin', 'profile.reopen', profileId), input: { reason: 'Graag aanpassen' }, baseUrl: BASE }), 'kan worden heropend'],
          [async () => addReviewRemark({ ...p(), auth: await as('admin', 'profile.review', profileId), input: { body: 'Klopt dit?' } }), 'pas worden geplaatst'],
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

        // After the deadline: still allowed, marked late.
        app.clock.set('2029-11-05T10:00:00+01:00');
        expect(await submitProfile({ ...p(), auth: await as('editor', 'profile.submit', profileId), baseUrl: BASE })).toEqual({ late: true });
        expect((await refusal(submitProfile({ ...p(), auth: await as('editor', 'profile.submit', profileId), baseUrl: BASE }))).userMessage).toContain('al ingediend');
        for (const [who, run, text] of [
          ['board', async () => recordAdvice({ ...p(), auth: await as('board', 'profile.recordAdvice', profileId), input: { adviceDate: '2029-11-05', adviceText: 'x' } }), 'Alleen de MR'],
          ['editor', async () => adoptProfile({ ...p(), auth: await as('editor', 'profile.adopt', profileId), input: { adoptedOn: '2029-11-05', adoptedByName: 'X Y' } }), 'Alleen het schoolbestuur'],
          ['editor', async () => reopenProfile({ ...p(), auth: await as('editor', 'profile.reopen', profileId), input: { reason: 'Graag aanpassen' }, baseUrl: BASE }), 'Alleen het samenwerkingsverband'],
          ['council', async () => addReviewRemark({ ...p(), auth: await as('council', 'profile.review', profileId), input: { body: 'x' } }), 'Alleen het samenwerkingsverband'],
        ] as const) {
          const error = await refusal(run());
          expect(error.code, who).toBe('forbidden');
          expect(error.userMessage).toContain(text);
        }
        // A future advice date is refused.
        expect((await refusal(recordAdvice({ ...p(), auth: await as('council', 'profile.recordAdvice', profileId), input: { adviceDate: '2030-01-01', adviceText: 'x' } }))).code).toBe('invalid_input');

        // Review remarks: the SWV remarks, the school answers.
        const remarkId = await addReviewRemark({ ...p(), auth: await as('admin', 'profile.review', profileId), input: { body: 'Past "ver ontwikkeld" bij deze school?' } });
        await respondToReviewRemark({ ...p(), auth: await as('editor', 'profile.respondToReview', profileId), input: { remarkId, response: 'Ja, zie het inspectierapport.' } });

        // Reopen with a reason: in progress again, the school is e-mailed.
        await reopenProfile({ ...p(), auth: await as('admin', 'profile.reopen', profileId), input: { reason: 'Belofte 2 graag aanvullen.' }, baseUrl: BASE });
        expect(await status()).toBe('in_progress');
        const mails = await app.deps.db.select().from(jobs).where(and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'subject' like '%heropend%'`));
        expect(mails.map((m) => (m.payload as { text: string }).text).join()).toContain('Belofte 2 graag aanvullen.');

        // Closed: everything refused with the close date.
        app.clock.set('2029-12-24T10:00:00+01:00');
        const error = await refusal(submitProfile({ ...p(), auth: await as('editor', 'profile.submit', profileId), baseUrl: BASE }));
        expect(error.userMessage).toContain('gesloten sinds 24 december 2029');
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

      it('queues one reminder per school editor per day, 14 and 3 days before the deadline', async () => {
        const reminders = async () => (await app.deps.db.select({ n: count() }).from(jobs).where(like(jobs.dedupeKey, 'cycle.reminder:%')))[0]!.n;
        const start = await reminders();
        app.clock.set('2029-10-20T08:00:00+02:00'); // 12 days before: nothing
        expect(await queueDeadlineReminders({ ...deps(), baseUrl: BASE })).toBe(0);
        app.clock.set('2029-10-18T08:00:00+02:00'); // 14 days before
        expect(await queueDeadlineReminders({ ...deps(), baseUrl: BASE })).toBe(1);
        // A second process (or a second run) the same day queues nothing more.
        expect(await queueDeadlineReminders({ ...deps(), baseUrl: BASE })).toBe(0);
        app.clock.set('2029-10-29T08:00:00+01:00'); // 3 days before
        expect(await queueDeadlineReminders({ ...deps(), baseUrl: BASE })).toBe(1);
        expect(await reminders()).toBe(start + 2);
      });
    });
  });
}
