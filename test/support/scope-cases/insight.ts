/** Scope-assertion cases: the diversity index, the self-assessment with review checklist, the conversation guide. */
import { eq } from 'drizzle-orm';
import { exportGuide } from '../../../src/features/conversation-guide/export-guide.js';
import { importGuide } from '../../../src/features/conversation-guide/import-guide.js';
import { loadGuideEditor } from '../../../src/features/conversation-guide/load-guide-editor.js';
import { loadGuideOverview } from '../../../src/features/conversation-guide/load-guide-overview.js';
import { loadSchoolGuidePage } from '../../../src/features/conversation-guide/load-school-guide-page.js';
import { saveConclusion } from '../../../src/features/conversation-guide/save-conclusion.js';
import { saveGuideSection } from '../../../src/features/conversation-guide/save-guide-section.js';
import { conversationConclusions, conversationGuides } from '../../../src/features/conversation-guide/schema.js';
import { exportIndex } from '../../../src/features/diversity/export-index.js';
import { loadCategoriesPage } from '../../../src/features/diversity/load-categories-page.js';
import { loadPartnershipDiversityPage } from '../../../src/features/diversity/load-partnership-diversity-page.js';
import { loadProfileDisclosure } from '../../../src/features/diversity/load-profile-disclosure.js';
import { loadSchoolDiversityPage } from '../../../src/features/diversity/load-school-diversity-page.js';
import { saveCategories } from '../../../src/features/diversity/save-categories.js';
import { saveDisclosure } from '../../../src/features/diversity/save-disclosure.js';
import { saveGroup, saveGroupInput } from '../../../src/features/diversity/save-group.js';
import { diversityCategories, diversityGroups, diversityProfileDisclosures } from '../../../src/features/diversity/schema.js';
import { getProfile } from '../../../src/features/questionnaire/profiles-repository.js';
import { loadChecklistPage } from '../../../src/features/quality-review/load-checklist-page.js';
import { loadQualityOverview } from '../../../src/features/quality-review/load-quality-overview.js';
import { loadSchoolQualityPage } from '../../../src/features/quality-review/load-school-quality-page.js';
import { exportStandards, loadStandardsPage } from '../../../src/features/quality-review/load-standards-page.js';
import { resolveDifference } from '../../../src/features/quality-review/resolve-difference.js';
import { saveChecklist } from '../../../src/features/quality-review/save-checklist.js';
import { saveStandards } from '../../../src/features/quality-review/save-standards.js';
import { qualityAssessments, qualityStandards } from '../../../src/features/quality-review/schema.js';
import { getTemplateVersion } from '../../../src/features/templates/repository.js';
import type { Permission, Scope } from '../../../src/auth/policy.js';
import { loadPrincipal } from '../../../src/features/accounts/repository.js';
import { indicatorsOf } from '../../../src/features/quality-review/model.js';
import type { Authorized } from '../../../src/ui/route.js';
import { scopeCase, type ScopeCase, type ScopeCaseContext } from './context.js';
import { importIndex } from '../../../src/features/diversity/import-index.js';
import { importStandardsFile } from '../../../src/features/quality-review/save-standards.js';
import { serializeStandards } from '../../../src/features/quality-review/standards-file.js';

const ADMIN = 'swv@voorbeeldstad.example';
const EDITOR = 'ib@regenboog.example';
const B = (ctx: ScopeCaseContext) => ctx.testApp.other.partnershipId;

async function firstSectionOfB(ctx: ScopeCaseContext): Promise<string> {
  const profile = (await getProfile(ctx.db, ctx.other['profileId']!))!;
  return (await getTemplateVersion(ctx.db, profile.templateVersionId))!.definition.sections[0]!.key;
}

/** A proof for SWV B's own people (to set up B's data as B would). */
async function ownProof(ctx: ScopeCaseContext, userId: string, permission: Permission, scope: Scope): Promise<Authorized> {
  return { principal: (await loadPrincipal(ctx.db, userId))!, permission, scope };
}

