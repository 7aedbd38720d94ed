/**
 * The progress overview (issue 12): completeness counted in the database equals `computeCompleteness` (blank texts,
 * an explicit empty choice, 0, false, JSON null, limits texts, answers to items that are not required); last
 * activity; filter, sort and pages through the query string; and the board's reminders of its own schools (mail,
 * audited, once a day, a profile of another board is not found and nothing is sent).
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { loadPrincipal } from '../src/features/accounts/repository.js';
import { loadProgressPage, parseProgressQuery } from '../src/features/cycle/load-progress-page.js';
import { listProgressRows } from '../src/features/cycle/repository.js';
import { listAnswers } from '../src/features/questionnaire/api.js';
import { computeCompleteness } from '../src/features/questionnaire/completeness.js';
import { answers } from '../src/features/questionnaire/schema.js';
import { loadTemplateDefinition } from '../src/features/questionnaire/template-cache.js';
import { listItems } from '../src/features/templates/model/template.js';
import { jobs } from '../src/jobs/schema.js';
import type { Authorized } from '../src/ui/route.js';
import { postForms } from './support/form-fields.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const YEAR = '2026-2027';

for (const kind of TEST_DATABASE_KINDS) {
  describe(`the progress overview (${kind})`, () => {
    let app: TestApp;
    let auth: Authorized;

    beforeAll(async () => {
      app = await createTestApp(kind);
      const principal = await loadPrincipal(app.deps.db, app.demo.userIds['swv@voorbeeldstad.example']!);
      auth = { principal: principal!, permission: 'partnership.view', scope: { level: 'partnership', partnershipId: app.demo.partnershipId } };
    });
    afterAll(async () => app?.close());

    it('counts answered required questions in the database exactly as computeCompleteness does', async () => {
      const profiles = await listProgressRows(app.deps.db, app.demo.partnershipId, YEAR);
      expect(profiles.length).toBeGreaterThan(1);
      // Answers that are and are not "answered" (isAnswered), written straight into the rows of two profiles.
      const tricky: unknown[] = ['  \u00a0\n\t', '', '\u3000\ufeff\u2028', [], 0, false, null, 'ja', ' x ', '\u200b', { other: 'x' }];
      for (const row of profiles.slice(0, 2)) {
        const template = await loadTemplateDefinition(app.deps.db, row.templateVersionId);
        const items = listItems(template).map(({ item }) => item);
        const required = items.filter((item) => item.required);
        const optional = items.filter((item) => !item.required);
        expect(required.length).toBeGreaterThan(tricky.length);
        const values = [...tricky.map((value, index) => ({ itemKey: required[index]!.key, value })), ...optional.slice(0, 2).map((item) => ({ itemKey: item.key, value: 'niet verplicht' }))];
        values.push({ itemKey: `limits:${template.sections[0]!.key}`, value: 'Geen zwembad.' });
        for (const { itemKey, value } of values) {
          await app.deps.db
            .insert(answers)
            .values({ profileId: row.profileId, itemKey, partnershipId: app.demo.partnershipId, schoolYear: YEAR, value: value as never, updatedAt: app.clock.now() })
            .onConflictDoUpdate({ target: [answers.profileId, answers.itemKey], set: { value: value as never, carriedOver: false, updatedAt: app.clock.now() } });
        }
      }
      const page = await loadProgressPage({ db: app.deps.db, clock: app.clock, auth, place: { partnershipId: app.demo.partnershipId, schoolYear: YEAR } });
      expect(page.rows).toHaveLength(profiles.length);
      for (const row of page.rows) {
        const profile = profiles.find((entry) => entry.profileId === row.profileId)!;
        const stored = await listAnswers(app.deps.db, row.profileId);
        const expected = computeCompleteness(await loadTemplateDefinition(app.deps.db, profile.templateVersionId), stored.answers, stored.limits);
        expect({ school: row.schoolName, answered: row.answered, required: row.required }).toEqual({ school: row.schoolName, answered: expected.answered, required: expected.required });
      }
      // The two written profiles: their last activity is the write.
      const written = page.rows.filter((row) => profiles.slice(0, 2).some((entry) => entry.profileId === row.profileId));
      for (const row of written) expect(row.lastActivity?.getTime()).toBe(app.clock.now().getTime());
    });

    it('filters by status, late and board, sorts and pages through the query string', async () => {
      const load = (query: Record<string, string>) =>
        loadProgressPage({ db: app.deps.db, clock: app.clock, auth, place: { partnershipId: app.demo.partnershipId, schoolYear: YEAR }, query: parseProgressQuery((name) => query[name]) });
      const all = await load({});
      expect(all.daysLeft).not.toBeNull();
      const names = all.rows.map((row) => row.schoolName);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
      const descending = await load({ sorteer: 'naam', volgorde: 'af' });
      expect(descending.rows.map((row) => row.schoolName)).toEqual([...names].reverse());
      const byProgress = await load({ sorteer: 'voortgang' });
      const shares = byProgress.rows.map((row) => (row.required === 0 ? 1 : row.answered / row.required));
      expect(shares).toEqual([...shares].sort((a, b) => a - b));

      const status = all.rows[0]!.status;
      const filtered = await load({ status });
      expect(filtered.rows.length).toBe(all.counts[status]);
      expect(filtered.rows.every((row) => row.status === status)).toBe(true);
      expect(filtered.withoutProfile).toEqual([]);

      const late = await load({ 'te-laat': '1' });
      expect(late.rows.every((row) => row.late || row.overdue)).toBe(true);
      expect(late.rows.length).toBe(all.lateCount);

      expect(all.boards.length).toBeGreaterThan(0);
      const board = all.boards[0]!;
      const ofBoard = await load({ bestuur: board.id });
      expect(ofBoard.rows.length).toBeGreaterThan(0);
      expect(ofBoard.rows.every((row) => row.boardName === board.name)).toBe(true);

      // Unknown values are no filter (a stale link shows every school), and a page past the end is the last page.
      const stale = await load({ status: 'weg', sorteer: 'iets', pagina: '99' });
      expect(stale.rows.length).toBe(all.rows.length);
      expect(stale.query.page).toBe(1);
    });

    it('shows the filters, last activity and days to the deadline on the page, in Dutch and English', async () => {
      const admin = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      const html = await (await admin.get(`/swv/${app.demo.partnershipId}/cyclus/${YEAR}?sorteer=activiteit&volgorde=af`)).text();
      expect(html).toContain('Laatste activiteit');
      expect(html).toContain('Sorteer op');
      expect(html).toMatch(/Nog \d+ dagen tot de deadline|Vandaag is de laatste dag|De deadline is \d+ dagen geleden verstreken/);
      expect(html).toContain('name="te-laat"');
    });

    describe('the board reminds its own schools', () => {
      const reminderMails = async () => (await app.deps.db.select().from(jobs).where(like(jobs.dedupeKey, 'cycle.manual-reminder:%'))).map((job) => job.payload as { to: string; subject: string });
      const remindAudits = async () => app.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'profile.remind'), eq(auditLog.partnershipId, app.demo.partnershipId)));

      it('ticks the board\'s open schools, sends the mails, audits them and never twice the same day', async () => {
        const boardId = app.demo.boardIds['spov']!;
        const client = await TestClient.signedIn(app, app.demo.userIds['bestuur@spov.example']!);
        const pagePath = `/besturen/${boardId}/voortgang?jaar=${YEAR}`;
        const remindPath = `/besturen/${boardId}/voortgang/herinneren`;
        const html = await (await client.get(pagePath)).text();
        expect(html).toContain('Scholen herinneren');
        const form = postForms(html, pagePath).find((entry) => entry.action === remindPath);
        expect(form, 'the reminder form').toBeDefined();
        const rows = await listProgressRows(app.deps.db, app.demo.partnershipId, YEAR, boardId);
        const open = rows.filter((row) => row.status === 'not_started' || row.status === 'in_progress');
        expect(open.length).toBeGreaterThan(0);
        expect(([] as string[]).concat(form!.fields['profiel'] ?? []).sort()).toEqual(open.map((row) => row.profileId).sort());

        const chosen = open[0]!;
        const before = (await reminderMails()).length;
        const response = await client.post(remindPath, { jaar: YEAR, profiel: chosen.profileId });
        expect(response.status).toBe(303);
        const location = response.headers.get('location')!;
        expect(location).toContain(`/besturen/${boardId}/voortgang?jaar=${YEAR}&herinnerd=1`);
        const mails = await reminderMails();
        expect(mails.length).toBeGreaterThan(before);
        expect(mails.slice(before).every((mail) => mail.subject.includes(chosen.schoolName))).toBe(true);
        const audits = await remindAudits();
        expect(audits.filter((row) => row.entityId === chosen.profileId)).toHaveLength(1);
        expect(audits.find((row) => row.entityId === chosen.profileId)!.actorUserId).toBe(app.demo.userIds['bestuur@spov.example']);
        expect(await (await client.get(location)).text()).toContain('Vandaag herinnerd');

        const sent = (await reminderMails()).length;
        const again = await client.post(remindPath, { jaar: YEAR, profiel: chosen.profileId });
        expect(again.headers.get('location')).toContain('herinnerd=0&vandaag=1');
        expect((await reminderMails()).length).toBe(sent);

        const empty = await client.post(remindPath, { jaar: YEAR });
        expect(empty.status).toBe(400);
        expect(await empty.text()).toContain('Kies eerst één of meer scholen om te herinneren.');
      });

      it('treats a profile of another board of the same SWV as not found and sends nothing', async () => {
        const boardId = app.demo.boardIds['spov']!;
        const client = await TestClient.signedIn(app, app.demo.userIds['bestuur@spov.example']!);
        const all = await listProgressRows(app.deps.db, app.demo.partnershipId, YEAR);
        const foreign = all.find((row) => row.boardId !== boardId);
        expect(foreign, 'a profile of another board in the demo').toBeDefined();
        const own = all.find((row) => row.boardId === boardId && (row.status === 'not_started' || row.status === 'in_progress'))!;
        const mails = (await reminderMails()).length;
        const audits = (await remindAudits()).length;
        const response = await client.post(`/besturen/${boardId}/voortgang/herinneren`, { jaar: YEAR, profiel: [own.profileId, foreign!.profileId] });
        expect(response.status).toBe(404);
        expect((await reminderMails()).length).toBe(mails);
        expect((await remindAudits()).length).toBe(audits);
        // Another board's page: 404 for this board's user.
        const otherBoard = Object.values(app.demo.boardIds).find((id) => id !== boardId)!;
        expect((await client.post(`/besturen/${otherBoard}/voortgang/herinneren`, { jaar: YEAR, profiel: foreign!.profileId })).status).toBe(404);
      });
    });
  });
}
