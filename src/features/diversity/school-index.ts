/**
 * A school's index for one school year as a whole — pupils, groups, average group size and the figure of the
 * year's arithmetic — the only diversity figures that may leave the school and the SWV (issue 15): never counts
 * per category or per group.
 */
import type { DbOrTx } from '../../db/client.js';
import { careLoadFigure, groupCareLoad, type Arithmetic } from './care-load.js';
import { diversityT } from './messages.js';
import { getDisclosure, listCountsOfGroups, listGroups } from './repository.js';
import { indexTexts, type SchoolIndex } from './index-texts.js';
import { loadYearRules } from './year-figures.js';

export type { SchoolIndex } from './index-texts.js';

/** Null when the school entered no group with pupils that year. */
export async function schoolIndexOf(db: DbOrTx, school: { partnershipId: string; schoolId: string }, schoolYear: string): Promise<SchoolIndex | null> {
  const groups = (await listGroups(db, school.schoolId, schoolYear)).filter((g) => g.pupilCount > 0);
  if (groups.length === 0) return null;
  const rules = await loadYearRules(db, school.partnershipId);
  const factors = rules.factorsIn(schoolYear);
  const arithmetic = rules.arithmeticIn(schoolYear);
  const counts = await listCountsOfGroups(db, groups.map((g) => g.id));
  const loads = groups.map((g) => groupCareLoad({ pupilCount: g.pupilCount, counts: counts.filter((c) => c.groupId === g.id).map((c) => ({ pupils: c.pupils, factorHundredths: factors.get(c.categoryId) ?? 100 })) }));
  const pupils = loads.reduce((sum, l) => sum + l.pupils, 0);
  return { schoolYear, pupils, groups: groups.length, averageGroupSize: pupils / groups.length, arithmetic, figure: careLoadFigure(loads, arithmetic)! };
}

/**
 * For the documents (documents/load-document-data.ts): the paragraph for the limits chapter when the school chose
 * to show its index in this profile and has figures for the profile's year; otherwise null. Dutch, as documents
 * are. No scope check: the documents feature has authorized the profile.
 */
export async function unsafeLimitsContextForProfile(db: DbOrTx, profile: { id: string; partnershipId: string; schoolId: string; schoolYear: string }): Promise<{ title: string; text: string } | null> {
  const disclosure = await getDisclosure(db, profile.id);
  if (!disclosure?.includeIndex) return null;
  const index = await schoolIndexOf(db, profile, profile.schoolYear);
  if (!index) return null;
  // Dutch whatever the reader's language: this paragraph goes into the generated SOP document, which is Dutch.
  const t = diversityT('nl');
  const texts = indexTexts(index);
  return { title: t('documentLimitsTitle'), text: t(`documentLimitsText_${index.arithmetic}`, { year: index.schoolYear, pupils: index.pupils, groups: index.groups, ...texts }) };
}
