/**
 * The JSON Schema of the template file, generated from the zod schema so the
 * two can never disagree. Editors (VS Code with the YAML extension) use it
 * for completion and checks while an SWV writes a template by hand.
 * Written to docs/template.schema.json by scripts/generate-template-schema.ts.
 */
import { z } from 'zod';
import { templateSchema } from '../model/template.js';

export const TEMPLATE_SCHEMA_FILE = 'docs/template.schema.json';

export function buildTemplateJsonSchema(): Record<string, unknown> {
  // io 'input': describe what a person may write (defaults optional), not what parsing returns.
  const { $schema, ...schema } = z.toJSONSchema(templateSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    $schema,
    title: 'OpenSOP-vragenlijst (template)',
    description:
      'Een vragenlijst van een samenwerkingsverband voor het schoolondersteuningsprofiel. Uitleg: template-format.md',
    ...schema,
  };
}

/** The file's exact text, so the committed copy can be compared byte for byte. */
export function renderTemplateJsonSchema(): string {
  return `${JSON.stringify(buildTemplateJsonSchema(), null, 2)}\n`;
}
