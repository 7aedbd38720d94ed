/** Bulk invitations, step 1: the pasted table or uploaded file checked row by row against the SWV's register. Nothing is sent. */
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { translator, type Locale } from '../../ui/i18n.js';
import { uiMessages } from '../../ui/messages.js';
import { getPartnership, listBoards, listSchoolsOfPartnership } from '../partnerships/api.js';
import { fileProblem } from './file-error-message.js';
import { registerMessages } from './messages.js';
import { planBulkInvitations, readBulkTable, type BulkInvitationPlan, type BulkPlace } from './plan-bulk-invitations.js';

export interface BulkInvitationPreview {
  partnership: { id: string; name: string };
  plan: BulkInvitationPlan;
  /** The table as sent, base64, so the confirmation checks exactly these rows again. */
  data: string;
}

export interface PreviewBulkInvitationsOptions {
  db: DbOrTx;
  auth: Authorized;
  partnershipId: string;
  bytes: Uint8Array | null;
  locale: Locale;
}

export async function previewBulkInvitations(options: PreviewBulkInvitationsOptions): Promise<BulkInvitationPreview> {
  assertInScope('previewBulkInvitations', options.auth, { partnershipId: options.partnershipId });
  return unsafePreviewBulkInvitations(options);
}

/** `previewBulkInvitations` without the scope check, for a use case that asserted the SWV itself first (sendBulkInvitations). */
export async function unsafePreviewBulkInvitations(options: PreviewBulkInvitationsOptions): Promise<BulkInvitationPreview> {
  const { db, partnershipId } = options;
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const t = translator(registerMessages, options.locale);
  if (!options.bytes || options.bytes.byteLength === 0) throw new AppError('invalid_input', t('bulkNothing'), { field: 'tabel' });
  let table;
  try {
    table = readBulkTable(options.bytes);
  } catch (error) {
    fileProblem(error, t, 'tabel');
  }
  const schools = await listSchoolsOfPartnership(db, partnershipId);
  const boards = await listBoards(db, partnershipId);
  const schoolsByCode = new Map<string, BulkPlace>();
  const schoolsByBrin = new Map<string, BulkPlace[]>();
  for (const school of schools) {
    const place = { id: school.id, name: school.name, code: school.locationCode };
    schoolsByCode.set(school.locationCode, place);
    const brin = school.locationCode.slice(0, 4);
    schoolsByBrin.set(brin, [...(schoolsByBrin.get(brin) ?? []), place]);
  }
  const boardsByNumber = new Map<string, BulkPlace>();
  for (const board of boards) if (board.boardNumber) boardsByNumber.set(board.boardNumber.replace(/^0+(?=\d)/, ''), { id: board.id, name: board.name, code: board.boardNumber });
  const ui = translator(uiMessages, options.locale);
  const plan = planBulkInvitations(table, { schoolsByCode, schoolsByBrin, boardsByNumber }, t, (role) => ui(`role.${role}`));
  return { partnership: { id: partnership.id, name: partnership.name }, plan, data: Buffer.from(options.bytes).toString('base64') };
}
