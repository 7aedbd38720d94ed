/**
 * "Wat is er veranderd sinds vorig jaar": per item the previous year's final answer and this year's, in words.
 * Read-only; used by the school, the council and the SWV.
 */
import type { DbOrTx } from '../../db/client.js';
import { listAnswers, type ProfileAnswers } from '../questionnaire/api.js';
import { describeAnswer, type Ambition } from '../templates/model/answer.js';
import { listItems, type Item, type TemplateDefinition } from '../templates/model/template.js';
import { getTemplateVersion } from '../templates/api.js';
import { findLastFinalProfile, type CycleProfileRow } from './repository.js';

export interface ItemChangeRow {
  key: string;
  sectionTitle: string;
  title: string;
  /** In words; null when the item did not exist in that year's questionnaire. */
  previous: string | null;
  current: string | null;
  changed: boolean;
}

export interface ProfileChanges {
  previousYear: string | null;
  rows: ItemChangeRow[];
}

/** An ambition in words: the target option's label (not its key), the school year and the note. */
export function describeAmbitionPlain(template: TemplateDefinition, item: Item, ambition: Ambition | null | undefined): string | null {
  if (!ambition) return null;
  const target = ambition.target ? describeAnswer(template, item, ambition.target) : '';
  return [target, ambition.schoolYear, ambition.note].filter(Boolean).join(', ') || null;
}

function inWords(template: TemplateDefinition, item: Item, answer: { value: unknown; ambition: Ambition | null } | undefined): string {
  const value = answer ? describeAnswer(template, item, answer.value as never) : '';
  const ambition = describeAmbitionPlain(template, item, answer?.ambition);
  return [value, ambition && `ambitie: ${ambition}`].filter(Boolean).join(' — ');
}

export function compareAnswers(
  previous: { template: TemplateDefinition; answers: ProfileAnswers['answers'] } | null,
  current: { template: TemplateDefinition; answers: ProfileAnswers['answers'] },
): ItemChangeRow[] {
  const rows: ItemChangeRow[] = [];
  const previousItems = new Map((previous ? listItems(previous.template) : []).map((entry) => [entry.item.key, entry]));
  const seen = new Set<string>();
  for (const { section, item } of listItems(current.template)) {
    seen.add(item.key);
    const before = previousItems.get(item.key);
    const previousText = previous && before ? inWords(previous.template, before.item, previous.answers[item.key]) : null;
    const currentText = inWords(current.template, item, current.answers[item.key]);
    rows.push({ key: item.key, sectionTitle: section.title, title: item.title, previous: previousText, current: currentText, changed: previousText !== currentText });
  }
  if (previous) {
    for (const { section, item } of listItems(previous.template)) {
      if (seen.has(item.key)) continue;
      rows.push({ key: item.key, sectionTitle: section.title, title: item.title, previous: inWords(previous.template, item, previous.answers[item.key]), current: null, changed: true });
    }
  }
  return rows;
}

export async function loadProfileChanges(db: DbOrTx, profile: CycleProfileRow): Promise<ProfileChanges> {
  const version = await getTemplateVersion(db, profile.templateVersionId);
  if (!version) return { previousYear: null, rows: [] };
  const current = { template: version.definition, answers: (await listAnswers(db, profile.id)).answers };
  const last = await findLastFinalProfile(db, profile.schoolId, profile.schoolYear);
  const lastVersion = last && (await getTemplateVersion(db, last.templateVersionId));
  const previous = last && lastVersion ? { template: lastVersion.definition, answers: (await listAnswers(db, last.id)).answers } : null;
  return { previousYear: last?.schoolYear ?? null, rows: compareAnswers(previous, current) };
}
