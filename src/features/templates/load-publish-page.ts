import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { checkTemplatePosterFit, type TemplatePosterFit } from '../documents/check-template-poster-fit.js';
import { staleNormLabels, type StaleNormLabel } from './model/norm-wording.js';
import { latestVersion } from './repository.js';
import { schoolYearChoices } from './school-year.js';
import { loadVersionPage, type TemplateVersionPage } from './version-in-scope.js';

export interface PublishPage extends TemplateVersionPage {
  /** The school years offered: this one and the next few. */
  schoolYears: string[];
  /** Does the parent poster fit when every school writes the longest parent texts allowed? */
  posterFit: TemplatePosterFit;
  /** Hand-written norm words whose norm changed since the last published version (flagged before publishing). */
  staleNormLabels: StaleNormLabel[];
}

/**
 * "Publiceren voor schooljaar": the draft, and what the SWV should know before its schools do
 * (the parent poster's fit, from the documents capability; norm words that no longer match their norm).
 */
export async function loadPublishPage(options: { db: Database; clock: Clock; auth: Authorized; versionId: string; locale: Locale }): Promise<PublishPage> {
  const page = await loadVersionPage(options.db, { ...options, draftOnly: true });
  const posterFit = await checkTemplatePosterFit(page.version.definition);
  const published = await latestVersion(options.db, page.version.templateId, 'published');
  return { ...page, schoolYears: schoolYearChoices(options.clock.now()), posterFit, staleNormLabels: staleNormLabels(page.version.definition, published?.definition ?? null) };
}
