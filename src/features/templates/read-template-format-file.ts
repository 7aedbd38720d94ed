import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../config/project-root.js';
import { TEMPLATE_SCHEMA_FILE } from './format/template-json-schema.js';

const FILES = {
  docs: { file: path.join('docs', 'template-format.md'), contentType: 'text/markdown; charset=utf-8' },
  schema: { file: TEMPLATE_SCHEMA_FILE, contentType: 'application/schema+json; charset=utf-8' },
} as const;

/** The template format's documentation or its JSON Schema, as they are in the repository (docs/). */
export async function readTemplateFormatFile(options: { which: keyof typeof FILES }): Promise<{ text: string; contentType: string }> {
  const { file, contentType } = FILES[options.which];
  return { text: await readFile(path.join(projectRoot(), file), 'utf8'), contentType };
}
