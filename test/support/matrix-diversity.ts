/**
 * The diversity index (issue 15) in the authorization matrix. Counts per group and category stay with the school
 * and the SWV: the school's editors and the SWV's own admins read them; only the school's editors enter them; the
 * SWV's admins set the categories and see the care load per school. Boards, councils, advisers and the support
 * point are refused; the platform administrator holds no SWV role. Only the school's editors choose to show the
 * school-level index (never the counts) with a profile's limits.
 */
import type { PersonaGroups } from './matrix-expectations.js';

export function diversityExpectations<P extends string>(groups: PersonaGroups<P>): Record<string, readonly P[]> {
  const only = (...personas: string[]) => groups.SIGNED_IN.filter((p) => personas.includes(p));
  return {
    'GET /swv/:partnershipId/verscheidenheid/categorieen': only('swv_admin'),
    'POST /swv/:partnershipId/verscheidenheid/categorieen': only('swv_admin'),
    'GET /swv/:partnershipId/verscheidenheid': only('swv_admin'),
    'GET /scholen/:schoolId/verscheidenheid': only('swv_admin', 'school_editor'),
    'POST /scholen/:schoolId/verscheidenheid': only('school_editor'),
    // The instrument as a file, per school year: the SWV's own admins.
    'GET /swv/:partnershipId/verscheidenheid/bestand': only('swv_admin'),
    'POST /swv/:partnershipId/verscheidenheid/importeren': only('swv_admin'),
    // The school's choice to show its school-level index with the limits of a profile: its editors only.
    'POST /profielen/:profileId/verscheidenheid': only('school_editor'),
  };
}
