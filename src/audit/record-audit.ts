import type { DbOrTx } from '../db/client.js';
import { insertAuditRow } from './repository.js';

export interface AuditEntry {
  actorUserId: string | null;
  partnershipId: string | null;
  /**
   * The school the change concerns (the audit-log page filters on it). Left out, it follows from the entity:
   * a school is itself, a profile belongs to its school; otherwise none.
   */
  schoolId?: string | null;
  /** Verb-noun, e.g. "user.invite", "profile.submit". */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  at: Date;
}

/** Writes one audit entry; call it inside the same transaction as the change it records. */
export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await insertAuditRow(db, entry);
}
