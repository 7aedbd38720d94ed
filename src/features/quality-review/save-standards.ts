import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { FieldErrors } from '../../ui/components.js';
import type { Authorized } from '../../ui/route.js';
import { duplicateKeyIssues, indicatorsOf, keyFromTitle, QUALITY_FORMAT, qualityStandardsSchema, type QualityDomain, type QualityLevel, type QualityStandards } from './model.js';
import { qualityT } from './messages.js';
import { getStandards, saveStandards as storeStandards, usedKeys } from './repository.js';
import { parseStandardsFile, type StandardsFileError } from './standards-file.js';

const t = qualityT('nl');

const clean = (value: string | undefined) => (value ?? '').trim();

/**
 * Reads the standards form: `name`; the scale's rows `level_<n>_key|label|description`; the domains' rows
 * `domain_<d>_key|title` with `ind_<d>_<n>_key|text`. A row keeps its key (hidden field) so ratings stay attached;
 * a new row gets a key from its text. An emptied row is removed (refused later when schools use it). Order is the
 * order of the rows. Errors per field, in Dutch.
 */
export function parseStandardsForm(values: Record<string, string>): { ok: true; standards: QualityStandards } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = clean(values['name']);
  if (!name) errors['name'] = t('standardsNameRequired');
  else if (name.length > 160) errors['name'] = t('textTooLong', { max: 160 });
  const indices = (pattern: RegExp) =>
    [...new Set(Object.keys(values).flatMap((field) => {
      const match = pattern.exec(field);
      return match ? [Number(match[1])] : [];
    }))].sort((a, b) => a - b);

  const levelKeys = new Set(Object.keys(values).filter((f) => /^level_\d+_key$/.test(f)).map((f) => clean(values[f])).filter(Boolean));
  const scale: QualityLevel[] = [];
  for (const n of indices(/^level_(\d{1,2})_(?:key|label|description)$/)) {
    const label = clean(values[`level_${n}_label`]);
    const description = clean(values[`level_${n}_description`]);
    const existing = clean(values[`level_${n}_key`]);
    if (!label) {
      if (description) errors[`level_${n}_label`] = t('levelLabelRequired');
      continue;
    }
    if (label.length > 60) errors[`level_${n}_label`] = t('textTooLong', { max: 60 });
    if (description.length > 300) errors[`level_${n}_description`] = t('textTooLong', { max: 300 });
    if (scale.some((level) => level.label.toLocaleLowerCase('nl') === label.toLocaleLowerCase('nl'))) errors[`level_${n}_label`] = t('levelLabelDuplicate');
    const key = existing && /^[a-z0-9-]{1,60}$/.test(existing) ? existing : keyFromTitle(label, levelKeys);
    scale.push({ key, label, ...(description ? { description } : {}) });
  }
  if (scale.length < 2) errors['level_0_label'] ??= t('scaleTooShort');

  const allKeys = new Set(Object.keys(values).filter((f) => /^(?:domain_\d+|ind_\d+_\d+)_key$/.test(f)).map((f) => clean(values[f])).filter(Boolean));
  const domains: QualityDomain[] = [];
  for (const d of indices(/^domain_(\d{1,2})_(?:key|title)$/)) {
    const title = clean(values[`domain_${d}_title`]);
    const indicators: QualityDomain['indicators'] = [];
    for (const n of indices(new RegExp(`^ind_${d}_(\\d{1,2})_(?:key|text)$`))) {
      const text = clean(values[`ind_${d}_${n}_text`]);
      if (!text) continue;
      if (text.length > 400) errors[`ind_${d}_${n}_text`] = t('textTooLong', { max: 400 });
      const existing = clean(values[`ind_${d}_${n}_key`]);
      indicators.push({ key: existing && /^[a-z0-9-]{1,60}$/.test(existing) ? existing : keyFromTitle(text.split(/\s+/).slice(0, 5).join(' '), allKeys), text });
    }
    if (!title) {
      if (indicators.length) errors[`domain_${d}_title`] = t('domainTitleRequired');
      continue;
    }
    if (title.length > 120) errors[`domain_${d}_title`] = t('textTooLong', { max: 120 });
    if (indicators.length === 0) {
      errors[`domain_${d}_title`] = t('domainWithoutIndicators', { domain: title });
      continue;
    }
    const existing = clean(values[`domain_${d}_key`]);
    domains.push({ key: existing && /^[a-z0-9-]{1,60}$/.test(existing) ? existing : keyFromTitle(title, allKeys), title, indicators });
  }
  if (domains.length === 0 && !Object.keys(errors).some((f) => f.startsWith('domain_'))) errors['domain_0_title'] = t('domainsRequired');
  if (Object.keys(errors).length) return { ok: false, errors };
  const checked = qualityStandardsSchema.safeParse({ format: QUALITY_FORMAT, name, scale, domains });
  if (!checked.success || duplicateKeyIssues(checked.data).length) return { ok: false, errors: { name: t('standardsInvalid') } };
  return { ok: true, standards: checked.data };
}

