import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership } from '../partnerships/api.js';
import { listTemplates } from '../templates/api.js';
import { listGuidesOfPartnership } from './repository.js';

export interface GuideOverviewPage {
  partnership: { id: string; name: string };
  templates: Array<{ id: string; name: string; sectionsWithQuestions: number | null; isExample: boolean }>;
}

/** The SWV's templates, each with the state of its conversation guide. */
export async function loadGuideOverview(options: { db: Database; auth: Authorized; partnershipId: string }): Promise<GuideOverviewPage> {
  const { db, auth, partnershipId } = options;
  assertInScope('loadGuideOverview', auth, { partnershipId });
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const guides = new Map((await listGuidesOfPartnership(db, partnershipId)).map((g) => [g.templateId, g.definition]));
  const templates = (await listTemplates(db, partnershipId)).map((t) => {
    const guide = guides.get(t.id);
    return { id: t.id, name: t.name, sectionsWithQuestions: guide ? guide.sections.filter((s) => s.questions.length > 0).length : null, isExample: guide?.example ?? false };
  });
  return { partnership: { id: partnership.id, name: partnership.name }, templates };
}
