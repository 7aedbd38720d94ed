/**
 * Coverage (dekkend netwerk) and the extra support offered: per kind of support or expertise, how many schools
 * offer it at which level per district or per board, the holes (districts where no school offers it at school
 * level, with the nearest level and where it is offered), and the ambitions as professionalisation needs.
 * Two queries for every school in view: their summaries (decision 0024) and the answers that carry an ambition.
 */
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { listItems, type Item, type Section } from '../templates/model/template.js';
import { compareDutch, compareText, computeCoverageFromCounts, coverageHoles, coverageItems, type CoverageHole, type CoverageItem } from './figures.js';
import { loadInsightContext, type InsightContext, type InsightFilters } from './insight-context.js';
import { listAmbitions, type InsightSchool } from './repository.js';
import { countCoverageFromSummaries, loadSchoolSummaries, schoolsWithChoice } from './summary.js';

export interface AmbitionNeed {
  section: Section;
  item: Item;
  schools: Array<{ school: InsightSchool; schoolYear: string | null; target: string | null; note: string | null }>;
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
  const inView = new Set(context.schools.map((school) => school.id));
  // Counted from the per-profile summary (the chosen option per item, decision 0024); the schools offering an item at
  // school level by name from the same rows.
  const summaries = await loadSchoolSummaries(options.db, context.place.partnershipId, context.schoolYear, context.schools);
  const coverageBy = (by: 'district' | 'board') =>
    computeCoverageFromCounts({ template: context.template, schools: context.schools, counts: countCoverageFromSummaries(summaries, context.schools, keys, by), by, noDistrict: options.noDistrict });
  const items = coverageBy(options.by);
  // Holes are always per district: that is what "dekkend netwerk" asks.
  const byDistrict = options.by === 'district' ? items : coverageBy('district');
  const withHoles = byDistrict.filter((entry) => entry.cells.some((cell) => cell.atSchool === 0));
  const offers = schoolsWithChoice(summaries, context.schools, withHoles.map((entry) => ({ itemKey: entry.item.key, value: entry.levels[0]!.value })));
  const holes = coverageHoles(byDistrict, context.schools, offers);

  const ambitionRows = (await listAmbitions(options.db, context.place, context.schoolYear)).filter((row) => inView.has(row.schoolId));
  const schoolOf = new Map(context.schools.map((school) => [school.id, school]));
  const ambitions: AmbitionNeed[] = [];
  const ambitionsOf = new Map<string, typeof ambitionRows>();
  for (const row of ambitionRows) {
    const list = ambitionsOf.get(row.itemKey);
    if (list) list.push(row);
    else ambitionsOf.set(row.itemKey, [row]);
  }
  for (const { section, item } of listItems(context.template)) {
    const rows = ambitionsOf.get(item.key) ?? [];
    if (rows.length === 0) continue;
    const schools = rows
      .map((row) => ({ school: schoolOf.get(row.schoolId)!, schoolYear: row.ambition.schoolYear ?? null, target: row.ambition.target ?? null, note: row.ambition.note ?? null }))
      .sort((a, b) => compareText(a.schoolYear ?? '9999', b.schoolYear ?? '9999') || compareDutch(a.school.name, b.school.name));
    const years = new Map<string, number>();
    for (const entry of schools) years.set(entry.schoolYear ?? '', (years.get(entry.schoolYear ?? '') ?? 0) + 1);
    ambitions.push({ section, item, schools, byYear: [...years].map(([schoolYear, count]) => ({ schoolYear, count })).sort((a, b) => compareText(a.schoolYear || '9999', b.schoolYear || '9999')) });
  }
  ambitions.sort((a, b) => b.schools.length - a.schools.length);
  return { context, by: options.by, items, holes, ambitions };
}
