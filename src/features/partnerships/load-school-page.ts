/** A school's page: its data and contact persons, and whether this viewer may edit the contacts. */
import { AppError } from '../../auth/app-error.js';
import { assertInScope, can } from '../../auth/policy.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getSchool, listSchoolContacts, type SchoolContactRow, type SchoolWithNames } from './repository.js';

export interface SchoolPage {
  school: SchoolWithNames;
  contacts: SchoolContactRow[];
  canEditContacts: boolean;
  /** May this viewer edit or archive the school (the SWV's admins)? */
  canManage: boolean;
}

export async function loadSchoolPage(options: { db: Database; auth: Authorized; schoolId: string }): Promise<SchoolPage> {
  const { db, auth } = options;
  assertInScope('loadSchoolPage', auth, { schoolId: options.schoolId });
  const id = options.schoolId;
  const school = await getSchool(db, id);
  if (!school) throw new AppError('not_found');
  const contacts = await listSchoolContacts(db, [id]);
  return { school, contacts, canEditContacts: can(auth.principal, 'school.editContacts', auth.scope), canManage: can(auth.principal, 'partnership.manage', auth.scope) };
}
