/**
 * The platform administrator's national view (issue 12): the same figures as each SWV's insight home, counted in
 * the database for every SWV at once (GROUP BY partnership). Templates differ per SWV, so the items that count
 * (normed items, coverage items) come in as a list of (SWV, item) pairs, joined as a record set: the database
 * counts exactly the items each SWV's own home counts. Counts only: no pupil data exists anywhere.
 */
import { asc, desc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { cycles } from '../cycle/schema.js';
import { partnerships } from '../partnerships/schema.js';
import type { CellStatus } from './figures.js';

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

export interface NationalStatusCount {
  partnershipId: string;
  /** The cell status against the SWV's norm (as the matrix shows it: "below" with an ambition is "ambition"). */
  status: CellStatus;
  answers: number;
}

/** Per SWV and cell status: how many answers on the SWV's normed items (the pairs given). */
export async function countNormStatusesPerPartnership(db: DbOrTx, schoolYear: string, items: Array<{ partnershipId: string; itemKey: string }>): Promise<NationalStatusCount[]> {
  if (items.length === 0) return [];
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`select a.partnership_id,
          case when a.norm_status is null then (case when a.ambition is not null and a.ambition <> 'null'::jsonb then 'ambition' else 'unanswered' end)
               when a.norm_status = 'below' and a.ambition is not null and a.ambition <> 'null'::jsonb then 'ambition'
               else a.norm_status end as status,
          count(*)::int as answers
        from answers a
        join jsonb_to_recordset(${JSON.stringify(items.map((i) => ({ partnership_id: i.partnershipId, item_key: i.itemKey })))}::jsonb)
          as i(partnership_id text, item_key text) on i.partnership_id = a.partnership_id and i.item_key = a.item_key
        where a.school_year = ${schoolYear}
        group by 1, 2`,
  );
  return rows.map((row) => ({ partnershipId: String(row['partnership_id']), status: String(row['status']) as CellStatus, answers: Number(row['answers']) }));
}

export interface NationalHoleCount {
  partnershipId: string;
  /** (district, item) pairs where no school of the district offers the item at school level: the home's holes. */
  holes: number;
  /** Districts (schools without a district form one) of the schools with a profile. */
  districts: number;
}

/**
 * Holes in coverage per SWV: districts (of the schools with a profile that year; no district is a group of its
 * own) × coverage items where no school answered the item's first level ("at school level").
 */
export async function countCoverageHolesPerPartnership(
  db: DbOrTx,
  schoolYear: string,
  items: Array<{ partnershipId: string; itemKey: string; atSchoolValue: string }>,
): Promise<NationalHoleCount[]> {
  if (items.length === 0) return [];
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    // An anti-join on plain equality (no district is '-'), so the database can hash it: a NOT EXISTS over the
    // offers CTE was re-run per district × item (over a minute for 7,000 schools).
    sql`with i as (
          select * from jsonb_to_recordset(${JSON.stringify(items.map((i) => ({ partnership_id: i.partnershipId, item_key: i.itemKey, at_school: i.atSchoolValue })))}::jsonb)
            as i(partnership_id text, item_key text, at_school text)),
        g as (
          select distinct p.partnership_id, coalesce(s.district_id, '-') as district
          from profiles p join schools s on s.id = p.school_id
          where p.school_year = ${schoolYear} and p.partnership_id in (select partnership_id from i)),
        o as (
          select distinct a.partnership_id, coalesce(s.district_id, '-') as district, a.item_key
          from answers a
          join i on i.partnership_id = a.partnership_id and i.item_key = a.item_key and a.value = to_jsonb(i.at_school)
          join profiles p on p.id = a.profile_id
          join schools s on s.id = p.school_id
          where a.school_year = ${schoolYear})
        select g.partnership_id, (count(*) filter (where o.item_key is null))::int as holes, count(distinct g.district)::int as districts
        from g
        join i on i.partnership_id = g.partnership_id
        left join o on o.partnership_id = g.partnership_id and o.district = g.district and o.item_key = i.item_key
        group by g.partnership_id`,
  );
  return rows.map((row) => ({ partnershipId: String(row['partnership_id']), holes: Number(row['holes']), districts: Number(row['districts']) }));
}
