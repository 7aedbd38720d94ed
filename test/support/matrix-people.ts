/**
 * The people around the profile (issue 14) in the authorization matrix: the personas of the SWV adviser (limited to
 * board SPOV, so De Regenboog is theirs) and the support point, and who may use the plausibility and support-point
 * routes. The matrix profile is in progress, so the adviser (who reads submitted profiles only) is refused there.
 */
import { eq } from 'drizzle-orm';
import { insertAnswer, insertPoll, insertPollQuestions } from '../../src/features/pupil-poll/repository.js';
import { pollTexts } from '../../src/features/pupil-poll/schema.js';
import { insertSignal, insertTheme } from '../../src/features/support-point/repository.js';
import type { PersonaGroups } from './matrix-expectations.js';
import type { TestApp } from './test-app.js';

/** The demo SWV's adviser (limited to board SPOV) and support point (demo/demo-organisation.ts). */
export async function createPeoplePersonas(testApp: TestApp): Promise<{ adviserUserId: string; supportPointUserId: string }> {
  return { adviserUserId: testApp.demo.userIds['adviseur@voorbeeldstad.example']!, supportPointUserId: testApp.demo.userIds['steunpunt@voorbeeldstad.example']! };
}

export function peopleExpectations<P extends string>(groups: PersonaGroups<P>): Record<string, readonly P[]> {
  const only = (...personas: string[]) => groups.SIGNED_IN.filter((p) => personas.includes(p));
  return {
    // The list of profiles with verdicts: the SWV's admins and its advisers ('partnership.viewVerdicts').
    'GET /swv/:partnershipId/plausibiliteit': only('swv_admin', 'swv_adviser'),
    // The verdict form: the adviser only, and only on a submitted profile (the matrix profile is in progress).
    'GET /profielen/:profileId/plausibiliteit': [],
    'POST /profielen/:profileId/plausibiliteit': [],
    // The pupils' voice: the school's editors record it ('profile.recordPupilVoice'); readers see it on the cycle page.
    'GET /profielen/:profileId/stem-van-leerlingen': only('school_editor'),
    'POST /profielen/:profileId/stem-van-leerlingen': only('school_editor'),
    // Signals: the SWV and its support point see them ('signals.view'); only the support point records them;
    // only the SWV's admins edit the themes; the school (and its board) sees counts about itself.
    'GET /swv/:partnershipId/signalen': only('swv_admin', 'support_point'),
    'POST /swv/:partnershipId/signalen': only('support_point'),
    'POST /swv/:partnershipId/signalen/themas': only('swv_admin'),
    'GET /scholen/:schoolId/signalen': only('school_editor', 'board_user'),
    // Only the support point shares a signal's description with the school (it is the one that reads them).
    'POST /swv/:partnershipId/signalen/:signalId/delen': only('support_point'),
    // The pupil poll: the SWV's admins keep the questions ('poll.manageQuestions'); only the school's editors open
    // polls, read their results and release free texts ('poll.run') — not the board, the council or the SWV.
    'GET /swv/:partnershipId/peilingvragen': only('swv_admin'),
    'POST /swv/:partnershipId/peilingvragen': only('swv_admin'),
    'POST /swv/:partnershipId/peilingvragen/voorbeeld': only('swv_admin'),
    'POST /swv/:partnershipId/peilingvragen/:pollQuestionId/verwijderen': only('swv_admin'),
    'GET /scholen/:schoolId/peilingen': only('school_editor'),
    'POST /scholen/:schoolId/peilingen': only('school_editor'),
    'GET /scholen/:schoolId/peilingen/:pollId': only('school_editor'),
    'POST /scholen/:schoolId/peilingen/:pollId/sluiten': only('school_editor'),
    'POST /scholen/:schoolId/peilingen/:pollId/teksten/:pollTextId': only('school_editor'),
    // Pupils answer without an account: public and cookie-less (the session of a signed-in visitor is not read).
    'GET /peiling': groups.EVERYONE,
    'GET /peiling/:code': groups.EVERYONE,
    'POST /peiling/:code': groups.EVERYONE,
  };
}

/** A poll of one school with 5 answers and a free text waiting to be read, and one question in the SWV's list. */
async function seedPoll(testApp: TestApp, partnershipId: string, schoolId: string, code: string) {
  const { db } = testApp.deps;
  const now = testApp.clock.now();
  const choice = { id: crypto.randomUUID(), kind: 'choice' as const, text: 'Krijg je hulp als je iets moeilijk vindt?', options: ['Bijna altijd', 'Soms', 'Bijna nooit'] };
  const open = { id: crypto.randomUUID(), kind: 'text' as const, text: 'Wat kan de school beter doen?', options: [] };
  await insertPollQuestions(db, [{ ...choice, partnershipId, position: 1, createdAt: now }]);
  const pollId = crypto.randomUUID();
  await insertPoll(db, { id: pollId, partnershipId, schoolId, groupName: 'groep 7', code, questions: [choice, open], openedAt: now, expiresAt: new Date(now.getTime() + 7 * 86_400_000) });
  for (let i = 0; i < 5; i += 1) {
    await insertAnswer(db, { pollId, tokenHash: `matrix-${code}-${i}`, choices: { [choice.id]: i % 3 }, texts: i === 0 ? [{ questionId: open.id, text: 'Meer uitleg bij rekenen graag.' }] : [] });
  }
  const [text] = await db.select({ id: pollTexts.id }).from(pollTexts).where(eq(pollTexts.pollId, pollId));
  return { pollQuestionId: choice.id, pollId, pollTextId: text!.id, code };
}

/** A support-point signal about one school (not shared), under a theme of its own. */
async function seedSignal(testApp: TestApp, partnershipId: string, schoolId: string): Promise<string> {
  const now = testApp.clock.now();
  const themeId = crypto.randomUUID();
  await insertTheme(testApp.deps.db, { id: themeId, partnershipId, name: 'Aanmelding geweigerd', position: 99, createdAt: now });
  const signalId = crypto.randomUUID();
  await insertSignal(testApp.deps.db, { id: signalId, partnershipId, themeId, schoolId, occurredOn: '2026-02-01', description: 'Ouders melden een weigering zonder onderzoek.', recordedAt: now });
  return signalId;
}

/** SWV A's poll at De Regenboog (its code is the `:code` of the public routes), and a signal about the school. */
export async function pollMatrixParams(testApp: TestApp): Promise<Record<string, string>> {
  return { ...(await seedPoll(testApp, testApp.demo.partnershipId, testApp.demo.schoolIds['regenboog']!, 'KMT3QA')), signalId: await seedSignal(testApp, testApp.demo.partnershipId, testApp.demo.schoolIds['regenboog']!) };
}

/** SWV B's poll, question and free text for the cross-tenant cells. */
export async function pollOtherTenantParams(testApp: TestApp): Promise<Record<string, string>> {
  const { pollQuestionId, pollId, pollTextId } = await seedPoll(testApp, testApp.other.partnershipId, testApp.other.schoolId, 'RVN4PX');
  return { pollQuestionId, pollId, pollTextId, signalId: await seedSignal(testApp, testApp.other.partnershipId, testApp.other.schoolId) };
}
