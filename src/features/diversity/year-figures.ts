/**
 * The factors and the arithmetic that count for a school year (year-values.ts), for everything that computes a
 * care load: the school's page, the SWV's overview and trend, the profile's limits. One query each.
 */
import type { DbOrTx } from '../../db/client.js';
import { DEFAULT_ARITHMETIC, isArithmetic, type Arithmetic } from './care-load.js';
import { listCategories, listCategoryFactors, listYearSettings, type DiversityCategoryRow } from './repository.js';
import { valueForYear } from './year-values.js';

export interface YearRules {
  categories: DiversityCategoryRow[];
  /** Factor in hundredths of each category in the year. */
  factorsIn(year: string): Map<string, number>;
  arithmeticIn(year: string): Arithmetic;
  /** Raw rows, for planning a change (save-categories.ts). */
  factorRows: Map<string, Array<{ schoolYear: string; value: number }>>;
  arithmeticRows: Array<{ schoolYear: string; value: Arithmetic }>;
}

export async function loadYearRules(db: DbOrTx, partnershipId: string): Promise<YearRules> {
  const categories = await listCategories(db, partnershipId);
  const factorRows = new Map<string, Array<{ schoolYear: string; value: number }>>();
  for (const row of await listCategoryFactors(db, partnershipId)) factorRows.set(row.categoryId, [...(factorRows.get(row.categoryId) ?? []), { schoolYear: row.schoolYear, value: row.factorHundredths }]);
  const arithmeticRows = (await listYearSettings(db, partnershipId)).filter((row) => isArithmetic(row.arithmetic)).map((row) => ({ schoolYear: row.schoolYear, value: row.arithmetic as Arithmetic }));
  return {
    categories,
    factorRows,
    arithmeticRows,
    factorsIn: (year) => new Map(categories.map((c) => [c.id, valueForYear(factorRows.get(c.id) ?? [], year, c.factorHundredths)])),
    arithmeticIn: (year) => valueForYear(arithmeticRows, year, DEFAULT_ARITHMETIC),
  };
}
