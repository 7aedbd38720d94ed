/** Scope-assertion cases: plausibility verdicts, the pupil poll, the pupils' voice and the support point's signals. */
import { and, eq } from 'drizzle-orm';
import { loadVerdictPage } from '../../../src/features/plausibility/load-verdict-page.js';
import { loadVerdictSection } from '../../../src/features/plausibility/load-verdict-section.js';
import { loadVerdictsOverview } from '../../../src/features/plausibility/load-verdicts-overview.js';
import { recordVerdict } from '../../../src/features/plausibility/record-verdict.js';
import { loadPollSummaryForRecord } from '../../../src/features/pupil-poll/poll-summary.js';
import { addPollQuestion, addPollQuestionInput, adoptExampleQuestions, loadPollQuestionsPage, removePollQuestion } from '../../../src/features/pupil-poll/questions.js';
import { reviewPollText } from '../../../src/features/pupil-poll/review-poll-text.js';
import { closePoll, loadPollPage, loadSchoolPollsPage, openPoll } from '../../../src/features/pupil-poll/school-polls.js';
import { pollQuestions, polls, pollTexts } from '../../../src/features/pupil-poll/schema.js';
import { insertPoll } from '../../../src/features/pupil-poll/repository.js';
import { loadPupilVoice } from '../../../src/features/pupil-voice/load-pupil-voice.js';
import { recordPupilVoice } from '../../../src/features/pupil-voice/record-pupil-voice.js';
import { pupilVoiceRecords } from '../../../src/features/pupil-voice/schema.js';
import { getProfile } from '../../../src/features/questionnaire/profiles-repository.js';
import { addTheme } from '../../../src/features/support-point/add-theme.js';
import { loadSchoolSignals } from '../../../src/features/support-point/load-school-signals.js';
import { loadSignalsPage } from '../../../src/features/support-point/load-signals-page.js';
import { recordSignal } from '../../../src/features/support-point/record-signal.js';
import { listThemes } from '../../../src/features/support-point/repository.js';
import { supportPointSignals, supportPointThemes } from '../../../src/features/support-point/schema.js';
import { shareSignal } from '../../../src/features/support-point/share-signal.js';
import { scopeCase, type BackedAssertion, type ScopeCase, type ScopeCaseContext } from './context.js';

const ADMIN = 'swv@voorbeeldstad.example';
const EDITOR = 'ib@regenboog.example';
const SUPPORT = 'steunpunt@voorbeeldstad.example';
const pollRun = (ctx: ScopeCaseContext) => ctx.proof(EDITOR, 'poll.run', ctx.regenboog());

/** A fresh open poll of SWV B's school (closing it must not disturb the other cases' poll). */
async function freshPollOfB(ctx: ScopeCaseContext): Promise<string> {
  const now = ctx.testApp.clock.now();
  const id = crypto.randomUUID();
  await insertPoll(ctx.db, {
    id,
    partnershipId: ctx.testApp.other.partnershipId,
    schoolId: ctx.testApp.other.schoolId,
    groupName: 'groep 8',
    code: `S${id.replace(/[^A-Z0-9]/gi, '').slice(0, 5).toUpperCase()}`,
    questions: [],
    openedAt: now,
    expiresAt: new Date(now.getTime() + 7 * 86_400_000),
  });
  return id;
}

const questionsOfB = async (ctx: ScopeCaseContext) =>
  (await ctx.db.select({ id: pollQuestions.id, archivedAt: pollQuestions.archivedAt }).from(pollQuestions).where(eq(pollQuestions.partnershipId, ctx.testApp.other.partnershipId))).map(
    (row) => `${row.id}:${row.archivedAt ? 'archived' : 'live'}`,
  ).sort();

