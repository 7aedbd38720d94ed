/**
 * Every scope assertion is load-bearing (docs/conventions.md "The authorization contract", issue #9).
 *
 * For each named `assertInScope` in `src/`, a case (test/support/scope-cases/) calls the use case with a proof for a
 * place of SWV A and an id from outside it (SWV B's, or another school or board of SWV A where a second filter already
 * keeps SWV B out). With the assertion on, the answer is 404; with exactly that one switched off
 * (`switchOffScopeAssertionForTests`), the call gets in: a read returns the foreign data, a write changes it.
 * An assertion another check backs on purpose is listed in NOT_LOAD_BEARING (all.ts) with the reason, and shown to stay a 404 without it.
 * The completeness test reads the source: an assertion without a case, or a case without an assertion, fails.
 * One app per database for all cases.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/auth/app-error.js';
import { scopeAssertionsReached, switchOffScopeAssertionForTests } from '../src/auth/policy.js';
import { matrixFixtures } from './support/matrix-fixtures.js';
import { createScopeCaseContext, type ScopeCaseContext } from './support/scope-cases/context.js';
import { ALL_SCOPE_CASES, NOT_LOAD_BEARING, scopeAssertionNamesInSource } from './support/scope-cases/all.js';
import { scopeFixtures } from './support/scope-cases/scope-fixtures.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

/** Runs `call`; 'denied' when it throws AppError('not_found'), 'in' when it returns, `refused:<code>` for another AppError. */
async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'in';
  } catch (error) {
    if (error instanceof AppError) return error.code === 'not_found' ? 'denied' : `refused:${error.code}`;
    throw error;
  }
}

describe('every scope assertion has a case (static scan of src/)', () => {
  const inSource = scopeAssertionNamesInSource();
  const cased = ALL_SCOPE_CASES.map((entry) => entry.name);
  const listed = Object.keys(NOT_LOAD_BEARING);

  it('finds the assertions', () => {
    expect(inSource.size).toBeGreaterThan(90);
  });
  it('every assertion in src/ has a case (or is listed as not load-bearing, with the reason)', () => {
    expect([...inSource].filter((name) => !cased.includes(name) && !listed.includes(name)).sort()).toEqual([]);
  });
  it('every case names an assertion that exists in src/', () => {
    expect([...cased, ...listed].filter((name) => !inSource.has(name)).sort()).toEqual([]);
  });
  it('one case per assertion', () => {
    expect(cased.filter((name, index) => cased.indexOf(name) !== index || listed.includes(name))).toEqual([]);
  });
});

for (const kind of TEST_DATABASE_KINDS) {
  describe(`scope assertions are load-bearing (${kind})`, () => {
    let testApp: TestApp;
    let ctx: ScopeCaseContext;

    beforeAll(async () => {
      testApp = await createTestApp(kind);
      const fixtures = await matrixFixtures(testApp);
      ctx = createScopeCaseContext(testApp, fixtures, await scopeFixtures(testApp, fixtures));
    }, 60_000);
    afterEach(() => switchOffScopeAssertionForTests(null));
    afterAll(async () => testApp?.close());

    for (const entry of ALL_SCOPE_CASES) {
      it(`${entry.name}: SWV A's proof with a foreign id is a 404, and gets in with the assertion switched off`, async () => {
        const prepared = entry.setup ? await entry.setup(ctx) : undefined;
        const before = entry.observe ? await entry.observe(ctx, prepared) : undefined;
        expect(await outcome(() => entry.call(ctx, prepared))).toBe('denied');
        expect(scopeAssertionsReached().has(entry.name), `${entry.name} was never reached`).toBe(true);
        if (entry.observe) expect(await entry.observe(ctx, prepared), 'the refused call changed nothing').toEqual(before);
        switchOffScopeAssertionForTests(entry.name);
        expect(await outcome(() => entry.call(ctx, prepared))).toBe('in');
        if (entry.observe) expect(await entry.observe(ctx, prepared), 'the call got in and changed the foreign data').not.toEqual(before);
      });
    }

    for (const [name, backed] of Object.entries(NOT_LOAD_BEARING)) {
      it(`${name}: backed by another check, so still a 404 with the assertion switched off (${backed.reason.slice(0, 60)}…)`, async () => {
        expect(await outcome(() => backed.call(ctx))).toBe('denied');
        switchOffScopeAssertionForTests(name);
        expect(await outcome(() => backed.call(ctx))).toBe('denied');
        expect(scopeAssertionsReached().has(name), `${name} was never reached`).toBe(true);
      });
    }

    it('findVersionInScope: the matrix cell (SWV A admin, SWV B template version) fails with the assertion switched off', async () => {
      const path = `/swv/${testApp.demo.partnershipId}/vragenlijsten/versies/${ctx.other['templateVersionId']!}`;
      const admin = await TestClient.signedIn(testApp, testApp.demo.userIds['swv@voorbeeldstad.example']!);
      expect((await admin.get(path)).status).toBe(404);
      switchOffScopeAssertionForTests('findVersionInScope');
      const leaked = await admin.get(path);
      expect(leaked.status).toBe(200);
      expect(await leaked.text()).toContain('Rivierenland');
    });

    it('switching off one assertion leaves the others on', async () => {
      switchOffScopeAssertionForTests('loadUsersPage');
      const other = ALL_SCOPE_CASES.find((entry) => entry.name === 'loadPartnershipOverview')!;
      expect(await outcome(() => other.call(ctx, undefined))).toBe('denied');
    });
  });
}
