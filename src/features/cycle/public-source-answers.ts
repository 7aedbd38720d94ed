/**
 * Answers from public data (issue 11): items whose template says `publicSource` start with the inspection's
 * verdict or DUO's pupil count from the SWV's register — when a profile is prepared, and again when the SWV
 * imports a newer file while profiles are being filled in. A school's own answer is never overwritten
 * (repository.ts writeSystemAnswers); the questionnaire shows the source beside the answer.
 */
import type { DbOrTx } from '../../db/client.js';
import { unsafeLoadPublicFacts } from '../register/public-facts.js';
import { hasPublicSourceItems, publicSourceAnswer, type PublicFacts } from '../templates/model/public-source.js';
import { listItems, type TemplateDefinition } from '../templates/model/template.js';
import { getTemplateVersion } from '../templates/repository.js';
import { computeNormStatuses } from '../questionnaire/answer-change.js';
import { listProfilesBeingFilledIn, writeSystemAnswers, type CarriedAnswer } from './repository.js';

/** The answers a school's public facts give for the template's items with a public source. */
export function publicSourceRows(template: TemplateDefinition, facts: PublicFacts | undefined): CarriedAnswer[] {
  const rows: CarriedAnswer[] = [];
  for (const { item } of listItems(template)) {
    const answer = publicSourceAnswer(template, item, facts);
    if (!answer || answer.value === null) continue;
    rows.push({ itemKey: item.key, value: answer.value, ambition: null, parentText: null, ...computeNormStatuses(item, answer.value) });
  }
  return rows;
}

/** After an import of verdicts or counts: brings the new facts into the profiles still being filled in. */
export async function unsafeRefreshPublicSourceAnswers(tx: DbOrTx, options: { partnershipId: string; schoolIds: string[]; now: Date }): Promise<number> {
  const profiles = await listProfilesBeingFilledIn(tx, options.partnershipId, options.schoolIds);
  if (profiles.length === 0) return 0;
  const templates = new Map<string, TemplateDefinition>();
  for (const versionId of new Set(profiles.map((p) => p.templateVersionId))) {
    const version = await getTemplateVersion(tx, versionId);
    if (version && hasPublicSourceItems(version.definition)) templates.set(versionId, version.definition);
  }
  const concerned = profiles.filter((profile) => templates.has(profile.templateVersionId));
  if (concerned.length === 0) return 0;
  const facts = await unsafeLoadPublicFacts(tx, [...new Set(concerned.map((p) => p.schoolId))]);
  let written = 0;
  for (const profile of concerned) {
    written += await writeSystemAnswers(tx, profile, publicSourceRows(templates.get(profile.templateVersionId)!, facts.get(profile.schoolId)), options.now);
  }
  return written;
}
