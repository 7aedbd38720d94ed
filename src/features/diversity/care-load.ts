/**
 * The diversity index arithmetic (issue 15), pure. Default arithmetic: points = Σ (pupils in category × factor),
 * with the pupils without a special need counted at factor 1; care-load index = points ÷ pupils in the group
 * (1,0 = no extra need). Factors are in hundredths (150 = 1,5), so points are exact integers in hundredths.
 */

export interface GroupCounts {
  pupilCount: number;
  /** Pupils per category with the category's factor in hundredths. */
  counts: Array<{ pupils: number; factorHundredths: number }>;
}

export interface CareLoad {
  pupils: number;
  /** Points in hundredths (Σ pupils × factor × 100). */
  pointsHundredths: number;
  /** Points ÷ pupils; null when there are no pupils (an empty group has no index). */
  index: number | null;
}

/** The care load of one group. Pupils not in any category count at factor 1. */
export function groupCareLoad(group: GroupCounts): CareLoad {
  const inCategories = group.counts.reduce((sum, entry) => sum + entry.pupils, 0);
  if (inCategories > group.pupilCount) throw new Error('more pupils in categories than in the group');
  const points = group.counts.reduce((sum, entry) => sum + entry.pupils * entry.factorHundredths, 0) + (group.pupilCount - inCategories) * 100;
  return { pupils: group.pupilCount, pointsHundredths: points, index: indexOf(points, group.pupilCount) };
}

/** The care load of several groups together (a school, a board, a district): total points ÷ total pupils. */
export function combinedCareLoad(loads: readonly CareLoad[]): CareLoad {
  const pupils = loads.reduce((sum, load) => sum + load.pupils, 0);
  const points = loads.reduce((sum, load) => sum + load.pointsHundredths, 0);
  return { pupils, pointsHundredths: points, index: indexOf(points, pupils) };
}

function indexOf(pointsHundredths: number, pupils: number): number | null {
  return pupils === 0 ? null : pointsHundredths / 100 / pupils;
}

/** The index rounded to two decimals, as shown (e.g. 1,27). */
export function roundIndex(index: number): number {
  return Math.round(index * 100) / 100;
}

/**
 * The arithmetics an SWV can choose (issue 15; docs/diversity-index-format.md), from a school year on:
 * - `points-per-pupil` (default): care load = points ÷ pupils (1,0 = no extra need), for a group and for groups
 *   together (total points ÷ total pupils);
 * - `weighted-group-size`: the weighted group size = points of a group (a group of 25 with 5 pupils at factor 2
 *   counts as 30); for groups together the average over the groups with pupils (total points ÷ those groups).
 */
export const ARITHMETICS = ['points-per-pupil', 'weighted-group-size'] as const;
export type Arithmetic = (typeof ARITHMETICS)[number];
export const DEFAULT_ARITHMETIC: Arithmetic = 'points-per-pupil';

export function isArithmetic(value: unknown): value is Arithmetic {
  return typeof value === 'string' && (ARITHMETICS as readonly string[]).includes(value);
}

/** The figure shown for one group or for several together under the chosen arithmetic; null without pupils. */
export function careLoadFigure(loads: readonly CareLoad[], arithmetic: Arithmetic): number | null {
  const combined = combinedCareLoad(loads);
  if (arithmetic === 'points-per-pupil') return combined.index;
  const groups = loads.filter((load) => load.pupils > 0).length;
  return groups === 0 ? null : combined.pointsHundredths / 100 / groups;
}
