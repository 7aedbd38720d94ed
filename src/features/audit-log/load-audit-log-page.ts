/**
 * The audit log as an SWV administrator reads it (issue 16): only rows of its own SWV (its boards and schools
 * included: every row carries the SWV it happened in), newest first, 50 a page, filtered by period, person, kind
 * of action and school. The platform administrator reads every SWV's rows (`partnershipId` left out).
 */
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { auditFilterChoices, listAuditRows, type AuditFilter } from '../../audit/repository.js';
import { queryAll, type Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { findUserNames } from '../accounts/api.js';
import { getPartnership, listAllSchools, listPartnerships } from '../partnerships/api.js';

export const AUDIT_PAGE_SIZE = 50;
/** At most this many rows go into one CSV download (the filters narrow it down). */
export const AUDIT_EXPORT_LIMIT = 10_000;

export interface AuditLogQuery {
  /** Dates as YYYY-MM-DD, in Dutch time; `until` inclusive. */
  from?: string | undefined;
  until?: string | undefined;
  personId?: string | undefined;
  action?: string | undefined;
  schoolId?: string | undefined;
  /** Keyset paging: the rows after this one (its time and id) in newest-first order. */
  before?: { at: Date; id: number } | undefined;
}

export interface AuditLogRow {
  id: number;
  at: Date;
  actorName: string | null;
  action: string;
  entityType: string;
  /** A person's name (for a change to a user) or a school's name, when known. */
  entityName: string | null;
  schoolName: string | null;
  partnershipName: string | null;
}

export interface AuditLogPage {
  /** Null: the platform's log over every SWV. */
  partnership: { id: string; name: string } | null;
  rows: AuditLogRow[];
  choices: { people: Array<{ id: string; name: string }>; actions: string[]; schools: Array<{ id: string; name: string }> };
  /** Where the next page (older rows) starts, or null on the last page. */
  next: { at: Date; id: number } | null;
  query: AuditLogQuery;
}

/** Midnight in the Netherlands at the start of an ISO date, as an instant. */
export function dutchMidnight(isoDate: string): Date {
  const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(utcMidnight));
  const offsetHours = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  return new Date(utcMidnight - offsetHours * 3_600_000);
}

function nextDay(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export async function loadAuditLogPage(options: { db: Database; auth: Authorized; partnershipId?: string; query: AuditLogQuery; limit?: number }): Promise<AuditLogPage> {
  const { db, auth, query } = options;
  const limit = options.limit ?? AUDIT_PAGE_SIZE;
  const partnershipId = options.partnershipId;
  if (partnershipId !== undefined) assertInScope('loadAuditLogPage', auth, { partnershipId });
  else if (auth.scope.level !== 'platform') throw new AppError('not_found');
  const partnership = partnershipId !== undefined ? await getPartnership(db, partnershipId) : null;
  if (partnershipId !== undefined && !partnership) throw new AppError('not_found');
  const schools = partnershipId !== undefined ? await listAllSchools(db, partnershipId) : [];
  // A school filter names a school of this SWV; any other id is a mistake in the address.
  if (query.schoolId && partnershipId !== undefined && !schools.some((s) => s.id === query.schoolId)) throw new AppError('invalid_input', undefined, { field: 'school' });
  const filter: AuditFilter = {
    ...(partnershipId !== undefined ? { partnershipId } : {}),
    ...(query.from ? { from: dutchMidnight(query.from) } : {}),
    ...(query.until ? { until: dutchMidnight(nextDay(query.until)) } : {}),
    ...(query.personId ? { actorUserId: query.personId } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.schoolId ? { schoolId: query.schoolId } : {}),
  };
  const [rows, choices] = await queryAll(db, [
    () => listAuditRows(db, filter, { ...(query.before ? { before: query.before } : {}), limit: limit + 1 }),
    () => auditFilterChoices(db, partnershipId),
  ]);
  const shown = rows.slice(0, limit);
  const userIds = new Set<string>(choices.actorUserIds);
  for (const row of shown) if (row.entityType === 'user') userIds.add(row.entityId);
  const names = await findUserNames(db, [...userIds]);
  const schoolNames = new Map(schools.map((s) => [s.id, s.name]));
  let partnershipNames = new Map<string, string>();
  if (partnershipId === undefined) {
    partnershipNames = new Map((await listPartnerships(db)).map((p) => [p.id, p.name]));
    for (const id of new Set(shown.flatMap((row) => (row.schoolId && row.partnershipId ? [row.partnershipId] : [])))) {
      for (const school of await listAllSchools(db, id)) schoolNames.set(school.id, school.name);
    }
  }
  return {
    partnership: partnership ? { id: partnership.id, name: partnership.name } : null,
    rows: shown.map((row) => {
      const schoolName = row.schoolId ? (schoolNames.get(row.schoolId) ?? null) : null;
      return {
        id: row.id,
        at: row.at,
        actorName: row.actorUserId ? (names.get(row.actorUserId) ?? null) : null,
        action: row.action,
        entityType: row.entityType,
        entityName: row.entityType === 'user' ? (names.get(row.entityId) ?? null) : row.entityType === 'school' ? schoolName : null,
        schoolName,
        partnershipName: row.partnershipId ? (partnershipNames.get(row.partnershipId) ?? partnership?.name ?? null) : null,
      };
    }),
    choices: {
      people: choices.actorUserIds.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : [])).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      actions: choices.actions,
      schools: schools.map((s) => ({ id: s.id, name: s.name })),
    },
    next: rows.length > limit ? { at: shown.at(-1)!.at, id: shown.at(-1)!.id } : null,
    query,
  };
}
