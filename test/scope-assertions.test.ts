/**
 * Each scope assertion is load-bearing (docs/conventions.md "The authorization contract").
 *
 * A representative subset, bounded so it stays well under two minutes: for each named assertion, the request
 * (or the use case) is made with a proof for SWV A and an id of SWV B. With the assertion on, the answer is 404;
 * with exactly that assertion switched off (`switchOffScopeAssertionForTests`), SWV B's data comes back — the
 * persona gets in, so the test would fail. The matrix's cross-tenant cells make the same request over HTTP.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/auth/app-error.js';
import { scopeAssertionsReached, switchOffScopeAssertionForTests, type Scope } from '../src/auth/policy.js';
import type { Permission } from '../src/auth/policy.js';
import { loadPrincipal } from '../src/features/accounts/repository.js';
import { loadUsersPage } from '../src/features/accounts/load-users-page.js';
import { loadCyclesPage } from '../src/features/cycle/load-cycles-page.js';
import { loadBoardPage } from '../src/features/partnerships/load-board-page.js';
import { loadPartnershipOverview } from '../src/features/partnerships/load-partnership-overview.js';
import { loadSchoolPage } from '../src/features/partnerships/load-school-page.js';
import { loadProfilePage } from '../src/features/questionnaire/load-profile-page.js';
import { loadDistrictsPage } from '../src/features/register/load-districts-page.js';
import { loadRevokePage } from '../src/features/accounts/load-revoke-page.js';
import { loadCycleForm } from '../src/features/cycle/load-cycle-form.js';
import { loadProfileCyclePage } from '../src/features/cycle/load-profile-cycle-page.js';
import { loadProgressPage } from '../src/features/cycle/load-progress-page.js';
import { getProfileDocuments } from '../src/features/documents/get-profile-documents.js';
import { loadBatchExportPage } from '../src/features/documents/load-batch-export-page.js';
import { loadBoardEditPage } from '../src/features/partnerships/load-board-edit-page.js';
import { loadRegisterPage } from '../src/features/partnerships/load-register-page.js';
import { loadSchoolFormPage } from '../src/features/partnerships/load-school-form-page.js';
import { loadSettingsPage } from '../src/features/partnerships/load-settings-page.js';
import { loadRegisterUploadPage } from '../src/features/register/load-register-upload-page.js';
import type { Authorized } from '../src/ui/route.js';
import { loadAuditLogPage } from '../src/features/audit-log/load-audit-log-page.js';
import { removeSecondFactor } from '../src/features/accounts/remove-second-factor.js';
import { matrixFixtures, type MatrixFixtures } from './support/matrix-fixtures.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

/** Runs `call`; 'denied' when it throws AppError('not_found'), 'in' when it returns. */
async function outcome(call: () => Promise<unknown>): Promise<'denied' | 'in'> {
  try {
    await call();
    return 'in';
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return 'denied';
    throw error;
  }
}

