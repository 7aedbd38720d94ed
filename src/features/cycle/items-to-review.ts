/**
 * Which items of a profile the school should look at again after prefill (issue 5: "new or changed items
 * left open and marked"): items that are new in this year's questionnaire, or changed in a way that
 * touches the answer, relative to the template version of the school's last final profile (the one the
 * prefill came from). A school without an earlier profile starts empty: nothing is marked.
 */
import { queryAll, type DbOrTx } from '../../db/client.js';
import { loadTemplateDefinition } from '../questionnaire/template-cache.js';
import { listAnswers } from '../questionnaire/api.js';
import { describeAnswer } from '../templates/model/answer.js';
import { diffTemplateVersions } from '../templates/model/diff-versions.js';
import { listItems, type TemplateDefinition } from '../templates/model/template.js';
import { findLastFinalProfile } from './repository.js';

export type ReviewMark = 'new' | 'changed';

/** Pure: the marks for `next` given the previous version's definition. */
export function reviewMarks(previous: TemplateDefinition, next: TemplateDefinition): Record<string, ReviewMark> {
  const marks: Record<string, ReviewMark> = {};
  for (const item of diffTemplateVersions(previous, next).items) {
    if (item.status === 'new') marks[item.key] = 'new';
    // Left open by prefill (the question or its options changed), or carried over under a changed norm.
    else if (item.status === 'changed' && (item.carryOver !== 'keep' || item.changes.includes('norm'))) marks[item.key] = 'changed';
  }
  return marks;
}

export interface ItemsToReview {
  marks: Record<string, ReviewMark>;
  /** Last year's answer in words for each changed item that had one, so the school can take it over. */
  previousAnswers: Record<string, string>;
}

/** The marked items of a profile (none when the school had no earlier final profile, or the version is the same). */
export async function listItemsToReview(
  db: DbOrTx,
  profile: { schoolId: string; schoolYear: string; templateVersionId: string },
): Promise<ItemsToReview> {
  const previous = await findLastFinalProfile(db, profile.schoolId, profile.schoolYear);
  if (!previous || previous.templateVersionId === profile.templateVersionId) return { marks: {}, previousAnswers: {} };
  const [before, after, previousAnswers] = await queryAll(db, [
    () => loadTemplateDefinition(db, previous.templateVersionId),
    () => loadTemplateDefinition(db, profile.templateVersionId),
    () => listAnswers(db, previous.id),
  ]);
  const marks = reviewMarks(before, after);
  const words: Record<string, string> = {};
  for (const { item } of listItems(before)) {
    if (marks[item.key] !== 'changed') continue;
    const text = describeAnswer(before, item, previousAnswers.answers[item.key]?.value);
    if (text) words[item.key] = text;
  }
  return { marks, previousAnswers: words };
}
