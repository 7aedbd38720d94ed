/** The cycle's routes in the authorization matrix: who may use each, and the path parameters (the demo SWV's current school year). */
import type { PersonaGroups } from './matrix-expectations.js';
import type { TestApp } from './test-app.js';

export async function cycleMatrixParams(_testApp: TestApp): Promise<Record<string, string>> {
  return { schoolYear: '2026-2027' };
}

/**
 * Settings only for the SWV's own admins ('cycle.manage'); the progress overview for SWV readers
 * ('partnership.view'), per board for its board users. Profile routes point at De Regenboog's in-progress
 * profile, so the council (which sees only submitted profiles) is refused everywhere.
 */
export function cycleMatrixExpectations<P extends string>(groups: PersonaGroups<P>): Record<string, readonly P[]> {
  const cycleAdmins = groups.SWV_ADMINS.filter((persona) => persona === 'swv_admin');
  const only = (persona: string) => groups.SCHOOL_READERS.filter((p) => p === persona);
  const profileReaders = groups.SCHOOL_READERS.filter((persona) => persona !== 'council_member');
  const profileEditors = only('school_editor');
  return {
    'GET /swv/:partnershipId/cyclus': cycleAdmins,
    'GET /swv/:partnershipId/cyclus/nieuw': cycleAdmins,
    'POST /swv/:partnershipId/cyclus': cycleAdmins,
    'GET /swv/:partnershipId/cyclus/:schoolYear/bewerken': cycleAdmins,
    'POST /swv/:partnershipId/cyclus/:schoolYear': cycleAdmins,
    'POST /swv/:partnershipId/cyclus/:schoolYear/openen': cycleAdmins,
    // Remind ticked schools from the progress overview (mail to their editors, audited, once a day per school).
    'POST /swv/:partnershipId/cyclus/:schoolYear/herinneren': cycleAdmins,
    'GET /swv/:partnershipId/cyclus/:schoolYear': groups.SWV_ADMINS,
    'GET /besturen/:boardId/voortgang': [...only('swv_admin'), ...only('board_user')],
    // The board reminds its own schools ('board.remind'; the SWV's admin may do the same there).
    'POST /besturen/:boardId/voortgang/herinneren': [...only('swv_admin'), ...only('board_user')],
    'GET /profielen/:profileId/indienen': profileEditors,
    'POST /profielen/:profileId/indienen': profileEditors,
    'GET /profielen/:profileId/ingediend': profileReaders,
    'GET /profielen/:profileId/cyclus': profileReaders,
    'POST /profielen/:profileId/advies': profileEditors,
    'POST /profielen/:profileId/vaststellen': only('board_user'),
    'POST /profielen/:profileId/publiceren': [...only('school_editor'), ...only('board_user')],
    'POST /profielen/:profileId/heropenen': only('swv_admin'),
    'POST /profielen/:profileId/opmerkingen': only('swv_admin'),
    'POST /profielen/:profileId/opmerkingen/antwoord': profileEditors,
    'GET /profielen/:profileId/wijzigingen': profileReaders,
    // "Antwoord klopt nog" on a reworded item: the school's editors only.
    'POST /profielen/:profileId/antwoorden/:itemKey/bevestigen': profileEditors,
  };
}
