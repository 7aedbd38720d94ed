import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Every change a user makes: who, when, what, before and after. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: text('actor_user_id'),
    partnershipId: text('partnership_id'),
    /** The school the change concerns, when there is one (the SWV's audit-log page filters on it). */
    schoolId: text('school_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_entity').on(t.entityType, t.entityId), index('audit_partnership_time').on(t.partnershipId, t.at), index('audit_school_time').on(t.schoolId, t.at)],
);
