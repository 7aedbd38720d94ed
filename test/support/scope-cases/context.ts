/**
 * The shape of a scope-assertion case (test/scope-assertions.test.ts): one named `assertInScope` in a use case,
 * called with a proof (`Authorized`) for a place of SWV A and an id from outside it — SWV B's (`testApp.other`,
 * `fixtures.otherTenant`), or where a second filter already keeps SWV B out, another school or board of SWV A.
 * With the assertion on the call is a 404; with exactly that assertion switched off it gets in: a read returns,
 * a write changes the foreign data (`leaked`).
 */
import { and, count, eq } from 'drizzle-orm';
import { auditLog } from '../../../src/audit/schema.js';
import type { Permission, Scope } from '../../../src/auth/policy.js';
import type { Database } from '../../../src/db/client.js';
import { loadPrincipal } from '../../../src/features/accounts/repository.js';
import type { Authorized } from '../../../src/ui/route.js';
import type { MatrixFixtures } from '../matrix-fixtures.js';
import type { TestApp } from '../test-app.js';

export interface ScopeCaseContext {
  testApp: TestApp;
  fixtures: MatrixFixtures;
  db: Database;
  /** A proof as the central check would hand it to the use case: `email`'s principal, `permission` at `scope`. */
  proof(email: string, permission: Permission, scope: Scope): Promise<Authorized>;
  /** Places of SWV A: the SWV, board SPOV, De Regenboog (board SPOV). */
  swvA(): Scope;
  spov(): Scope;
  regenboog(): Scope;
  /** SWV B's ids (matrix-other-tenant.ts) and the extra ones these cases need (scope-fixtures.ts). */
  other: Record<string, string>;
  /** How many audit rows an SWV has, optionally of one action: a write under the wrong proof leaves one in SWV B. */
  auditRows(partnershipId: string, action?: string): Promise<number>;
}

export interface ScopeCase<T = unknown> {
  /** The assertion's name, as in `assertInScope('<name>', …)`. */
  name: string;
  /** Runs once before the two calls (fresh rows for a write, so the leak is visible and other cases are unaffected). */
  setup?: (ctx: ScopeCaseContext) => Promise<T>;
  /** The use case, with SWV A's proof and the foreign id. Called twice: assertion on, then switched off. */
  call: (ctx: ScopeCaseContext, prepared: T) => Promise<unknown>;
  /**
   * A write: what shows that the call with the assertion switched off changed the foreign data. Called once before
   * the first call (the state before) and once after the second (the state after); the two must differ.
   * A read needs none: returning the foreign page is getting in.
   */
  observe?: (ctx: ScopeCaseContext, prepared: T) => Promise<unknown>;
  /** Why the foreign id is not SWV B's (a second filter already keeps SWV B out; the assertion is the only guard here). */
  foreign?: string;
}

/**
 * An assertion that cannot let a persona in when switched off alone, because another check guards the same id:
 * the reason names that check, and `call` (SWV A's proof, SWV B's id) shows it: still 404 with the assertion off.
 */
export interface BackedAssertion {
  reason: string;
  call: (ctx: ScopeCaseContext) => Promise<unknown>;
}

/** A case with its setup's type checked, stored with the others. */
export function scopeCase<T>(entry: ScopeCase<T>): ScopeCase {
  return entry as ScopeCase;
}

export function createScopeCaseContext(testApp: TestApp, fixtures: MatrixFixtures, extra: Record<string, string>): ScopeCaseContext {
  const { demo } = testApp;
  const db = testApp.deps.db;
  return {
    testApp,
    fixtures,
    db,
    async proof(email, permission, scope) {
      const userId = demo.userIds[email];
      if (!userId) throw new Error(`scope cases: no demo user ${email}`);
      const principal = await loadPrincipal(db, userId);
      return { principal: principal!, permission, scope };
    },
    swvA: () => ({ level: 'partnership', partnershipId: demo.partnershipId }),
    spov: () => ({ level: 'board', partnershipId: demo.partnershipId, boardId: demo.boardIds['spov']! }),
    regenboog: () => ({ level: 'school', partnershipId: demo.partnershipId, boardId: demo.boardIds['spov']!, schoolId: demo.schoolIds['regenboog']! }),
    other: { ...fixtures.otherTenant, ...extra },
    async auditRows(partnershipId, action) {
      const where = action ? and(eq(auditLog.partnershipId, partnershipId), eq(auditLog.action, action)) : eq(auditLog.partnershipId, partnershipId);
      const [row] = await db.select({ n: count() }).from(auditLog).where(where);
      return row?.n ?? 0;
    },
  };
}
