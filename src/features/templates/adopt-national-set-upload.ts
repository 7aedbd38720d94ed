import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { adoptNationalSetFile, type AdoptNationalSetFileResult } from './adopt-national-set-file.js';
import { findVersionInScope } from './version-in-scope.js';

/** "Landelijke set overnemen" on a draft's page: the uploaded national set file merged into that draft. */
export async function adoptNationalSetUpload(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  locale: Locale;
  versionId: string;
  fileName: string;
  source: string;
  /** The draft's section to put the items in; absent: a section of their own. */
  intoSection: string | undefined;
}): Promise<AdoptNationalSetFileResult> {
  const version = await findVersionInScope(options.db, { ...options, draftOnly: true });
  return adoptNationalSetFile({
    db: options.db,
    clock: options.clock,
    partnershipId: version.partnershipId,
    actorUserId: options.auth.principal.userId,
    source: options.source,
    fileName: options.fileName,
    versionId: version.id,
    intoSection: options.intoSection,
  });
}
