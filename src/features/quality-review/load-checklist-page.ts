import { assertInScope, can } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import type { QualityStandards } from './model.js';
import { chooseSchoolYear } from './school-year-choice.js';
import { loadSchoolChecklists } from './school-checklist.js';
import type { QualityAssessmentKind } from './schema.js';

export interface ChecklistPage {
  kind: QualityAssessmentKind;
  school: { id: string; name: string; partnershipId: string };
  schoolYear: string;
  years: string[];
  standards: QualityStandards | null;
  saved: { visitedOn: string | null; shared: boolean; byName: string; at: Date } | null;
  ratings: Record<string, { levelKey: string | null; remark: string | null }>;
  /** On the reviewer's page: the school's own rating per indicator, as a hint beside the reviewer's choice. */
  schoolRatings: Record<string, string | null>;
  canEdit: boolean;
}

/** The school's self-assessment form (`self`) or the reviewer's checklist on a visit (`review`) for a school year. */
export async function loadChecklistPage(options: { db: Database; clock: Clock; auth: Authorized; schoolId: string; schoolYear: string | null | undefined; kind: QualityAssessmentKind }): Promise<ChecklistPage> {
  const { db, auth, schoolId, kind } = options;
  assertInScope('loadChecklistPage', auth, { schoolId });
  const { schoolYear, years } = chooseSchoolYear(options.clock.now(), options.schoolYear);
  const checklists = await loadSchoolChecklists(db, schoolId, schoolYear);
  const assessment = kind === 'self' ? checklists.self : checklists.review;
  const ratings = kind === 'self' ? checklists.selfRatings : checklists.reviewRatings;
  return {
    kind,
    school: { id: checklists.school.id, name: checklists.school.name, partnershipId: checklists.school.partnershipId },
    schoolYear,
    years,
    standards: checklists.standards,
    saved: assessment ? { visitedOn: assessment.visitedOn, shared: !!assessment.sharedAt, byName: assessment.updatedByName, at: assessment.updatedAt } : null,
    ratings: Object.fromEntries([...ratings].map(([key, row]) => [key, { levelKey: row.levelKey, remark: row.remark }])),
    schoolRatings: kind === 'review' ? Object.fromEntries([...checklists.selfRatings].map(([key, row]) => [key, row.levelKey])) : {},
    canEdit: can(auth.principal, kind === 'self' ? 'quality.selfAssess' : 'quality.review', auth.scope),
  };
}
