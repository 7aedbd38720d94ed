/**
 * The people around the profile (issue 14) in the authorization matrix: the personas of the SWV adviser (limited to
 * board SPOV, so De Regenboog is theirs) and the support point, and who may use the plausibility and support-point
 * routes. The matrix profile is in progress, so the adviser (who reads submitted profiles only) is refused there.
 */
import type { PersonaGroups } from './matrix-expectations.js';
import type { TestApp } from './test-app.js';

/** The demo SWV's adviser (limited to board SPOV) and support point (demo/demo-organisation.ts). */
export async function createPeoplePersonas(testApp: TestApp): Promise<{ adviserUserId: string; supportPointUserId: string }> {
  return { adviserUserId: testApp.demo.userIds['adviseur@voorbeeldstad.example']!, supportPointUserId: testApp.demo.userIds['steunpunt@voorbeeldstad.example']! };
}

export function peopleExpectations<P extends string>(groups: PersonaGroups<P>): Record<string, readonly P[]> {
  const only = (...personas: string[]) => groups.SIGNED_IN.filter((p) => personas.includes(p));
  return {
    // The list of profiles with verdicts: the SWV's admins and its advisers ('partnership.viewVerdicts').
    'GET /swv/:partnershipId/plausibiliteit': only('swv_admin', 'swv_adviser'),
    // The verdict form: the adviser only, and only on a submitted profile (the matrix profile is in progress).
    'GET /profielen/:profileId/plausibiliteit': [],
    'POST /profielen/:profileId/plausibiliteit': [],
    // The pupils' voice: the school's editors record it ('profile.recordPupilVoice'); readers see it on the cycle page.
    'GET /profielen/:profileId/stem-van-leerlingen': only('school_editor'),
    'POST /profielen/:profileId/stem-van-leerlingen': only('school_editor'),
    // Signals: the SWV and its support point see them ('signals.view'); only the support point records them;
    // only the SWV's admins edit the themes; the school (and its board) sees counts about itself.
    'GET /swv/:partnershipId/signalen': only('swv_admin', 'support_point'),
    'POST /swv/:partnershipId/signalen': only('support_point'),
    'POST /swv/:partnershipId/signalen/themas': only('swv_admin'),
    'GET /scholen/:schoolId/signalen': only('school_editor', 'board_user'),
  };
}