/**
 * The SWV saves its standards (from the form or a file). Indicators and levels that schools' checklists already use
 * cannot be removed (their ratings would be lost from view); their texts may change. Audited with the earlier set.
 */
export interface SaveStandardsOptions {
  db: Database;
  clock: Clock;
  auth: Authorized;
  partnershipId: string;
  standards: QualityStandards;
  source: 'form' | 'file';
}

export async function saveStandards(options: SaveStandardsOptions): Promise<void> {
  assertInScope('saveStandards', options.auth, { partnershipId: options.partnershipId });
  await unsafeSaveStandards(options);
}

/** `saveStandards` without the scope check, for a use case that asserted the SWV itself first (importStandardsFile). */
async function unsafeSaveStandards(options: SaveStandardsOptions): Promise<void> {
  const { db, auth, partnershipId } = options;
  const now = options.clock.now();
  // Saved in the app, the set is the SWV's own: the example mark goes. A file keeps what it says.
  const standards: QualityStandards = options.source === 'form' ? (({ example: _example, ...rest }) => rest)(options.standards) : options.standards;
  await db.transaction(async (tx) => {
    const used = await usedKeys(tx, partnershipId);
    const indicatorKeys = new Set(indicatorsOf(standards).map((indicator) => indicator.key));
    const levelKeys = new Set(standards.scale.map((level) => level.key));
    const before = await getStandards(tx, partnershipId);
    const lostIndicator = [...used.indicators].find((key) => !indicatorKeys.has(key));
    if (lostIndicator) {
      const text = before ? (indicatorsOf(before.definition).find((indicator) => indicator.key === lostIndicator)?.text ?? lostIndicator) : lostIndicator;
      throw new AppError('invalid_input', t('indicatorInUse', { indicator: text, key: lostIndicator }), { field: 'name' });
    }
    const lostLevel = [...used.levels].find((key) => !levelKeys.has(key));
    if (lostLevel) {
      const label = before?.definition.scale.find((level) => level.key === lostLevel)?.label ?? lostLevel;
      throw new AppError('invalid_input', t('levelInUse', { level: label, key: lostLevel }), { field: 'name' });
    }
    await storeStandards(tx, { partnershipId, definition: standards, updatedBy: auth.principal.userId, updatedAt: now });
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId,
      action: options.source === 'file' ? 'quality.importStandards' : 'quality.saveStandards',
      entityType: 'quality_standards',
      entityId: partnershipId,
      before: before?.definition ?? null,
      after: standards,
    });
  });
}

/** A standards file uploaded by the SWV: every mistake with its line, or saved (as `saveStandards`). */
export async function importStandardsFile(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; source: string }): Promise<{ ok: true } | { ok: false; errors: StandardsFileError[] }> {
  assertInScope('importStandardsFile', options.auth, { partnershipId: options.partnershipId });
  const parsed = parseStandardsFile(options.source);
  if (!parsed.ok) return parsed;
  try {
    // Asserted above: this is the one check (saveStandards would repeat it).
    await unsafeSaveStandards({ ...options, standards: parsed.standards, source: 'file' });
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_input') return { ok: false, errors: [{ path: '', message: error.userMessage ?? '' }] };
    throw error;
  }
  return { ok: true };
}
