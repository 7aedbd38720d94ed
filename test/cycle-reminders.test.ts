/**
 * Reminders from the progress overview (issue 12): the SWV ticks schools that have not submitted, their editors
 * get an e-mail, every reminded school gets an audit row, and a school is never reminded twice the same day (the
 * page says so, and the rows reminded today show it). Another SWV's profile is 404; a board user cannot post here.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { users } from '../src/features/accounts/schema.js';
import { listProgressRows, listSchoolEditors } from '../src/features/cycle/repository.js';
import { jobs } from '../src/jobs/schema.js';
import { postForms } from './support/form-fields.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const YEAR = '2026-2027';

for (const kind of TEST_DATABASE_KINDS) {
  describe(`reminders from the progress overview (${kind})`, () => {
    let app: TestApp;
    let admin: TestClient;
    let progressPath: string;
    let remindPath: string;

    const reminderMails = async () =>
      (await app.deps.db.select().from(jobs).where(like(jobs.dedupeKey, 'cycle.manual-reminder:%'))).map((job) => job.payload as { to: string; subject: string; text: string });
    const remindAudits = async () => app.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'profile.remind'), eq(auditLog.partnershipId, app.demo.partnershipId)));

    beforeAll(async () => {
      app = await createTestApp(kind);
      admin = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      progressPath = `/swv/${app.demo.partnershipId}/cyclus/${YEAR}`;
      remindPath = `${progressPath}/herinneren`;
    });
    afterAll(async () => app?.close());

    it('offers the open schools ticked, says the once-a-day rule, and reminds their editors with an audit row per school', async () => {
      const html = await (await admin.get(progressPath)).text();
      expect(html).toContain('Scholen herinneren');
      expect(html).toContain('hoogstens één herinnering per dag');
      const form = postForms(html, progressPath).find((entry) => entry.action === remindPath);
      expect(form, 'the reminder form').toBeDefined();
      const rows = await listProgressRows(app.deps.db, app.demo.partnershipId, YEAR);
      const open = rows.filter((row) => row.status === 'not_started' || row.status === 'in_progress');
      expect(open.length).toBeGreaterThan(0);
      const ticked = ([] as string[]).concat(form!.fields['profiel'] ?? []);
      expect(ticked.sort()).toEqual(open.map((row) => row.profileId).sort());

      const chosen = open[0]!;
      const response = await admin.post(remindPath, { profiel: chosen.profileId });
      expect(response.status).toBe(303);
      const location = response.headers.get('location')!;
      expect(location).toContain('herinnerd=');
      const mails = await reminderMails();
      expect(mails.length).toBeGreaterThan(0);
      for (const mail of mails) {
        expect(mail.subject).toContain(chosen.schoolName);
        expect(mail.text).toContain(`/profielen/${chosen.profileId}`);
      }
      const audits = await remindAudits();
      expect(audits.map((row) => row.entityId)).toEqual([chosen.profileId]);

      const after = await (await admin.get(location)).text();
      expect(after).toMatch(/Herinnering verstuurd aan 1 school/);
      expect(after).toContain('Vandaag herinnerd');
    });

    it('never reminds a school twice the same day, and again the next day', async () => {
      const [audit] = await remindAudits();
      const profileId = audit!.entityId;
      const before = (await reminderMails()).length;
      const again = await admin.post(remindPath, { profiel: profileId });
      const page = await (await admin.get(again.headers.get('location')!)).text();
      expect(page).toMatch(/overgeslagen: vandaag al herinnerd/);
      expect((await reminderMails()).length).toBe(before);
      expect(await remindAudits()).toHaveLength(1);

      app.clock.advanceDays(1);
      try {
        // A new session: the clock moved a day on.
        const nextDay = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
        expect((await nextDay.post(remindPath, { profiel: profileId })).status).toBe(303);
        expect((await reminderMails()).length).toBe(before * 2);
        expect(await remindAudits()).toHaveLength(2);
      } finally {
        app.clock.advanceDays(-1);
      }
    });

    it('writes to an editor who chose English in English (date included), whoever sends the reminder', async () => {
      const reminded = new Set((await remindAudits()).map((row) => row.entityId));
      const rows = await listProgressRows(app.deps.db, app.demo.partnershipId, YEAR);
      const open = rows.filter((row) => (row.status === 'not_started' || row.status === 'in_progress') && !reminded.has(row.profileId));
      const editor = (await listSchoolEditors(app.deps.db, open.map((row) => row.schoolId)))[0];
      expect(editor, 'an editor of an open school not reminded yet').toBeDefined();
      const chosen = open.find((row) => row.schoolId === editor!.schoolId);
      // The language switch stores this for a signed-in user (accounts/change-language.ts).
      await app.deps.db.update(users).set({ locale: 'en' }).where(eq(users.id, editor!.userId));
      try {
        expect((await admin.post(remindPath, { profiel: chosen!.profileId })).status).toBe(303);
        const mail = (await reminderMails()).find((m) => m.to === editor!.email && m.text.includes(chosen!.profileId));
        expect(mail?.subject).toBe(`Reminder: the SOP ${YEAR} of ${chosen!.schoolName} has not been submitted yet`);
        expect(mail?.text).toMatch(/^Dear /);
        expect(mail?.text).toMatch(/\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/);
      } finally {
        await app.deps.db.update(users).set({ locale: 'nl' }).where(eq(users.id, editor!.userId));
      }
    });

    it('skips submitted schools, refuses an empty choice with a Dutch message, and treats another SWV\'s profile as not found', async () => {
      const rows = await listProgressRows(app.deps.db, app.demo.partnershipId, YEAR);
      const submitted = rows.find((row) => row.status !== 'not_started' && row.status !== 'in_progress');
      if (submitted) {
        const response = await admin.post(remindPath, { profiel: submitted.profileId });
        expect(await (await admin.get(response.headers.get('location')!)).text()).toMatch(/al ingediend/);
      }
      const empty = await admin.post(remindPath, {});
      expect(empty.status).toBe(400);
      expect(await empty.text()).toContain('Kies eerst één of meer scholen om te herinneren.');

      const before = (await reminderMails()).length;
      const foreign = await admin.post(remindPath, { profiel: crypto.randomUUID() });
      expect(foreign.status).toBe(404);
      expect((await reminderMails()).length).toBe(before);
    });

    it('refuses a board user the SWV\'s reminder post (the board reminds from its own overview: progress-overview.test.ts)', async () => {
      const board = await TestClient.signedIn(app, app.demo.userIds['bestuur@spov.example']!);
      const rows = await listProgressRows(app.deps.db, app.demo.partnershipId, YEAR);
      const response = await board.post(remindPath, { profiel: rows[0]!.profileId });
      expect([403, 404]).toContain(response.status);
    });
  });
}
