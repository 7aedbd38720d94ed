import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { computeCompleteness } from '../questionnaire/completeness.js';
import type { ProfilePage } from '../questionnaire/load-profile-page.js';
import type { Section } from './model/template.js';
import type { TemplateVersionRow } from './repository.js';
import { loadVersionPage, requireSection, type TemplateVersionPage } from './version-in-scope.js';

export interface TemplatePreviewPage extends TemplateVersionPage {
  /** The section shown, or null for the welcome page. */
  section: Section | null;
  /** An empty profile on this version, rendered by the questionnaire's own pages in preview mode. */
  profile: ProfilePage;
}

/**
 * "Bekijk als school": a section (`sectionKey`) or the welcome page of any version (draft or
 * published), exactly as a school sees it before answering — nothing is saved.
 */
export async function loadTemplatePreview(options: { db: Database; clock: Clock; auth: Authorized; versionId: string; sectionKey?: string | undefined; locale: Locale }): Promise<TemplatePreviewPage> {
  const page = await loadVersionPage(options.db, { ...options, draftOnly: false });
  const section = options.sectionKey === undefined ? null : requireSection(page.version.definition, options.sectionKey);
  return { ...page, section, profile: previewProfile(page.version, options.clock.now()) };
}

function previewProfile(version: TemplateVersionRow, now: Date): ProfilePage {
  const template = version.definition;
  return {
    profile: {
      id: 'voorbeeld',
      partnershipId: version.partnershipId,
      schoolId: '',
      schoolYear: version.schoolYear ?? '',
      templateVersionId: version.id,
      status: 'not_started',
      submittedAt: null,
      submittedBy: null,
      adviceDate: null,
      adviceText: null,
      councilSay: null,
      councilOutcome: null,
      adoptedOn: null,
      adoptedByName: null,
      adoptedByUser: null,
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
    },
    schoolName: '',
    cycle: null,
    template,
    answers: {},
    limits: {},
    completeness: computeCompleteness(template, {}),
    editability: { editable: true },
    canEdit: true,
    itemsToReview: {},
    previousAnswers: {},
    openRemarks: [],
    publicSources: {},
    plainLanguage: {},
  };
}