export const peopleCases: ScopeCase[] = [
  {
    name: 'loadVerdictPage',
    call: async (ctx) => loadVerdictPage({ db: ctx.db, auth: await ctx.proof('adviseur@voorbeeldstad.example', 'profile.assess', ctx.regenboog()), profileId: ctx.other['profileId']! }),
  },
  {
    name: 'loadVerdictSection',
    call: async (ctx) =>
      loadVerdictSection({ db: ctx.db, auth: await ctx.proof('adviseur@voorbeeldstad.example', 'profile.view', ctx.regenboog()), profile: (await getProfile(ctx.db, ctx.other['profileId']!))! }),
  },
  {
    name: 'loadVerdictsOverview',
    call: async (ctx) => loadVerdictsOverview({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(ADMIN, 'partnership.viewVerdicts', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId }),
  },
  {
    name: 'loadPupilVoice',
    call: async (ctx) => loadPupilVoice({ db: ctx.db, auth: await ctx.proof(EDITOR, 'profile.recordPupilVoice', ctx.regenboog()), profileId: ctx.other['profileId']! }),
  },
  {
    name: 'recordPupilVoice',
    call: async (ctx) =>
      recordPupilVoice({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(EDITOR, 'profile.recordPupilVoice', ctx.regenboog()),
        profileId: ctx.other['profileId']!,
        input: { methods: ['pupil_council'], consultedOn: '2026-02-10', summary: 'De leerlingen willen meer rust in de klas.', followUp: 'Een stilteplek.' },
      }),
    observe: async (ctx) => (await ctx.db.select().from(pupilVoiceRecords).where(eq(pupilVoiceRecords.profileId, ctx.other['profileId']!))).length,
  },
  {
    name: 'loadPollQuestionsPage',
    call: async (ctx) => loadPollQuestionsPage({ db: ctx.db, auth: await ctx.proof(ADMIN, 'poll.manageQuestions', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId }),
  },
  {
    name: 'addPollQuestion',
    call: async (ctx) =>
      addPollQuestion({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(ADMIN, 'poll.manageQuestions', ctx.swvA()),
        partnershipId: ctx.testApp.other.partnershipId,
        input: addPollQuestionInput.parse({ kind: 'choice', text: 'Voel je je veilig op school?', options: 'Ja\nNee' }),
      }),
    observe: questionsOfB,
  },
  {
    name: 'removePollQuestion',
    call: async (ctx) =>
      removePollQuestion({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(ADMIN, 'poll.manageQuestions', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId, questionId: ctx.other['pollQuestionId']! }),
    observe: questionsOfB,
  },
  {
    name: 'adoptExampleQuestions',
    // Done after removing B's questions: adopting the examples is for an SWV without questions.
    setup: async (ctx) => {
      await ctx.db.delete(pollQuestions).where(eq(pollQuestions.partnershipId, ctx.testApp.other.partnershipId));
    },
    call: async (ctx) => adoptExampleQuestions({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(ADMIN, 'poll.manageQuestions', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId }),
    observe: questionsOfB,
  },
  {
    name: 'loadSchoolPollsPage',
    call: async (ctx) => loadSchoolPollsPage({ db: ctx.db, clock: ctx.testApp.clock, auth: await pollRun(ctx), schoolId: ctx.testApp.other.schoolId }),
  },
  {
    name: 'loadPollPage',
    call: async (ctx) => loadPollPage({ db: ctx.db, clock: ctx.testApp.clock, auth: await pollRun(ctx), schoolId: ctx.testApp.other.schoolId, pollId: ctx.other['pollId']! }),
  },
  {
    name: 'loadPollSummaryForRecord',
    call: async (ctx) => loadPollSummaryForRecord({ db: ctx.db, auth: await pollRun(ctx), schoolId: ctx.testApp.other.schoolId, pollId: ctx.other['pollId']! }),
  },
  {
    name: 'openPoll',
    call: async (ctx) => openPoll({ db: ctx.db, clock: ctx.testApp.clock, auth: await pollRun(ctx), schoolId: ctx.testApp.other.schoolId, input: { groupName: 'groep 6', days: '7' } }),
    observe: async (ctx) => (await ctx.db.select({ id: polls.id }).from(polls).where(eq(polls.schoolId, ctx.testApp.other.schoolId))).length,
  },
  scopeCase({
    name: 'closePoll',
    setup: freshPollOfB,
    call: async (ctx, pollId) => closePoll({ db: ctx.db, clock: ctx.testApp.clock, auth: await pollRun(ctx), schoolId: ctx.testApp.other.schoolId, pollId }),
    observe: async (ctx, pollId) => (await ctx.db.select().from(polls).where(eq(polls.id, pollId)))[0],
  }),
  {
    name: 'reviewPollText',
    call: async (ctx) =>
      reviewPollText({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await pollRun(ctx),
        schoolId: ctx.testApp.other.schoolId,
        pollId: ctx.other['pollId']!,
        textId: ctx.other['pollTextId']!,
        input: { decision: 'released' },
      }),
    observe: async (ctx) => (await ctx.db.select({ status: pollTexts.status }).from(pollTexts).where(eq(pollTexts.id, ctx.other['pollTextId']!)))[0]?.status,
  },
  {
    name: 'loadSignalsPage',
    call: async (ctx) => loadSignalsPage({ db: ctx.db, auth: await ctx.proof(SUPPORT, 'signals.view', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId }),
  },
  {
    name: 'loadSchoolSignals',
    call: async (ctx) => loadSchoolSignals({ db: ctx.db, auth: await ctx.proof(EDITOR, 'signals.viewOwnSchool', ctx.regenboog()), schoolId: ctx.testApp.other.schoolId }),
  },
  {
    name: 'addTheme',
    call: async (ctx) =>
      addTheme({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(ADMIN, 'signals.manageThemes', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId, input: { name: 'Thuiszitters' } }),
    observe: async (ctx) => (await ctx.db.select({ id: supportPointThemes.id }).from(supportPointThemes).where(eq(supportPointThemes.partnershipId, ctx.testApp.other.partnershipId))).length,
  },
  {
    name: 'recordSignal',
    call: async (ctx) =>
      recordSignal({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(SUPPORT, 'signals.record', ctx.swvA()),
        partnershipId: ctx.testApp.other.partnershipId,
        input: { themeId: (await listThemes(ctx.db, ctx.testApp.other.partnershipId))[0]!.id, schoolId: null, occurredOn: '2026-02-20', itemKey: null, description: 'Een ouder belde over een lange wachttijd.' },
      }),
    observe: async (ctx) => (await ctx.db.select({ id: supportPointSignals.id }).from(supportPointSignals).where(eq(supportPointSignals.partnershipId, ctx.testApp.other.partnershipId))).length,
  },
  {
    name: 'shareSignal',
    call: async (ctx) =>
      shareSignal({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(SUPPORT, 'signals.record', ctx.swvA()),
        partnershipId: ctx.testApp.other.partnershipId,
        signalId: ctx.other['signalId']!,
        input: { shared: 'ja' },
      }),
    observe: async (ctx) =>
      (await ctx.db.select({ shared: supportPointSignals.sharedWithSchool }).from(supportPointSignals).where(and(eq(supportPointSignals.id, ctx.other['signalId']!))))[0]?.shared,
  },
];

export const peopleNotLoadBearing: Record<string, BackedAssertion> = {
  recordVerdict: {
    reason:
      "right after it, inside the transaction, requireAccess('profile.assess') runs at the profile's own scope (profileScope: SWV B's school) and answers 404 to anyone whose roles do not cover that school; it is kept because the profile's status may have changed since the route's check",
    call: async (ctx) =>
      recordVerdict({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof('adviseur@voorbeeldstad.example', 'profile.assess', ctx.regenboog()),
        profileId: ctx.other['profileId']!,
        input: { verdict: 'plausible', conversationOn: null, agreements: null },
      }),
  },
};
