import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTemplateJsonSchema, TEMPLATE_SCHEMA_FILE } from './template-json-schema.js';

describe(TEMPLATE_SCHEMA_FILE, () => {
  it('is up to date with the zod schema (run: npx tsx scripts/generate-template-schema.ts)', () => {
    const committed = readFileSync(new URL(`../../../../${TEMPLATE_SCHEMA_FILE}`, import.meta.url), 'utf8');
    expect(committed).toBe(renderTemplateJsonSchema());
  });

  it('describes what a person writes: fields with a default are optional', () => {
    const schema = JSON.parse(renderTemplateJsonSchema()) as { required: string[] };
    expect(schema.required.sort()).toEqual(['format', 'key', 'name', 'sections']);
  });
});
