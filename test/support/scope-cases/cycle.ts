/** Scope-assertion cases: rounds (cycles), progress, profiles and their answers, documents and template versions. */
import { eq } from 'drizzle-orm';
import { confirmCarriedAnswer } from '../../../src/features/cycle/confirm-carried-answer.js';
import { generateAnswer } from '../../../src/features/cycle/demo-answers.js';
import { loadCycleForm } from '../../../src/features/cycle/load-cycle-form.js';
import { loadCyclesPage } from '../../../src/features/cycle/load-cycles-page.js';
import { loadProfileCyclePage } from '../../../src/features/cycle/load-profile-cycle-page.js';
import { loadProgressPage } from '../../../src/features/cycle/load-progress-page.js';
import { openCycle } from '../../../src/features/cycle/open-cycle.js';
import { remindSchools } from '../../../src/features/cycle/remind-schools.js';
import { cycleSettingsInput, saveCycle } from '../../../src/features/cycle/save-cycle.js';
import { cycles } from '../../../src/features/cycle/schema.js';
import { submitProfile } from '../../../src/features/cycle/submit-profile.js';
import { getProfileDocuments } from '../../../src/features/documents/get-profile-documents.js';
import { loadBatchExportPage } from '../../../src/features/documents/load-batch-export-page.js';
import { openExportDownload } from '../../../src/features/documents/open-export-download.js';
import { requestBatchExport } from '../../../src/features/documents/request-batch-export.js';
import { documentExports } from '../../../src/features/documents/schema.js';
import { listAnswers } from '../../../src/features/questionnaire/answers-repository.js';
import { loadProfilePage } from '../../../src/features/questionnaire/load-profile-page.js';
import { getProfile } from '../../../src/features/questionnaire/profiles-repository.js';
import { saveAnswer } from '../../../src/features/questionnaire/save-answer.js';
import { LIMITS_FIELD, saveSection } from '../../../src/features/questionnaire/save-section.js';
import { listItems, type TemplateDefinition } from '../../../src/features/templates/model/template.js';
import { getTemplateVersion } from '../../../src/features/templates/repository.js';
import { loadVersionPage } from '../../../src/features/templates/version-in-scope.js';
import type { ScopeCase, ScopeCaseContext } from './context.js';

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
        status: null,
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
        status: null,
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
        input: cycleSettingsInput.parse({ schoolYear: '2026-2027', opensOn: '2026-02-01', submitDeadline: '2026-06-15', closesOn: '2026-07-15', templateVersionId: ctx.other['publishedVersionId']! }),
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
        partnershipId: ctx.testApp.other.partnershipId,
        schoolYear: '2026-2027',
        profileIds: [ctx.other['profileId']!],
        baseUrl: 'http://opensop.test',
      }),
    observe: (ctx) => ctx.auditRows(ctx.testApp.other.partnershipId, 'profile.remind'),
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
  {
    name: 'confirmCarriedAnswer',
    // B's profile carried nothing over from an earlier year: nothing to confirm, said about B's answer.
    leaksAs: 'invalid_input',
    call: async (ctx) => {
      const { item } = listItems(await definitionOfB(ctx))[1]!;
      return confirmCarriedAnswer({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(EDITOR, 'profile.edit', ctx.regenboog()), profileId: ctx.other['profileId']!, itemKey: item.key });
    },
  },
  {
    name: 'beginTransition',
    // Switched off, the transition's own role check (assertRole: can() at the profile's real scope, SWV B's school)
    // still refuses the persona, but with 403 instead of 404: it tells an outsider that B's profile exists and is in
    // a state that can be submitted. The assertion is what keeps the "outsiders get 404" rule.
    leaksAs: 'forbidden',
    call: async (ctx) =>
      submitProfile({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(EDITOR, 'profile.submit', ctx.regenboog()), profileId: ctx.other['profileId']!, baseUrl: 'http://opensop.test' }),
  },
];
