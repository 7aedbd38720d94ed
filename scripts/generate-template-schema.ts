/**
 * Writes docs/template.schema.json from the zod template schema.
 * Run after changing src/features/templates/model/template.ts:
 *   npx tsx scripts/generate-template-schema.ts
 * A unit test fails while the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  renderTemplateJsonSchema,
  TEMPLATE_SCHEMA_FILE,
} from '../src/features/templates/format/template-json-schema.js';

const target = fileURLToPath(new URL(`../${TEMPLATE_SCHEMA_FILE}`, import.meta.url));
writeFileSync(target, renderTemplateJsonSchema());
console.log(`Geschreven: ${TEMPLATE_SCHEMA_FILE}`);
