/** The only module that reads and writes the audit log (`audit_log`). */
import { and, asc, desc, eq, gte, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import type { AuditEntry } from './record-audit.js';
import { auditLog } from './schema.js';

export async function insertAuditRow(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at: entry.at,
    actorUserId: entry.actorUserId,
    partnershipId: entry.partnershipId,
    schoolId: entry.schoolId !== undefined ? entry.schoolId : schoolOfEntity(entry),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** The school an entry concerns when the caller did not say: a school is itself, a profile belongs to its school. */
function schoolOfEntity(entry: AuditEntry) {
  if (entry.entityType === 'school') return entry.entityId;
  if (entry.entityType === 'profile') return sql`(select school_id from profiles where id = ${entry.entityId})`;
  return null;
}

export interface AuditFilter {
  /** One SWV's rows; undefined: every row (the platform administrator). */
  partnershipId?: string;
  from?: Date;
  /** Exclusive. */
  until?: Date;
  actorUserId?: string;
  action?: string;
  schoolId?: string;
}

export interface AuditRow {
  id: number;
  at: Date;
  actorUserId: string | null;
  partnershipId: string | null;
  schoolId: string | null;
  action: string;
  entityType: string;
  entityId: string;
}

function conditions(filter: AuditFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.partnershipId !== undefined) where.push(eq(auditLog.partnershipId, filter.partnershipId));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.until) where.push(lt(auditLog.at, filter.until));
  if (filter.actorUserId) where.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.schoolId) where.push(eq(auditLog.schoolId, filter.schoolId));
  return where;
}

/** Newest first (by time, then id), `limit` rows after the row `before` in that order (keyset paging). */
export async function listAuditRows(db: DbOrTx, filter: AuditFilter, page: { before?: { at: Date; id: number }; limit: number }): Promise<AuditRow[]> {
  const where = conditions(filter);
  if (page.before) where.push(or(lt(auditLog.at, page.before.at), and(eq(auditLog.at, page.before.at), lt(auditLog.id, page.before.id)))!);
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      partnershipId: auditLog.partnershipId,
      schoolId: auditLog.schoolId,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
    })
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(page.limit);
}

/** The kinds of action and the people that occur in the log (for the filters). */
export async function auditFilterChoices(db: DbOrTx, partnershipId: string | undefined): Promise<{ actions: string[]; actorUserIds: string[] }> {
  const scope = partnershipId !== undefined ? eq(auditLog.partnershipId, partnershipId) : undefined;
  const [actions, actors] = [
    await db.selectDistinct({ action: auditLog.action }).from(auditLog).where(scope).orderBy(asc(auditLog.action)),
    await db
      .selectDistinct({ actorUserId: auditLog.actorUserId })
      .from(auditLog)
      .where(and(scope, isNotNull(auditLog.actorUserId))),
  ];
  return { actions: actions.map((row) => row.action), actorUserIds: actors.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])) };
}
