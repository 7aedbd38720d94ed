/**
 * The conversation guide (issue 15) in the authorization matrix. The SWV's own admins write the guide of each of
 * its templates (in the app and as a file); the guide beside a profile and the team's conclusions are read by the
 * school's editors, its board, the SWV's admins and its adviser (limited to board SPOV, which holds De Regenboog);
 * only the school's editors record conclusions. The council, other boards and schools, the support point and the
 * public are refused: conclusions are never public.
 */
import type { PersonaGroups } from './matrix-expectations.js';

export function conversationGuideExpectations<P extends string>(groups: PersonaGroups<P>): Record<string, readonly P[]> {
  const only = (...personas: string[]) => groups.SIGNED_IN.filter((p) => personas.includes(p));
  const EDITOR = '/swv/:partnershipId/vragenlijsten/:templateId/gespreksleidraad';
  return {
    'GET /swv/:partnershipId/gespreksleidraad': only('swv_admin'),
    [`GET ${EDITOR}`]: only('swv_admin'),
    [`POST ${EDITOR}`]: only('swv_admin'),
    [`POST ${EDITOR}/importeren`]: only('swv_admin'),
    [`GET ${EDITOR}/bestand`]: only('swv_admin'),
    'GET /profielen/:profileId/gespreksleidraad': only('swv_admin', 'swv_adviser', 'board_user', 'school_editor'),
    'POST /profielen/:profileId/gespreksleidraad': only('school_editor'),
  };
}
