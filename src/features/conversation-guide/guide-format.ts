/**
 * The conversation guide as a file (issue 15; docs/conversation-guide-format.md): per section of a template, the
 * questions for the team conversation, tips for whoever leads it, and practice examples. Sections are matched to
 * the template by key; a template section without an entry in the guide simply has no questions.
 */
import { Document } from 'yaml';
import { z } from 'zod';
import { parseDataFile, type DataFileIssue, type DataFileResult } from '../templates/api.js';

export const GUIDE_FORMAT = 'opensop-conversation-guide/1' as const;

const line = (max: number, what: string) => z.string({ error: `verwacht tekst (${what})` }).trim().min(1, { error: `een ${what} mag niet leeg zijn` }).max(max, { error: `een ${what} heeft hooguit ${max} tekens` });

export const guideSectionSchema = z.strictObject({
  key: z.string({ error: 'verwacht de sleutel van een onderdeel van de vragenlijst' }).regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: 'een sleutel bestaat uit kleine letters, cijfers en streepjes, bijv. "belofte-1"' }),
  questions: z.array(line(400, 'gespreksvraag')).max(30, { error: 'hooguit 30 vragen per onderdeel' }).default([]),
  tips: z.array(line(1000, 'tip')).max(30, { error: 'hooguit 30 tips per onderdeel' }).default([]),
  examples: z.array(line(2000, 'praktijkvoorbeeld')).max(30, { error: 'hooguit 30 praktijkvoorbeelden per onderdeel' }).default([]),
});
export type GuideSection = z.infer<typeof guideSectionSchema>;

export const guideFileSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(GUIDE_FORMAT, { error: `verwacht format: ${GUIDE_FORMAT}` }),
  name: line(200, 'naam'),
  /** true: an example shipped with OpenSOP, not the SWV's own text. */
  example: z.boolean({ error: 'verwacht true of false' }).default(false),
  description: z.string().trim().max(4000).optional(),
  sections: z.array(guideSectionSchema).default([]),
});
export type ConversationGuide = z.infer<typeof guideFileSchema>;

/**
 * Reads a guide file. Errors: the form of every field, a section key written twice. Warnings (the file is still
 * taken): a section key the template does not have (its questions are never shown), when the template's keys are given.
 */
export function parseGuideFile(source: string, templateSectionKeys?: readonly string[]): DataFileResult<ConversationGuide> {
  return parseDataFile(source, guideFileSchema, {
    emptyMessage: `het bestand is leeg; verwacht een gespreksleidraad met format (${GUIDE_FORMAT}), name en sections`,
    check: (guide) => {
      const errors: DataFileIssue[] = [];
      const warnings: DataFileIssue[] = [];
      const seen = new Set<string>();
      guide.sections.forEach((section, index) => {
        if (seen.has(section.key)) errors.push({ path: ['sections', index, 'key'], message: `onderdeel "${section.key}" staat twee keer in de gespreksleidraad; voeg de vragen samen onder één` });
        seen.add(section.key);
        if (templateSectionKeys && !templateSectionKeys.includes(section.key)) {
          warnings.push({ path: ['sections', index, 'key'], message: `de vragenlijst heeft geen onderdeel "${section.key}"; deze vragen worden niet getoond (onderdelen: ${templateSectionKeys.join(', ')})` });
        }
      });
      return { errors, warnings };
    },
  });
}

/** The guide as a YAML file: fixed key order, empty lists left out. parseGuideFile(serializeGuide(g)) equals g. */
export function serializeGuide(guide: ConversationGuide): string {
  const plain = {
    format: GUIDE_FORMAT,
    name: guide.name,
    ...(guide.example ? { example: true } : {}),
    ...(guide.description ? { description: guide.description } : {}),
    sections: guide.sections.map((section) => ({
      key: section.key,
      ...(section.questions.length ? { questions: section.questions } : {}),
      ...(section.tips.length ? { tips: section.tips } : {}),
      ...(section.examples.length ? { examples: section.examples } : {}),
    })),
  };
  return new Document(plain).toString({ lineWidth: 110 });
}

/** The guide's entry for a section key, or an empty one. */
export function guideSection(guide: ConversationGuide | null, key: string): GuideSection {
  return guide?.sections.find((section) => section.key === key) ?? { key, questions: [], tips: [], examples: [] };
}

/** Replaces (or adds) one section's entry; a section left wholly empty is removed from the guide. */
export function withSection(guide: ConversationGuide, section: GuideSection, order: readonly string[]): ConversationGuide {
  const empty = !section.questions.length && !section.tips.length && !section.examples.length;
  const others = guide.sections.filter((s) => s.key !== section.key);
  const sections = empty ? others : [...others, section];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return { ...guide, sections: sections.sort((a, b) => rank(a.key) - rank(b.key)) };
}
