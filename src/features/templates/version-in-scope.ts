/**
 * The one way the template use cases reach a version from a request: the version's SWV must be the
 * authorized scope's (`assertInScope`; another SWV's version is a 404), and the editor's pages and saves
 * only work on a draft.
 */
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import { translator, type Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { templateMessages } from './messages.js';
import { findScale, type Item, type Scale, type Section, type TemplateDefinition } from './model/template.js';
import { getPartnership } from '../partnerships/api.js';
import { unsafeFindVersion, type TemplateVersionRow } from './repository.js';

/** The SWV of an SWV-level authorization; anything else has no templates here (404). */
export function partnershipOf(auth: Authorized): string {
  if (auth.scope.level === 'platform') throw new AppError('not_found');
  return auth.scope.partnershipId;
}

export async function findVersionInScope(
  db: DbOrTx,
  options: { auth: Authorized; versionId: string; draftOnly: boolean; locale: Locale },
): Promise<TemplateVersionRow> {
  const version = await unsafeFindVersion(db, options.versionId);
  if (!version) throw new AppError('not_found');
  assertInScope('findVersionInScope', options.auth, { partnershipId: version.partnershipId });
  if (options.draftOnly && version.status !== 'draft') throw new AppError('invalid_state', translator(templateMessages, options.locale)('notDraft'));
  return version;
}

export function requireSection(definition: TemplateDefinition, key: string): Section {
  const section = definition.sections.find((candidate) => candidate.key === key);
  if (!section) throw new AppError('not_found');
  return section;
}

export function requireItem(definition: TemplateDefinition, key: string): { section: Section; item: Item } {
  for (const section of definition.sections) {
    const item = section.items.find((candidate) => candidate.key === key);
    if (item) return { section, item };
  }
  throw new AppError('not_found');
}

export function requireScale(definition: TemplateDefinition, key: string): Scale {
  const scale = findScale(definition, key);
  if (!scale) throw new AppError('not_found');
  return scale;
}

/** What every version page shows around its content: the version and the SWV's name (breadcrumbs). */
export interface TemplateVersionPage {
  partnershipName: string;
  version: TemplateVersionRow;
}

export async function loadVersionPage(
  db: DbOrTx,
  options: { auth: Authorized; versionId: string; draftOnly: boolean; locale: Locale },
): Promise<TemplateVersionPage> {
  const version = await findVersionInScope(db, options);
  const partnership = await getPartnership(db, version.partnershipId);
  if (!partnership) throw new AppError('not_found');
  return { partnershipName: partnership.name, version };
}
