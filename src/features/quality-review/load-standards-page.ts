import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership } from '../partnerships/api.js';
import { loadExampleStandards } from './example-standards.js';
import type { QualityStandards } from './model.js';
import { getStandards, usedKeys } from './repository.js';

export interface StandardsPage {
  partnership: { id: string; name: string };
  standards: QualityStandards;
  /** The SWV has none of its own yet: the shipped example is shown (and saved as the SWV's own when it saves). */
  isExample: boolean;
  /** Keys that schools' checklists use: these cannot be removed. */
  usedIndicators: string[];
  usedLevels: string[];
}

/** The SWV's standards of basic quality and rating scale, for the settings page (the example when it has none). */
export async function loadStandardsPage(options: { db: Database; auth: Authorized; partnershipId: string }): Promise<StandardsPage> {
  const { db, auth, partnershipId } = options;
  assertInScope('loadStandardsPage', auth, { partnershipId });
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const stored = await getStandards(db, partnershipId);
  const standards = stored?.definition ?? loadExampleStandards();
  const used = await usedKeys(db, partnershipId);
  return { partnership: { id: partnership.id, name: partnership.name }, standards, isExample: !stored || !!standards.example, usedIndicators: [...used.indicators], usedLevels: [...used.levels] };
}

/** The standards as a file (the example when the SWV has none yet). */
export async function exportStandards(options: { db: Database; auth: Authorized; partnershipId: string }): Promise<QualityStandards> {
  assertInScope('exportStandards', options.auth, { partnershipId: options.partnershipId });
  return (await getStandards(options.db, options.partnershipId))?.definition ?? loadExampleStandards();
}
