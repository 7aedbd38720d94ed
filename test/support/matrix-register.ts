/**
 * Authorization matrix: the SWV's register (issue 11) — the list of schools and boards for the SWV's readers,
 * editing and archiving schools and boards, and the imports (DUO locations, SWV membership, pupil counts,
 * inspection verdicts, districts) only for the SWV's own admins and platform admins ('partnership.manage').
 */
import { saveRegisterImport } from '../../src/features/register/repository.js';
import type { PersonaGroups } from './matrix-expectations.js';
import type { TestApp } from './test-app.js';

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
  'GET /swv/:partnershipId/scholen/importeren',
  'POST /swv/:partnershipId/scholen/importeren',
  'GET /swv/:partnershipId/scholen/importeren/:importId',
  'POST /swv/:partnershipId/scholen/importeren/:importId',
  'GET /swv/:partnershipId/leerlingaantallen',
  'POST /swv/:partnershipId/leerlingaantallen',
  'GET /swv/:partnershipId/leerlingaantallen/:countsImportId',
  'POST /swv/:partnershipId/leerlingaantallen/:countsImportId',
  'GET /swv/:partnershipId/inspectieoordelen',
  'POST /swv/:partnershipId/inspectieoordelen',
  'GET /swv/:partnershipId/inspectieoordelen/:verdictsImportId',
  'POST /swv/:partnershipId/inspectieoordelen/:verdictsImportId',
  'GET /swv/:partnershipId/wijken',
  'POST /swv/:partnershipId/wijken',
  'POST /swv/:partnershipId/wijken/postcodes',
  'POST /swv/:partnershipId/wijken/cbs',
  'GET /swv/:partnershipId/wijken/:districtsImportId',
  'POST /swv/:partnershipId/wijken/:districtsImportId',
  'GET /swv/:partnershipId/gebruikers/meerdere-uitnodigen',
  'POST /swv/:partnershipId/gebruikers/meerdere-uitnodigen',
  'POST /swv/:partnershipId/gebruikers/meerdere-uitnodigen/versturen',
] as const;

export function registerExpectations<P extends string>(groups: PersonaGroups<P>): Record<string, readonly P[]> {
  const expectations: Record<string, readonly P[]> = { 'GET /swv/:partnershipId/scholen': groups.SWV_ADMINS };
  for (const key of REGISTER_MANAGE_ROUTES) expectations[key] = groups.SWV_ADMINS;
  return expectations;
}

/** A waiting import of every kind for an SWV (stored as an upload would leave it), for the matrix's path parameters. */
export async function waitingImports(testApp: TestApp, partnershipId: string): Promise<Record<string, string>> {
  const { deps, clock } = testApp;
  const now = clock.now();
  const later = new Date(now.getTime() + 3_600_000);
  const facts = { encoding: 'utf-8', delimiter: ';', rowCount: 0 };
  const payloads = {
    importId: ['locations', { records: [], facts, preselected: [] }],
    countsImportId: ['pupil_counts', { kind: 'pupil_counts', countedOn: '2025-10-01', rows: [], schoolsWithout: [], ignored: 0, facts }],
    verdictsImportId: ['verdicts', { kind: 'verdicts', rows: [], schoolsWithout: [], ignored: 0, facts }],
    districtsImportId: ['districts', { source: 'postcodes', matches: [], unmatched: [], suggestedNames: {} }],
  } as const;
  const ids: Record<string, string> = {};
  for (const [param, [kind, payload]] of Object.entries(payloads)) {
    ids[param] = crypto.randomUUID();
    await saveRegisterImport(deps.db, { id: ids[param]!, partnershipId, kind, fileName: 'matrix.csv', payload, createdBy: null, createdAt: now, expiresAt: later });
  }
  return ids;
}

export const registerMatrixParams = (testApp: TestApp) => waitingImports(testApp, testApp.demo.partnershipId);
export const registerOtherTenantParams = (testApp: TestApp) => waitingImports(testApp, testApp.other.partnershipId);
