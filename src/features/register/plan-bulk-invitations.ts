/**
 * Bulk invitations (issue 11): the rows of a pasted table or CSV file — school code, e-mail, name, role — checked
 * against the SWV's register before anyone is invited. Pure: the caller passes the SWV's schools and boards.
 * Each row gets its own messages (line and column), so one wrong row never blocks the others.
 */
import { z } from 'zod';
import type { Translate } from '../../ui/i18n.js';
import type { RegisterMessage } from './messages.js';
import { normalizeColumnName, readTable, requireColumn, TableFileError, type Table } from './read-table.js';

/** Roles an SWV can hand out in bulk, with the words people write for them in a spreadsheet (lower case, compared loosely). */
export const BULK_ROLES = {
  school_editor: ['school_editor', 'schoolteam', 'school', 'redacteur', 'invuller', 'directie', 'ib', 'ib-er', 'intern begeleider', 'zorgcoordinator'],
  council_member: ['council_member', 'mr', 'mr-lid', 'medezeggenschapsraad', 'medezeggenschap'],
  board_user: ['board_user', 'bestuur', 'schoolbestuur', 'bevoegd gezag'],
} as const;
export type BulkRole = keyof typeof BULK_ROLES;

export const BULK_COLUMNS = {
  code: ['schoolcode', 'vestigingscode', 'brin', 'brinnummer', 'code', 'bestuursnummer', 'bevoegd gezag nummer'],
  email: ['e-mail', 'email', 'e-mailadres', 'emailadres', 'mail'],
  name: ['naam', 'name', 'volledige naam'],
  role: ['rol', 'role', 'functie'],
} as const;

export const MAX_BULK_ROWS = 2000;

export interface BulkPlace {
  id: string;
  name: string;
  code: string;
}

export interface PlannedInvitation {
  line: number;
  code: string;
  email: string;
  name: string;
  roleText: string;
  role: BulkRole | null;
  place: BulkPlace | null;
  errors: string[];
}

export interface BulkInvitationPlan {
  rows: PlannedInvitation[];
  ready: number;
  withErrors: number;
}

const emailSchema = z.email();

function roleOf(text: string): BulkRole | null {
  const wanted = normalizeColumnName(text);
  for (const [role, words] of Object.entries(BULK_ROLES) as Array<[BulkRole, readonly string[]]>) {
    if (words.some((word) => normalizeColumnName(word) === wanted)) return role;
  }
  return null;
}

/** Reads the table; a problem with the file as a whole (no header, broken quotes) is thrown as TableFileError. */
export function readBulkTable(bytes: Uint8Array): Table {
  const table = readTable(bytes);
  if (table.rows.length === 0) throw new TableFileError('fileNoRows');
  if (table.rows.length > MAX_BULK_ROWS) throw new TableFileError('bulkTooManyRows', { max: MAX_BULK_ROWS });
  for (const names of Object.values(BULK_COLUMNS)) requireColumn(table, names);
  return table;
}

export function planBulkInvitations(
  table: Table,
  register: { schoolsByCode: Map<string, BulkPlace>; schoolsByBrin: Map<string, BulkPlace[]>; boardsByNumber: Map<string, BulkPlace> },
  t: Translate<RegisterMessage>,
  roleLabel: (role: BulkRole) => string,
): BulkInvitationPlan {
  const col = {
    code: table.column(...BULK_COLUMNS.code),
    email: table.column(...BULK_COLUMNS.email),
    name: table.column(...BULK_COLUMNS.name),
    role: table.column(...BULK_COLUMNS.role),
  };
  const seen = new Map<string, number>();
  const rows = table.rows.map(({ line, cells }): PlannedInvitation => {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const code = cell(col.code).toUpperCase().replace(/\s+/g, '');
    const email = cell(col.email).toLowerCase();
    const name = cell(col.name).replace(/\s+/g, ' ');
    const roleText = cell(col.role);
    const errors: string[] = [];
    const role = roleOf(roleText);
    if (!roleText) errors.push(t('bulkRoleMissing', { line }));
    else if (!role) errors.push(t('bulkRoleUnknown', { line, value: roleText, roles: (Object.keys(BULK_ROLES) as BulkRole[]).map(roleLabel).join(', ') }));
    if (!email) errors.push(t('bulkEmailMissing', { line }));
    else if (!emailSchema.safeParse(email).success) errors.push(t('bulkEmailInvalid', { line, value: email }));
    if (name.length < 2 || name.length > 120) errors.push(t('bulkNameInvalid', { line }));
    let place: BulkPlace | null = null;
    if (!code) errors.push(t('bulkCodeMissing', { line }));
    else if (role === 'board_user') {
      place = register.boardsByNumber.get(code.replace(/^0+(?=\d)/, '')) ?? register.boardsByNumber.get(code) ?? null;
      if (!place) errors.push(t('bulkBoardUnknown', { line, value: code }));
    } else if (role) {
      if (/^\d{2}[A-Z]{2}$/.test(code)) {
        const locations = register.schoolsByBrin.get(code) ?? [];
        if (locations.length === 1) place = locations[0]!;
        else if (locations.length > 1) errors.push(t('bulkBrinAmbiguous', { line, value: code, codes: locations.map((l) => l.code).join(', ') }));
      } else place = register.schoolsByCode.get(code) ?? null;
      if (!place && !errors.some((e) => e.includes(code))) errors.push(t('bulkSchoolUnknown', { line, value: code }));
    }
    if (place && role && email) {
      const key = `${email}|${role}|${place.id}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) errors.push(t('bulkDuplicate', { line, earlier }));
      else seen.set(key, line);
    }
    return { line, code, email, name, roleText, role, place, errors };
  });
  const withErrors = rows.filter((row) => row.errors.length > 0).length;
  return { rows, ready: rows.length - withErrors, withErrors };
}
