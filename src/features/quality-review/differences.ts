/** Where the school's rating and the reviewer's differ (pure; no database). */
import { indicatorsOf, type QualityStandards } from './model.js';

export type RowStatus = 'same' | 'difference' | 'discussed' | 'resolved' | 'incomplete';

interface Checklists {
  standards: QualityStandards | null;
  selfRatings: Map<string, { levelKey: string | null }>;
  reviewRatings: Map<string, { levelKey: string | null }>;
  resolutions: Map<string, { agreedLevelKey: string | null }>;
}

/**
 * The status of one indicator: `incomplete` when either side has no rating; `same` when both chose the same level;
 * otherwise a difference — `resolved` once a level was agreed, `discussed` with a note but no agreement yet.
 */
export function rowStatus(checklists: Checklists, indicatorKey: string): RowStatus {
  const self = checklists.selfRatings.get(indicatorKey)?.levelKey ?? null;
  const review = checklists.reviewRatings.get(indicatorKey)?.levelKey ?? null;
  if (!self || !review) return 'incomplete';
  if (self === review) return 'same';
  const resolution = checklists.resolutions.get(indicatorKey);
  if (!resolution) return 'difference';
  return resolution.agreedLevelKey ? 'resolved' : 'discussed';
}

/** The indicator if the two ratings differ there, else null (unknown keys too). */
export function differenceOf(checklists: Checklists, indicatorKey: string): { indicatorKey: string } | null {
  if (!checklists.standards || !indicatorsOf(checklists.standards).some((indicator) => indicator.key === indicatorKey)) return null;
  const status = rowStatus(checklists, indicatorKey);
  return status === 'difference' || status === 'discussed' || status === 'resolved' ? { indicatorKey } : null;
}

/**
 * How far apart two levels are, in steps of the scale (positive: the school rated itself higher than the
 * reviewer). Order comes from the position in the scale; the scale's first level is the lowest.
 */
export function stepsApart(standards: QualityStandards, selfKey: string, reviewKey: string): number {
  const position = (key: string) => standards.scale.findIndex((level) => level.key === key);
  return position(selfKey) - position(reviewKey);
}
