/**
 * Bulk invitations, step 2: every row without an error is invited through the one invitation use case, so each row
 * follows the same rules as a single invitation (an existing account is asked for consent first, issue 16; nothing
 * about that account is shown). A row that fails says why; the other rows go ahead.
 */
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import type { Locale } from '../../ui/i18n.js';
import { inviteUser } from '../accounts/invite-user.js';
import { unsafePreviewBulkInvitations, type BulkInvitationPreview } from './preview-bulk-invitations.js';

export interface BulkInvitationResult {
  preview: BulkInvitationPreview;
  /** Per line: null when the invitation went out, else why not. */
  outcome: Map<number, string | null>;
  sent: number;
}

export async function sendBulkInvitations(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; data: string; baseUrl: string; locale: Locale }): Promise<BulkInvitationResult> {
  assertInScope('sendBulkInvitations', options.auth, { partnershipId: options.partnershipId });
  const bytes = new Uint8Array(Buffer.from(options.data, 'base64'));
  // Asserted above: this is the one check before the rows are read (inviteUser asserts again per row).
  const preview = await unsafePreviewBulkInvitations({ db: options.db, auth: options.auth, partnershipId: options.partnershipId, bytes, locale: options.locale });
  const outcome = new Map<number, string | null>();
  let sent = 0;
  for (const row of preview.plan.rows) {
    if (row.errors.length > 0 || !row.role || !row.place) continue;
    try {
      await inviteUser({
        db: options.db,
        clock: options.clock,
        auth: options.auth,
        partnershipId: options.partnershipId,
        input: { email: row.email, name: row.name, role: row.role, placeId: row.place.id },
        baseUrl: options.baseUrl,
        locale: options.locale,
      });
      outcome.set(row.line, null);
      sent++;
    } catch (error) {
      if (error instanceof AppError && (error.code === 'conflict' || error.code === 'invalid_input')) outcome.set(row.line, error.userMessage ?? error.code);
      else throw error;
    }
  }
  return { preview, outcome, sent };
}
