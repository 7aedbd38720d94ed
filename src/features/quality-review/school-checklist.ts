/** What the school's and the reviewer's checklist pages share: the school, its SWV's standards and the year's checklists. */
import { AppError } from '../../auth/app-error.js';
import type { DbOrTx } from '../../db/client.js';
import { getSchool } from '../partnerships/api.js';
import type { QualityStandards } from './model.js';
import { findAssessment, getStandards, listRatings, listResolutions, type QualityAssessmentRow, type QualityRatingRow, type QualityResolutionRow } from './repository.js';

export interface SchoolChecklists {
  school: { id: string; name: string; partnershipId: string; boardId: string };
  /** Null when the SWV has not set its standards yet. */
  standards: QualityStandards | null;
  self: QualityAssessmentRow | null;
  review: QualityAssessmentRow | null;
  selfRatings: Map<string, QualityRatingRow>;
  reviewRatings: Map<string, QualityRatingRow>;
  resolutions: Map<string, QualityResolutionRow>;
}

/** Loads them; the caller has asserted the school id is in scope. */
export async function loadSchoolChecklists(db: DbOrTx, schoolId: string, schoolYear: string): Promise<SchoolChecklists> {
  const school = await getSchool(db, schoolId);
  if (!school) throw new AppError('not_found');
  const stored = await getStandards(db, school.partnershipId);
  const self = await findAssessment(db, schoolId, schoolYear, 'self');
  const review = await findAssessment(db, schoolId, schoolYear, 'review');
  const ratings = await listRatings(db, [self?.id, review?.id].filter((id): id is string => !!id));
  const resolutions = review ? await listResolutions(db, [review.id]) : [];
  return {
    school: { id: school.id, name: school.name, partnershipId: school.partnershipId, boardId: school.boardId },
    standards: stored?.definition ?? null,
    self,
    review,
    selfRatings: new Map(ratings.filter((r) => r.assessmentId === self?.id).map((r) => [r.indicatorKey, r])),
    reviewRatings: new Map(ratings.filter((r) => r.assessmentId === review?.id).map((r) => [r.indicatorKey, r])),
    resolutions: new Map(resolutions.map((r) => [r.indicatorKey, r])),
  };
}
