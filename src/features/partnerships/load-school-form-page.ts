/** The form to add or edit a school: the SWV, its boards to choose from, and (editing) the school's saved values. */
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership, getSchool, listBoards, type SchoolWithNames } from './repository.js';

export interface SchoolFormPage {
  partnership: { id: string; name: string; sector: 'po' | 'vo' };
  boards: Array<{ id: string; name: string; boardNumber: string | null }>;
  /** The school being edited; null when adding one. */
  school: SchoolWithNames | null;
  /** The saved values as form fields (empty when adding). */
  values: Record<string, string>;
}

export async function loadSchoolFormPage(options: { db: Database; auth: Authorized; partnershipId?: string; schoolId?: string }): Promise<SchoolFormPage> {
  const { db, auth } = options;
  if (options.schoolId) assertInScope('loadSchoolFormPage.school', auth, { schoolId: options.schoolId });
  const school = options.schoolId ? await getSchool(db, options.schoolId) : null;
  if (options.schoolId && !school) throw new AppError('not_found');
  const id = school?.partnershipId ?? options.partnershipId ?? '';
  assertInScope('loadSchoolFormPage', auth, { partnershipId: id });
  const partnership = await getPartnership(db, id);
  if (!partnership) throw new AppError('not_found');
  const boards = await listBoards(db, id);
  const values: Record<string, string> = school
    ? {
        name: school.name,
        brin: school.brin,
        vestiging: school.locationCode.slice(4),
        boardId: school.boardId,
        districtName: school.districtName ?? '',
        sector: school.sector ?? partnership.sector,
        schoolTypes: school.schoolTypes.join(', '),
        street: school.street ?? '',
        postalCode: school.postalCode ?? '',
        city: school.city ?? '',
        website: school.website ?? '',
      }
    : { sector: partnership.sector, vestiging: '00' };
  return {
    partnership: { id, name: partnership.name, sector: partnership.sector },
    boards: boards.map((b) => ({ id: b.id, name: b.name, boardNumber: b.boardNumber })),
    school,
    values,
  };
}
