/**
 * The platform administrator's national view (issue 12): the same figures as each SWV's insight home, counted in
 * the database for every SWV at once (GROUP BY partnership), and every profile's packed answer summary of the year
 * (decision 0024), which the loader decodes per SWV with that SWV's own template. Counts only: no pupil data.
 */
import { asc, desc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { cycles } from '../cycle/schema.js';
import { partnerships } from '../partnerships/schema.js';

async function rowsOf<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Every SWV with every round it has (newest year first); an SWV without a round has `schoolYear` null. */
export function listPartnershipCycles(db: DbOrTx) {
  return db
    .select({
      partnershipId: partnerships.id,
      name: partnerships.name,
      schoolYear: cycles.schoolYear,
      opensOn: cycles.opensOn,
      submitDeadline: cycles.submitDeadline,
      templateVersionId: cycles.templateVersionId,
    })
    .from(partnerships)
    .leftJoin(cycles, sql`${cycles.partnershipId} = ${partnerships.id}`)
    .orderBy(asc(partnerships.name), desc(cycles.schoolYear));
}
export type PartnershipCycle = Awaited<ReturnType<typeof listPartnershipCycles>>[number];

export interface NationalSchoolCount {
  partnershipId: string;
  /** Schools of the SWV: not archived, or archived with a profile that year (as `listPlaceSchools`). */
  schools: number;
  withProfile: number;
  /** Sum of the exact DUO counts (newest per school); ranges are never summed. */
  pupils: number;
  /** Schools whose newest count is "<5" (1–4). */
  fewerThanFive: number;
  /** Schools whose newest count is another range. */
  otherRanges: number;
}

export async function countSchoolsPerPartnership(db: DbOrTx, schoolYear: string): Promise<NationalSchoolCount[]> {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`with latest as (
          select distinct on (school_id) school_id, low, high from school_pupil_counts order by school_id, counted_on desc)
        select s.partnership_id,
          count(*)::int as schools,
          count(p.id)::int as with_profile,
          coalesce(sum(l.low) filter (where l.low = l.high), 0)::bigint as pupils,
          (count(*) filter (where l.low = 1 and l.high = 4))::int as fewer_than_five,
          (count(*) filter (where l.low <> l.high and not (l.low = 1 and l.high = 4)))::int as other_ranges
        from schools s
        left join latest l on l.school_id = s.id
        left join profiles p on p.school_id = s.id and p.school_year = ${schoolYear}
        where s.archived_at is null or p.id is not null
        group by s.partnership_id`,
  );
  return rows.map((row) => ({
    partnershipId: String(row['partnership_id']),
    schools: Number(row['schools']),
    withProfile: Number(row['with_profile']),
    pupils: Number(row['pupils']),
    fewerThanFive: Number(row['fewer_than_five']),
    otherRanges: Number(row['other_ranges']),
  }));
}

/** Per SWV: whether its submit deadline has passed (today), and the instant from which a submission is late. */
export interface DeadlineOf {
  partnershipId: string;
  passed: boolean;
  lateFrom: string;
}

export interface NationalProfileCount {
  partnershipId: string;
  status: string;
  profiles: number;
  /** Of those: late (open after a passed deadline, or submitted after it), the home's rule. */
  late: number;
}

export async function countProfilesPerPartnership(db: DbOrTx, schoolYear: string, deadlines: DeadlineOf[]): Promise<NationalProfileCount[]> {
  if (deadlines.length === 0) return [];
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`select p.partnership_id, p.status, count(*)::int as profiles,
          (count(*) filter (where (p.status in ('not_started', 'in_progress') and d.passed) or p.submitted_at >= d.late_from))::int as late
        from profiles p
        join jsonb_to_recordset(${JSON.stringify(deadlines.map((d) => ({ partnership_id: d.partnershipId, passed: d.passed, late_from: d.lateFrom })))}::jsonb)
          as d(partnership_id text, passed boolean, late_from timestamptz) on d.partnership_id = p.partnership_id
        where p.school_year = ${schoolYear}
        group by p.partnership_id, p.status`,
  );
  return rows.map((row) => ({ partnershipId: String(row['partnership_id']), status: String(row['status']), profiles: Number(row['profiles']), late: Number(row['late']) }));
}

/** One profile of the year with its packed summary (schema.ts `answer_summaries`); null without answer rows. */
export interface NationalProfileSummary {
  partnershipId: string;
  /** The school's district; null without one (those schools form one group, as in the SWV's coverage view). */
  districtId: string | null;
  templateVersionId: string | null;
  statuses: string | null;
  choices: string | null;
}

/**
 * Every profile of the school year with its summary: one short row per school (7,300 rows) instead of the 1.4
 * million answer rows of the year; load-national-insight.ts decodes them per SWV as the SWV's own views do.
 */
export async function listProfileSummariesOfYear(db: DbOrTx, schoolYear: string): Promise<NationalProfileSummary[]> {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`select p.partnership_id, s.district_id, a.template_version_id, a.statuses, a.choices
        from profiles p
        join schools s on s.id = p.school_id
        left join answer_summaries a on a.profile_id = p.id
        where p.school_year = ${schoolYear}`,
  );
  return rows.map((row) => ({
    partnershipId: String(row['partnership_id']),
    districtId: (row['district_id'] as string | null) ?? null,
    templateVersionId: (row['template_version_id'] as string | null) ?? null,
    statuses: (row['statuses'] as string | null) ?? null,
    choices: (row['choices'] as string | null) ?? null,
  }));
}