for (const kind of TEST_DATABASE_KINDS) {
  describe(`scope assertions are load-bearing (${kind})`, () => {
    let testApp: TestApp;
    let fixtures: MatrixFixtures;

    beforeAll(async () => {
      testApp = await createTestApp(kind);
      fixtures = await matrixFixtures(testApp);
    });
    afterEach(() => switchOffScopeAssertionForTests(null));
    afterAll(async () => testApp?.close());

    async function proof(email: string, permission: Permission, scope: Scope): Promise<Authorized> {
      const principal = await loadPrincipal(testApp.deps.db, testApp.demo.userIds[email]!);
      return { principal: principal!, permission, scope };
    }
    const swvA = () => ({ level: 'partnership', partnershipId: testApp.demo.partnershipId }) as const;
    const regenboog = () =>
      ({ level: 'school', partnershipId: testApp.demo.partnershipId, boardId: testApp.demo.boardIds['spov']!, schoolId: testApp.demo.schoolIds['regenboog']! }) as const;

    /** Use cases called with SWV A's proof and SWV B's id. */
    const useCaseCases: Array<{ name: string; call: () => Promise<unknown> }> = [
      {
        name: 'loadPartnershipOverview',
        call: async () => loadPartnershipOverview({ db: testApp.deps.db, auth: await proof('swv@voorbeeldstad.example', 'partnership.view', swvA()), partnershipId: testApp.other.partnershipId, locale: 'nl' }),
      },
      {
        name: 'loadUsersPage',
        call: async () => loadUsersPage({ db: testApp.deps.db, auth: await proof('swv@voorbeeldstad.example', 'partnership.manage', swvA()), partnershipId: testApp.other.partnershipId }),
      },
      {
        name: 'loadBatchExportPage',
        call: async () => loadBatchExportPage({ db: testApp.deps.db, auth: await proof('swv@voorbeeldstad.example', 'documents.batch', swvA()), partnershipId: testApp.other.partnershipId }),
      },
      {
        name: 'loadCyclesPage',
        call: async () => loadCyclesPage({ db: testApp.deps.db, clock: testApp.clock, auth: await proof('swv@voorbeeldstad.example', 'cycle.manage', swvA()), partnershipId: testApp.other.partnershipId }),
      },
      {
        name: 'loadDistrictsPage',
        call: async () => loadDistrictsPage({ db: testApp.deps.db, clock: testApp.clock, auth: await proof('swv@voorbeeldstad.example', 'partnership.manage', swvA()), partnershipId: testApp.other.partnershipId }),
      },
      {
        name: 'loadBoardPage',
        call: async () =>
          loadBoardPage({
            db: testApp.deps.db,
            auth: await proof('bestuur@spov.example', 'board.view', { level: 'board', partnershipId: testApp.demo.partnershipId, boardId: testApp.demo.boardIds['spov']! }),
            boardId: testApp.other.boardId,
          }),
      },
      {
        name: 'loadSchoolPage',
        call: async () => loadSchoolPage({ db: testApp.deps.db, auth: await proof('ib@regenboog.example', 'school.view', regenboog()), schoolId: testApp.other.schoolId }),
      },
      {
        name: 'loadProfilePage',
        call: async () =>
          loadProfilePage({ db: testApp.deps.db, clock: testApp.clock, auth: await proof('ib@regenboog.example', 'profile.view', regenboog()), profileId: fixtures.otherTenant['profileId']! }),
      },
      {
        name: 'loadSettingsPage',
        call: async () => loadSettingsPage({ db: testApp.deps.db, auth: await proof('swv@voorbeeldstad.example', 'partnership.manage', swvA()), partnershipId: testApp.other.partnershipId }),
      },
      {
        name: 'loadRegisterPage',
        call: async () => loadRegisterPage({ db: testApp.deps.db, auth: await proof('swv@voorbeeldstad.example', 'partnership.view', swvA()), partnershipId: testApp.other.partnershipId, locale: 'nl' }),
      },
      {
        name: 'loadRegisterUploadPage',
        call: async () => loadRegisterUploadPage({ db: testApp.deps.db, auth: await proof('swv@voorbeeldstad.example', 'partnership.manage', swvA()), partnershipId: testApp.other.partnershipId }),
      },
      {
        name: 'loadSchoolFormPage',
        call: async () => loadSchoolFormPage({ db: testApp.deps.db, auth: await proof('swv@voorbeeldstad.example', 'partnership.manage', swvA()), partnershipId: testApp.other.partnershipId }),
      },
      {
        name: 'loadBoardEditPage',
        call: async () =>
          loadBoardEditPage({
            db: testApp.deps.db,
            auth: await proof('swv@voorbeeldstad.example', 'partnership.manage', { level: 'board', partnershipId: testApp.demo.partnershipId, boardId: testApp.demo.boardIds['spov']! }),
            boardId: testApp.other.boardId,
          }),
      },
      {
        name: 'loadRevokePage',
        call: async () =>
          loadRevokePage({ db: testApp.deps.db, auth: await proof('swv@voorbeeldstad.example', 'partnership.manage', swvA()), partnershipId: testApp.other.partnershipId, membershipId: fixtures.otherTenant['membershipId']! }),
      },
      {
        name: 'loadCycleForm',
        call: async () =>
          loadCycleForm({ db: testApp.deps.db, clock: testApp.clock, auth: await proof('swv@voorbeeldstad.example', 'cycle.manage', swvA()), partnershipId: testApp.other.partnershipId, schoolYear: null }),
      },
      {
        name: 'loadProgressPage',
        call: async () =>
          loadProgressPage({
            db: testApp.deps.db,
            clock: testApp.clock,
            auth: await proof('swv@voorbeeldstad.example', 'partnership.view', swvA()),
            place: { partnershipId: testApp.other.partnershipId, schoolYear: '2026-2027' },
          }),
      },
      {
        name: 'loadProfileContext',
        call: async () =>
          loadProfileCyclePage({ db: testApp.deps.db, clock: testApp.clock, auth: await proof('ib@regenboog.example', 'profile.view', regenboog()), profileId: fixtures.otherTenant['profileId']! }),
      },
      {
        name: 'profileDocuments',
        call: async () =>
          getProfileDocuments({ db: testApp.deps.db, clock: testApp.clock, auth: await proof('ib@regenboog.example', 'documents.download', regenboog()), profileId: fixtures.otherTenant['profileId']! }),
      },
      {
        name: 'loadAuditLogPage',
        call: async () =>
          loadAuditLogPage({ db: testApp.deps.db, auth: await proof('swv@voorbeeldstad.example', 'partnership.viewAuditLog', swvA()), partnershipId: testApp.other.partnershipId, query: {} }),
      },
      {
        name: 'removeSecondFactor',
        call: async () =>
          removeSecondFactor({ db: testApp.deps.db, clock: testApp.clock, auth: await proof('beheer@opensop.example', 'platform.manage', swvA()), partnershipId: testApp.other.partnershipId, userId: testApp.other.userIds.board_user }),
      },
    ];

    for (const { name, call } of useCaseCases) {
      it(`${name}: SWV A's proof with SWV B's id is a 404, and gets in with the assertion switched off`, async () => {
        expect(await outcome(call)).toBe('denied');
        expect(scopeAssertionsReached().has(name), `${name} was never reached`).toBe(true);
        switchOffScopeAssertionForTests(name);
        expect(await outcome(call)).toBe('in');
      });
    }

    it('findVersionInScope: the matrix cell (SWV A admin, SWV B template version) fails with the assertion switched off', async () => {
      const path = `/swv/${testApp.demo.partnershipId}/vragenlijsten/versies/${fixtures.otherTenant['templateVersionId']!}`;
      const admin = await TestClient.signedIn(testApp, testApp.demo.userIds['swv@voorbeeldstad.example']!);
      expect((await admin.get(path)).status).toBe(404);
      switchOffScopeAssertionForTests('findVersionInScope');
      const leaked = await admin.get(path);
      expect(leaked.status).toBe(200);
      expect(await leaked.text()).toContain('Rivierenland');
    });

    it('switching off one assertion leaves the others on', async () => {
      switchOffScopeAssertionForTests('loadUsersPage');
      expect(await outcome(useCaseCases.find((entry) => entry.name === 'loadPartnershipOverview')!.call)).toBe('denied');
    });
  });
}
