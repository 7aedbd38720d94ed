import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config/project-root.js';
import { parseTemplateFile } from './format/parse-template-file.js';
import type { TemplateDefinition } from './model/template.js';

export const EXAMPLE_TEMPLATES = ['zoetermeer-po', 'de-eem-po'] as const;
export type ExampleTemplateName = (typeof EXAMPLE_TEMPLATES)[number];

export function exampleTemplatePath(name: ExampleTemplateName): string {
  return path.join(projectRoot(), 'templates', 'examples', `${name}.yaml`);
}

/** One of the shipped example templates, parsed and checked. */
export function loadExampleTemplate(name: ExampleTemplateName): TemplateDefinition {
  const file = exampleTemplatePath(name);
  const result = parseTemplateFile(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(`Voorbeeldsjabloon ${name} is ongeldig: ${result.errors.map((e) => `${e.path} (regel ${e.line}): ${e.message}`).join('; ')}`);
  return result.template;
}

/**
 * The demo SWV's questionnaire: the Zoetermeer example, named after the demo SWV itself (a questionnaire is the
 * SWV's own; the demo must not show another SWV's name as its own).
 */
export function loadDemoTemplate(partnershipName: string): TemplateDefinition {
  const template = loadExampleTemplate('zoetermeer-po');
  return { ...template, name: `Schoolondersteuningsprofiel ${partnershipName}`, description: template.description?.replace(/^Met de zeven beloftes beschrijven de Zoetermeerse basisscholen/, 'Met de zeven beloftes beschrijven de scholen van het samenwerkingsverband') };
}
