/**
 * The profile items a signal can touch, and what a school's newest profile says on them (the answer's label and
 * its norm status), for the signals beside the profile. Reads through the templates' and questionnaire's shared
 * read functions.
 */
import type { DbOrTx } from '../../db/client.js';
import { listItemAnswers } from '../questionnaire/api.js';
import { listProfilesOfSchool } from '../questionnaire/api.js';
import { loadTemplateDefinition } from '../questionnaire/template-cache.js';
import { findChosenOption, listItems } from '../templates/model/template.js';
import { latestVersion, listTemplates } from '../templates/api.js';

/** Every item of the SWV's newest published templates, as options for the signal form (key → title). */
export async function listSignalItems(db: DbOrTx, partnershipId: string): Promise<Array<{ key: string; title: string }>> {
  const items = new Map<string, string>();
  for (const template of await listTemplates(db, partnershipId)) {
    const version = await latestVersion(db, template.id, 'published');
    if (!version) continue;
    for (const { section, item } of listItems(await loadTemplateDefinition(db, version.id))) if (!items.has(item.key)) items.set(item.key, `${section.title}: ${item.title}`);
  }
  return [...items].map(([key, title]) => ({ key, title }));
}

export interface ProfilePromise {
  schoolYear: string;
  profileId: string;
  itemTitle: string;
  /** The school's answer in the template's words, or null when not answered. */
  answerLabel: string | null;
  normStatus: 'meets' | 'below' | 'cannot-judge' | null;
}

/** What each school's newest profile says on the given items: one profile list per school, one answer query for all. */
export async function loadProfilePromises(db: DbOrTx, pairs: Array<{ schoolId: string; itemKey: string }>): Promise<Map<string, ProfilePromise>> {
  const result = new Map<string, ProfilePromise>();
  const newest = new Map<string, { id: string; schoolYear: string; templateVersionId: string }>();
  for (const schoolId of new Set(pairs.map((pair) => pair.schoolId))) {
    const [profile] = await listProfilesOfSchool(db, schoolId);
    if (profile) newest.set(schoolId, profile);
  }
  const answers = await listItemAnswers(db, [...newest.values()].map((p) => p.id), [...new Set(pairs.map((pair) => pair.itemKey))]);
  for (const pair of pairs) {
    const profile = newest.get(pair.schoolId);
    if (!profile) continue;
    const template = await loadTemplateDefinition(db, profile.templateVersionId);
    const entry = listItems(template).find(({ item }) => item.key === pair.itemKey);
    if (!entry) continue;
    const answer = answers.find((row) => row.profileId === profile.id && row.itemKey === pair.itemKey);
    const value = answer?.value ?? null;
    const label = value === null ? null : (findChosenOption(template, entry.item, value)?.label ?? (typeof value === 'boolean' ? (value ? 'ja' : 'nee') : String(value).slice(0, 200)));
    const status = answer?.normStatus;
    result.set(`${pair.schoolId}|${pair.itemKey}`, { schoolYear: profile.schoolYear, profileId: profile.id, itemTitle: entry.item.title, answerLabel: label, normStatus: status === 'meets' || status === 'below' || status === 'cannot-judge' ? status : null });
  }
  return result;
}
