/**
 * Self-assessment with review checklist (issue 15) in the authorization matrix. The demo SWV has the example
 * standards; De Regenboog (board SPOV) rated itself and has the adviser's shared review with differences.
 * - the SWV's admins set the standards (form, file, export);
 * - the school's page with both checklists: the school's editors, its board, the SWV's admins and the adviser
 *   (limited to SPOV, so De Regenboog is theirs); the council, the support point and other boards are refused;
 * - only the school's editors rate the school; the reviewers (SWV admin, adviser, board) fill in the checklist;
 * - a difference is discussed and resolved by the school and the reviewers;
 * - the SWV's view: its admins and the adviser (their schools); the board's view: the board, the SWV, the adviser.
 */
import type { PersonaGroups } from './matrix-expectations.js';

export function qualityReviewExpectations<P extends string>(groups: PersonaGroups<P>): Record<string, readonly P[]> {
  const only = (...personas: string[]) => groups.SIGNED_IN.filter((p) => personas.includes(p));
  const schoolAndReviewers = only('swv_admin', 'swv_adviser', 'board_user', 'school_editor');
  const reviewers = only('swv_admin', 'swv_adviser', 'board_user');
  return {
    'GET /swv/:partnershipId/kwaliteit/standaarden': only('swv_admin'),
    'POST /swv/:partnershipId/kwaliteit/standaarden': only('swv_admin'),
    'GET /swv/:partnershipId/kwaliteit/standaarden/bestand': only('swv_admin'),
    'POST /swv/:partnershipId/kwaliteit/standaarden/bestand': only('swv_admin'),
    'GET /swv/:partnershipId/kwaliteit': only('swv_admin', 'swv_adviser'),
    'GET /besturen/:boardId/kwaliteit': reviewers,
    'GET /scholen/:schoolId/kwaliteit': schoolAndReviewers,
    'POST /scholen/:schoolId/kwaliteit/verschillen': schoolAndReviewers,
    'GET /scholen/:schoolId/kwaliteit/zelfevaluatie': schoolAndReviewers,
    'POST /scholen/:schoolId/kwaliteit/zelfevaluatie': only('school_editor'),
    'GET /scholen/:schoolId/kwaliteit/kijkwijzer': reviewers,
    'POST /scholen/:schoolId/kwaliteit/kijkwijzer': reviewers,
  };
}
