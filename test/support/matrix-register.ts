/**
 * Authorization matrix: the SWV's register (issue 11) — the list of schools and boards for the SWV's readers,
 * editing and archiving schools and boards, and the imports (DUO locations, SWV membership, pupil counts,
 * inspection verdicts, districts) only for the SWV's own admins and platform admins ('partnership.manage').
 */
import type { PersonaGroups } from './matrix-expectations.js';

export const REGISTER_MANAGE_ROUTES = [
  'GET /scholen/:schoolId/bewerken',
  'POST /scholen/:schoolId/bewerken',
  'GET /scholen/:schoolId/archiveren',
  'POST /scholen/:schoolId/archiveren',
  'POST /scholen/:schoolId/terugzetten',
  'GET /besturen/:boardId/bewerken',
  'POST /besturen/:boardId/bewerken',
  'POST /besturen/:boardId/archiveren',
  'POST /besturen/:boardId/terugzetten',
] as const;

export function registerExpectations<P extends string>(groups: PersonaGroups<P>): Record<string, readonly P[]> {
  const expectations: Record<string, readonly P[]> = { 'GET /swv/:partnershipId/scholen': groups.SWV_ADMINS };
  for (const key of REGISTER_MANAGE_ROUTES) expectations[key] = groups.SWV_ADMINS;
  return expectations;
}
