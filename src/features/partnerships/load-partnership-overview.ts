/** The SWV's home page: its schools with their boards, and the links this user may follow. */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { queryAll, type Database } from '../../db/client.js';
import type { Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { partnershipLinks, type PartnershipLink } from './overview-links.js';
import { getPartnership, listBoards, listSchoolsOfPartnership, type SchoolRow } from './repository.js';

export interface PartnershipOverview {
  partnership: { id: string; name: string };
  boardCount: number;
  schools: SchoolRow[];
  boardNames: Map<string, string>;
  links: PartnershipLink[];
}

export async function loadPartnershipOverview(options: { db: Database; auth: Authorized; partnershipId: string; locale: Locale }): Promise<PartnershipOverview> {
  const { db, auth } = options;
  assertInScope('loadPartnershipOverview', auth, { partnershipId: options.partnershipId });
  const id = options.partnershipId;
  const partnership = await getPartnership(db, id);
  if (!partnership) throw new AppError('not_found');
  const [boards, schools] = await queryAll(db, [() => listBoards(db, id), () => listSchoolsOfPartnership(db, id)]);
  return {
    partnership: { id, name: partnership.name },
    boardCount: boards.length,
    schools,
    boardNames: new Map(boards.map((b) => [b.id, b.name])),
    links: partnershipLinks(auth.principal, id, options.locale),
  };
}
