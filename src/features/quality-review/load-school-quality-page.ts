import { assertInScope, can } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { rowStatus, type RowStatus } from './differences.js';
import type { QualityLevel } from './model.js';
import { chooseSchoolYear } from './school-year-choice.js';
import { loadSchoolChecklists } from './school-checklist.js';

export interface ComparisonRow {
  key: string;
  text: string;
  self: { level: QualityLevel | null; remark: string | null };
  review: { level: QualityLevel | null; remark: string | null };
  status: RowStatus;
  resolution: { agreed: QualityLevel | null; note: string; byName: string; at: Date } | null;
}

export interface SchoolQualityPage {
  school: { id: string; name: string; partnershipId: string };
  schoolYear: string;
  years: string[];
  hasStandards: boolean;
  scale: QualityLevel[];
  self: { byName: string; at: Date } | null;
  /** The review as this viewer may see it: the school sees it once shared; reviewers always. */
  review: { visitedOn: string | null; shared: boolean; byName: string; at: Date } | null;
  /** A review exists that the school cannot see yet. */
  reviewPending: boolean;
  domains: Array<{ key: string; title: string; rows: ComparisonRow[] }>;
  counts: { differences: number; resolved: number; discussed: number };
  canSelfAssess: boolean;
  canReview: boolean;
  /** May record a discussion or an agreement (on a shared review only). */
  canResolve: boolean;
}

/** The school's self-assessment and the reviewer's checklist side by side, with the differences and their resolution. */
export async function loadSchoolQualityPage(options: { db: Database; clock: Clock; auth: Authorized; schoolId: string; schoolYear: string | null | undefined }): Promise<SchoolQualityPage> {
  const { db, auth, schoolId } = options;
  assertInScope('loadSchoolQualityPage', auth, { schoolId });
  const { schoolYear, years } = chooseSchoolYear(options.clock.now(), options.schoolYear);
  const checklists = await loadSchoolChecklists(db, schoolId, schoolYear);
  const canReview = can(auth.principal, 'quality.review', auth.scope);
  const reviewVisible = !!checklists.review && (canReview || !!checklists.review.sharedAt);
  const visible = reviewVisible ? checklists : { ...checklists, reviewRatings: new Map(), resolutions: new Map() };
  const scale = checklists.standards?.scale ?? [];
  const levelOf = (key: string | null | undefined) => scale.find((level) => level.key === key) ?? null;
  const counts = { differences: 0, resolved: 0, discussed: 0 };
  const domains = (checklists.standards?.domains ?? []).map((domain) => ({
    key: domain.key,
    title: domain.title,
    rows: domain.indicators.map((indicator): ComparisonRow => {
      const self = checklists.selfRatings.get(indicator.key);
      const review = visible.reviewRatings.get(indicator.key);
      const resolution = visible.resolutions.get(indicator.key);
      const status = rowStatus(visible, indicator.key);
      if (status === 'difference' || status === 'discussed' || status === 'resolved') counts.differences++;
      if (status === 'resolved') counts.resolved++;
      if (status === 'discussed') counts.discussed++;
      return {
        key: indicator.key,
        text: indicator.text,
        self: { level: levelOf(self?.levelKey), remark: self?.remark ?? null },
        review: { level: levelOf(review?.levelKey), remark: review?.remark ?? null },
        status,
        resolution: resolution && status !== 'same' && status !== 'incomplete' ? { agreed: levelOf(resolution.agreedLevelKey), note: resolution.note, byName: resolution.recordedByName, at: resolution.recordedAt } : null,
      };
    }),
  }));
  const review = reviewVisible && checklists.review ? checklists.review : null;
  return {
    school: { id: checklists.school.id, name: checklists.school.name, partnershipId: checklists.school.partnershipId },
    schoolYear,
    years,
    hasStandards: !!checklists.standards,
    scale,
    self: checklists.self ? { byName: checklists.self.updatedByName, at: checklists.self.updatedAt } : null,
    review: review ? { visitedOn: review.visitedOn, shared: !!review.sharedAt, byName: review.updatedByName, at: review.updatedAt } : null,
    reviewPending: !!checklists.review && !reviewVisible,
    domains,
    counts,
    canSelfAssess: can(auth.principal, 'quality.selfAssess', auth.scope),
    canReview,
    canResolve: !!review?.sharedAt && can(auth.principal, 'quality.resolve', auth.scope),
  };
}
