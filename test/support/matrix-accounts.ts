/**
 * Authorization matrix: invitations of existing accounts (issue 16). The person answers through a public link
 * (an unknown token answers 410 to everyone); only the SWV's own admins and platform admins withdraw its
 * invitation, and SWV B's invitation is not found under SWV A's address.
 */
import { sha256 } from '../../src/auth/tokens.js';
import { insertInvitation } from '../../src/features/accounts/invitations-repository.js';
import type { PersonaGroups } from './matrix-expectations.js';
import type { TestApp } from './test-app.js';

export function accountsMatrixExpectations<P extends string>(groups: PersonaGroups<P>): Record<string, readonly P[]> {
  return {
    'GET /uitnodiging-rol/:token': groups.EVERYONE,
    'POST /uitnodiging-rol/:token': groups.EVERYONE,
    'POST /swv/:partnershipId/uitnodigingen/:invitationId/intrekken': groups.SWV_ADMINS,
    // Two-step verification (issue 16): the code step of logging in is public (it needs a pending log-in's
    // cookie, which nobody here has); the account page is everyone's own; only the platform administrator
    // removes someone's second factor.
    'GET /inloggen/code': groups.EVERYONE,
    'POST /inloggen/code': groups.EVERYONE,
    'GET /mijn-account': groups.SIGNED_IN,
    'POST /mijn-account/tweestapsverificatie': groups.SIGNED_IN,
    'POST /mijn-account/tweestapsverificatie/bevestigen': groups.SIGNED_IN,
    'POST /mijn-account/tweestapsverificatie/uitzetten': groups.SIGNED_IN,
    'POST /swv/:partnershipId/gebruikers/:userId/tweestapsverificatie-verwijderen': groups.SWV_ADMINS.filter((p) => p === 'platform_admin'),
    // The audit log: the SWV's own administrators and the platform administrator; the platform's log only the latter.
    'GET /swv/:partnershipId/logboek': groups.SWV_ADMINS,
    'GET /swv/:partnershipId/logboek/export': groups.SWV_ADMINS,
    'GET /beheer/logboek': groups.SWV_ADMINS.filter((p) => p === 'platform_admin'),
    'GET /beheer/logboek/export': groups.SWV_ADMINS.filter((p) => p === 'platform_admin'),
  };
}

async function openInvitation(testApp: TestApp, partnershipId: string, userId: string, schoolId: string): Promise<string> {
  const id = crypto.randomUUID();
  const now = testApp.clock.now();
  await insertInvitation(testApp.deps.db, {
    id,
    partnershipId,
    userId,
    role: 'council_member',
    boardId: null,
    schoolId,
    email: 'matrix@example.org',
    name: 'Matrix Uitnodiging',
    tokenHash: sha256(`matrix-${id}`),
    invitedBy: null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 7 * 86_400_000),
  });
  return id;
}

/** SWV A's open invitation of an account of SWV B (the withdraw route's :invitationId). */
export async function accountsMatrixParams(testApp: TestApp): Promise<Record<string, string>> {
  return { invitationId: await openInvitation(testApp, testApp.demo.partnershipId, testApp.other.userIds.board_user, testApp.demo.schoolIds['regenboog']!) };
}

/** SWV B's open invitation of an account of SWV A, for the cross-tenant cell. */
export async function accountsOtherTenantParams(testApp: TestApp): Promise<Record<string, string>> {
  return { invitationId: await openInvitation(testApp, testApp.other.partnershipId, testApp.demo.userIds['mr@regenboog.example']!, testApp.other.schoolId) };
}
