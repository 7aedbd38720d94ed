/** Scope-assertion cases: the SWV, its register of boards and schools, settings and contacts. */
import { eq } from 'drizzle-orm';
import { addSchool } from '../../../src/features/partnerships/add-school.js';
import { archiveBoard } from '../../../src/features/partnerships/archive-board.js';
import { archiveSchool } from '../../../src/features/partnerships/archive-school.js';
import { editBoard } from '../../../src/features/partnerships/edit-board.js';
import { editSchool } from '../../../src/features/partnerships/edit-school.js';
import { loadBoardEditPage } from '../../../src/features/partnerships/load-board-edit-page.js';
import { loadBoardPage } from '../../../src/features/partnerships/load-board-page.js';
import { loadPartnershipOverview } from '../../../src/features/partnerships/load-partnership-overview.js';
import { loadRegisterPage } from '../../../src/features/partnerships/load-register-page.js';
import { loadSchoolFormPage } from '../../../src/features/partnerships/load-school-form-page.js';
import { loadSchoolPage } from '../../../src/features/partnerships/load-school-page.js';
import { loadSettingsPage } from '../../../src/features/partnerships/load-settings-page.js';
import { partnershipMessages } from '../../../src/features/partnerships/messages.js';
import { insertBoard, insertSchool } from '../../../src/features/partnerships/repository.js';
import { boards, partnerships, schools } from '../../../src/features/partnerships/schema.js';
import { schoolFormInput } from '../../../src/features/partnerships/school-form.js';
import { partnershipSettingsInput, updateSettings } from '../../../src/features/partnerships/update-partnership-settings.js';
import { CONTACTS_VERSION_FIELD, contactsVersion, updateSchoolContacts } from '../../../src/features/partnerships/update-school-contacts.js';
import { translator } from '../../../src/ui/i18n.js';
import { scopeCase, type ScopeCase, type ScopeCaseContext } from './context.js';

const ADMIN = 'swv@voorbeeldstad.example';
const t = translator(partnershipMessages, 'nl');
/** Numbers for fresh boards and schools, unique in the process. */
let fresh = 0;

/** An empty board (no schools, so it can be archived). */
async function freshBoard(ctx: ScopeCaseContext, partnershipId: string): Promise<string> {
  const id = crypto.randomUUID();
  fresh += 1;
  await insertBoard(ctx.db, { id, partnershipId, name: `Stichting ${id.slice(0, 6)}`, boardNumber: String(80_000_000 + fresh) });
  return id;
}

/** A school of SWV A on board De Linde (outside De Regenboog's scope), so writing to it does not disturb other cases. */
async function freshSchoolOfA(ctx: ScopeCaseContext): Promise<string> {
  const { demo, clock } = ctx.testApp;
  const id = crypto.randomUUID();
  fresh += 1;
  const brin = `${String(10 + (fresh % 90)).padStart(2, '0')}ZQ`;
  await insertSchool(ctx.db, { id, partnershipId: demo.partnershipId, boardId: demo.boardIds['linde']!, name: 'De Scopeschool', brin, locationCode: `${brin}00`, createdAt: clock.now() });
  return id;
}

const SAME_SWV_SCHOOL =
  'the use case finds the school within auth.scope.partnershipId (findSchoolInPartnership), so SWV B is kept out twice; against another school of SWV A the assertion is the only guard';

