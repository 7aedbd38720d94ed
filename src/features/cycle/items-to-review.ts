/**
 * Which items of a profile the school should look at again after prefill (issue 5: "new or changed items
 * left open and marked"): items that are new in this year's questionnaire, or changed in a way that
 * touches the answer, relative to the template version of the school's last final profile (the one the
 * prefill came from). A school without an earlier profile starts empty: nothing is marked.
 */
import type { DbOrTx } from '../../db/client.js';
import { loadTemplateDefinition } from '../questionnaire/template-cache.js';
import { diffTemplateVersions, type ItemChange } from '../templates/model/diff-versions.js';
import type { TemplateDefinition } from '../templates/model/template.js';
import { findLastFinalProfile } from './repository.js';

export type ReviewMark = 'new' | 'changed';

/** Changes that matter to the school's answer; help texts, posters or a move to another section do not. */
const CHANGES_TO_REVIEW: ReadonlySet<ItemChange> = new Set(['title', 'kind', 'scale', 'norm', 'options', 'limits']);

/** Pure: the marks for `next` given the previous version's definition. */
export function reviewMarks(previous: TemplateDefinition, next: TemplateDefinition): Record<string, ReviewMark> {
  const marks: Record<string, ReviewMark> = {};
  for (const item of diffTemplateVersions(previous, next).items) {
    if (item.status === 'new') marks[item.key] = 'new';
    else if (item.status === 'changed' && item.changes.some((change) => CHANGES_TO_REVIEW.has(change))) marks[item.key] = 'changed';
  }
  return marks;
}

/** The marked item keys of a profile (empty when the school had no earlier final profile, or the version is the same). */
export async function listItemsToReview(
  db: DbOrTx,
  profile: { schoolId: string; schoolYear: string; templateVersionId: string },
): Promise<Record<string, ReviewMark>> {
  const previous = await findLastFinalProfile(db, profile.schoolId, profile.schoolYear);
  if (!previous || previous.templateVersionId === profile.templateVersionId) return {};
  const [before, after] = await Promise.all([loadTemplateDefinition(db, previous.templateVersionId), loadTemplateDefinition(db, profile.templateVersionId)]);
  return reviewMarks(before, after);
}
