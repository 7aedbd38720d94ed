/** Scope-assertion cases: rounds (cycles), progress, profiles and their answers, documents and template versions. */
import { and, eq } from 'drizzle-orm';
import { confirmCarriedAnswer } from '../../../src/features/cycle/confirm-carried-answer.js';
import { generateAnswer } from '../../../src/features/cycle/demo-answers.js';
import { loadCycleForm } from '../../../src/features/cycle/load-cycle-form.js';
import { loadCyclesPage } from '../../../src/features/cycle/load-cycles-page.js';
import { loadProfileCyclePage } from '../../../src/features/cycle/load-profile-cycle-page.js';
import { loadProgressPage } from '../../../src/features/cycle/load-progress-page.js';
import { openCycle } from '../../../src/features/cycle/open-cycle.js';
import { remindSchools } from '../../../src/features/cycle/remind-schools.js';
import { cycleSettingsInput, saveCycle } from '../../../src/features/cycle/save-cycle.js';
import { cycleRulesT } from '../../../src/features/cycle/transition-rules.js';
import { cycles } from '../../../src/features/cycle/schema.js';
import { submitProfile } from '../../../src/features/cycle/submit-profile.js';
import { getProfileDocuments } from '../../../src/features/documents/get-profile-documents.js';
import { loadBatchExportPage } from '../../../src/features/documents/load-batch-export-page.js';
import { openExportDownload } from '../../../src/features/documents/open-export-download.js';
import { requestBatchExport } from '../../../src/features/documents/request-batch-export.js';
import { documentExports } from '../../../src/features/documents/schema.js';
import { listAnswers } from '../../../src/features/questionnaire/answers-repository.js';
import { loadProfilePage } from '../../../src/features/questionnaire/load-profile-page.js';
import { getProfile, insertProfile } from '../../../src/features/questionnaire/profiles-repository.js';
import { answers, profiles } from '../../../src/features/questionnaire/schema.js';
import { loadPrincipal } from '../../../src/features/accounts/repository.js';
import { saveAnswer } from '../../../src/features/questionnaire/save-answer.js';
import { LIMITS_FIELD, saveSection } from '../../../src/features/questionnaire/save-section.js';
import { listItems, type TemplateDefinition } from '../../../src/features/templates/model/template.js';
import { getTemplateVersion, insertTemplateVersion } from '../../../src/features/templates/repository.js';
import { loadVersionPage } from '../../../src/features/templates/version-in-scope.js';
import { scopeCase, type BackedAssertion, type ScopeCase, type ScopeCaseContext } from './context.js';

const ADMIN = 'swv@voorbeeldstad.example';
const EDITOR = 'ib@regenboog.example';

/** The template of SWV B's profile (2026-2027). */
async function definitionOfB(ctx: ScopeCaseContext): Promise<TemplateDefinition> {
  const profile = (await getProfile(ctx.db, ctx.other['profileId']!))!;
  return (await getTemplateVersion(ctx.db, profile.templateVersionId))!.definition;
}

const answersOfB = async (ctx: ScopeCaseContext) => listAnswers(ctx.db, ctx.other['profileId']!);

