/** The form to add a school: the SWV and its boards to choose from. */
import { AppError } from '../../auth/app-error.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { partnershipInScope } from './in-scope.js';
import { getPartnership, listBoards } from './repository.js';

export interface SchoolFormPage {
  partnership: { id: string; name: string };
  boards: Array<{ id: string; name: string }>;
}

export async function loadSchoolFormPage(options: { db: Database; auth: Authorized; partnershipId: string }): Promise<SchoolFormPage> {
  const { db } = options;
  const id = partnershipInScope(options.auth, options.partnershipId);
  const partnership = await getPartnership(db, id);
  if (!partnership) throw new AppError('not_found');
  const boards = await listBoards(db, id);
  return { partnership: { id, name: partnership.name }, boards: boards.map((b) => ({ id: b.id, name: b.name })) };
}
