/**
 * Authorization matrix: insight (issue 12). The SWV's pages for its readers ('partnership.view': its admins and
 * platform admins); the board's pages for the board's users and the SWV's admins ('board.view'). Path
 * parameters: a normed item of the demo's 2026-2027 questionnaire, the all-answers export, the home's A4 PDF.
 */
import { getCycleFor } from '../../src/features/cycle/repository.js';
import { normedItemsOf } from '../../src/features/insight/insight-context.js';
import { loadTemplateDefinition } from '../../src/features/questionnaire/template-cache.js';
import type { PersonaGroups } from './matrix-expectations.js';
import type { TestApp } from './test-app.js';

export const INSIGHT_MATRIX_VIEWS = [
  '',
  '/basisondersteuning',
  '/basisondersteuning/scholen/:schoolId',
  '/basisondersteuning/vragen/:insightItemKey',
  '/dekking',
  '/dekking/ambities/:insightItemKey',
  '/jaarvergelijking',
  '/export/:exportKind',
  '/pdf/:insightPdfKind',
] as const;

export async function insightMatrixParams(testApp: TestApp): Promise<Record<string, string>> {
  const cycle = await getCycleFor(testApp.deps.db, testApp.demo.partnershipId, '2026-2027');
  if (!cycle) throw new Error('matrix: the demo SWV has no 2026-2027 round');
  const [first] = normedItemsOf(await loadTemplateDefinition(testApp.deps.db, cycle.templateVersionId));
  if (!first) throw new Error('matrix: the demo questionnaire has no item with a norm');
  return { insightItemKey: first.item.key, exportKind: 'antwoorden', insightPdfKind: 'overzicht' };
}

export function insightExpectations<P extends string>(groups: PersonaGroups<P>): Record<string, readonly P[]> {
  const boardReaders = groups.SCHOOL_READERS.filter((persona) => persona === 'swv_admin' || persona === 'board_user');
  // The national view (/beheer/inzicht): the platform administrator's only ('platform.viewInsight').
  const platformOnly = groups.SWV_ADMINS.filter((persona) => persona === 'platform_admin');
  const expectations: Record<string, readonly P[]> = { 'GET /beheer/inzicht': platformOnly, 'GET /beheer/inzicht/export': platformOnly };
  for (const view of INSIGHT_MATRIX_VIEWS) {
    expectations[`GET /swv/:partnershipId/inzicht${view}`] = groups.SWV_ADMINS;
    expectations[`GET /besturen/:boardId/inzicht${view}`] = boardReaders;
  }
  return expectations;
}