export const cycleCases: ScopeCase[] = [
  {
    name: 'loadCyclesPage',
    call: async (ctx) => loadCyclesPage({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(ADMIN, 'cycle.manage', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId }),
  },
  {
    name: 'loadCycleForm',
    call: async (ctx) =>
      loadCycleForm({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(ADMIN, 'cycle.manage', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId, schoolYear: null }),
  },
  {
    name: 'loadProgressPage',
    call: async (ctx) =>
      loadProgressPage({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(ADMIN, 'partnership.view', ctx.swvA()),
        place: { partnershipId: ctx.testApp.other.partnershipId, schoolYear: '2026-2027' },
      }),
  },
  {
    name: 'loadProgressPage.board',
    call: async (ctx) =>
      loadProgressPage({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof('bestuur@spov.example', 'board.view', ctx.spov()),
        place: { boardId: ctx.testApp.other.boardId, schoolYear: '2026-2027' },
      }),
  },
  {
    name: 'loadProfileContext',
    call: async (ctx) => loadProfileCyclePage({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(EDITOR, 'profile.view', ctx.regenboog()), profileId: ctx.other['profileId']! }),
  },
  {
    name: 'loadProfilePage',
    call: async (ctx) => loadProfilePage({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(EDITOR, 'profile.view', ctx.regenboog()), profileId: ctx.other['profileId']! }),
  },
  {
    name: 'profileDocuments',
    call: async (ctx) => getProfileDocuments({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(EDITOR, 'documents.download', ctx.regenboog()), profileId: ctx.other['profileId']! }),
  },
  {
    name: 'loadBatchExportPage',
    call: async (ctx) => loadBatchExportPage({ db: ctx.db, auth: await ctx.proof(ADMIN, 'documents.batch', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId }),
  },
  {
    name: 'openExportDownload',
    call: async (ctx) =>
      openExportDownload({ db: ctx.db, auth: await ctx.proof(ADMIN, 'documents.batch', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId, exportId: ctx.other['exportId']! }),
  },
  {
    name: 'findVersionInScope',
    call: async (ctx) => loadVersionPage(ctx.db, { auth: await ctx.proof(ADMIN, 'template.manage', ctx.swvA()), versionId: ctx.other['templateVersionId']!, draftOnly: false, locale: 'nl' }),
  },
  {
    name: 'saveCycle',
    call: async (ctx) =>
      saveCycle({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(ADMIN, 'cycle.manage', ctx.swvA()),
        partnershipId: ctx.testApp.other.partnershipId,
        input: cycleSettingsInput(cycleRulesT('nl')).parse({ schoolYear: '2026-2027', opensOn: '2026-02-01', submitDeadline: '2026-06-15', closesOn: '2026-07-15', templateVersionId: ctx.other['publishedVersionId']! }),
        mode: 'update',
      }),
    observe: async (ctx) => (await ctx.db.select({ deadline: cycles.submitDeadline }).from(cycles).where(eq(cycles.id, ctx.other['cycleId']!)))[0]?.deadline,
  },
  {
    name: 'openCycle',
    call: async (ctx) =>
      openCycle({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(ADMIN, 'cycle.manage', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId, schoolYear: '2026-2027' }),
    observe: async (ctx) => (await ctx.db.select({ at: cycles.openedAt }).from(cycles).where(eq(cycles.id, ctx.other['cycleId']!)))[0]?.at ?? null,
  },
  {
    name: 'remindSchools',
    call: async (ctx) =>
      remindSchools({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(ADMIN, 'cycle.manage', ctx.swvA()),
        place: { partnershipId: ctx.testApp.other.partnershipId },
        schoolYear: '2026-2027',
        profileIds: [ctx.other['profileId']!],
        baseUrl: 'http://opensop.test',
      }),
    observe: (ctx) => ctx.auditRows(ctx.testApp.other.partnershipId, 'profile.remind'),
  },
  {
    name: 'remindSchools.board',
    call: async (ctx) =>
      remindSchools({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof('bestuur@spov.example', 'board.remind', ctx.spov()),
        place: { boardId: ctx.testApp.other.boardId },
        schoolYear: '2026-2027',
        profileIds: [ctx.other['profileId']!],
        baseUrl: 'http://opensop.test',
      }),
    // No audit observation: the SWV's case above already reminded this school today, so getting in shows as the
    // call returning (B's board's round found) rather than as a second reminder.
  },
  {
    name: 'requestBatchExport',
    call: async (ctx) =>
      requestBatchExport({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(ADMIN, 'documents.batch', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId, schoolYear: '2026-2027' }),
    observe: async (ctx) => (await ctx.db.select({ id: documentExports.id }).from(documentExports).where(eq(documentExports.partnershipId, ctx.testApp.other.partnershipId))).length,
  },
  {
    name: 'saveAnswer',
    call: async (ctx) => {
      const definition = await definitionOfB(ctx);
      const { item } = listItems(definition)[0]!;
      return saveAnswer({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(EDITOR, 'profile.edit', ctx.regenboog()),
        profileId: ctx.other['profileId']!,
        itemKey: item.key,
        field: 'value',
        value: generateAnswer(definition, item, 'scope').value,
        baseRevision: 0,
      });
    },
    observe: answersOfB,
  },
  {
    name: 'saveSection',
    call: async (ctx) => {
      const section = (await definitionOfB(ctx)).sections.find((candidate) => candidate.asksLimits)!;
      return saveSection({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(EDITOR, 'profile.edit', ctx.regenboog()),
        profileId: ctx.other['profileId']!,
        sectionKey: section.key,
        form: { [LIMITS_FIELD]: 'De grenzen van een andere school.', [`${LIMITS_FIELD}.revision`]: '0' },
      });
    },
    observe: answersOfB,
  },
  scopeCase({
    name: 'confirmCarriedAnswer',
    // SWV B's school published last year's profile on a version where one question had another title, so this
    // year's answer to it was carried over and waits for the school's confirmation.
    setup: async (ctx) => {
      const { other, clock } = ctx.testApp;
      const current = (await getProfile(ctx.db, ctx.other['profileId']!))!;
      const definition = structuredClone((await getTemplateVersion(ctx.db, current.templateVersionId))!.definition);
      const { item } = listItems(definition)[1]!;
      // B's editor answered it, as the prefill would have: carried over, waiting for confirmation.
      const editorB = (await loadPrincipal(ctx.db, other.userIds.school_editor))!;
      const schoolB = { level: 'school', partnershipId: other.partnershipId, boardId: other.boardId, schoolId: other.schoolId } as const;
      const value = generateAnswer(definition, item, 'vorig jaar').value;
      await saveAnswer({ db: ctx.db, clock, auth: { principal: editorB, permission: 'profile.edit', scope: schoolB }, profileId: current.id, itemKey: item.key, field: 'value', value, baseRevision: 0 });
      await ctx.db.update(answers).set({ carriedOver: true }).where(and(eq(answers.profileId, current.id), eq(answers.itemKey, item.key)));
      item.title = `${item.title} (vorig jaar)`;
      const versionId = crypto.randomUUID();
      await insertTemplateVersion(ctx.db, { id: versionId, templateId: ctx.other['templateId']!, partnershipId: other.partnershipId, number: 3, status: 'published', schoolYear: '2025-2026', definition, createdAt: clock.now() });
      const previousId = crypto.randomUUID();
      await insertProfile(ctx.db, { id: previousId, partnershipId: other.partnershipId, schoolId: other.schoolId, schoolYear: '2025-2026', templateVersionId: versionId, createdAt: clock.now() });
      await ctx.db.update(profiles).set({ status: 'published' }).where(eq(profiles.id, previousId));
      return item.key;
    },
    call: async (ctx, itemKey) =>
      confirmCarriedAnswer({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(EDITOR, 'profile.edit', ctx.regenboog()), profileId: ctx.other['profileId']!, itemKey }),
    observe: (ctx) => ctx.auditRows(ctx.testApp.other.partnershipId, 'answer.confirmCarriedOver'),
  }),
];

/**
 * beginTransition's assertion is backed by the transition's own check at the profile's real scope (SWV B's school):
 * an outsider is answered 404 there too, before the profile's dates or status can show that it exists.
 */
export const cycleNotLoadBearing: Record<string, BackedAssertion> = {
  beginTransition: {
    reason:
      "right after it, inside the transaction, beginTransition answers 404 to anyone with no role at the profile's own scope (profileScope: SWV B's school), before the cycle's dates and the profile's status are checked, and assertRole runs requireAccess there (outsiders 404, insiders 403); before that second line, switching the assertion off leaked B's profile as a 403",
    call: async (ctx) =>
      submitProfile({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(EDITOR, 'profile.submit', ctx.regenboog()), profileId: ctx.other['profileId']!, baseUrl: 'http://opensop.test' }),
  },
};