const guideOfB = async (ctx: ScopeCaseContext) => (await ctx.db.select().from(conversationGuides).where(eq(conversationGuides.templateId, ctx.other['templateId']!)))[0] ?? null;
const assessmentsOfB = async (ctx: ScopeCaseContext) => (await ctx.db.select().from(qualityAssessments).where(eq(qualityAssessments.schoolId, ctx.testApp.other.schoolId))).length;

export const insightCases: ScopeCase[] = [
  // The diversity index (issue 15).
  {
    name: 'loadCategoriesPage',
    call: async (ctx) => loadCategoriesPage({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(ADMIN, 'diversity.manageCategories', ctx.swvA()), partnershipId: B(ctx), schoolYear: null }),
  },
  {
    name: 'exportIndex',
    call: async (ctx) => exportIndex({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(ADMIN, 'diversity.manageCategories', ctx.swvA()), partnershipId: B(ctx), schoolYear: null }),
  },
  {
    name: 'loadPartnershipDiversityPage',
    call: async (ctx) => loadPartnershipDiversityPage({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(ADMIN, 'diversity.viewPartnership', ctx.swvA()), partnershipId: B(ctx), schoolYear: null }),
  },
  {
    name: 'loadSchoolDiversityPage',
    call: async (ctx) =>
      loadSchoolDiversityPage({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(EDITOR, 'diversity.viewSchool', ctx.regenboog()), schoolId: ctx.testApp.other.schoolId, schoolYear: null, groupId: null }),
  },
  {
    name: 'loadProfileDisclosure',
    call: async (ctx) => loadProfileDisclosure({ db: ctx.db, auth: await ctx.proof(EDITOR, 'diversity.includeInProfile', ctx.regenboog()), profileId: ctx.other['profileId']! }),
  },
  {
    name: 'saveCategories',
    call: async (ctx) =>
      saveCategories({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(ADMIN, 'diversity.manageCategories', ctx.swvA()),
        partnershipId: B(ctx),
        rows: [{ key: 'new1', name: 'Dyslexie', factorHundredths: 150 }],
        schoolYear: null,
        arithmetic: null,
      }),
    observe: async (ctx) => (await ctx.db.select({ id: diversityCategories.id }).from(diversityCategories).where(eq(diversityCategories.partnershipId, B(ctx)))).length,
  },
  {
    name: 'saveGroup',
    call: async (ctx) =>
      saveGroup({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(EDITOR, 'diversity.editSchool', ctx.regenboog()),
        schoolId: ctx.testApp.other.schoolId,
        input: saveGroupInput.parse({ schoolYear: '2025-2026', name: 'groep 5', pupilCount: '24' }),
      }),
    observe: async (ctx) => (await ctx.db.select({ id: diversityGroups.id }).from(diversityGroups).where(eq(diversityGroups.schoolId, ctx.testApp.other.schoolId))).length,
  },
  {
    name: 'saveDisclosure',
    call: async (ctx) => saveDisclosure({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(EDITOR, 'diversity.includeInProfile', ctx.regenboog()), profileId: ctx.other['profileId']!, include: true }),
    observe: async (ctx) => (await ctx.db.select().from(diversityProfileDisclosures).where(eq(diversityProfileDisclosures.profileId, ctx.other['profileId']!))).length,
  },
  {
    name: 'importIndex',
    // SWV A's own index file, imported as B's.
    call: async (ctx) => {
      const auth = await ctx.proof(ADMIN, 'diversity.manageCategories', ctx.swvA());
      const file = await exportIndex({ db: ctx.db, clock: ctx.testApp.clock, auth, partnershipId: ctx.testApp.demo.partnershipId, schoolYear: null });
      return importIndex({ db: ctx.db, clock: ctx.testApp.clock, auth, partnershipId: B(ctx), schoolYear: '2025-2026', source: file.text });
    },
    observe: (ctx) => ctx.auditRows(B(ctx)),
  },
  // The self-assessment with review checklist (issue 15).
  {
    name: 'loadStandardsPage',
    call: async (ctx) => loadStandardsPage({ db: ctx.db, auth: await ctx.proof(ADMIN, 'quality.manageStandards', ctx.swvA()), partnershipId: B(ctx) }),
  },
  {
    name: 'exportStandards',
    call: async (ctx) => exportStandards({ db: ctx.db, auth: await ctx.proof(ADMIN, 'quality.manageStandards', ctx.swvA()), partnershipId: B(ctx) }),
  },
  {
    name: 'saveStandards',
    call: async (ctx) =>
      saveStandards({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(ADMIN, 'quality.manageStandards', ctx.swvA()),
        partnershipId: B(ctx),
        // SWV A's own standards, saved as B's.
        standards: await exportStandards({ db: ctx.db, auth: await ctx.proof(ADMIN, 'quality.manageStandards', ctx.swvA()), partnershipId: ctx.testApp.demo.partnershipId }),
        source: 'form',
      }),
    observe: async (ctx) => (await ctx.db.select().from(qualityStandards).where(eq(qualityStandards.partnershipId, B(ctx)))).length,
  },
  {
    name: 'importStandardsFile',
    // SWV A's own standards as a file, imported as B's.
    call: async (ctx) => {
      const auth = await ctx.proof(ADMIN, 'quality.manageStandards', ctx.swvA());
      const standards = await exportStandards({ db: ctx.db, auth, partnershipId: ctx.testApp.demo.partnershipId });
      return importStandardsFile({ db: ctx.db, clock: ctx.testApp.clock, auth, partnershipId: B(ctx), source: serializeStandards(standards) });
    },
    observe: (ctx) => ctx.auditRows(B(ctx), 'quality.importStandards'),
  },
  {
    name: 'loadQualityOverview',
    call: async (ctx) =>
      loadQualityOverview({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(ADMIN, 'quality.viewPartnership', ctx.swvA()), partnershipId: B(ctx), schoolYear: null }),
  },
  {
    name: 'loadSchoolQualityPage',
    call: async (ctx) =>
      loadSchoolQualityPage({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(EDITOR, 'quality.viewSchool', ctx.regenboog()), schoolId: ctx.testApp.other.schoolId, schoolYear: null }),
  },
  {
    name: 'loadChecklistPage',
    call: async (ctx) =>
      loadChecklistPage({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(EDITOR, 'quality.selfAssess', ctx.regenboog()), schoolId: ctx.testApp.other.schoolId, schoolYear: null, kind: 'self' }),
  },
  {
    name: 'saveSelfAssessment',
    call: async (ctx) =>
      saveChecklist({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(EDITOR, 'quality.selfAssess', ctx.regenboog()), schoolId: ctx.testApp.other.schoolId, kind: 'self', values: { schoolYear: '2025-2026' } }),
    observe: assessmentsOfB,
  },
  {
    name: 'saveReview',
    call: async (ctx) =>
      saveChecklist({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(ADMIN, 'quality.review', ctx.regenboog()),
        schoolId: ctx.testApp.other.schoolId,
        kind: 'review',
        values: { schoolYear: '2025-2026', visitedOn: '2026-02-15' },
      }),
    observe: assessmentsOfB,
  },
  scopeCase({
    name: 'resolveDifference',
    // SWV B's own people rate one indicator differently (the school's self-assessment, B's shared review), so there
    // is a difference to discuss at B's school.
    setup: async (ctx) => {
      const { other, clock } = ctx.testApp;
      const b = (userId: string, permission: Permission, scope: Scope) => ownProof(ctx, userId, permission, scope);
      const swvB: Scope = { level: 'partnership', partnershipId: other.partnershipId };
      const schoolB: Scope = { level: 'school', partnershipId: other.partnershipId, boardId: other.boardId, schoolId: other.schoolId };
      const standards = await exportStandards({ db: ctx.db, auth: await ctx.proof(ADMIN, 'quality.manageStandards', ctx.swvA()), partnershipId: ctx.testApp.demo.partnershipId });
      await saveStandards({ db: ctx.db, clock, auth: await b(other.userIds.partnership_admin, 'quality.manageStandards', swvB), partnershipId: other.partnershipId, standards, source: 'form' });
      const indicatorKey = indicatorsOf(standards)[0]!.key;
      const [low, high] = standards.scale;
      const year = '2024-2025';
      await saveChecklist({ db: ctx.db, clock, auth: await b(other.userIds.school_editor, 'quality.selfAssess', schoolB), schoolId: other.schoolId, kind: 'self', values: { schoolYear: year, [`level_${indicatorKey}`]: low!.key } });
      await saveChecklist({
        db: ctx.db,
        clock,
        auth: await b(other.userIds.partnership_admin, 'quality.review', schoolB),
        schoolId: other.schoolId,
        kind: 'review',
        values: { schoolYear: year, visitedOn: '2025-03-01', share: '1', [`level_${indicatorKey}`]: high!.key },
      });
      return { indicatorKey, year };
    },
    call: async (ctx, { indicatorKey, year }) =>
      resolveDifference({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(EDITOR, 'quality.resolve', ctx.regenboog()),
        schoolId: ctx.testApp.other.schoolId,
        input: { schoolYear: year, indicatorKey, note: 'Besproken met de school.', agreedLevel: null },
      }),
    observe: (ctx) => ctx.auditRows(ctx.testApp.other.partnershipId, 'quality.discussDifference'),
  }),
  // The conversation guide (issue 15).
  {
    name: 'loadGuideOverview',
    call: async (ctx) => loadGuideOverview({ db: ctx.db, auth: await ctx.proof(ADMIN, 'conversationGuide.manage', ctx.swvA()), partnershipId: B(ctx) }),
  },
  {
    name: 'loadGuideEditor',
    call: async (ctx) => loadGuideEditor({ db: ctx.db, auth: await ctx.proof(ADMIN, 'conversationGuide.manage', ctx.swvA()), partnershipId: B(ctx), templateId: ctx.other['templateId']! }),
  },
  {
    name: 'importGuide',
    call: async (ctx) =>
      importGuide({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(ADMIN, 'conversationGuide.manage', ctx.swvA()), partnershipId: B(ctx), templateId: ctx.other['templateId']!, source: null }),
    observe: guideOfB,
  },
  {
    name: 'exportGuide',
    call: async (ctx) => exportGuide({ db: ctx.db, auth: await ctx.proof(ADMIN, 'conversationGuide.manage', ctx.swvA()), partnershipId: B(ctx), templateId: ctx.other['templateId']! }),
  },
  {
    name: 'saveGuideSection',
    call: async (ctx) => {
      const definition = (await getTemplateVersion(ctx.db, ctx.other['templateVersionId']!))!.definition;
      return saveGuideSection({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(ADMIN, 'conversationGuide.manage', ctx.swvA()),
        partnershipId: B(ctx),
        templateId: ctx.other['templateId']!,
        section: { key: definition.sections[0]!.key, questions: ['Wat gaat goed?'], tips: [], examples: [] },
      });
    },
    observe: async (ctx) => JSON.stringify(await guideOfB(ctx)),
  },
  {
    name: 'loadSchoolGuidePage',
    call: async (ctx) => loadSchoolGuidePage({ db: ctx.db, auth: await ctx.proof(EDITOR, 'conversationGuide.view', ctx.regenboog()), profileId: ctx.other['profileId']! }),
  },
  {
    name: 'saveConclusion',
    call: async (ctx) =>
      saveConclusion({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(EDITOR, 'conversationGuide.recordConclusions', ctx.regenboog()),
        profileId: ctx.other['profileId']!,
        input: { section: await firstSectionOfB(ctx), conclusion: 'We spraken af de aanmelding te verduidelijken.', previous: '' },
      }),
    observe: async (ctx) => (await ctx.db.select().from(conversationConclusions).where(eq(conversationConclusions.profileId, ctx.other['profileId']!))).length,
  },
];
