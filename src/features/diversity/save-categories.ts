import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database, DbOrTx } from '../../db/client.js';
import type { FieldErrors } from '../../ui/components.js';
import type { Authorized } from '../../ui/route.js';
import { parseDutchNumber } from '../templates/model/dutch-number.js';
import { diversityT } from './messages.js';
import { ARITHMETICS, DEFAULT_ARITHMETIC, type Arithmetic } from './care-load.js';
import { earliestGroupYear, insertCategory, updateCategory, upsertCategoryFactor, upsertYearSetting } from './repository.js';
import { schoolYearOf } from '../templates/school-year.js';
import { loadYearRules } from './year-figures.js';
import { rowsForChange } from './year-values.js';

const t = diversityT('nl');

/** Rows of the categories form: `name_<key>` and `factor_<key>`, key a category id or `new<n>` for a new row. */
export interface CategoryRowInput {
  key: string;
  name: string;
  factorHundredths: number;
}

const KEY = /^(?:[0-9a-f-]{36}|new\d{1,2})$/;
const nameSchema = z.string().trim().min(1, { error: t('nameRequired') }).max(120, { error: t('nameTooLong') });

/** A factor as typed ("1,5", "2", "0.75") in hundredths, between 0 and 100 with at most two decimals. */
export const factorSchema = z
  .string()
  .trim()
  .min(1, { error: t('factorRequired') })
  .transform((raw, ctx) => {
    const reading = parseDutchNumber(raw);
    if (!reading.ok) {
      ctx.addIssue({ code: 'custom', message: t('factorInvalid') });
      return z.NEVER;
    }
    const hundredths = Math.round(reading.value * 100);
    if (reading.value < 0 || reading.value > 100 || Math.abs(hundredths - reading.value * 100) > 1e-6) {
      ctx.addIssue({ code: 'custom', message: t('factorOutOfRange') });
      return z.NEVER;
    }
    return hundredths;
  });

export interface CategoriesInput {
  rows: CategoryRowInput[];
  /** The school year the factors hold from (null: the current one). */
  schoolYear: string | null;
  /** The arithmetic from that year on (null: unchanged). */
  arithmetic: Arithmetic | null;
}

/**
 * Reads the posted categories form; a new row left wholly empty is skipped. Errors per field, in Dutch.
 * `schoolYear` and `arithmetic` are optional (a form without them changes the current year's factors only).
 */
export function parseCategoriesForm(values: Record<string, string>): ({ ok: true } & CategoriesInput) | { ok: false; errors: FieldErrors } {
  const keys = [...new Set(Object.keys(values).filter((k) => k.startsWith('name_') || k.startsWith('factor_')).map((k) => k.slice(k.indexOf('_') + 1)))].filter((k) => KEY.test(k));
  const rows: CategoryRowInput[] = [];
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  for (const key of keys) {
    const rawName = values[`name_${key}`] ?? '';
    const rawFactor = values[`factor_${key}`] ?? '';
    if (key.startsWith('new') && !rawName.trim() && !rawFactor.trim()) continue;
    const name = nameSchema.safeParse(rawName);
    const factor = factorSchema.safeParse(rawFactor);
    if (!name.success) errors[`name_${key}`] = name.error.issues[0]!.message;
    if (!factor.success) errors[`factor_${key}`] = factor.error.issues[0]!.message;
    if (name.success && seen.has(name.data.toLocaleLowerCase('nl'))) errors[`name_${key}`] = t('nameDuplicate');
    if (name.success) seen.add(name.data.toLocaleLowerCase('nl'));
    if (name.success && factor.success) rows.push({ key, name: name.data, factorHundredths: factor.data });
  }
  const year = values['schoolYear']?.trim() || null;
  if (year !== null && !/^(\d{4})-(\d{4})$/.test(year)) errors['schoolYear'] = t('yearInvalid');
  else if (year !== null && Number(year.slice(5)) !== Number(year.slice(0, 4)) + 1) errors['schoolYear'] = t('yearInvalid');
  const arithmetic = values['arithmetic']?.trim() || null;
  if (arithmetic !== null && !(ARITHMETICS as readonly string[]).includes(arithmetic)) errors['arithmetic'] = t('arithmeticInvalid');
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, rows, schoolYear: year, arithmetic: arithmetic as Arithmetic | null };
}

