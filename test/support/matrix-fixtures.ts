/**
 * Values for path parameters in the authorization matrix: everything points at SWV A
 * (De Regenboog, board SPOV). Capabilities add parameters (profiles, template versions, …) here.
 */
import { and, eq } from 'drizzle-orm';
import { hashPassword } from '../../src/auth/password.js';
import { memberships } from '../../src/features/accounts/schema.js';
import { insertMembership, insertUser } from '../../src/features/accounts/repository.js';
import type { TestApp } from './test-app.js';
import { templateMatrixParams } from './matrix-templates.js';
import { questionnaireMatrixParams } from './matrix-questionnaire.js';
import { cycleMatrixParams } from './matrix-cycle.js';
import { documentMatrixParams } from './matrix-documents.js';
import { registerMatrixParams } from './matrix-register.js';
import { publicMatrixParams } from './matrix-public.js';
import { insightMatrixParams } from './matrix-insight.js';
import { otherTenantParams } from './matrix-other-tenant.js';
import { accountsMatrixParams } from './matrix-accounts.js';
import { createPeoplePersonas, pollMatrixParams } from './matrix-people.js';

export interface MatrixFixtures {
  params: Record<string, string>;
  otherBoardUserId: string;
  /** The SWV adviser (limited to board SPOV) and the support point of SWV A (matrix-people.ts). */
  adviserUserId: string;
  supportPointUserId: string;
  fillPath(path: string, overrides?: Record<string, string>): string;
  /** SWV B's ids (test/support/matrix-other-tenant.ts) for the cross-tenant cells. */
  otherTenant: Record<string, string>;
}

/** Extra parameter providers, one per capability. */
export const matrixParamProviders: Array<(testApp: TestApp) => Promise<Record<string, string>>> = [];
matrixParamProviders.push(templateMatrixParams);
matrixParamProviders.push(questionnaireMatrixParams);
matrixParamProviders.push(cycleMatrixParams);
matrixParamProviders.push(documentMatrixParams);
matrixParamProviders.push(registerMatrixParams);
matrixParamProviders.push(accountsMatrixParams);
matrixParamProviders.push(publicMatrixParams);
matrixParamProviders.push(insightMatrixParams);
matrixParamProviders.push(pollMatrixParams);

export async function matrixFixtures(testApp: TestApp): Promise<MatrixFixtures> {
  const { demo, deps, clock } = testApp;
  // A board user of the demo SWV's other board: inside the SWV, outside this school's board.
  const otherBoardUserId = crypto.randomUUID();
  await insertUser(deps.db, { id: otherBoardUserId, email: 'bestuur@linde.example', name: 'Lotte Linde', passwordHash: await hashPassword('Linde-wachtwoord-1'), createdAt: clock.now() });
  await insertMembership(deps.db, { userId: otherBoardUserId, role: 'board_user', boardId: demo.boardIds['linde']! }, clock.now());
  // Someone invited to De Regenboog who never set a password: the user for "resend invitation", their role for "revoke".
  const invitedUserId = crypto.randomUUID();
  await insertUser(deps.db, { id: invitedUserId, email: 'uitgenodigd@regenboog.example', name: 'Ilse Uitgenodigd', createdAt: clock.now() });
  await insertMembership(deps.db, { userId: invitedUserId, role: 'school_editor', schoolId: demo.schoolIds['regenboog']! }, clock.now());
  // A second role, the one "revoke" takes away (the matrix posts valid bodies, so the revocation happens): the user
  // keeps the first and stays someone the SWV can resend the invitation to.
  await insertMembership(deps.db, { userId: invitedUserId, role: 'council_member', schoolId: demo.schoolIds['regenboog']! }, clock.now());
  const [invitedRole] = await deps.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, invitedUserId), eq(memberships.role, 'council_member')));
  const params: Record<string, string> = {
    partnershipId: demo.partnershipId,
    boardId: demo.boardIds['spov']!,
    schoolId: demo.schoolIds['regenboog']!,
    token: 'onbekende-token',
    userId: invitedUserId,
    membershipId: invitedRole!.id,
  };
  for (const provider of matrixParamProviders) Object.assign(params, await provider(testApp));
  const otherTenant = await otherTenantParams(testApp);
  const people = await createPeoplePersonas(testApp);
  return {
    params,
    otherBoardUserId,
    ...people,
    otherTenant,
    fillPath(path: string, overrides: Record<string, string> = {}) {
      return path
        .replace(/\*$/, 'app.css')
        .replace(/:(\w+)/g, (_match, name: string) => {
          const value = overrides[name] ?? params[name];
          if (value === undefined) throw new Error(`matrix-fixtures: no value for path parameter :${name}; add one in matrixParamProviders`);
          return value;
        });
    },
  };
}
