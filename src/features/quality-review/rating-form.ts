import type { FieldErrors } from '../../ui/components.js';
import { indicatorsOf, type QualityStandards } from './model.js';
import type { qualityT } from './messages.js';

export const REMARK_MAX = 1000;

export interface RatingInput {
  indicatorKey: string;
  levelKey: string | null;
  remark: string | null;
}

/**
 * The rating per indicator from a checklist form: `level_<indicatorKey>` (a level key of the scale, or absent for
 * "not rated yet") and `remark_<indicatorKey>`. Messages in `t`'s language. Only the SWV's own indicators and levels are accepted.
 */
export function parseRatings(standards: QualityStandards, values: Record<string, string>, t: ReturnType<typeof qualityT>): { ok: true; ratings: RatingInput[] } | { ok: false; errors: FieldErrors } {
  const levels = new Set(standards.scale.map((level) => level.key));
  const errors: FieldErrors = {};
  const ratings: RatingInput[] = [];
  for (const indicator of indicatorsOf(standards)) {
    const level = (values[`level_${indicator.key}`] ?? '').trim();
    const remark = (values[`remark_${indicator.key}`] ?? '').trim();
    if (level && !levels.has(level)) errors[`level_${indicator.key}`] = t('levelUnknown');
    if (remark.length > REMARK_MAX) errors[`remark_${indicator.key}`] = t('remarkTooLong', { max: REMARK_MAX });
    ratings.push({ indicatorKey: indicator.key, levelKey: level || null, remark: remark || null });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, ratings };
}
