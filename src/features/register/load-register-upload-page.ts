/** The register's upload pages (imports, districts): which SWV, and the way back to its register. */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership } from '../partnerships/api.js';

export interface RegisterUploadPage {
  partnership: { id: string; name: string };
  breadcrumbs: Array<[string, string]>;
}

export async function loadRegisterUploadPage(options: { db: Database; auth: Authorized; partnershipId: string }): Promise<RegisterUploadPage> {
  assertInScope('loadRegisterUploadPage', options.auth, { partnershipId: options.partnershipId });
  const id = options.partnershipId;
  const partnership = await getPartnership(options.db, id);
  if (!partnership) throw new AppError('not_found');
  return { partnership: { id, name: partnership.name }, breadcrumbs: [[partnership.name, `/swv/${id}`]] };
}