/**
 * The SWV saves its categories for a school year: existing ones are renamed (names hold for every year) or get a
 * new factor from that year on, new rows are added, and the arithmetic may change from that year on. Earlier
 * years keep the factors and arithmetic they had (year-values.ts), so last year's figures are not rewritten.
 * A category is never deleted here (schools' counts refer to it). Every id must be one of this SWV's categories.
 */
export type SaveCategoriesOptions = { db: Database; clock: Clock; auth: Authorized; partnershipId: string } & CategoriesInput;

export async function saveCategories(options: SaveCategoriesOptions): Promise<void> {
  assertInScope('saveCategories', options.auth, { partnershipId: options.partnershipId });
  await unsafeSaveCategories(options);
}

/** `saveCategories` without the scope check, for a use case that asserted the SWV itself first (importIndex). */
export async function unsafeSaveCategories(options: SaveCategoriesOptions): Promise<void> {
  const { db, auth, partnershipId, rows } = options;
  const now = options.clock.now();
  const year = options.schoolYear ?? schoolYearOf(now);
  await db.transaction(async (tx) => {
    const rules = await loadYearRules(tx, partnershipId);
    const existing = new Map(rules.categories.map((row) => [row.id, row]));
    const earliest = await earliestGroupYear(tx, partnershipId);
    let position = Math.max(0, ...[...existing.values()].map((row) => row.position));
    for (const row of rows) {
      if (row.key.startsWith('new')) {
        const id = crypto.randomUUID();
        await insertCategory(tx, { id, partnershipId, name: row.name, factorHundredths: row.factorHundredths, position: ++position, createdAt: now, updatedAt: now });
        await upsertCategoryFactor(tx, { categoryId: id, schoolYear: year, factorHundredths: row.factorHundredths });
        await audit(tx, { now, auth, partnershipId, id, before: null, after: { name: row.name, factorHundredths: row.factorHundredths, schoolYear: year } });
        continue;
      }
      const before = existing.get(row.key);
      if (!before) throw new AppError('invalid_input', t('unknownCategory'), { field: `name_${row.key}` });
      const factorBefore = rules.factorsIn(year).get(row.key)!;
      const writes = rowsForChange(rules.factorRows.get(row.key) ?? [], year, row.factorHundredths, before.factorHundredths, earliest);
      if (before.name === row.name && writes.length === 0) continue;
      for (const write of writes) await upsertCategoryFactor(tx, { categoryId: row.key, schoolYear: write.schoolYear, factorHundredths: write.value });
      await updateCategory(tx, row.key, { name: row.name, factorHundredths: writes.length ? row.factorHundredths : before.factorHundredths, updatedAt: now });
      await audit(tx, { now, auth, partnershipId, id: row.key, before: { name: before.name, factorHundredths: factorBefore, schoolYear: year }, after: { name: row.name, factorHundredths: row.factorHundredths, schoolYear: year } });
    }
    if (options.arithmetic) {
      const writes = rowsForChange(rules.arithmeticRows, year, options.arithmetic, DEFAULT_ARITHMETIC, earliest);
      for (const write of writes) await upsertYearSetting(tx, { partnershipId, schoolYear: write.schoolYear, arithmetic: write.value });
      if (writes.length) {
        await recordAudit(tx, {
          at: now,
          actorUserId: auth.principal.userId,
          partnershipId,
          action: 'diversity.arithmetic',
          entityType: 'partnership',
          entityId: partnershipId,
          before: { arithmetic: rules.arithmeticIn(year), schoolYear: year },
          after: { arithmetic: options.arithmetic, schoolYear: year },
        });
      }
    }
  });
}

async function audit(
  tx: DbOrTx,
  entry: { now: Date; auth: Authorized; partnershipId: string; id: string; before: Record<string, unknown> | null; after: Record<string, unknown> },
) {
  await recordAudit(tx, {
    at: entry.now,
    actorUserId: entry.auth.principal.userId,
    partnershipId: entry.partnershipId,
    action: 'diversity.category',
    entityType: 'diversity_category',
    entityId: entry.id,
    before: entry.before,
    after: entry.after,
  });
}