export const partnershipsCases: ScopeCase[] = [
  {
    name: 'loadPartnershipOverview',
    call: async (ctx) => loadPartnershipOverview({ db: ctx.db, auth: await ctx.proof(ADMIN, 'partnership.view', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId, locale: 'nl' }),
  },
  {
    name: 'loadBoardPage',
    call: async (ctx) => loadBoardPage({ db: ctx.db, auth: await ctx.proof('bestuur@spov.example', 'board.view', ctx.spov()), boardId: ctx.testApp.other.boardId }),
  },
  {
    name: 'loadSchoolPage',
    call: async (ctx) => loadSchoolPage({ db: ctx.db, auth: await ctx.proof('ib@regenboog.example', 'school.view', ctx.regenboog()), schoolId: ctx.testApp.other.schoolId }),
  },
  {
    name: 'loadSettingsPage',
    call: async (ctx) => loadSettingsPage({ db: ctx.db, auth: await ctx.proof(ADMIN, 'partnership.manage', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId }),
  },
  {
    name: 'loadRegisterPage',
    call: async (ctx) => loadRegisterPage({ db: ctx.db, auth: await ctx.proof(ADMIN, 'partnership.view', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId, locale: 'nl' }),
  },
  {
    name: 'loadSchoolFormPage',
    call: async (ctx) => loadSchoolFormPage({ db: ctx.db, auth: await ctx.proof(ADMIN, 'partnership.manage', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId }),
  },
  {
    name: 'loadSchoolFormPage.school',
    foreign: "the second assertion (loadSchoolFormPage) compares the school's SWV with the scope's, so SWV B is kept out twice; against another school of SWV A this one is the only guard",
    call: async (ctx) =>
      loadSchoolFormPage({ db: ctx.db, auth: await ctx.proof(ADMIN, 'partnership.manage', ctx.regenboog()), schoolId: ctx.testApp.demo.schoolIds['vlinder']! }),
  },
  {
    name: 'loadBoardEditPage',
    call: async (ctx) => loadBoardEditPage({ db: ctx.db, auth: await ctx.proof(ADMIN, 'partnership.manage', ctx.spov()), boardId: ctx.testApp.other.boardId }),
  },
  {
    name: 'addSchool',
    call: async (ctx) =>
      addSchool({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(ADMIN, 'partnership.manage', ctx.swvA()),
        partnershipId: ctx.testApp.other.partnershipId,
        input: schoolFormInput(t).parse({ name: 'De Nieuwe Rivierschool', brin: '98ZZ00', boardId: ctx.testApp.other.boardId }),
        t,
      }),
    observe: async (ctx) => (await ctx.db.select({ id: schools.id }).from(schools).where(eq(schools.partnershipId, ctx.testApp.other.partnershipId))).length,
  },
  scopeCase({
    name: 'editSchool',
    foreign: SAME_SWV_SCHOOL,
    setup: freshSchoolOfA,
    call: async (ctx, schoolId) =>
      editSchool({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(ADMIN, 'partnership.manage', ctx.regenboog()),
        schoolId,
        input: schoolFormInput(t).parse({ name: 'De Hernoemde School', brin: '96ZX00', boardId: ctx.testApp.demo.boardIds['linde']! }),
        t,
      }),
    observe: async (ctx, schoolId) => (await ctx.db.select({ name: schools.name }).from(schools).where(eq(schools.id, schoolId)))[0]?.name,
  }),
  scopeCase({
    name: 'archiveSchool',
    foreign: SAME_SWV_SCHOOL,
    setup: freshSchoolOfA,
    call: async (ctx, schoolId) => archiveSchool({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(ADMIN, 'partnership.manage', ctx.regenboog()), schoolId }),
    observe: async (ctx, schoolId) => (await ctx.db.select({ at: schools.archivedAt }).from(schools).where(eq(schools.id, schoolId)))[0]?.at ?? null,
  }),
  scopeCase({
    name: 'archiveBoard',
    setup: (ctx) => freshBoard(ctx, ctx.testApp.other.partnershipId),
    call: async (ctx, boardId) => archiveBoard({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(ADMIN, 'partnership.manage', ctx.spov()), boardId, t }),
    observe: async (ctx, boardId) => (await ctx.db.select({ at: boards.archivedAt }).from(boards).where(eq(boards.id, boardId)))[0]?.at ?? null,
  }),
  scopeCase({
    name: 'editBoard',
    setup: (ctx) => freshBoard(ctx, ctx.testApp.other.partnershipId),
    call: async (ctx, boardId) =>
      editBoard({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof(ADMIN, 'partnership.manage', ctx.spov()), boardId, input: { name: 'Stichting Overgenomen', boardNumber: '12345' }, t }),
    observe: async (ctx, boardId) => (await ctx.db.select({ name: boards.name }).from(boards).where(eq(boards.id, boardId)))[0]?.name,
  }),
  {
    name: 'updateSettings',
    call: async (ctx) =>
      updateSettings({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof(ADMIN, 'partnership.manage', ctx.swvA()),
        partnershipId: ctx.testApp.other.partnershipId,
        input: partnershipSettingsInput(t).parse({ name: 'SWV Passend Onderwijs Rivierenland', primaryColor: '#5a1d6e' }),
      }),
    observe: async (ctx) => (await ctx.db.select({ color: partnerships.primaryColor }).from(partnerships).where(eq(partnerships.id, ctx.testApp.other.partnershipId)))[0]?.color,
  },
  {
    name: 'updateSchoolContacts',
    call: async (ctx) =>
      updateSchoolContacts({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await ctx.proof('ib@regenboog.example', 'school.editContacts', ctx.regenboog()),
        schoolId: ctx.testApp.other.schoolId,
        input: { contacts: [{ name: 'Iemand Anders', role: 'Directeur', topic: '', email: '', showToParents: false }], [CONTACTS_VERSION_FIELD]: contactsVersion([]) },
      }),
    observe: async (ctx) => ctx.auditRows(ctx.testApp.other.partnershipId, 'school.update_contacts'),
  },
];
