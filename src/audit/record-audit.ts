import type { DbOrTx } from '../db/client.js';
import { auditLog } from './schema.js';

export interface AuditEntry {
  actorUserId: string | null;
  partnershipId: string | null;
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
  await db.insert(auditLog).values({
    at: entry.at,
    actorUserId: entry.actorUserId,
    partnershipId: entry.partnershipId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
