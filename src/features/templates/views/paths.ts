/** Addresses of the template pages, and the breadcrumbs above a version's pages. */
import type { Translate } from '../../../ui/i18n.js';
import type { templateMessages } from '../messages.js';
import type { TemplateVersionPage } from '../version-in-scope.js';

type T = Translate<keyof typeof templateMessages.nl>;

export function templatesPath(partnershipId: string): string {
  return `/swv/${partnershipId}/vragenlijsten`;
}

export function versionPath(version: { partnershipId: string; id: string }, rest = ''): string {
  return `${templatesPath(version.partnershipId)}/versies/${version.id}${rest}`;
}

export function sectionEditorPath(version: { partnershipId: string; id: string }, sectionKey: string): string {
  return versionPath(version, `/onderdelen/${sectionKey}`);
}

/** SWV › Vragenlijsten › <template> — versie N (`depth` 2 leaves out the version itself, on the version page). */
export function versionCrumbs(page: TemplateVersionPage, t: T, depth: 2 | 3 = 3): Array<[string, string]> {
  const { version } = page;
  const crumbs: Array<[string, string]> = [
    [page.partnershipName, `/swv/${version.partnershipId}`],
    [t('listTitle'), templatesPath(version.partnershipId)],
    [t('versionTitle', { name: version.definition.name, number: version.number }), versionPath(version)],
  ];
  return crumbs.slice(0, depth);
}
