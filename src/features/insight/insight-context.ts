/**
 * What every insight view starts from: the place (an SWV, or one board: taken from the authorized scope, so a
 * board user can never widen it), the school year with its round and template, the schools in view after the
 * filters, and the items that carry a norm. One query for the schools, one for the cycles, the template from cache.
 */
import { AppError } from '../../auth/app-error.js';
import { requireAccess } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { translator, type Locale } from '../../ui/i18n.js';
import { insightMessages } from './messages.js';
import { amsterdamDate } from '../cycle/editability.js';
import { loadTemplateDefinition } from '../questionnaire/template-cache.js';
import { listItems, type Item, type Section, type TemplateDefinition } from '../templates/model/template.js';
import { findBoardName, findPartnershipName, listPlaceSchools, listYearCycles, type InsightSchool, type PlaceFilter, type YearCycle } from './repository.js';

export interface InsightPlace extends PlaceFilter {
  /** The SWV's name, or the board's. */
  name: string;
  /** `/swv/<id>` or `/besturen/<id>`: the insight pages live under it. */
  basePath: string;
}

/** Filters of the views, already checked by the route's zod schema. `district: 'none'` means schools without a district. */
export interface InsightFilters {
  boardId?: string | undefined;
  districtId?: string | undefined;
  sector?: string | undefined;
  sectionKey?: string | undefined;
}

export interface NormedItem {
  section: Section;
  item: Item;
  hasNorm: boolean;
  hasNationalNorm: boolean;
}

export interface InsightContext {
  place: InsightPlace;
  years: string[];
  schoolYear: string;
  cycle: YearCycle;
  template: TemplateDefinition;
  today: string;
  /** Every school of the place (before the filters), for the filter options. */
  allSchools: InsightSchool[];
  /** The schools in view: with a profile this year, after the filters. */
  schools: InsightSchool[];
  /** Items with the SWV's or the national norm, in questionnaire order (after the section filter). */
  normedItems: NormedItem[];
  filters: InsightFilters;
}

/** The place the central check authorized: the SWV (its readers) or one board (its users, and the SWV's admins). */
export async function resolvePlace(db: DbOrTx, auth: Authorized): Promise<InsightPlace> {
  const scope = auth.scope;
  if (scope.level === 'partnership') {
    requireAccess({ principal: auth.principal, permission: 'partnership.view', scope });
    const partnership = await findPartnershipName(db, scope.partnershipId);
    if (!partnership) throw new AppError('not_found');
    return { partnershipId: partnership.id, boardId: null, name: partnership.name, basePath: `/swv/${partnership.id}` };
  }
  if (scope.level === 'board') {
    requireAccess({ principal: auth.principal, permission: 'board.view', scope });
    const board = await findBoardName(db, scope.boardId);
    if (!board || board.partnershipId !== scope.partnershipId) throw new AppError('not_found');
    return { partnershipId: board.partnershipId, boardId: board.id, name: board.name, basePath: `/besturen/${board.id}` };
  }
  throw new AppError('not_found');
}

/** The requested school year, or the newest round that has opened (else the newest round). */
export function chooseYear(cycles: YearCycle[], requested: string | undefined, today: string, locale: Locale = 'nl'): YearCycle {
  const t = translator(insightMessages, locale);
  if (requested) {
    const cycle = cycles.find((entry) => entry.schoolYear === requested);
    if (!cycle) throw new AppError('not_found', t('noRoundForYear', { year: requested }));
    return cycle;
  }
  const chosen = cycles.find((entry) => entry.opensOn <= today) ?? cycles[0];
  if (!chosen) throw new AppError('not_found', t('noRoundYet'));
  return chosen;
}

export function matchesFilters(school: InsightSchool, filters: InsightFilters): boolean {
  if (filters.boardId && school.boardId !== filters.boardId) return false;
  if (filters.districtId === 'none' ? school.districtId !== null : filters.districtId && school.districtId !== filters.districtId) return false;
  if (filters.sector && (school.sector ?? '') !== filters.sector) return false;
  return true;
}

export function normedItemsOf(template: TemplateDefinition, sectionKey?: string): NormedItem[] {
  return listItems(template)
    .filter(({ section, item }) => (item.norm || item.nationalNorm) && (!sectionKey || section.key === sectionKey))
    .map(({ section, item }) => ({ section, item, hasNorm: item.norm !== undefined, hasNationalNorm: item.nationalNorm !== undefined }));
}

export async function loadInsightContext(options: {
  db: DbOrTx;
  clock: Clock;
  auth: Authorized;
  schoolYear?: string | undefined;
  filters?: InsightFilters;
  /** One school's page: the place's school list holds that school only (when it is in the place), not all of them. */
  onlySchoolId?: string | undefined;
}): Promise<InsightContext> {
  const place = await resolvePlace(options.db, options.auth);
  return loadPlaceContext({ ...options, place, locale: options.auth.principal.locale });
}

/** The same for a place the caller has already checked (the operator's CLI export of a whole SWV). */
export async function loadPlaceContext(options: {
  db: DbOrTx;
  clock: Clock;
  place: InsightPlace;
  schoolYear?: string | undefined;
  filters?: InsightFilters;
  onlySchoolId?: string | undefined;
  locale?: Locale;
}): Promise<InsightContext> {
  const { db, place } = options;
  const today = amsterdamDate(options.clock.now());
  const cycles = await listYearCycles(db, place.partnershipId);
  const cycle = chooseYear(cycles, options.schoolYear, today, options.locale);
  const template = await loadTemplateDefinition(db, cycle.templateVersionId);
  const filters = { ...(options.filters ?? {}) };
  // A board's view is that board: its filter cannot point elsewhere.
  if (place.boardId) delete filters.boardId;
  if (filters.sectionKey && !template.sections.some((section) => section.key === filters.sectionKey)) {
    throw new AppError('invalid_input', translator(insightMessages, options.locale ?? 'nl')('sectionNotInTemplate', { section: filters.sectionKey, year: cycle.schoolYear }));
  }
  const allSchools = await listPlaceSchools(db, { ...place, schoolId: options.onlySchoolId }, cycle.schoolYear);
  return {
    place,
    years: cycles.map((entry) => entry.schoolYear),
    schoolYear: cycle.schoolYear,
    cycle,
    template,
    today,
    allSchools,
    schools: allSchools.filter((school) => school.profileId !== null && matchesFilters(school, filters)),
    normedItems: normedItemsOf(template, filters.sectionKey),
    filters,
  };
}
