/** The shipped EXAMPLE conversation guide (templates/examples/gespreksleidraad-voorbeeld.yaml), marked as example. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../config/project-root.js';
import { parseGuideFile, type ConversationGuide } from './guide-format.js';

export const EXAMPLE_GUIDE_FILE = 'templates/examples/gespreksleidraad-voorbeeld.yaml';
let cached: ConversationGuide | null = null;

export function exampleGuide(): ConversationGuide {
  if (cached) return cached;
  const parsed = parseGuideFile(readFileSync(join(projectRoot(), EXAMPLE_GUIDE_FILE), 'utf8'));
  if (!parsed.ok) throw new Error(`${EXAMPLE_GUIDE_FILE}: ${parsed.errors.map((e) => `${e.line}: ${e.message}`).join('; ')}`);
  cached = parsed.value;
  return cached;
}
