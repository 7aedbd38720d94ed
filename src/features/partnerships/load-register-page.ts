/** The SWV's register: schools in use, archived schools, and every board with its number and school count. */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { queryAll, type Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { registerPageLinks, type PartnershipLink } from './overview-links.js';
import type { Locale } from '../../ui/i18n.js';
import { getPartnership, listAllBoards, listArchivedSchools, listSchoolsOfPartnership, type BoardRow, type SchoolRow } from './repository.js';

export interface RegisterPage {
  partnership: { id: string; name: string };
  schools: SchoolRow[];
  archivedSchools: SchoolRow[];
  boards: Array<BoardRow & { schoolCount: number }>;
  boardNames: Map<string, string>;
  links: PartnershipLink[];
}

export async function loadRegisterPage(options: { db: Database; auth: Authorized; partnershipId: string; locale: Locale }): Promise<RegisterPage> {
  const { db } = options;
  assertInScope('loadRegisterPage', options.auth, { partnershipId: options.partnershipId });
  const id = options.partnershipId;
  const partnership = await getPartnership(db, id);
  if (!partnership) throw new AppError('not_found');
  const [schools, archivedSchools, boards] = await queryAll(db, [() => listSchoolsOfPartnership(db, id), () => listArchivedSchools(db, id), () => listAllBoards(db, id)]);
  const counts = new Map<string, number>();
  for (const school of schools) counts.set(school.boardId, (counts.get(school.boardId) ?? 0) + 1);
  return {
    partnership: { id, name: partnership.name },
    schools,
    archivedSchools,
    boards: boards.map((b) => ({ ...b, schoolCount: counts.get(b.id) ?? 0 })),
    boardNames: new Map(boards.map((b) => [b.id, b.name])),
    links: registerPageLinks(options.auth.principal, id, options.locale),
  };
}
