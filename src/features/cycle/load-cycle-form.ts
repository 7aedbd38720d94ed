/**
 * The form for a new SOP round or for changing one: the published questionnaire versions to choose from,
 * and the values to start with (the round's own, or a proposal for the next school year).
 */
import { AppError } from '../../auth/app-error.js';
import { requireAccess } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership } from '../partnerships/repository.js';
import { listTemplates, listTemplateVersions } from '../templates/repository.js';
import { amsterdamDate } from './editability.js';
import { listCycles, type CycleRow } from './repository.js';
import { defaultCycleDates } from './save-cycle.js';

export interface VersionChoice {
  id: string;
  templateName: string;
  number: number;
  schoolYear: string | null;
}

export type CycleFormValues = Record<string, string>;

export interface CycleFormPage {
  partnership: { id: string; name: string };
  /** The round being changed; null for a new one. */
  existing: CycleRow | null;
  versions: VersionChoice[];
  /** What the form shows before the admin types anything. */
  values: CycleFormValues;
}

export async function loadCycleForm(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; schoolYear: string | null }): Promise<CycleFormPage> {
  const { db, auth, partnershipId } = options;
  requireAccess({ principal: auth.principal, permission: 'cycle.manage', scope: { level: 'partnership', partnershipId } });
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const cycles = await listCycles(db, partnershipId);
  const existing = options.schoolYear === null ? null : (cycles.find((cycle) => cycle.schoolYear === options.schoolYear) ?? null);
  if (options.schoolYear !== null && !existing) throw new AppError('not_found');
  const versions: VersionChoice[] = [];
  for (const template of await listTemplates(db, partnershipId)) {
    for (const version of await listTemplateVersions(db, template.id)) {
      if (version.status === 'published') versions.push({ id: version.id, templateName: template.name, number: version.number, schoolYear: version.schoolYear });
    }
  }
  let values: CycleFormValues;
  if (existing) {
    values = {
      schoolYear: existing.schoolYear,
      opensOn: existing.opensOn,
      submitDeadline: existing.submitDeadline,
      closesOn: existing.closesOn,
      templateVersionId: existing.templateVersionId,
      allowLateSubmission: existing.allowLateSubmission ? 'ja' : 'nee',
    };
  } else {
    const latest = cycles[0];
    const first = latest ? Number(latest.schoolYear.slice(0, 4)) + 1 : Number(amsterdamDate(options.clock.now()).slice(0, 4));
    const schoolYear = `${first}-${first + 1}`;
    const newest = versions.find((entry) => entry.schoolYear === schoolYear) ?? versions[0];
    values = { schoolYear, ...defaultCycleDates(schoolYear), templateVersionId: newest?.id ?? '', allowLateSubmission: 'nee' };
  }
  return { partnership: { id: partnership.id, name: partnership.name }, existing, versions, values };
}
