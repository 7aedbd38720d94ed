/**
 * The anonymous pupil poll (issue 14) through the app's HTTP routes, on PGlite and PostgreSQL: the SWV takes over
 * the example questions, De Regenboog opens a poll for groep 7, pupils answer by code without an account (one
 * answer per device, only the poll's cookie, nothing indexed, no result), the school sees results from 5 answers,
 * releases one free text and rejects another, and takes the results into its pupils' voice record. No poll route
 * shows another school's poll.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { pollResponses, polls, pollTexts } from '../src/features/pupil-poll/schema.js';
import { CODE_ALPHABET } from '../src/features/pupil-poll/poll-rules.js';
import { findProfile } from '../src/features/questionnaire/profiles-repository.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const CLASS_OF = 6;

for (const kind of TEST_DATABASE_KINDS) {
  describe(`pupil poll (${kind})`, () => {
    let app: TestApp;
    let swv: TestClient;
    let school: TestClient;
    let schoolId: string;
    let pollId = '';
    let code = '';
    let questions: Array<{ id: string; kind: string; options: string[] }> = [];

    beforeAll(async () => {
      app = await createTestApp(kind);
      schoolId = app.demo.schoolIds['regenboog']!;
      swv = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      school = await TestClient.signedIn(app, app.demo.userIds['ib@regenboog.example']!);
    });
    afterAll(async () => app?.close());

    /** A pupil's phone: no account, no cookie but what the poll sets. */
    const phone = () => new TestClient(app.app);
    const answerAll = (pupil: TestClient, text?: string, extra: Record<string, string> = {}) => {
      const form: Record<string, string> = {};
      questions.forEach((question, index) => {
        if (question.kind === 'choice') form[`q-${question.id}`] = String(index % question.options.length);
        else if (text) form[`q-${question.id}`] = text;
      });
      return pupil.post(`/peiling/${code}`, { ...form, ...extra }, { csrf: null });
    };

    it('lets the SWV take over the example questions, marked as example, and refuses a second open question', async () => {
      const base = `/swv/${app.demo.partnershipId}/peilingvragen`;
      const empty = await (await swv.get(base)).text();
      expect(empty).toContain('Voorbeeldvragen overnemen');
      expect((await swv.post(`${base}/voorbeeld`)).status).toBe(303);
      const page = await (await swv.get(base)).text();
      expect(page).toContain('Krijg je hulp als je iets moeilijk vindt?');
      expect(page).toContain('voorbeeld');
      const second = await swv.post(base, { kind: 'text', text: 'Wat wil je nog kwijt over de school?', options: '' });
      expect(second.status).toBe(400);
      expect(await second.text()).toContain('Er is al een open vraag');
      const noOptions = await swv.post(base, { kind: 'choice', text: 'Voel je je veilig op school?', options: 'Ja' });
      expect(noOptions.status).toBe(400);
      expect(await noOptions.text()).toContain('2 tot 6 antwoordmogelijkheden');
      const audits = await app.deps.db.select().from(auditLog).where(eq(auditLog.action, 'poll.adoptExample'));
      expect(audits).toHaveLength(1);
    });

    it('lets the school open a poll for a group with a six-character code without look-alikes', async () => {
      const refused = await school.post(`/scholen/${schoolId}/peilingen`, { groupName: '', days: '7' });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('Vul de groep of klas in');
      const opened = await school.post(`/scholen/${schoolId}/peilingen`, { groupName: 'groep 7', days: '7' });
      expect(opened.status).toBe(303);
      pollId = opened.headers.get('location')!.split('/').at(-1)!.split('?')[0]!;
      const [poll] = await app.deps.db.select().from(polls).where(eq(polls.id, pollId));
      code = poll!.code;
      questions = poll!.questions;
      expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
      const page = await (await school.get(`/scholen/${schoolId}/peilingen/${pollId}`)).text();
      expect(page).toContain(code);
      expect(page).toContain('Nog te weinig antwoorden');
      expect(await app.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'poll.open'), eq(auditLog.entityId, pollId)))).toHaveLength(1);
    });

    it('shows pupils the form by code: no cookie, not indexed, no result; a typed code in small letters finds it', async () => {
      const typed = await phone().get(`/peiling?code=${code.toLowerCase().slice(0, 3)}-${code.toLowerCase().slice(3)}`);
      expect(typed.status).toBe(303);
      expect(typed.headers.get('location')).toBe(`/peiling/${code}`);
      const response = await phone().get(`/peiling/${code}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(response.headers.get('x-robots-tag')).toContain('noindex');
      const html = await response.text();
      expect(html).toContain('<meta name="robots" content="noindex, nofollow"');
      expect(html).toContain('Peiling voor groep 7');
      expect(html).not.toContain('name="_csrf"');
      const unknown = await phone().get('/peiling/AAAAAA');
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toContain('Deze code kennen we niet');
    });

    it('stores one answer per device with only the poll’s own cookie, and refuses incomplete or cross-site answers', async () => {
      const pupil = phone();
      const incomplete = await pupil.post(`/peiling/${code}`, {}, { csrf: null });
      expect(incomplete.status).toBe(400);
      expect(await incomplete.text()).toContain('Kies een antwoord bij deze vraag');
      const forged = await app.app.request(`http://opensop.test/peiling/${code}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://elders.example' }, body: 'x=1' });
      expect(forged.status).toBe(403);

      const saved = await answerAll(pupil, 'Ik wil meer uitleg bij rekenen.');
      expect(saved.status).toBe(200);
      expect(await saved.text()).toContain('Dank je wel!');
      const cookies = saved.headers.getSetCookie();
      expect(cookies).toHaveLength(1);
      expect(cookies[0]).toMatch(/^sop_peiling=[^;]{20,};/);
      expect(cookies[0]).toContain(`Path=/peiling/${code}`);
      expect(cookies[0]).toContain('HttpOnly');
      expect(cookies[0]).toContain('SameSite=Strict');

      const again = await answerAll(pupil, 'Nog een keer.');
      expect(await again.text()).toContain('Je hebt al geantwoord');
      expect(await (await pupil.get(`/peiling/${code}`)).text()).toContain('Je hebt al geantwoord');
      expect(await app.deps.db.select().from(pollResponses).where(eq(pollResponses.pollId, pollId))).toHaveLength(1);
    });

    it('shows the school nothing below 5 answers, then the counts and the texts to release or reject', async () => {
      for (let i = 1; i < 4; i += 1) expect((await answerAll(phone())).status).toBe(200);
      const four = await (await school.get(`/scholen/${schoolId}/peilingen/${pollId}`)).text();
      expect(four).toContain('Nog te weinig antwoorden');
      expect(four).not.toContain('Ik wil meer uitleg bij rekenen.');
      expect(await (await school.get(`/scholen/${schoolId}/peilingen`)).text()).toContain('nog te weinig antwoorden');

      expect((await answerAll(phone(), 'Meester Jan van groep 7 helpt mij altijd goed.')).status).toBe(200);
      for (let i = 5; i < CLASS_OF; i += 1) expect((await answerAll(phone())).status).toBe(200);
      const page = await (await school.get(`/scholen/${schoolId}/peilingen/${pollId}`)).text();
      expect(page).toContain(`${CLASS_OF} leerlingen hebben geantwoord`);
      expect(page).toContain('Ik wil meer uitleg bij rekenen.');
      expect(page).toContain('Meester Jan van groep 7');

      const texts = await app.deps.db.select().from(pollTexts).where(eq(pollTexts.pollId, pollId));
      const keep = texts.find((text) => text.text.startsWith('Ik wil'))!;
      const drop = texts.find((text) => text.text.startsWith('Meester Jan'))!;
      expect((await school.post(`/scholen/${schoolId}/peilingen/${pollId}/teksten/${keep.id}`, { decision: 'released' })).status).toBe(303);
      expect((await school.post(`/scholen/${schoolId}/peilingen/${pollId}/teksten/${drop.id}`, { decision: 'rejected' })).status).toBe(303);
      const twice = await school.post(`/scholen/${schoolId}/peilingen/${pollId}/teksten/${drop.id}`, { decision: 'released' });
      expect(twice.status).toBe(409);
      const after = await (await school.get(`/scholen/${schoolId}/peilingen/${pollId}`)).text();
      expect(after).toContain('Ik wil meer uitleg bij rekenen.');
      expect(after).not.toContain('Meester Jan');
      expect(after).toContain('1 teksten afgewezen');
      const audits = await app.deps.db.select().from(auditLog).where(eq(auditLog.entityType, 'poll_text'));
      expect(audits.map((a) => a.action).sort()).toEqual(['poll.text.reject', 'poll.text.release']);
      expect(JSON.stringify(audits)).not.toContain('Meester Jan');
    });

    it('offers the results with only the released text as a draft for the pupils’ voice record', async () => {
      const profile = (await findProfile(app.deps.db, schoolId, '2026-2027'))!;
      const html = await (await school.get(`/profielen/${profile.id}/stem-van-leerlingen?peiling=${pollId}`)).text();
      expect(html).toContain('Peiling in groep 7: 6 leerlingen antwoordden anoniem.');
      expect(html).toContain('Ik wil meer uitleg bij rekenen.');
      expect(html).not.toContain('Meester Jan');
      expect(html).toMatch(/value="poll" checked/);
    });

    it('never shows a poll to another school, another SWV, or through another school’s path', async () => {
      const other = await TestClient.signedIn(app, app.demo.userIds['ib@vlinder.example']!);
      const vlinder = app.demo.schoolIds['vlinder']!;
      expect((await other.get(`/scholen/${schoolId}/peilingen/${pollId}`)).status).toBe(404);
      expect((await other.get(`/scholen/${vlinder}/peilingen/${pollId}`)).status).toBe(404);
      expect((await other.post(`/scholen/${vlinder}/peilingen/${pollId}/sluiten`)).status).toBe(404);
      const profile = (await findProfile(app.deps.db, vlinder, '2026-2027'))!;
      expect((await other.get(`/profielen/${profile.id}/stem-van-leerlingen?peiling=${pollId}`)).status).toBe(404);
      const board = await TestClient.signedIn(app, app.demo.userIds['bestuur@spov.example']!);
      expect((await board.get(`/scholen/${schoolId}/peilingen/${pollId}`)).status).toBe(403);
      const otherSwv = await TestClient.signedIn(app, app.other.userIds.partnership_admin);
      expect((await otherSwv.get(`/scholen/${schoolId}/peilingen/${pollId}`)).status).toBe(404);
    });

    it('closes: an expired or closed poll takes no answers', async () => {
      expect((await school.post(`/scholen/${schoolId}/peilingen/${pollId}/sluiten`)).status).toBe(303);
      const late = await answerAll(phone());
      expect(late.status).toBe(410);
      expect(await late.text()).toContain('Deze peiling is gesloten');
      expect(await app.deps.db.select().from(pollResponses).where(eq(pollResponses.pollId, pollId))).toHaveLength(CLASS_OF);
    });
  });
}
