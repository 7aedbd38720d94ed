import { AppError } from '../../auth/app-error.js';
import { assertInScope, can } from '../../auth/policy.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership, getSchool } from '../partnerships/api.js';
import { getProfile, listProfilesOfSchool } from '../questionnaire/api.js';
import { loadTemplateDefinition } from '../questionnaire/template-cache.js';
import { getTemplateVersion } from '../templates/api.js';
import { guideSection, type GuideSection } from './guide-format.js';
import { findGuideOfTemplate, listConclusions } from './repository.js';

export interface SchoolGuidePage {
  profile: { id: string; schoolYear: string };
  school: { id: string; name: string };
  partnershipName: string;
  /** The SWV has a guide for the profile's template. */
  hasGuide: boolean;
  isExample: boolean;
  sections: Array<{
    key: string;
    title: string;
    promise: string | null;
    entry: GuideSection;
    conclusion: { text: string; updatedAt: Date } | null;
    lastYear: { schoolYear: string; text: string } | null;
  }>;
  canRecord: boolean;
}

/**
 * The guide beside one profile: per section of the profile's template version, the SWV's questions, tips and
 * examples, the team's conclusion of this year and (read-only) last year's conclusion of the same section.
 */
export async function loadSchoolGuidePage(options: { db: Database; auth: Authorized; profileId: string }): Promise<SchoolGuidePage> {
  const { db, auth } = options;
  const profile = await getProfile(db, options.profileId);
  if (!profile) throw new AppError('not_found');
  assertInScope('loadSchoolGuidePage', auth, { schoolId: profile.schoolId });
  const [school, partnership, version, definition] = [
    await getSchool(db, profile.schoolId),
    await getPartnership(db, profile.partnershipId),
    await getTemplateVersion(db, profile.templateVersionId),
    await loadTemplateDefinition(db, profile.templateVersionId),
  ];
  if (!school || !partnership || !version) throw new AppError('not_found');
  const guide = (await findGuideOfTemplate(db, version.templateId))?.definition ?? null;
  const previous = (await listProfilesOfSchool(db, profile.schoolId)).filter((p) => p.schoolYear < profile.schoolYear).sort((a, b) => b.schoolYear.localeCompare(a.schoolYear))[0];
  const conclusions = await listConclusions(db, previous ? [profile.id, previous.id] : [profile.id]);
  const own = new Map(conclusions.filter((c) => c.profileId === profile.id).map((c) => [c.sectionKey, c]));
  const earlier = new Map(conclusions.filter((c) => c.profileId === previous?.id).map((c) => [c.sectionKey, c]));
  return {
    profile: { id: profile.id, schoolYear: profile.schoolYear },
    school: { id: school.id, name: school.name },
    partnershipName: partnership.name,
    hasGuide: guide !== null,
    isExample: guide?.example ?? false,
    sections: definition.sections.map((s) => {
      const mine = own.get(s.key);
      const before = earlier.get(s.key);
      return {
        key: s.key,
        title: s.title,
        promise: s.promise ?? null,
        entry: guideSection(guide, s.key),
        conclusion: mine ? { text: mine.text, updatedAt: mine.updatedAt } : null,
        lastYear: before && previous ? { schoolYear: previous.schoolYear, text: before.text } : null,
      };
    }),
    canRecord: can(auth.principal, 'conversationGuide.recordConclusions', auth.scope),
  };
}
