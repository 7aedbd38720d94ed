/**
 * The SWV's standards of basic quality and its rating scale (issue 15), as data: the shape of the file
 * (docs/quality-standards-format.md) and of the stored definition. Nothing about a particular SWV lives in code;
 * the order of the scale's levels is their position in the list (no numeric values are assumed).
 */
import { z } from 'zod';
import { uniqueKeyFromTitle } from '../templates/model/key-from-title.js';

export const QUALITY_FORMAT = 'opensop-kwaliteit/1';

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const key = z
  .string({ error: 'verwacht een sleutel (kleine letters, cijfers en streepjes)' })
  .max(60, { error: 'een sleutel is hooguit 60 tekens' })
  .regex(KEY, { error: 'een sleutel bestaat uit kleine letters, cijfers en streepjes, bijvoorbeeld zicht-op-ontwikkeling' });
const text = (max: number) =>
  z
    .string({ error: 'verwacht tekst' })
    .trim()
    .min(1, { error: 'mag niet leeg zijn' })
    .max(max, { error: `mag hooguit ${max} tekens lang zijn` });

export const qualityLevelSchema = z.strictObject({
  key,
  label: text(60),
  description: text(300).optional(),
});

export const qualityIndicatorSchema = z.strictObject({
  key,
  text: text(400),
});

export const qualityDomainSchema = z.strictObject({
  key,
  title: text(120),
  indicators: z.array(qualityIndicatorSchema, { error: 'verwacht een lijst met indicatoren (regels die met "- " beginnen)' }).min(1, { error: 'een domein heeft minstens één indicator' }).max(30, { error: 'een domein heeft hooguit 30 indicatoren' }),
});

export const qualityStandardsSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(QUALITY_FORMAT, { error: `verwacht format: ${QUALITY_FORMAT}` }),
  /** A shipped example, not an SWV's own standards: shown as such until the SWV saves its own. */
  example: z.boolean({ error: 'verwacht true of false' }).optional(),
  name: text(160),
  scale: z.array(qualityLevelSchema, { error: 'verwacht een lijst met niveaus (regels die met "- " beginnen)' }).min(2, { error: 'een schaal heeft minstens twee niveaus' }).max(10, { error: 'een schaal heeft hooguit tien niveaus' }),
  domains: z.array(qualityDomainSchema, { error: 'verwacht een lijst met domeinen (regels die met "- " beginnen)' }).min(1, { error: 'leg minstens één domein vast' }).max(20, { error: 'hooguit twintig domeinen' }),
});

export type QualityStandards = z.infer<typeof qualityStandardsSchema>;
export type QualityLevel = z.infer<typeof qualityLevelSchema>;
export type QualityDomain = z.infer<typeof qualityDomainSchema>;
export type QualityIndicator = z.infer<typeof qualityIndicatorSchema>;

export type StandardsPath = Array<string | number>;

/** Keys must be unique: levels among levels, domains among domains, indicators over the whole set (ratings refer to them). */
export function duplicateKeyIssues(standards: QualityStandards): Array<{ path: StandardsPath; message: string }> {
  const issues: Array<{ path: StandardsPath; message: string }> = [];
  const seenLevels = new Set<string>();
  standards.scale.forEach((level, i) => {
    if (seenLevels.has(level.key)) issues.push({ path: ['scale', i, 'key'], message: `de sleutel "${level.key}" komt al eerder voor in de schaal; geef elk niveau een eigen sleutel` });
    seenLevels.add(level.key);
  });
  const seenDomains = new Set<string>();
  const seenIndicators = new Set<string>();
  standards.domains.forEach((domain, d) => {
    if (seenDomains.has(domain.key)) issues.push({ path: ['domains', d, 'key'], message: `de sleutel "${domain.key}" komt al eerder voor bij de domeinen` });
    seenDomains.add(domain.key);
    domain.indicators.forEach((indicator, i) => {
      if (seenIndicators.has(indicator.key)) issues.push({ path: ['domains', d, 'indicators', i, 'key'], message: `de sleutel "${indicator.key}" komt al eerder voor; elke indicator heeft een eigen sleutel` });
      seenIndicators.add(indicator.key);
    });
  });
  return issues;
}

/** Every indicator with its domain, in order. */
export function indicatorsOf(standards: QualityStandards): Array<QualityIndicator & { domainKey: string; domainTitle: string }> {
  return standards.domains.flatMap((domain) => domain.indicators.map((indicator) => ({ ...indicator, domainKey: domain.key, domainTitle: domain.title })));
}

/** A key from a title: "Zicht op ontwikkeling" → "zicht-op-ontwikkeling"; unique among `taken`. */
export function keyFromTitle(title: string, taken: Set<string>): string {
  const key = uniqueKeyFromTitle(title, taken, { maxLength: 50, fallback: 'item' });
  taken.add(key);
  return key;
}
