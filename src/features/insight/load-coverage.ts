/**
 * Coverage (dekkend netwerk) and the extra support offered: per kind of support or expertise, how many schools
 * offer it at which level per district or per board, the holes (districts where no school offers it at school
 * level, with the nearest level and where it is offered), and the ambitions as professionalisation needs.
 * Two queries for every school in view: their summaries (decision 0024) and the ambitions counted per item and year.
 */
import type { Clock } from '../../config/clock.js';
import type { Ambition } from '../templates/model/answer.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { listItems, type Item, type Section, type TemplateDefinition } from '../templates/model/template.js';
import { compareDutch, compareText, computeCoverageFromCounts, coverageHoles, coverageItems, type CoverageHole, type CoverageItem } from './figures.js';
import { loadInsightContext, type InsightContext, type InsightFilters } from './insight-context.js';
import { countAmbitionsPerItem, type AmbitionCount, type InsightSchool } from './repository.js';
import { countCoverageInColumns, loadSchoolSummaries, schoolsWithChoiceInColumns, SummaryColumns } from './summary.js';

/** One school's ambition on an item: by when it intends to get there, and its own words. */
export interface AmbitionEntry {
  school: InsightSchool;
  schoolYear: string | null;
  target: string | null;
  note: string | null;
}

/**
 * A professionalisation need: how many schools intend to develop an item, per intended school year. Counted, not
 * listed: at national scale the page would carry ~70,000 ambitions; who they are is one item's details page
 * (load-item-ambitions.ts) and the export.
 */
export interface AmbitionNeed {
  section: Section;
  item: Item;
  schools: number;
  /** Schools per intended school year ('' for no year given), ordered by year. */
  byYear: Array<{ schoolYear: string; count: number }>;
}

export interface CoveragePage {
  context: InsightContext;
  by: 'district' | 'board';
  items: CoverageItem[];
  holes: CoverageHole[];
  ambitions: AmbitionNeed[];
}

export async function loadCoverage(options: {
  db: DbOrTx;
  clock: Clock;
  auth: Authorized;
  schoolYear?: string | undefined;
  filters: InsightFilters;
  by: 'district' | 'board';
  noDistrict: string;
}): Promise<CoveragePage> {
  const context = await loadInsightContext(options);
  const keys = coverageItems(context.template).map(({ item }) => item.key);
  const profileIds = context.schools.flatMap((school) => (school.profileId ? [school.profileId] : []));
  // Counted from the per-profile summary (the chosen option per item, decision 0024), read a column at a time; the
  // schools offering an item at school level by name from the same rows. The ambitions counted per item and year in
  // the database at the same time (two connections on PostgreSQL; PGlite queues them).
  const [summaries, ambitionCounts] = await Promise.all([
    loadSchoolSummaries(options.db, context.place.partnershipId, context.schoolYear, context.schools),
    countAmbitionsPerItem(options.db, context.place.partnershipId, context.schoolYear, profileIds),
  ]);
  const columns = new SummaryColumns(summaries, context.schools.map((school) => school.id));
  const coverageBy = (by: 'district' | 'board') =>
    computeCoverageFromCounts({ template: context.template, schools: context.schools, counts: countCoverageInColumns(columns, context.schools, keys, by), by, noDistrict: options.noDistrict });
  const items = coverageBy(options.by);
  // Holes are always per district: that is what "dekkend netwerk" asks.
  const byDistrict = options.by === 'district' ? items : coverageBy('district');
  const withHoles = byDistrict.filter((entry) => entry.cells.some((cell) => cell.atSchool === 0));
  const offers = schoolsWithChoiceInColumns(columns, context.schools, withHoles.map((entry) => ({ itemKey: entry.item.key, value: entry.levels[0]!.value })));
  const holes = coverageHoles(byDistrict, context.schools, offers);
  const ambitions = ambitionNeeds(context.template, ambitionCounts);
  return { context, by: options.by, items, holes, ambitions };
}

/** The counts per item and intended year as needs, most wanted first (questionnaire order among equals). */
export function ambitionNeeds(template: TemplateDefinition, counts: AmbitionCount[]): AmbitionNeed[] {
  const countsOf = new Map<string, AmbitionCount[]>();
  for (const row of counts) {
    const list = countsOf.get(row.itemKey);
    if (list) list.push(row);
    else countsOf.set(row.itemKey, [row]);
  }
  const needs: AmbitionNeed[] = [];
  const seen = new Set<string>();
  for (const { section, item } of listItems(template)) {
    const rows = countsOf.get(item.key);
    if (!rows || seen.has(item.key)) continue;
    seen.add(item.key);
    const byYear = rows.map((row) => ({ schoolYear: row.schoolYear, count: row.schools })).sort((a, b) => compareText(a.schoolYear || '9999', b.schoolYear || '9999'));
    needs.push({ section, item, schools: rows.reduce((sum, row) => sum + row.schools, 0), byYear });
  }
  return needs.sort((a, b) => b.schools - a.schools);
}

/** Ambition rows as entries for a page or a sheet: by intended year (none given last), then by school name. */
export function ambitionEntries(rows: Array<{ profileId: string; ambition: Ambition }>, schools: InsightSchool[]): AmbitionEntry[] {
  const schoolOfProfile = new Map<string, InsightSchool>();
  for (const school of schools) if (school.profileId) schoolOfProfile.set(school.profileId, school);
  return rows
    .flatMap((row) => {
      const school = schoolOfProfile.get(row.profileId);
      return school ? [{ school, schoolYear: row.ambition.schoolYear ?? null, target: row.ambition.target ?? null, note: row.ambition.note ?? null }] : [];
    })
    .sort((a, b) => compareText(a.schoolYear ?? '9999', b.schoolYear ?? '9999') || compareDutch(a.school.name, b.school.name));
}
