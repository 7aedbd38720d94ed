/**
 * The people around the profile (issue 14) in the authorization matrix: the personas of the SWV adviser (limited to
 * board SPOV, so De Regenboog is theirs) and the support point, and who may use the plausibility and support-point
 * routes. The matrix profile is in progress, so the adviser (who reads submitted profiles only) is refused there.
 */
import { hashPassword } from '../../src/auth/password.js';
import { insertMembership, insertMembershipScopes, insertUser } from '../../src/features/accounts/repository.js';
import type { PersonaGroups } from './matrix-expectations.js';
import type { TestApp } from './test-app.js';

export async function createPeoplePersonas(testApp: TestApp): Promise<{ adviserUserId: string; supportPointUserId: string }> {
  const { deps, demo, clock } = testApp;
  const adviserUserId = crypto.randomUUID();
  await insertUser(deps.db, { id: adviserUserId, email: 'adviseur@voorbeeldstad.example', name: 'Olga Orthopedagoog', passwordHash: await hashPassword('Adviseur-wachtwoord-1'), createdAt: clock.now() });
  const membershipId = await insertMembership(deps.db, { userId: adviserUserId, role: 'partnership_adviser', partnershipId: demo.partnershipId }, clock.now());
  await insertMembershipScopes(deps.db, membershipId!, { boardIds: [demo.boardIds['spov']!], schoolIds: [] });
  const supportPointUserId = crypto.randomUUID();
  await insertUser(deps.db, { id: supportPointUserId, email: 'steunpunt@voorbeeldstad.example', name: 'Stefan Steunpunt', passwordHash: await hashPassword('Steunpunt-wachtwoord-1'), createdAt: clock.now() });
  await insertMembership(deps.db, { userId: supportPointUserId, role: 'support_point', partnershipId: demo.partnershipId }, clock.now());
  return { adviserUserId, supportPointUserId };
}

export function peopleExpectations<P extends string>(groups: PersonaGroups<P>): Record<string, readonly P[]> {
  const only = (...personas: string[]) => groups.SIGNED_IN.filter((p) => personas.includes(p));
  return {
    // The list of profiles with verdicts: the SWV's admins and its advisers ('partnership.viewVerdicts').
    'GET /swv/:partnershipId/plausibiliteit': only('swv_admin', 'swv_adviser'),
    // The verdict form: the adviser only, and only on a submitted profile (the matrix profile is in progress).
    'GET /profielen/:profileId/plausibiliteit': [],
    'POST /profielen/:profileId/plausibiliteit': [],
  };
}
